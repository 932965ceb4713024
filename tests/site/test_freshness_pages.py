"""Freshness on the site: the warning, the page for an unpublished entry, the council's page."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from local_offer.freshness.review import ReviewPolicy
from local_offer.freshness.stats import FreshnessStats, months_between
from local_offer.records.loader import RecordLoader
from local_offer.records.project import Settings
from local_offer.site.build import build_content
from local_offer.site.languages import translations
from local_offer.site.render import Renderer
from tests.helpers import OFFER_TAXONOMY as TAXONOMY
from tests.helpers import build_into, component_fixtures, copy_project, record_yaml


def renderer():
    return Renderer(TAXONOMY, {"settings": Settings()})


def reviews_of(scratch, today: str, **entries: str):
    """Review states of minimal records, each written as name=last_reviewed (+ extra lines)."""
    for name, text in entries.items():
        reviewed, _, extra = text.partition("\n")
        scratch.write(f"{name}.yaml", record_yaml(name=name.replace("-", " ").title(),
                                                  last_reviewed=reviewed)
                      + (extra + "\n" if extra else ""))
    result = RecordLoader(scratch).load()
    assert result.problems == []
    policy = ReviewPolicy(Settings())
    return {r.id: policy.review(r, dt.date.fromisoformat(today)) for r in result.records}


def fixture_review(scratch, component: str, name: str):
    fixture = component_fixtures(component)[name]
    text = str(fixture["last_reviewed"]) + ("\n" + fixture["extra"].strip()
                                            if fixture.get("extra") else "")
    return reviews_of(scratch, str(fixture["today"]), **{name: text})[name]


# ---- the warning on a service page --------------------------------------------------------

def test_an_overdue_entry_shows_the_warning_in_the_page_as_served(scratch):
    review = fixture_review(scratch, "freshness-notice", "overdue")
    html = renderer().render("freshness-notice", "services/overdue/", review=review)
    opening = html[: html.index(">")]
    assert 'data-lo-review-due="2026-10-23"' in opening and "hidden" not in opening
    assert "This information may be out of date" in html
    assert "due to be checked by 23 October 2026" in html
    assert 'href="#contact">Contact the service</a> before you go' in html
    assert 'href="mailto:example.team@example.org?subject=Out%20of%20date%3A%20Overdue"' in html
    assert "data-pagefind-ignore" in opening  # the same words on many pages are not search terms


def test_a_current_entry_carries_the_warning_hidden_with_its_due_date(scratch):
    review = fixture_review(scratch, "freshness-notice", "current")
    html = renderer().render("freshness-notice", "services/current/", review=review)
    assert re.search(r'data-lo-review-due="2027-05-01" hidden>', html)


def test_the_service_page_puts_the_warning_above_the_summary(scratch):
    content = build_content(scratch_with(scratch, late="2026-04-23"), today="2026-11-23")
    [page] = [p for p in content.pages() if p.url == "services/late/"]
    html = page.render(page.url)
    assert html.index("lo-freshness") < html.index('class="lo-summary"')
    assert "Last reviewed <time datetime=\"2026-04-23\">23 April 2026</time>" in html


def scratch_with(scratch, **entries: str):
    for name, reviewed in entries.items():
        scratch.record(name, name=name.title(), last_reviewed=reviewed)
    return scratch


# ---- the page left at an unpublished entry's address -------------------------------------

@pytest.mark.parametrize("name, says", [
    ("expired", "We are checking the information about this service"),
    ("ended", "was due to end on 31 October 2026"),
    ("closed", "This service has closed"),
])
def test_unpublished_page_says_why_and_who_to_ask(scratch, name, says):
    review = fixture_review(scratch, "unpublished-page", name)
    assert not review.published
    html = renderer().render("unpublished-page", f"services/{name}/", review=review)
    assert says in html
    assert "The Example Team keeps this entry up to date." in html
    assert 'href="mailto:example.team@example.org?subject=About' in html
    assert 'href="../../browse/"' in html
    assert "data-pagefind-body" not in html


def test_unpublished_entries_get_a_page_but_no_place_in_browse_lists(scratch):
    content = build_content(scratch_with(scratch, fresh="2026-11-01", ancient="2024-11-23"),
                            today="2026-11-23")
    pages = {page.url: page for page in content.pages()}
    assert pages["services/ancient/"].kind == "unpublished"
    assert pages["services/fresh/"].kind == "service"
    assert [r.id for r in content.records] == ["fresh"]
    for url, page in pages.items():
        if page.kind == "browse":
            assert "services/ancient/" not in page.render(url), url


# ---- the council's freshness page ---------------------------------------------------------

def test_months_between():
    assert months_between(dt.date(2026, 5, 3), dt.date(2026, 6, 2)) == 0
    assert months_between(dt.date(2026, 5, 3), dt.date(2026, 6, 3)) == 1
    assert months_between(dt.date(2024, 11, 23), dt.date(2026, 11, 23)) == 24


def chart_stats(scratch) -> FreshnessStats:
    fixture = component_fixtures("review-age-chart")
    entries = {f"entry-{n}": str(day) for n, day in enumerate(fixture["last_reviewed"])}
    reviews = reviews_of(scratch, str(fixture["today"]), **entries)
    return FreshnessStats(list(reviews.values()), TAXONOMY, fixture["today"])


def test_review_ages_are_counted_by_month_with_those_past_due(scratch):
    stats = chart_stats(scratch)
    bars = stats.bars()
    assert [bar.count for bar in bars] == [2, 1, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1]
    assert [bar.late for bar in bars] == [0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1]
    tallest = max(bars, key=lambda bar: bar.count)
    assert tallest.label == "0 to 1 month" and tallest.y == 24  # the top margin
    assert bars[1].height == tallest.height / 2
    assert bars[-1].label == "12 months or more" and bars[-1].late_height == bars[-1].height


def test_in_polish_the_numbers_read_in_polish_with_its_plural_forms(scratch):
    fixture = component_fixtures("review-age-chart")
    entries = {f"entry-{n}": str(day) for n, day in enumerate(fixture["last_reviewed"])}
    reviews = reviews_of(scratch, str(fixture["today"]), **entries)
    stats = FreshnessStats(list(reviews.values()), TAXONOMY, fixture["today"],
                           translations("pl"))
    labels = [bar.label for bar in stats.bars()]
    assert labels[:3] == ["od 0 do 1 miesiąca", "od 1 do 2 miesięcy", "od 2 do 3 miesięcy"]
    assert labels[-1] == "12 miesięcy lub więcej"
    assert stats.headings == ["Aktualne", "Wkrótce do sprawdzenia", "Zaległe", "Poza stroną"]
    assert stats.total.label == "Wszystkie wpisy"
    assert stats.chart_summary == ("Spośród wpisów (6) 4 sprawdzono mniej niż 6 miesięcy temu, "
                                   "a 2 dawniej. 2 są po terminie przeglądu.")
    # The same numbers in English, as before.
    english = FreshnessStats(list(reviews.values()), TAXONOMY, fixture["today"])
    assert english.chart_summary == ("Of 6 entries, 4 were reviewed less than 6 months ago and "
                                     "2 longer ago. 2 are past their review date.")


def test_the_freshness_page_in_polish(languages_site):
    html = (languages_site / "pl" / "about" / "freshness" / "index.html").read_text("utf-8")
    assert "co najmniej co 6 miesięcy" in html and "dłużej niż 3 miesiące" in html
    assert "Wpisy według kategorii" in html and ">Zdrowie<" in html  # the taxonomy's words
    assert "How up to date" not in html and "Entries by" not in html


def test_chart_is_an_accessible_svg_with_a_table_of_the_same_numbers(scratch):
    stats = chart_stats(scratch)
    html = renderer().render("review-age-chart", "about/freshness/", stats=stats)
    svg = html[html.index("<svg"): html.index("</svg>")]
    assert 'role="img"' in svg and 'aria-labelledby="lo-age-chart-title lo-age-chart-desc"' in svg
    assert '<title id="lo-age-chart-title">' in svg and '<desc id="lo-age-chart-desc">' in svg
    assert "Of 6 entries, 4 were reviewed less than 6 months ago and 2 longer ago. 2 are past " \
        "their review date." in svg
    assert svg.count('fill="url(#lo-chart-hatch)"') == 2
    assert "<script" not in html and "http" not in html.replace("http://www.w3.org/2000/svg", "")
    table = html[html.index("<table"):]
    assert '<tr><th scope="row">7 to 8 months</th><td>1</td><td>1</td></tr>' in table


def test_freshness_page_counts_by_state_team_and_category(scratch):
    fixture = component_fixtures("freshness-summary")
    for entry in fixture["entries"]:
        name = entry["name"].lower().replace(" ", "-")
        scratch.record(name, name=entry["name"], last_reviewed=str(entry["last_reviewed"]),
                       categories=[entry["category"]],
                       owner=f"{{team: {entry['team']}, email: example.team@example.org}}")
    content = build_content(scratch, today=str(fixture["today"]))
    [page] = [p for p in content.pages() if p.kind == "freshness"]
    assert page.url == "about/freshness/"
    html = page.render(page.url)

    def row(label: str) -> str:
        return re.search(rf'<tr><th scope="row">{label}</th>(.*?)</tr>', html).group(1)

    assert row("Current").startswith("<td>1</td>") and row("Expired").startswith("<td>1</td>")
    assert row("Alpha Team") == "<td>1</td><td>0</td><td>1</td><td>0</td><td>2</td>"
    assert row("Beta Team") == "<td>0</td><td>0</td><td>0</td><td>1</td><td>1</td>"
    assert row("All entries") == "<td>1</td><td>0</td><td>1</td><td>1</td><td>3</td>"
    assert row("Health") == "<td>1</td><td>0</td><td>1</td><td>0</td><td>2</td>"
    oldest = html[html.index('id="oldest"'):]
    assert oldest.index("Ancient Club") < oldest.index("Late Club") < oldest.index("Fresh Club")
    assert 'href="../../services/ancient-club/"' in oldest


# ---- the whole build ----------------------------------------------------------------------

@pytest.fixture(scope="module")
def mixed_site(tmp_path_factory):
    """A small offer with a current, a 7-month-old and a 2-year-old entry, built once."""
    root = tmp_path_factory.mktemp("mixed")
    copy_project(root)
    for name, reviewed in (("fresh", "2026-11-01"), ("late", "2026-04-23"),
                           ("ancient", "2024-11-23")):
        path = root / "services" / f"{name}.yaml"
        path.parent.mkdir(exist_ok=True)
        path.write_text(record_yaml(name=f"{name.title()} Club", last_reviewed=reviewed))
    build_into(root, root / "site", today="2026-11-23")
    return root / "site"


def test_built_site_warns_on_the_overdue_page_and_unpublishes_the_expired(mixed_site):
    late = (mixed_site / "services" / "late" / "index.html").read_text()
    assert re.search(r'data-lo-review-due="2026-10-23">', late)  # not hidden
    assert "assets/freshness.js" in late and "assets/freshness.css" in late
    fresh = (mixed_site / "services" / "fresh" / "index.html").read_text()
    assert re.search(r'data-lo-review-due="2027-05-01" hidden>', fresh)
    ancient = (mixed_site / "services" / "ancient" / "index.html").read_text()
    assert "We are checking the information about this service" in ancient
    assert "data-pagefind-body" not in ancient
    for page in (mixed_site / "browse").rglob("index.html"):
        html = page.read_text()
        assert "services/ancient/" not in html and "Ancient Club" not in html, page
    assert "Ancient Club" in (mixed_site / "about" / "freshness" / "index.html").read_text()
    about = (mixed_site / "about" / "index.html").read_text()
    assert 'href="freshness/"' in about
