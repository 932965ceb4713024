"""Templates compiled once a process (site/render.py CompiledTemplates): a new environment
reuses what an earlier one compiled, and an edited template is compiled anew."""

from __future__ import annotations

from jinja2 import Environment, FileSystemLoader

from local_offer.site.render import CompiledTemplates


def environment(folder, cache) -> Environment:
    return Environment(loader=FileSystemLoader(str(folder)), bytecode_cache=cache)


def test_a_new_environment_uses_what_an_earlier_one_compiled(tmp_path, monkeypatch):
    (tmp_path / "page.html").write_text("Hello {{ name }}", encoding="utf-8")
    cache = CompiledTemplates()
    compiled = []
    original = Environment.compile

    def counting(self, source, *args, **kwargs):
        compiled.append(source)
        return original(self, source, *args, **kwargs)

    monkeypatch.setattr(Environment, "compile", counting)
    assert environment(tmp_path, cache).get_template("page.html").render(name="A") == "Hello A"
    assert environment(tmp_path, cache).get_template("page.html").render(name="B") == "Hello B"
    assert len(compiled) == 1
    (tmp_path / "page.html").write_text("Goodbye {{ name }}", encoding="utf-8")
    assert environment(tmp_path, cache).get_template("page.html").render(name="C") == "Goodbye C"
    assert len(compiled) == 2
