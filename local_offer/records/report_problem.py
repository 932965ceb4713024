""""Report a problem with this page": a prefilled message to the service's owner.

Each site chooses in data/settings.yaml how reports travel: an email to the
team that owns the record (the default), or a new issue on the repository the
records live in. Either way the message names the service id and its page, so
the owner knows which file to change.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from urllib.parse import quote

from local_offer.records.model import Record
from local_offer.records.problems import Problem
from local_offer.records.project import Project

EMAIL = "email"
ISSUE = "issue"


@dataclass(frozen=True)
class Choice:
    """One kind of problem a family can pick."""

    key: str
    label: str


CHOICES = (
    Choice("contact", "The phone number or email address is wrong"),
    Choice("times", "The days, times or places are wrong"),
    Choice("closed", "The service has closed"),
    Choice("other", "Something else is wrong or missing"),
)


@dataclass(frozen=True)
class ProblemReport:
    """How this site's reports reach a service's owner."""

    via: str = EMAIL
    new_issue_url: str = ""
    copy_to: str = ""
    site_url: str = ""
    site_name: str = ""
    choices: tuple[Choice, ...] = CHOICES

    def page(self, path: str) -> str:
        """The service page's address (path from the site root, from site.urls): in full
        when the site's address is known."""
        if self.site_url:
            return self.site_url.rstrip("/") + "/" + path
        return f"{path} on {self.site_name}" if self.site_name else path

    def body(self, record: Record, path: str) -> str:
        # What is wrong goes in the subject or title; the body says which page and whose.
        return "\n".join([
            f"Service: {record.name}",
            f"Service id: {record.id}",
            f"Page: {self.page(path)}",
            f"Owner: {record.owner.team} ({record.owner.email})",
            "",
            "What should it say instead? Write here:",
            "",
            "",
        ])

    def links(self, record: Record, path: str) -> list[tuple[Choice, str]]:
        """Each choice with its prefilled link; the shared body is encoded once, and so are
        the parts of the subjects every choice shares (encoding is character by character,
        so the parts encoded one by one make the whole)."""
        if self.via == ISSUE:
            body = quote(self.body(record, path))
            before, after = quote(f"{record.id}: "), quote(f" ({self.page(path)})")
            return [(choice, f"{self.new_issue_url}?title={before}{_quoted(choice.label)}"
                     f"{after}&body={body}") for choice in self.choices]
        # RFC 6068: spaces as %20 (not +), line breaks as %0D%0A.
        body = quote(self.body(record, path).replace("\n", "\r\n"), safe="@")
        cc = f"cc={quote(self.copy_to, safe='@')}&" if self.copy_to else ""
        address = quote(record.owner.email, safe="@")
        before = quote(f"Problem with {record.name} ({record.id}): ")
        return [(choice, f"mailto:{address}?{cc}subject={before}{_quoted(choice.label)}"
                 f"&body={body}") for choice in self.choices]


@cache
def _quoted(label: str) -> str:
    """A choice's label encoded for a link (the same few labels on every page)."""
    return quote(label)


def load_problem_report(project: Project, site_url: str = "") -> tuple[ProblemReport,
                                                                        list[Problem]]:
    """The site's settings for reports, with a problem for each mistake in them."""
    problems: list[Problem] = []
    settings = project.settings  # read and checked once; its own problems are told there
    report = ProblemReport(site_url=site_url, site_name=settings.site_name)
    fields = settings.group("report_problem", problems)
    if fields is None:
        return report, problems
    fields.only(("via", "new_issue_url", "copy_to"))
    via = fields.choice("via", (EMAIL, ISSUE)) if "via" in fields.entry else EMAIL
    new_issue_url = fields.web_address(
        "new_issue_url", "set it to the address of your repository's new-issue page, like "
        "https://github.com/example/local-offer/issues/new", required=via == ISSUE)
    return replace(report, via=via or EMAIL, new_issue_url=new_issue_url,
                   copy_to=fields.email("copy_to")), problems
