"""You said, we did: checked with file, line and field; shown newest first with how to comment."""

from __future__ import annotations

import datetime as dt

from local_offer.cli import main
from local_offer.records.comments import load_comments
from local_offer.site.render import Renderer
from tests.helpers import component_fixtures

FILES = component_fixtures("you-said-we-did")
TODAY = dt.date(2026, 11, 23)


def with_comments(scratch, text):
    (scratch.data_dir / "you-said-we-did.yaml").write_text(text, encoding="utf-8")
    return scratch


def render(scratch, comments):
    return Renderer(scratch.taxonomy).render("you-said-we-did", "you-said-we-did/",
                                            comments=comments)


def test_comments_are_listed_newest_first_and_escaped(scratch):
    comments, problems = load_comments(with_comments(scratch, FILES["valid"]), TODAY)
    assert problems == []
    assert [c.date.isoformat() for c in comments.entries] == ["2026-09-15", "2026-06-10",
                                                              "2026-03-01"]
    html = render(scratch, comments)
    assert html.index("15 September 2026") < html.index("10 June 2026") < html.index(
        "1 March 2026")
    assert "&lt;b&gt;markup&lt;/b&gt; &amp; an ampersand" in html
    assert ">In progress</strong>" in html and ">Planned</strong>" in html


def test_the_page_says_how_to_send_a_comment(scratch):
    comments, _ = load_comments(with_comments(scratch, FILES["valid"]), TODAY)
    html = render(scratch, comments)
    assert 'id="send-a-comment"' in html
    assert 'href="mailto:localoffer@example.org"' in html
    assert 'href="https://example.org/local-offer/feedback"' in html


def test_each_mistake_is_named_with_line_field_and_fix(scratch):
    comments, problems = load_comments(with_comments(scratch, FILES["mistakes"]), TODAY)
    shown = [str(p) for p in problems]
    assert ("data/you-said-we-did.yaml:2: comments[1].date: 'date' is '14/10/2026', not a "
            "date. How to fix: write the date as YYYY-MM-DD, like 2026-09-14") in shown
    assert any(s.startswith("data/you-said-we-did.yaml:7: comments[2].you_said: 'you_said' "
                            "is missing or empty") for s in shown), shown
    assert any(s.startswith("data/you-said-we-did.yaml:9: comments[2].status: 'status' is "
                            "'finished'") and "done, in-progress, planned" in s
               for s in shown), shown
    assert any(s.startswith("data/you-said-we-did.yaml:11: comments[3].you-said: 'you-said' "
                            "is not a field") and "you_said" in s for s in shown), shown
    # An entry with a mistake is not published half-right.
    assert comments.entries == ()


def test_a_date_after_today_is_a_mistake(scratch):
    text = FILES["valid"].replace("2026-09-15", "2027-09-15")
    _, problems = load_comments(with_comments(scratch, text), TODAY)
    assert [(p.line, p.field) for p in problems] == [(6, "comments[2].date")]


def test_not_a_list_and_an_empty_file(scratch):
    _, problems = load_comments(with_comments(scratch, "comments: a comment\n"), TODAY)
    assert [(p.line, p.field) for p in problems] == [(1, "comments")]
    comments, problems = load_comments(with_comments(scratch, "# nothing yet\n"), TODAY)
    assert problems == [] and comments.entries == ()
    assert "We have not published any comments yet." in render(scratch, comments)


def test_validate_reports_a_broken_comments_file(scratch, capsys):
    with_comments(scratch, FILES["mistakes"])
    assert main(["--project", str(scratch.root), "validate"]) == 2
    assert "data/you-said-we-did.yaml:2: comments[1].date" in capsys.readouterr().err


def test_the_page_is_linked_from_home_and_every_footer(offer_site):
    html = (offer_site / "you-said-we-did" / "index.html").read_text(encoding="utf-8")
    assert "<h1" in html and "You said, we did" in html
    assert 'id="send-a-comment"' in html
    home = (offer_site / "index.html").read_text(encoding="utf-8")
    assert 'href="you-said-we-did/"' in home
    for page in ("index.html", "services/sendiass/index.html", "browse/a-z/index.html"):
        html = (offer_site / page).read_text(encoding="utf-8")
        footer = html.split('<footer class="md-footer"')[1]
        assert "you-said-we-did/\">You said, we did</a>" in footer, page
