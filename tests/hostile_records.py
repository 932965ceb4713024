"""Records whose text carries script payloads, and still pass validation.

Every payload, if it ever ran, would set window.__pwned to say where it came
from and open a dialog, so a browser test can tell. Payloads the validator
refuses are tested where it refuses them: javascript:, data: and vbscript:
links in test_validation, and every tag (the payloads in TAG_PAYLOADS, which
these records carried before raw HTML became an error) in test_raw_html.
What is left here is what a tag-free text can try: breaking out of an
attribute with quotes, template syntax, entities, links with quotes in them.
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
        name=f"\" onmouseover=\"{run('name')}\" x=\"",
        summary=f"' onfocus='{run('summary')}' autofocus=' A summary with a payload.",
        alert=f"\"> ' onmouseover='{run('alert')}' javascript:{run('alert')}",
        provider={"name": f"\" onclick=\"{run('provider')}",
                  "website": f"https://example.org/\"onclick=\"{run('provider-website')}"},
        cost={"free": False, "description": f"\" onload=\"{run('cost')}\" £1 a session"},
        how_to_get_it={"routes": ["self-referral"],
                       "steps": f"' onmouseover='{run('steps')}' {{{{ 7*7 }}}}",
                       "referral_form": f"https://example.org/form?'onclick='{run('form')}"},
        contact={"email": "\"><img/src=x/onerror=window.__pwned='email'>@example.org",
                 "website": "https://example.org/\"onmouseover=\"window.__pwned='website'"},
        locations=[{"name": f"\" onmouseover=\"{run('location')}",
                    "address": f"' onmouseover='{run('address')}",
                    "postcode": "ME2 4AA",
                    "accessibility": f"javascript:{run('access')} and &#60;script&#62;"}],
        sessions=[{"description": "{% raw %} ${alert(1)} `${alert(2)}` &lt;style&gt;"}],
        languages=["\" onclick=\"window.__pwned='language'"],
    ),
    "title-breakout": record(
        name=f"&lt;/title&gt;&lt;script&gt;{run('title')}&lt;/script&gt;",
        summary="&lt;script&gt;alert(1)&lt;/script&gt; written as entities, {{ 7*7 }} {% raw %}",
        status="temporarily-closed",
        alert=f"' onmouseover='{run('closed-alert')}",
    ),
    "markdown-payloads": record(
        name="Markdown payloads",
        description="\n\n".join([
            f"[a link](https://example.org/\" onclick=\"{run('md-link')})",
            f"![an image](https://example.org/x.svg\" onerror=\"{run('md-image')})",
            "![an image with script](https://example.org/script.svg)",
            f"<https://example.org/\"onmouseover=\"{run('md-autolink')}>",
            f"**bold \" onmouseover=\"{run('md-em')}\"**",
            f"javascript:{run('md-text')} in plain words",
            f"&lt;script&gt;{run('md-entities')}&lt;/script&gt; &#60;svg onload=x&#62;",
            f"[entity link](https://example.org/&quot;onclick=&quot;{run('md-quot')})",
        ]),
    ),
}

# What these records carried before a tag in a record's text became an error: each
# (field, payload) is now refused by the validator (tests/records/test_raw_html.py).
TAG_PAYLOADS = [
    ("name", f"<script>{run('name')}</script>"),
    ("summary", f"<img src=x onerror=\"{run('summary')}\"> A summary with a payload."),
    ("alert", f"\"><svg onload=\"{run('alert')}\">"),
    ("provider.name", f"<a href=\"javascript:{run('provider')}\">Provider</a>"),
    ("cost.description", f"<body onload=\"{run('cost')}\">£1 a session"),
    ("how_to_get_it.steps", f"</p><iframe srcdoc=\"<script>parent.{run('steps')}</script>\">"
                            "</iframe>"),
    ("locations[1].name", f"<svg><script>{run('location')}</script></svg>"),
    ("locations[1].accessibility", f"<math><mi xlink:href=\"javascript:{run('access')}\">x</mi>"
                                   "</math>"),
    ("sessions[1].description", "<style>*{display:none}</style><link rel=stylesheet "
                                "href=https://example.org/x.css>"),
    ("languages[1]", "<b onclick=alert(1)>Polish</b>"),
    ("name", f"</title><script>{run('title')}</script>"),
    ("description", f"<script>{run('md-script')}</script>"),
    ("description", f"<svg><script>{run('md-svg')}</script></svg>"),
    ("description", f"<svg onload=\"{run('md-svg-onload')}\"></svg>"),
    ("description", f"<img src=x onerror=\"{run('md-img')}\">"),
    ("description", f"<iframe srcdoc=\"<script>parent.{run('md-iframe')}</script>\"></iframe>"),
    ("description", f"<a href=\"javascript:{run('md-raw-link')}\">raw link</a>"),
    ("description", f"**bold <em onmouseover=\"{run('md-em')}\">text</em>**"),
    ("description", "<form action=https://example.org/steal><button>Go</button></form>"),
    ("description", "<base href=https://example.org/>"),
    ("description", "<meta http-equiv=refresh content=\"0;url=https://example.org/\">"),
    ("description", "<!-- a comment --> and text"),
]
