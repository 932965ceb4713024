"""The field reference: every field of the schema, with its description, on the site."""

from __future__ import annotations

import json
import re

from markupsafe import escape

from local_offer.site.field_reference import field_docs
from local_offer.site.render import Renderer
from tests.helpers import OFFER_TAXONOMY, component_fixtures

PAGE = "about/fields/index.html"


def schema_fields(node: dict, defs: dict, prefix: str = ""):
    """(path, description) of every property, found independently of the code under test."""
    for name, sub in node.get("properties", {}).items():
        if "$ref" in sub:
            sub = {**defs[sub["$ref"].rsplit("/", 1)[-1]], **sub}
        yield f"{prefix}{name}", sub["description"]
        yield from schema_fields(sub, defs, f"{prefix}{name}.")
        yield from schema_fields(sub.get("items", {}), defs, f"{prefix}{name}[].")


def test_every_schema_field_appears_with_its_description(offer_project, offer_site):
    schema = json.loads(offer_project.schema_path.read_text(encoding="utf-8"))
    html = (offer_site / PAGE).read_text(encoding="utf-8")
    fields = list(schema_fields(schema, schema["$defs"]))
    assert len(fields) >= 45
    for path, description in fields:
        anchor = path.replace("[]", "").replace(".", "-").replace("_", "-")
        heading = re.search(rf'<h([234]) id="{anchor}"><code>{re.escape(path)}</code></h\1>\n'
                            rf"<p>(.*?)</p>", html)
        assert heading, f"no section for {path}"
        assert heading.group(2) == str(escape(description)), path


def test_allowed_values_come_from_the_taxonomy(offer_site):
    html = (offer_site / PAGE).read_text(encoding="utf-8")
    taxonomy = OFFER_TAXONOMY
    areas = html[html.index('id="areas"'):html.index('id="cost"')]
    for term in taxonomy.areas:
        assert f"<li><code>{term.id}</code>: {escape(term.label)}" in areas
    categories = html[html.index('id="categories"'):html.index('id="needs"')]
    for term in taxonomy.categories:
        assert f"<li><code>{term.id}</code>: {escape(term.label)}. {escape(term.description)}" \
            in categories
    routes = html[html.index('id="how-to-get-it-routes"'):html.index('id="how-to-get-it-steps"')]
    assert "<code>ehc-plan</code>: Through an EHC plan" in routes


def test_every_field_says_if_it_is_required_and_has_an_example(offer_project):
    project = offer_project
    from local_offer.records.schema import RecordSchema
    docs = field_docs(RecordSchema(project.schema_path, project.taxonomy).schema,
                      project.taxonomy)
    for doc in docs:
        assert doc.example, f"{doc.path} has no example in the schema"
        assert doc.kind and doc.required
    required = {doc.path: doc.required for doc in docs}
    assert required["name"] == "Yes" and required["description"] == "No"
    assert required["cost.description"] == "When free is false"
    assert required["locations[].postcode"] == "Yes"


def test_component_renders_its_fixture():
    fixture = component_fixtures("field-reference")
    taxonomy = OFFER_TAXONOMY
    fields = field_docs(fixture["schema"], taxonomy)
    assert [f.path for f in fields] == [
        "name", "cost", "cost.free", "cost.description", "sessions", "sessions[].description",
        "sessions[].days", "sessions[].start", "status"]
    html = Renderer(taxonomy).render("field-reference", "about/fields/", fields=fields,
                                     guide_url="about/contributing/")
    assert 'href="../contributing/"' in html
    assert "The service&#39;s name, &lt;as families know it&gt;." in html
    assert '<h3 id="cost-description"><code>cost.description</code></h3>' in html
    assert '<h3 id="sessions-start"><code>sessions[].start</code></h3>' in html
    assert "<dd>When free is false</dd>" in html
    assert "<dd>Text. 3 to 100 characters.</dd>" in html
    assert "Write a 24-hour time in quotes, like &#34;09:30&#34;." in html
    assert "<dt>If you leave it out</dt>\n<dd><code>active</code></dd>" in html
    # Examples are written as a record writes them, inside their parents.
    assert "<pre><code>sessions:\n  - start: &#34;10:00&#34;</code></pre>" in html
    assert ("<pre><code>cost:\n  free: true\n# or\ncost:\n  free: false\n"
            "  description: £3 a session</code></pre>") in html
    assert "<pre><code>sessions:\n  - days: [tuesday]</code></pre>" in html
    assert html.count('<tr><th scope="row">') == len(fields)


def test_cost_free_lists_its_three_values_as_a_record_writes_them(offer_project):
    from local_offer.records.schema import RecordSchema
    project = offer_project
    docs = {doc.path: doc for doc in field_docs(
        RecordSchema(project.schema_path, project.taxonomy).schema, project.taxonomy)}
    free = docs["cost.free"]
    assert free.kind == "one of the allowed values"
    assert [value for value, _ in free.allowed] == ["true", "false", "not-known"]
    assert "cost:\n  free: not-known" in docs["cost"].example
