"""Reference sets: loading, safety, matching and the verification rules."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from quoteaudit.config import Settings
from quoteaudit.document import Document
from quoteaudit.matching import similarity, word_diff
from quoteaudit.normalize import normalize, segments
from quoteaudit.pipeline import check_document
from quoteaudit.references import MAX_YAML_NODES, load_references

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "seed" / "kazakhstan-csto-mt.txt"
SEED_REFS = ROOT / "fixtures" / "seed" / "references.yml"
JSONL = ROOT / "fixtures" / "references" / "quotebank-sample.jsonl"
CSV = ROOT / "fixtures" / "references" / "sample.csv"


@pytest.fixture(autouse=True)
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("QUOTEAUDIT_CACHE_DIR", str(tmp_path / "cache"))


def check(text: str, *refs: Path, select=None):
    loaded = load_references([str(r) for r in refs])
    assert not loaded.errors, loaded.errors
    settings = Settings(references=loaded.references, people=loaded.people, select=select)
    return check_document(Document(path="a.txt", source=text), settings)


def rules_at(report):
    return [(f.rule, f.line, f.column) for f in report.findings]


# ---------------------------------------------------------------- loading

def test_yaml_with_people():
    loaded = load_references([str(SEED_REFS)])
    assert len(loaded.references.rows) == 6 and not loaded.errors and loaded.skipped == 0
    person = loaded.people.find("Tokayev")
    assert person.name == "Kassym-Jomart Tokayev" and "kazakh president" in person.titles
    assert loaded.people.by_title("russian president")[0].name == "Vladimir Putin"


def test_quotebank_jsonl_rows_and_bad_lines():
    loaded = load_references([str(JSONL)])
    rows = loaded.references.rows
    assert [r.id for r in rows] == ["2022-01-10-000001", "2022-01-10-000002", "2022-01-10-000003"]
    assert rows[2].speaker is None  # Quotebank writes "None"
    assert rows[0].url == "https://www.reuters.com/world/"
    assert loaded.skipped == 2 and loaded.errors == []  # skipped, not errors, without --strict
    strict = load_references([str(JSONL)], strict=True)
    assert [(e.line, e.message.split(":")[0]) for e in strict.errors] == [(4, "invalid JSON"), (5, "no 'quotation' (Quotebank) or 'text'")]
    assert all(e.path == str(JSONL) for e in strict.errors)


def test_csv_rows_and_bad_row():
    loaded = load_references([str(CSV)], strict=True)
    assert len(loaded.references.rows) == 2
    assert [(e.line, e.message) for e in loaded.errors] == [(3, "row has no 'text'")]


def test_csv_without_text_column_is_a_file_error(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("quote,speaker\nx,y\n")
    loaded = load_references([str(bad)])
    assert loaded.errors[0].path == str(bad) and "'text' column" in loaded.errors[0].message


def test_yaml_errors_name_file_and_line(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("quotations:\n  - text: fine\n  - text: [unclosed\n")
    error = load_references([str(bad)]).errors[0]
    assert error.path == str(bad) and error.line is not None and "invalid YAML" in error.message
    unknown = tmp_path / "unknown.yml"
    unknown.write_text("quotations: []\nspeakers: []\n")
    error = load_references([str(unknown)]).errors[0]
    assert error.line == 2 and "unknown key 'speakers'" in error.message


def test_yaml_tags_are_not_executed(tmp_path):
    evil = tmp_path / "evil.yml"
    evil.write_text("- text: !!python/object/apply:os.system ['echo pwned']\n")
    error = load_references([str(evil)]).errors[0]
    assert "invalid YAML" in error.message


def test_yaml_entity_expansion_bomb_is_refused(tmp_path):
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    bomb = tmp_path / "bomb.yml"
    bomb.write_text("\n".join(lines) + "\n")
    error = load_references([str(bomb)]).errors[0]
    assert f"{MAX_YAML_NODES:,}" in error.message and "refused" in error.message and error.line


# ---------------------------------------------------------------- matching

def test_normalisation_ignores_case_marks_dashes_and_insertions():
    assert normalize("“It’s — [he said] FINE,” ") == normalize("its fine")
    # An apostrophe goes only between letters; one at a word's edge is punctuation.
    assert normalize("’Twas the students’ union") == "twas the students union"
    assert normalize("rock ’n’ roll, O'Brien's dog-walker's; don''t") == "rock n roll obriens dog walkers don t"
    text = "Under the guise of protests… It is clear that we won"
    assert [text[a:b].strip() for a, b in segments(text)] == ["Under the guise of protests", "It is clear that we won"]


def test_partial_quotation_matches_inside_longer_reference():
    ref = normalize("The measures taken by the CSTO have clearly shown that we will not allow the situation to be rocked")
    assert similarity(normalize("we will not allow the situation to be rocked"), ref) == 100
    assert similarity(normalize("we will never accept such a deal"), ref) < 60


def test_word_diff_shows_what_changed():
    aligned, diff = word_diff("Then they plan to occupy the capital,", "Then they planned to seize the capital,")
    assert aligned == "Then they planned to seize the capital"
    # Two edits with one unchanged word between them read as one phrase.
    assert [(d["article"], d["reference"]) for d in diff] == [("plan to occupy", "planned to seize")]


# ---------------------------------------------------------------- rules on the seed

@pytest.fixture(scope="module")
def seed_report():
    import os
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["QUOTEAUDIT_CACHE_DIR"] = tmp
        return check(SEED.read_text(encoding="utf-8"), SEED_REFS)


def findings_of(report, rule):
    return [f for f in report.findings if f.rule == rule]


def test_seed_altered_quotes(seed_report):
    altered = findings_of(seed_report, "altered-quote")
    src = seed_report.context.doc.source
    starts = [src[f.start:f.start + 20] for f in altered]
    assert any(s.startswith("The main attack is o") for s in starts)
    assert any(s.startswith("Then they plan") for s in starts)
    main = next(f for f in altered if src[f.start:].startswith("The main attack"))
    assert "“attack is on” → “blow was directed against (the city of)”" in main.message
    assert main.fix.startswith("The main blow was directed against (the city of) Almaty")


def test_seed_misattributed_to_ambiguous_he(seed_report):
    mis = findings_of(seed_report, "misattributed-quote")
    src = seed_report.context.doc.source
    of_course = [f for f in mis if src[f.start:].startswith("Of course, we understand")]
    assert len(of_course) == 1 and of_course[0].severity.value == "error"
    assert "gives these words to Vladimir Putin" in of_course[0].message
    assert "Kassym-Jomart Tokayev" in of_course[0].message


def test_seed_name_variant(seed_report):
    variant = findings_of(seed_report, "speaker-name-variant")
    assert [(f.line, f.column, f.fix) for f in variant] == [(37, 1, "Robin Forestier-Walker")]


def test_seed_unverified_is_info(seed_report):
    unverified = findings_of(seed_report, "unverified-quote")
    assert unverified and all(f.severity.value == "info" for f in unverified)
    assert any("People have raised" in f.message for f in unverified)


def test_misattributed_when_credited_to_the_other_leader():
    text = ("“Of course, we understand the events in Kazakhstan are not the first and far from the last attempt "
            "to interfere in the internal affairs of our states from the outside,” Tokayev said.")
    report = check(text, SEED_REFS, select={"misattributed-quote", "altered-quote"})
    assert [f.rule for f in report.findings] == ["misattributed-quote"]
    assert "the article gives them to Kassym-Jomart Tokayev" in report.findings[0].message


def test_verbatim_quote_with_right_speaker_is_clean():
    text = "“Then they planned to seize the capital,” Tokayev added."
    report = check(text, SEED_REFS, select={"misattributed-quote", "altered-quote", "unverified-quote"})
    assert report.findings == []


def test_article_splitting_one_statement_matches_each_piece():
    text = ("“The measures taken by the CSTO have clearly shown,” Putin said, “that we will not allow the "
            "situation to be rocked at home.”")
    report = check(text, SEED_REFS, select={"misattributed-quote", "altered-quote", "unverified-quote"})
    assert report.findings == []
    assert all(m is not None for m in report.context.matches)


# ---------------------------------------------------------------- index and CLI

def test_persistent_index_is_reused(tmp_path):
    env_cache = tmp_path / "cache"
    import os
    os.environ["QUOTEAUDIT_CACHE_DIR"] = str(env_cache)
    run = lambda *a: subprocess.run([sys.executable, "-m", "quoteaudit", *map(str, a)], capture_output=True,
                                    text=True, cwd=ROOT, env={**os.environ})
    built = run("refs", "index", JSONL)
    assert built.returncode == 0 and "indexed 3 references" in built.stdout
    assert list(env_cache.glob("refs-*.sqlite"))
    again = run("refs", "index", JSONL)
    assert "index up to date" in again.stdout
    reused = load_references([str(JSONL)])
    assert reused.references.rows is None and len(reused.references) == 3
    stats = run("refs", "stats", JSONL)
    assert "references" in stats.stdout and "3" in stats.stdout
    text = "“Then they plan to seize the capital,” Tokayev added."
    proc = subprocess.run([sys.executable, "-m", "quoteaudit", "check", "--select", "altered-quote", "-r", str(JSONL), "-"],
                          input=text, capture_output=True, text=True, cwd=ROOT, env={**os.environ})
    assert "altered-quote" in proc.stdout and "“plan” → “planned”" in proc.stdout


def test_strict_makes_bad_rows_exit_2():
    run = lambda *a: subprocess.run([sys.executable, "-m", "quoteaudit", *map(str, a)], capture_output=True,
                                    text=True, cwd=ROOT)
    lenient = run("check", "-r", JSONL, SEED)
    assert lenient.returncode == 1 and "2 bad reference rows skipped" in lenient.stdout
    strict = run("check", "--strict", "-r", JSONL, SEED)
    assert strict.returncode == 2
    assert f"{JSONL}:4: invalid JSON" in strict.stderr


@pytest.mark.parametrize("order", [("Jon Smyth", "Jan Smith"), ("Jan Smith", "Jon Smyth")])
def test_name_variant_between_two_equally_close_names_does_not_depend_on_the_run(tmp_path, order):
    # "Jan Smyth" is one letter from each registry name: the first in name order is named,
    # whatever the order of the registry (and the hash seed of the run).
    refs = tmp_path / "refs.yml"
    refs.write_text("quotations:\n  - speaker: Jon Smyth\n    text: \"We will build the bridge next year,\"\n"
                    "people:\n" + "".join(f"  - name: {name}\n" for name in order), encoding="utf-8")
    report = check("“The bridge waits,” Jan Smyth said on Monday.", refs, select={"speaker-name-variant"})
    assert [(f.rule, f.fix) for f in report.findings] == [("speaker-name-variant", "Jan Smith")]


def test_the_outlet_after_according_to_is_not_the_speaker(tmp_path):
    # PolNeAR train (breitbart_2016-07-25): Sanders spoke, CNN reported it. Crediting CNN made a
    # correctly attributed quotation an error-severity misattribution against Sanders's record.
    refs = tmp_path / "refs.yml"
    refs.write_text('quotations:\n  - id: cnn-1\n    speaker: Bernie Sanders\n    source: CNN\n'
                    '    text: "I ask you as a personal courtesy to me not to engage in any kind of protest on the floor"\n',
                    encoding="utf-8")
    text = ("Bernie Sanders spoke to his delegates on Monday.\n\n“I ask you as a personal courtesy to me not to engage "
            "in any kind of protest on the floor,” Sanders said, according to CNN.\n")
    report = check(text, refs, select={"misattributed-quote"})
    assert report.findings == []
    assert report.context.attributions[0].speaker == "Bernie Sanders"
