"""Copies against their originals: articles and transcripts as references, `compare`,
quote-from-narration, readable diffs, and a forgiving people registry.

The originals and copies in tests/data/compare were written for these tests from
what real republished copies do: a synonym spinner changing one word inside the
marks, a rewrite putting the writer's narration in marks and crediting it to an
expert (with a name one letter off), quotations turned into paraphrase or printed
without marks, a speaker changed, and a verbatim copy with spun narration.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from quoteaudit.compare import compare_files
from quoteaudit.config import Settings
from quoteaudit.document import Document, read_file
from quoteaudit.inputs import make_document
from quoteaudit.matching import render_diff, word_diff
from quoteaudit.pipeline import check_document
from quoteaudit.refdocs import read_reference_document, transcript_turns
from quoteaudit.references import load_references

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "compare"
ORIGINAL = DATA / "original.txt"
PRESSER = DATA / "presser.txt"
SCHEMA = json.loads((ROOT / "quoteaudit" / "schema" / "report.schema.json").read_text())
REFERENCE_RULES = {"altered-quote", "misattributed-quote", "unverified-quote", "quote-from-narration",
                   "speaker-name-variant", "quote-missing", "quote-unmarked", "quote-paraphrased"}


@pytest.fixture(autouse=True)
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("QUOTEAUDIT_CACHE_DIR", str(tmp_path / "cache"))


def compared(copy_name: str, original: Path = ORIGINAL, select=REFERENCE_RULES):
    copy = make_document(str(DATA / copy_name), read_file(str(DATA / copy_name)))
    reports, errors = compare_files(str(original), copy, Settings(select=set(select)))
    assert not errors
    return [(Path(r.path).name, f.line, f.column, f.rule) for r in reports for f in r.findings], reports


def compare_written(original: Path, copy: Path, text: str, select) -> list:
    """Reports of comparing a copy written here with an original."""
    copy.write_text(text)
    reports, errors = compare_files(str(original), make_document(str(copy), text), Settings(select=set(select)))
    assert not errors
    return reports


def cli(*args, cwd=DATA):
    return subprocess.run([sys.executable, "-m", "quoteaudit", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, env={**os.environ})


# ---------------------------------------------------------------- reading references

def test_article_gives_quotations_with_speakers_and_narration():
    rows = read_reference_document("original.txt", ORIGINAL.read_text())
    quoted = [(r.speaker, r.text.rstrip(","), r.line, r.column) for r in rows if r.kind == "quotation"]
    assert ("Jacinda Ardern", "We are going to take some pretty bold steps to make housing affordable again", 5, 2) \
        in quoted
    assert ("Megan Woods", "This is the biggest build since the 1950s", 7, 102) in quoted
    narration = [r.text for r in rows if r.kind == "narration"]
    assert any(t.startswith("The Reserve Bank has warned") for t in narration)
    # The quoted statements are nobody's narration.
    assert not any("pretty bold steps to make" in t for t in narration)


def test_html_original_is_read_without_its_markup(tmp_path):
    original = tmp_path / "original.html"
    original.write_text('<html><head><style>p {}</style></head><body>\n'
                        '<p>Housing Minister <a href="/people/woods">Megan Woods</a> said the plan would '
                        '<em>double</em> the number of state houses built each year.</p>\n'
                        '<p>&ldquo;This is the biggest build since the 1950s,&rdquo; Woods said.</p>\n</body></html>\n')
    copy = ("“This is the largest build since the 1950s,” Woods said.\n\n“Megan Woods said the plan would double "
            "the number of state houses built each year,” an expert said.\n")
    reports = compare_written(original, tmp_path / "copy.txt", copy, {"altered-quote", "quote-from-narration"})
    altered, narration = reports[0].findings
    assert altered.message.endswith("original.html:3:11): “largest” → “biggest”")
    # Line 2, column 45: where "Megan Woods" stands in the HTML source, inside its link.
    assert "original.html:2:45), nobody's quotation: “Megan Woods said the plan would" in narration.message


def test_labelled_transcript_turns_and_speakers():
    text = PRESSER.read_text()
    assert [label for _, _, label in transcript_turns(text)] == ["ARDERN", "Q", "ARDERN", "MS. WOODS"]
    rows = read_reference_document("presser.txt", text)
    by_kind = {(r.kind, r.speaker) for r in rows}
    assert ("narration", None) in by_kind  # the heading before the first turn
    assert {("quotation", "Ardern"), ("quotation", None), ("quotation", "Woods")} <= by_kind
    assert any(r.speaker == "Woods" and "double the number of state houses" in r.text for r in rows)


def test_article_prose_with_a_colon_is_no_transcript():
    assert transcript_turns("Update: the vote was moved.\n\nHe said: “We will see.”\n") == []


def test_plain_transcript_with_a_given_speaker(tmp_path):
    speech = tmp_path / "speech.txt"
    speech.write_text("Thank you all for coming. Prices rose 22 percent in the year to March.\n\n"
                      "We will remove the tax deduction for interest on investment properties. That is the plan.\n")
    loaded = load_references([str(speech)], speakers={"*": "Jacinda Ardern"})
    assert {r.speaker for r in loaded.references.rows} == {"Jacinda Ardern"}
    text = "“We will remove the tax deduction for interest on investment homes,” Woods said."
    report = check_document(Document(path="a.txt", source=text),
                            Settings(references=loaded.references, people=loaded.people,
                                     select={"misattributed-quote", "altered-quote"}))
    assert [f.rule for f in report.findings] == ["misattributed-quote"]
    assert "gives these words to Jacinda Ardern" in report.findings[0].message
    assert "wording also differs: “homes” → “properties”" in report.findings[0].message


def test_directory_of_references_and_an_empty_one(tmp_path):
    refs = tmp_path / "refs"
    refs.mkdir()
    (refs / "original.txt").write_text(ORIGINAL.read_text())
    (refs / "notes.bin").write_text("ignored")
    loaded = load_references([str(refs)])
    assert not loaded.errors and any(r.speaker == "Megan Woods" for r in loaded.references.rows)
    empty = tmp_path / "empty"
    empty.mkdir()
    errors = load_references([str(empty)]).errors
    assert errors[0].path == str(empty) and "no .txt" in errors[0].message


def test_long_transcript_finds_a_partial_quotation_in_the_right_turn():
    # 2,000 sentences of other talk around the one quoted: the index, not brute force, finds it.
    filler = " ".join(f"Item {i} on the agenda concerns district {i % 97} and its budget line {i}."
                      for i in range(2000))
    text = f"ARDERN: {filler}\n\nWOODS: The waiting list for state houses has grown to twenty thousand families.\n\n" \
           f"ARDERN: {filler}\n"
    loaded = load_references_from_text(text)
    assert len(loaded.references.rows) > 4000
    article = "“The waiting list has grown to twenty thousand families,” Ardern said."
    report = check_document(Document(path="a.txt", source=article),
                            Settings(references=loaded.references, people=loaded.people,
                                     select={"misattributed-quote"}))
    assert [f.rule for f in report.findings] == ["misattributed-quote"]
    assert "gives these words to Woods" in report.findings[0].message


def load_references_from_text(text: str):
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "transcript.txt")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
        return load_references([path])


# ---------------------------------------------------------------- the copies

def test_spun_word_inside_a_quotation():
    found, reports = compared("spun.txt")
    assert found == [("spun.txt", 5, 2, "altered-quote")]
    message = reports[0].findings[0].message
    assert message.endswith("original.txt:5:2): “daring” → “bold”")


def test_narration_put_in_marks_and_credited_to_an_expert():
    found, reports = compared("narration.txt", select={"quote-from-narration", "speaker-name-variant",
                                                       "altered-quote", "unverified-quote"})
    assert found == [("narration.txt", 5, 2, "quote-from-narration"),
                     ("narration.txt", 5, 110, "speaker-name-variant")]
    narration, variant = reports[0].findings
    assert "narration in the original (" in narration.message and "original.txt:9:1)" in narration.message
    assert "credits them to Eric Stanford" in narration.message
    assert narration.severity.value == "warning"
    assert variant.fix == "Erica Stanford"


def test_machine_translated_narration_in_marks_credited_to_the_author(tmp_path):
    # A round trip rewords the narration it puts in marks: still found (score about 89).
    copy = ("“The Reserve Bank warned that prices are not sustainable and asked the government for new tools to "
            "limit lending to investors,” the author writes.\n")
    reports = compare_written(ORIGINAL, tmp_path / "mt.txt", copy, {"quote-from-narration", "altered-quote"})
    assert [(f.rule, f.line, f.column) for f in reports[0].findings] == [("quote-from-narration", 1, 2)]
    assert "original.txt:9:1)" in reports[0].findings[0].message


def test_people_the_original_only_mentions_are_known_by_name(tmp_path):
    original = tmp_path / "original.txt"
    original.write_text("The bill, written by Senator Robert Menendez, passed on Tuesday.\n\n"
                        "“It is a good day for workers,” said Anna Lopez, a union organiser.\n")
    copy = "The bill, written by Senator Robert Menendes, passed on Tuesday.\n"
    reports = compare_written(original, tmp_path / "copy.txt", copy, {"speaker-name-variant"})
    assert [(f.line, f.column, f.fix) for f in reports[0].findings] == [(1, 30, "Robert Menendez")]
    loaded = load_references([str(original)])
    assert loaded.people.find("Robert Menendez").named_only


def test_quotations_turned_into_paraphrase_unmarked_dropped_and_a_speaker_changed():
    found, reports = compared("paraphrase.txt")
    assert found == [
        ("paraphrase.txt", 3, 1, "quote-unmarked"),  # Ardern's words without marks
        ("paraphrase.txt", 5, 1, "quote-paraphrased"),  # Woods's statement reworded
        ("paraphrase.txt", 7, 2, "misattributed-quote"),  # Stanford's words given to Ardern
        ("original.txt", 5, 118, "quote-missing"),  # "Doing nothing is not an option." dropped
    ]
    severities = {f.rule: f.severity.value for r in reports for f in r.findings}
    assert severities == {"quote-unmarked": "info", "quote-paraphrased": "info", "quote-missing": "info",
                          "misattributed-quote": "error"}
    unmarked = reports[0].findings[0]
    assert "Jacinda Ardern" in unmarked.message and "original.txt:5:2" in unmarked.message


def test_speaker_changed_along_with_the_marks(tmp_path):
    copy = ("Ardern said it would be the biggest state house build since the 1950s.\n\n"
            "Woods told reporters that they are going to take some pretty bold steps to make housing "
            "affordable again.\n")
    reports = compare_written(ORIGINAL, tmp_path / "swapped.txt", copy,
                              {"misattributed-quote", "quote-paraphrased", "quote-unmarked"})
    found = [(f.line, f.rule, f.severity.value) for f in reports[0].findings]
    assert found == [(1, "misattributed-quote", "error"), (1, "quote-paraphrased", "info"),
                     (3, "misattributed-quote", "error"), (3, "quote-unmarked", "info")]
    assert reports[0].findings[0].message.endswith(
        "gives these words to Megan Woods; the copy, in paraphrase, gives them to Jacinda Ardern")


def test_verbatim_copy_with_spun_narration_raises_nothing_about_quotations():
    found, _ = compared("verbatim.txt")
    assert found == []


def test_original_against_itself_is_clean():
    found, _ = compared("original.txt")
    assert found == []


# ---------------------------------------------------------------- the command

def test_compare_command_text_json_and_exit_codes():
    proc = cli("compare", "original.txt", "spun.txt")
    assert proc.returncode == 1 and proc.stderr == ""
    assert "spun.txt:5:2: warning altered-quote" in proc.stdout
    assert proc.stdout.strip().endswith("in 2 files, 9 quotations.")
    assert cli("compare", "original.txt", "verbatim.txt", "--select", ",".join(sorted(REFERENCE_RULES))).returncode == 0
    js = cli("compare", "--format", "json", "original.txt", "paraphrase.txt")
    doc = json.loads(js.stdout)
    jsonschema.validate(doc, SCHEMA)
    assert [f["path"] for f in doc["files"]] == ["paraphrase.txt", "original.txt"]
    assert [f["rule"] for f in doc["files"][1]["findings"]] == ["quote-missing"]


def test_compare_with_an_unreadable_original_still_checks_the_copy():
    proc = cli("compare", "missing.txt", "spun.txt")
    assert proc.returncode == 2
    assert proc.stderr.strip() == "quoteaudit: error: missing.txt: no such file"
    assert "in 1 file" in proc.stdout


def test_check_against_a_transcript_on_the_command_line(tmp_path):
    plain = tmp_path / "remarks.txt"
    plain.write_text("We are going to take some pretty bold steps to make housing affordable again.\n")
    copy = tmp_path / "copy.txt"
    copy.write_text("“We are going to take some pretty daring steps to make housing affordable again,” "
                    "Woods said.\n")
    proc = cli("check", "--select", "altered-quote,misattributed-quote", "-r", plain,
               "--reference-speaker", "Jacinda Ardern", copy, cwd=ROOT)
    assert proc.returncode == 1
    assert "misattributed-quote the record (" in proc.stdout and "to Jacinda Ardern" in proc.stdout


def test_config_names_the_speaker_of_a_plain_transcript(tmp_path):
    (tmp_path / "remarks.txt").write_text("Doing nothing is not an option for this government.\n")
    (tmp_path / ".quoteaudit.yml").write_text("references: [remarks.txt]\n"
                                              "reference_speakers: {remarks.txt: Jacinda Ardern}\n")
    (tmp_path / "copy.txt").write_text("“Doing nothing is not an option for this government,” Woods said.\n")
    proc = cli("check", "--select", "misattributed-quote", "copy.txt", cwd=tmp_path)
    assert proc.returncode == 1 and "to Jacinda Ardern" in proc.stdout, proc.stdout + proc.stderr
    (tmp_path / ".quoteaudit.yml").write_text("reference_speakers: [remarks.txt]\n")
    bad = cli("check", "copy.txt", cwd=tmp_path)
    assert bad.returncode == 2 and "reference_speakers' must map transcript files to speaker names" in bad.stderr


def test_a_long_transcript_original_is_indexed_and_still_matched(tmp_path):
    """Past the size compared with every row (matching.BRUTE_FORCE_BELOW), the original's
    rows go through the index, keyed by the original's hash (worked out only then)."""
    from quoteaudit.matching import BRUTE_FORCE_BELOW
    sentences = [f"On day {n} the committee heard evidence about project number {n} in the region."
                 for n in range(BRUTE_FORCE_BELOW + 50)]
    sentences[120] = "We are going to take some pretty bold steps to make housing affordable again."
    original = tmp_path / "remarks.txt"
    original.write_text(" ".join(sentences) + "\n")
    copy = tmp_path / "copy.txt"
    text = "“We are going to take some pretty daring steps to make housing affordable again,” Ardern said.\n"
    copy.write_text(text)
    reports, errors = compare_files(str(original), make_document(str(copy), text), Settings(select={"altered-quote"}),
                                    {"*": "Jacinda Ardern"})
    assert not errors
    assert len(reports[0].context.references.rows) >= BRUTE_FORCE_BELOW
    assert [f.message.rsplit(": ", 1)[-1] for f in reports[0].findings] == ["“daring” → “bold”"]
    import hashlib
    assert reports[0].context.references.digest.startswith(hashlib.sha256(original.read_bytes()).hexdigest())


def test_comparing_short_articles_does_not_hash_the_original(tmp_path):
    """Start-up: two articles of a few hundred words are compared row by row; the hash that
    keys an on-disk index (hashlib's import alone is 4 ms) is never needed."""
    from test_cli import _modules_loaded
    args = ["compare", "--fail-on", "never", str(ORIGINAL), str(DATA / "spun.txt")]
    assert _modules_loaded(args, ("hashlib",), tmp_path) == []


# ---------------------------------------------------------------- diffs that read well

def test_reordered_phrase_is_one_edit_in_reading_order():
    article = "Under the guise of spontaneous protests, a wave of unrest broke out"
    record = ("A wave of massive riots unfolded under the guise of spontaneous protests, since religious radicals, "
              "criminal elements, notorious bandits, looters and thugs appeared at a single command,")
    aligned, diff = word_diff(article, record)
    assert aligned == "A wave of massive riots unfolded under the guise of spontaneous protests"
    assert diff == [{"op": "move", "article": "a wave of unrest broke out",
                     "reference": "A wave of massive riots unfolded"}]
    assert render_diff(diff) == "“a wave of unrest broke out” → “A wave of massive riots unfolded”, reordered"


def test_a_phrase_moved_unchanged_says_reordered():
    aligned, diff = word_diff("the economy grew strongly last year", "last year the economy grew strongly")
    assert render_diff(diff) == "“last year” reordered"


def test_neighbouring_edits_merge_and_record_words_beyond_the_quotation_are_left_out():
    aligned, diff = word_diff("The fall of this city will pave the way for the takeover",
                              "The main blow was directed against Almaty. The fall of this city would have paved "
                              "the way for a takeover of the densely populated south")
    assert aligned == "The fall of this city would have paved the way for a takeover"
    assert [(d["article"], d["reference"]) for d in diff] == [("will pave", "would have paved"), ("the", "a")]


# ---------------------------------------------------------------- the people registry

@pytest.mark.parametrize("written, stored", [("male", "m"), ("Female", "f"), ("M", "m"), ("f", "f")])
def test_gender_is_accepted_as_users_write_it(tmp_path, written, stored):
    people = tmp_path / "people.yml"
    people.write_text(f"people:\n  - name: Erica Stanford\n    gender: {written}\n")
    loaded = load_references([str(people)], strict=True)
    assert not loaded.errors and loaded.people.find("Stanford").gender == stored


def test_a_bad_gender_names_the_allowed_values(tmp_path):
    people = tmp_path / "people.yml"
    people.write_text("people:\n  - name: Erica Stanford\n    gender: woman-ish\n")
    loaded = load_references([str(people)], strict=True)
    assert [(e.line, e.message) for e in loaded.errors] == [
        (2, "person Erica Stanford: gender 'woman-ish' is not one of male, female, m, f")]


def test_a_titled_person_the_original_only_names_feeds_the_registry(tmp_path):
    """A person the original names with a title but never quotes ("Prime Minister Kiri
    Tautahi", a first name in no list) is in the registry of the comparison, so a copy
    that misspells the name is told so."""
    original = tmp_path / "original.txt"
    original.write_text("Prime Minister Kiri Tautahi opened the new bridge in Hamilton on Monday.\n\n"
                        "“It will cut the commute by twenty minutes,” the mayor, Megan Woods, said.\n")
    reports = compare_written(original, tmp_path / "copy.txt",
                              "Prime Minister Kiri Tautaki opened the new bridge in Hamilton on Monday.\n\n"
                              "“It will cut the commute by twenty minutes,” the mayor, Megan Woods, said.\n",
                              {"speaker-name-variant"})
    variants = [(f.line, f.column, f.fix) for r in reports for f in r.findings]
    assert variants == [(1, 16, "Kiri Tautahi")]


def test_refs_stats_reads_a_plain_transcript_with_its_speaker(tmp_path):
    remarks = tmp_path / "remarks.txt"
    remarks.write_text("We are going to take some pretty bold steps to make housing affordable again. "
                       "The market has been running hot for years.\n")
    plain = cli("refs", "stats", remarks, cwd=tmp_path)
    spoken = cli("refs", "stats", remarks, "--reference-speaker", "Jacinda Ardern", cwd=tmp_path)
    assert plain.returncode == spoken.returncode == 0
    rows = {line.split()[0]: line.split()[1] for line in spoken.stdout.splitlines()}
    assert rows["references"] == "2" and rows["speakers"] == "1" and rows["people"] == "1"
    assert {line.split()[0]: line.split()[1] for line in plain.stdout.splitlines()}["speakers"] == "0"
