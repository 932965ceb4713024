"""The controlled lists in another language: data/taxonomy.<code>.yaml beside taxonomy.yaml.

Each entry names one of taxonomy.yaml's ids and gives what families read in that
language; what it leaves out stays English. A mistake is told like every data file's
(file, line, field, how to fix), and `validate` and `build` stop with exit 2.
"""

from __future__ import annotations

from local_offer.cli import main
from local_offer.records.project import Project
from local_offer.records.taxonomy import load_taxonomy, load_taxonomy_translation
from tests.helpers import MINIMAL, OFFER

ENGLISH, _ = load_taxonomy(OFFER / "data" / "taxonomy.yaml")


def translated(tmp_path, text: str):
    path = tmp_path / "taxonomy.pl.yaml"
    path.write_text(text, encoding="utf-8")
    return load_taxonomy_translation(path, ENGLISH, "data/taxonomy.pl.yaml")


def test_a_translated_label_replaces_the_english_and_the_rest_stays_english(tmp_path):
    taxonomy, problems = translated(tmp_path, (
        "categories:\n  - id: health\n    label: Zdrowie\n"
        "needs:\n  - id: hearing\n    label: Słuch\n    group: Zmysły\n"
        "age_bands:\n  - id: 0-4\n    label: Od 0 do 4 lat\n"))
    assert problems == []
    assert taxonomy.label("categories", "health") == "Zdrowie"
    # The description is not translated: the English one is kept, as is every other term.
    health = next(t for t in taxonomy.categories if t.id == "health")
    english = next(t for t in ENGLISH.categories if t.id == "health")
    assert health.description == english.description != ""
    assert taxonomy.label("categories", "education") == "Education"
    hearing = next(t for t in taxonomy.needs if t.id == "hearing")
    assert (hearing.label, hearing.group) == ("Słuch", "Zmysły")
    band = taxonomy.age_bands[0]
    assert (band.label, band.min, band.max) == ("Od 0 do 4 lat", 0, 4)
    # The ids, the order and the English lists are unchanged.
    assert taxonomy.choices() == ENGLISH.choices()
    assert ENGLISH.label("categories", "health") == "Health"


def test_no_file_keeps_the_english(tmp_path):
    taxonomy, problems = load_taxonomy_translation(tmp_path / "taxonomy.pl.yaml", ENGLISH)
    assert (taxonomy, problems) == (ENGLISH, [])


def test_each_mistake_has_its_line_field_and_fix(tmp_path):
    _, problems = translated(tmp_path, (
        "categories:\n"
        "  - id: helth\n"          # 2: not an id of taxonomy.yaml
        "    label: Zdrowie\n"
        "  - id: education\n"      # 4
        "    lable: Edukacja\n"    # 5: a misspelt field, so no label
        "age_bands:\n"
        "  - id: 0-4\n"
        "    label: Od 0 do 4 lat\n"
        "    min: 1\n"             # 9: ages are not translated
        "colours:\n"               # 10: not a list of taxonomy.yaml
        "  - id: red\n"))
    found = {(p.line, p.field): p for p in problems}
    assert set(found) == {(2, "categories[1].id"), (5, "categories[2].lable"),
                          (9, "age_bands[1].min"), (10, "colours")}
    assert all(p.path == "data/taxonomy.pl.yaml" for p in problems)
    assert "'helth'" in found[2, "categories[1].id"].message
    assert "health" in found[2, "categories[1].id"].fix
    assert found[5, "categories[2].lable"].fix == "did you mean 'label'?"
    assert "use only: id, label" in found[9, "age_bands[1].min"].fix
    assert "categories" in found[10, "colours"].fix


def test_a_missing_label_is_told(tmp_path):
    _, [problem] = translated(tmp_path, "needs:\n  - id: autism\n    group: Komunikacja\n")
    assert (problem.line, problem.field) == (2, "needs[1].label")
    assert "missing" in problem.message and "language" in problem.fix


def test_the_project_reads_each_languages_file_and_validate_stops_on_a_mistake(scratch, capsys):
    assert scratch.taxonomy_in("pl").label("categories", "health") == "Zdrowie"
    assert scratch.taxonomy_in("ro").label("categories", "health") == "Sănătate"
    assert scratch.taxonomy_in("de") == scratch.taxonomy  # no file: English
    scratch.write("fine.yaml", MINIMAL)
    bad = scratch.data_dir / "taxonomy.pl.yaml"
    text = bad.read_text(encoding="utf-8").replace("  - id: autism\n", "  - id: autysm\n", 1)
    bad.write_text(text, encoding="utf-8")
    line = text.splitlines().index("  - id: autysm") + 1
    assert main(["--project", str(scratch.root), "validate"]) == 2
    err = capsys.readouterr().err
    assert f"data/taxonomy.pl.yaml:{line}: needs[2].id: 'id' is 'autysm'" in err
    assert "How to fix: write one of:" in err and "Traceback" not in err
    assert bad.read_text(encoding="utf-8") == text  # nothing is lost
    assert main(["--project", str(scratch.root), "build", "--site-dir",
                 str(scratch.root / "out")]) == 2
    assert not (scratch.root / "out").exists()
    # The other languages are still read as they are.
    assert Project(scratch.root).taxonomy_in("ro").label("needs", "autism") == "Autism"
