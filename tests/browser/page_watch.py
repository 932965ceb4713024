"""Watching a page in Chromium for anything that runs, fails or leaves the site."""

from __future__ import annotations

# Set before any page script runs (init scripts are outside the page's policy).
LISTEN = ("window.__violations = [];"
          "document.addEventListener('securitypolicyviolation', e => window.__violations.push("
          "e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile + ':' + e.lineNumber));")


def watched(page):
    """The page, with its console errors, uncaught errors, dialogs and requests recorded."""
    seen = {"errors": [], "dialogs": [], "requests": []}
    page.on("console", lambda message: message.type == "error"
            and seen["errors"].append(message.text))
    page.on("pageerror", lambda error: seen["errors"].append(str(error)))
    page.on("dialog", lambda dialog: (seen["dialogs"].append(dialog.message), dialog.dismiss()))
    page.on("request", lambda request: seen["requests"].append(request.url))
    page.add_init_script(LISTEN)
    return seen
