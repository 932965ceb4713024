"""Records whose text carries script payloads, and still pass validation.

Every payload, if it ever ran, would set window.__pwned to say where it came
from and open a dialog, so a browser test can tell. Payloads the validator
refuses (javascript:, data: and vbscript: links) are tested in test_validation.
"""

from __future__ import annotations

import yaml

from tests.helpers import MINIMAL


def run(where: str) -> str:
    """JavaScript that shows it ran, naming where it came from."""
    return f"window.__pwned='{where}';alert('{where}')"


def record(**fields) -> str:
    data = yaml.safe_load(MINIMAL)
    data.update(fields)
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


HOSTILE_RECORDS = {
    "script-in-every-field": record(
        name=f"<script>{run('name')}</script>",
        summary=f"<img src=x onerror=\"{run('summary')}\"> A summary with a payload.",
        alert=f"\"><svg onload=\"{run('alert')}\">",
        provider={"name": f"<a href=\"javascript:{run('provider')}\">Provider</a>",
                  "website": f"https://example.org/\"><script>{run('provider-website')}</script>"},
        cost={"free": False, "description": f"<body onload=\"{run('cost')}\">£1 a session"},
        how_to_get_it={"routes": ["self-referral"],
                       "steps": f"</p><iframe srcdoc=\"<script>parent.{run('steps')}</script>\">"
                                "</iframe>",
                       "referral_form": f"https://example.org/form?'onclick='{run('form')}"},
        contact={"email": "\"><img/src=x/onerror=window.__pwned='email'>@example.org",
                 "website": "https://example.org/\"onmouseover=\"window.__pwned='website'"},
        locations=[{"name": f"<svg><script>{run('location')}</script></svg>",
                    "address": f"' onmouseover='{run('address')}",
                    "postcode": "ME2 4AA",
                    "accessibility": f"<math><mi xlink:href=\"javascript:{run('access')}\">x</mi>"
                                     "</math>"}],
        sessions=[{"description": "<style>*{display:none}</style><link rel=stylesheet "
                                  "href=https://example.org/x.css>"}],
        languages=["<b onclick=alert(1)>Polish</b>"],
    ),
    "title-breakout": record(
        name=f"</title><script>{run('title')}</script>",
        summary="&lt;script&gt;alert(1)&lt;/script&gt; written as entities, {{ 7*7 }} {% raw %}",
        status="temporarily-closed",
        alert=f"<script>{run('closed-alert')}</script>",
    ),
    "markdown-payloads": record(
        name="Markdown payloads",
        description="\n\n".join([
            f"<script>{run('md-script')}</script>",
            f"<svg><script>{run('md-svg')}</script></svg>",
            f"<svg onload=\"{run('md-svg-onload')}\"></svg>",
            f"<img src=x onerror=\"{run('md-img')}\">",
            f"<iframe srcdoc=\"<script>parent.{run('md-iframe')}</script>\"></iframe>",
            f"<a href=\"javascript:{run('md-raw-link')}\">raw link</a>",
            f"[a link](https://example.org/\" onclick=\"{run('md-link')})",
            f"![an image](https://example.org/x.svg\" onerror=\"{run('md-image')})",
            "![an image with script](https://example.org/script.svg)",
            f"<https://example.org/\"onmouseover=\"{run('md-autolink')}>",
            f"**bold <em onmouseover=\"{run('md-em')}\">text</em>**",
            f"javascript:{run('md-text')} in plain words",
            "<form action=https://example.org/steal><button>Go</button></form>",
            "<base href=https://example.org/>",
            "<meta http-equiv=refresh content=\"0;url=https://example.org/\">",
        ]),
    ),
}
