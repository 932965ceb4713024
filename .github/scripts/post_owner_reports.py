"""Post each owning team's weekly report as one GitHub issue, updated week after week.

Reads owners.json and the reports written by `build_offer.py report`. Each
report carries a marker naming its team; the issue holding that marker is
edited (reopened if there is work again, closed when there is none), and a new
issue is opened only for a team that has work and no issue yet. Uses the gh
command line with GH_TOKEN.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

LABEL = "local-offer-review"
NOTHING_TO_DO = "Nothing to do this week: every entry is current and no broken links were found."


def gh(*args: str) -> str:
    return subprocess.run(["gh", *args], check=True, capture_output=True, text=True).stdout


def post(folder: Path) -> None:
    owners = json.loads((folder / "owners.json").read_text(encoding="utf-8"))
    gh("label", "create", LABEL, "--force", "--color", "1d4f91",
       "--description", "Weekly Local Offer review report for one team")
    issues = json.loads(gh("issue", "list", "--label", LABEL, "--state", "all",
                           "--limit", "1000", "--json", "number,state,body"))
    for owner in owners:
        body = str(folder / owner["body"])
        mine = sorted((i for i in issues if owner["marker"] in (i.get("body") or "")),
                      key=lambda i: (i["state"] != "OPEN", -i["number"]))
        if mine:
            number, is_open = str(mine[0]["number"]), mine[0]["state"] == "OPEN"
            gh("issue", "edit", number, "--title", owner["title"], "--body-file", body)
            if owner["needs_attention"] and not is_open:
                gh("issue", "reopen", number)
            elif not owner["needs_attention"] and is_open:
                gh("issue", "close", number, "--comment", NOTHING_TO_DO)
            print(f"{owner['team']}: updated issue #{number}")
        elif owner["needs_attention"]:
            gh("issue", "create", "--title", owner["title"], "--body-file", body,
               "--label", LABEL)
            print(f"{owner['team']}: opened an issue")


if __name__ == "__main__":
    post(Path(sys.argv[1]))
