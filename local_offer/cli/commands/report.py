"""report: the weekly report to each owner, one Markdown file per team, for the workflow to post.

The workflow only posts what this writes: one issue per owner, found again
the next week by the marker in its body, so it is updated, not duplicated.
"""

from __future__ import annotations

import json
from pathlib import Path

from local_offer.cli.commands.check import add_day_and_links, load_attention

ORDER = 45
LABEL = "local-offer-review"


def add_parser(commands) -> None:
    command = commands.add_parser(
        "report", help="write each owner's weekly report (Markdown) into a folder",
        description="Write one Markdown report per owner (entries not current, broken "
                    "links) and owners.json, the list the weekly workflow posts as one issue "
                    "per owner.")
    command.add_argument("--out", type=Path, required=True, metavar="DIR",
                         help="the folder to write the reports into")
    add_day_and_links(command)
    command.set_defaults(run=run)


def run(args) -> int:
    from local_offer.freshness.attention import Attention
    from local_offer.freshness.report_formats import as_markdown

    everyone = load_attention(args)
    if isinstance(everyone, int):
        return everyone
    args.out.mkdir(parents=True, exist_ok=True)
    listing = []
    for owner in everyone.owners:
        one = Attention(everyone.reviews, everyone.today, everyone.fail_on,
                        everyone.broken_links, owner.email, everyone.term_dates_review)
        marker = f"<!-- {LABEL}: {owner.slug} -->"
        body = f"{marker}\n" + as_markdown(one, f"Entries to check for {owner.team}") + \
            "\nThis issue is updated every week by the Local Offer's weekly check.\n"
        name = f"{owner.slug}.md"
        (args.out / name).write_text(body, encoding="utf-8")
        listing.append({"team": owner.team, "email": owner.email, "slug": owner.slug,
                        "title": f"Local Offer: entries to check for {owner.team}",
                        "marker": marker, "body": name, "needs_attention": owner.has_work,
                        "entries": len(owner.reviews), "broken_links": len(owner.broken_links)})
    (args.out / "owners.json").write_text(json.dumps(listing, indent=2, ensure_ascii=False)
                                          + "\n", encoding="utf-8")
    busy = sum(item["needs_attention"] for item in listing)
    print(f"Wrote reports for {len(listing)} owners into {args.out} "
          f"({busy} with something to do).")
    return 0
