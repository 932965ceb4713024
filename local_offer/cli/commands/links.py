"""links: check the web addresses records send families to, or the built site's own links."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from local_offer.records.link_uses import external_links
from local_offer.records.loader import RecordLoader
from local_offer.records.problems import report
from local_offer.records.project import Project
from local_offer.records.words import plural

ORDER = 40


def add_parser(commands) -> None:
    command = commands.add_parser(
        "links", help="check records' web addresses (or the built site's links)",
        description="Check every record's external links (websites, referral forms) with "
                    "linkchecker and list the broken ones by record and owner. A broken link "
                    "is for its owner to fix: the exit code is 0 unless the records are "
                    "invalid (2). With --site, check the links between the built site's own "
                    "pages instead, offline; exit 1 if any is broken.")
    command.add_argument("--format", choices=("text", "json", "markdown"), default="text")
    command.add_argument("--out", type=Path, metavar="FILE",
                         help="write the report to FILE instead of printing it")
    command.add_argument("--owner", help="only the links of this team (its name or email)")
    command.add_argument("--threads", type=_positive(int), default=4,
                         help="links checked at once (default 4)")
    command.add_argument("--timeout", type=_positive(float), default=20.0,
                         help="seconds to wait for a site to answer (default 20)")
    command.add_argument("--per-host", type=_positive(float), default=1.0, metavar="N",
                         help="at most N requests a second to any one site (default 1)")
    command.add_argument("--site", type=Path, metavar="DIR",
                         help="check the built site in DIR (e.g. site) instead")
    command.set_defaults(run=run)


def _positive(kind):
    def parse(text: str):
        value = kind(text)
        if value <= 0:
            raise ValueError(text)
        return value
    parse.__name__ = kind.__name__
    return parse


def run(args) -> int:
    from local_offer.editing import link_check

    if args.site:
        return check_site(args.site, link_check)
    project = Project(args.project)
    result = RecordLoader(project).load()
    if result.problems:
        print(report(result.problems), file=sys.stderr)
        return 2
    uses = external_links(result.records)
    if args.owner:
        wanted = args.owner.casefold()
        owners = {(r.owner.team.casefold(), r.owner.email.casefold()) for r in result.records}
        if not any(wanted in owner for owner in owners):
            print(f"No entries have the owner '{args.owner}'. Give the team's name or email as "
                  "written under owner: in its records.", file=sys.stderr)
            return 2
        uses = [u for u in uses if wanted in (u.owner_team.casefold(), u.owner_email.casefold())]
    limits = link_check.Limits(args.threads, args.timeout, args.per_host)
    broken = link_check.broken_links(uses, limits)
    text = FORMATS[args.format](broken, uses)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")
        print(f"{headline(broken, uses)} Wrote {args.out}")
    else:
        print(text)
    return 0


def check_site(site: Path, link_check) -> int:
    if not (site / "index.html").is_file():
        print(f"{site} has no index.html. Build the site first: python build_offer.py build",
              file=sys.stderr)
        return 2
    broken = link_check.check_site(site.resolve())
    for result in broken:
        print(f"{result.parent or result.url} (line {result.line}): {result.url}: "
              f"{result.problem}")
    print(f"{plural(len(broken), 'broken link')} between the site's pages.")
    return 1 if broken else 0


def _by_owner(broken) -> list:
    from local_offer.freshness.attention import Attention
    return [owner for owner in Attention([], None, broken_links=broken).owners]


def headline(broken, uses) -> str:
    return (f"Checked {plural(len(uses), 'link')} from "
            f"{plural(len({u.record_id for u in uses}), 'entry', 'entries')}: "
            f"{len(broken)} broken.")


def as_text(broken, uses) -> str:
    lines = [headline(broken, uses)]
    for owner in _by_owner(broken):
        lines += ["", f"{owner.team} <{owner.email}>"]
        lines += [f"  {link.use.path}:{link.use.line}  {link.use.name}: {link.use.url} "
                  f"({link.problem})" for link in owner.broken_links]
    return "\n".join(lines)


def as_json(broken, uses) -> str:
    return json.dumps({
        "links": len(uses), "addresses": len({u.url for u in uses}), "broken": len(broken),
        "owners": [{"team": owner.team, "email": owner.email,
                    "broken_links": [link.to_dict() for link in owner.broken_links]}
                   for owner in _by_owner(broken)],
    }, indent=2, ensure_ascii=False)


def as_markdown(broken, uses) -> str:
    from local_offer.freshness.report_formats import owner_markdown
    lines = ["## Broken links", "", headline(broken, uses), ""]
    for owner in _by_owner(broken):
        lines += owner_markdown(owner)
    return "\n".join(lines)


FORMATS = {"text": as_text, "json": as_json, "markdown": as_markdown}
