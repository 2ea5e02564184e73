"""Machine-translation and page-debris rules: per-rule cases, the seed's list, random text."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quoteaudit.config import Settings
from quoteaudit.document import Document
from quoteaudit.pipeline import check_document

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed" / "kazakhstan-csto-mt.txt"
DEBRIS = {"mt-capitalization", "mt-fragment", "punctuation-debris", "repeated-phrase", "page-furniture",
          "inconsistent-spelling", "machine-translated-text"}


def found(text: str, rule: str):
    report = check_document(Document(path="t.txt", source=text), Settings(select={rule}))
    return [(f.line, f.column, f.rule) for f in report.findings], report.findings


@pytest.mark.parametrize("rule, text, flagged", [
    ("mt-capitalization", "More than 160 people died In the most violent turmoil.", "In"),
    ("mt-capitalization", "Many people think that maybe This is more like an internal affair.", "This"),
    ("mt-fragment", "He said 250 were deployed. Military personnel. hardware. The rest stayed.",
     "Military personnel. hardware."),
    ("punctuation-debris", "Its troops will be withdrawn. .", " ."),
    ("punctuation-debris", "It stemmed from lack of information.Interactive maps follow.", ".I"),
    ("punctuation-debris", "He invited Russian-Leading troops into the country.", "Russian-Leading"),
    ("repeated-phrase", "once the mission is completed When completed, its troops will leave", "When completed"),
    ("repeated-phrase", "He said that the the plan was final.", "the"),
    ("page-furniture", "Rear More than 160 people died.", "Rear More"),
    ("page-furniture", "It was over.\n\nRead more: Kazakhstan after the riots\n", "Read more"),
    ("inconsistent-spelling",
     "The Collective Security Treaty Organization (CSTO) met. Later the CTSO said no.", "CTSO"),
    ("inconsistent-spelling", "Flights to Nur Sultan resumed on Monday.", "Nur Sultan"),
])
def test_rule_finds(rule, text, flagged):
    got, findings = found(text, rule)
    assert [text[f.start:f.end] for f in findings] == [flagged]
    start = text.rindex(flagged) if rule == "repeated-phrase" else text.index(flagged)
    line = text.count("\n", 0, start) + 1
    column = start - (text.rfind("\n", 0, start) + 1) + 1
    assert got == [(line, column, rule)]
    assert findings[0].message


@pytest.mark.parametrize("rule, text", [
    ("mt-capitalization", "10 Things to Know for Today."),  # a headline
    ("mt-capitalization", "He walked across the Mall, past the White House."),  # a name after "the"
    ("mt-capitalization", "She said: This is the end."),  # after a colon
    ("mt-capitalization", "He read “This Kind of War” twice."),  # a title in quotation marks
    ("mt-fragment", "I hear you. Believe me. It is over."),  # short sentences, all capitalised
    ("mt-fragment", "It's neighbor vs. neighbor. They live close."),  # an abbreviation
    ("punctuation-debris", "He paused . . . and went on."),  # an ellipsis
    ("punctuation-debris", "See www.example.Com for more."),  # an address
    ("repeated-phrase", "What he had had was enough."),  # grammatical
    ("repeated-phrase", "“Well, I like like him,” Trump said."),  # speech repeats itself
    ("repeated-phrase", "They flew to Bora Bora."),  # a name
    ("inconsistent-spelling", "The super PAC and the CAP report were both cited."),  # two names
    ("page-furniture", "Voters want to read more about the plan."),  # ordinary prose
])
def test_rule_stays_silent(rule, text):
    got, _ = found(text, rule)
    assert got == []


def test_every_machine_translation_item_of_the_seed_is_found():
    """The list in ../shared/seed/README.md, item by item."""
    text = SEED.read_text(encoding="utf-8")
    report = check_document(Document(path=str(SEED), source=text))
    flagged = [(f.rule, text[f.start:f.end]) for f in report.findings if f.rule in DEBRIS]
    expected = [
        ("page-furniture", "Rear More"),  # "Rear More than 160 people died In ..."
        ("mt-capitalization", "In"),
        ("mt-fragment", "Military personnel. hardware."),
        ("punctuation-debris", ".I"),  # "information.Interactive"
        ("page-furniture", "Interactive-Kazakhstan CSTO"),
        ("punctuation-debris", "Russian-Leading"),
        ("repeated-phrase", "When completed"),  # "once the mission is completed When completed"
        ("punctuation-debris", " ."),  # "withdrawn. ."
        ("mt-capitalization", "Increase"),  # "Kazakh protests began Increase in fuel prices Before ..."
        ("mt-capitalization", "Before"),
        ("mt-capitalization", "Used"),
        ("mt-capitalization", "This"),  # "maybe This is more like an internal affair"
        ("inconsistent-spelling", "CTSO"),  # beside "CSTO"
        ("inconsistent-spelling", "Nur Sultan"),  # written Nur-Sultan
    ]
    for item in expected:
        assert item in flagged, item
    verdict = [f for f in report.findings if f.rule == "machine-translated-text"]
    assert len(verdict) == 1 and "machine-translated" in verdict[0].message


def test_clean_prose_has_no_verdict():
    text = ("The Kazakh president said on Monday that order had been restored. Troops from the alliance "
            "will leave within two days, he added.\n\nThe protests began over fuel prices.\n")
    report = check_document(Document(path="t", source=text))
    assert not [f for f in report.findings if f.rule in DEBRIS]


PIECES = ["In", "This", " ", ". ", ". .", ".", "-", "Read more", "CSTO", "CTSO", "Nur Sultan", "“", "”",
          "completed", "When", "the the", "\n\n", "a", "hardware", "Military", "A" * 50, "." * 30, "-" * 40]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=5)), max_size=80).map("".join))
def test_debris_rules_on_random_text(text):
    report = check_document(Document(path="r", source=text), Settings(select=DEBRIS))
    for f in report.findings:
        assert 0 <= f.start <= f.end <= len(text) and f.message


def _findings(text: str, rule: str):
    return [f for f in check_document(Document(path="t.txt", source=text)).findings if f.rule == rule]


def test_debris_repeated_back_to_back_is_one_finding_with_its_count():
    """A scraper's run of ", , , ," or "the the the the" is one deletion for an editor: one
    finding spanning the run, saying how many times it repeats (and no one-word fix)."""
    text = "The troops left. The talks, ,, ,, ,, , went on. The the the the the the army stayed.\n"
    stray = _findings(text, "punctuation-debris")
    assert [(f.line, f.column, f.message) for f in stray] == [
        (1, 28, "stray “,” after “,” (4 times in a row)"), (1, 29, "doubled punctuation “,,” (3 times in a row)")]
    assert text[stray[0].start:stray[0].end] == " ,, ,, ,, ,"
    assert stray[0].fix is None and stray[0].data["repeats"] == 4
    doubled = _findings(text, "repeated-phrase")
    assert len(doubled) == 1 and doubled[0].message == "“the” is written twice (3 times in a row)"
    assert text[doubled[0].start:doubled[0].end] == "the the the the the"


def test_the_same_slip_in_two_places_stays_two_findings():
    text = ("He went to to the market on Monday and spoke to reporters there for an hour.\n\n"
            "Later he went to to the station.\n")
    found = _findings(text, "repeated-phrase")
    assert [(f.line, f.message, f.fix) for f in found] == [
        (1, "“to” is written twice", ""), (3, "“to” is written twice", "")]


def test_mid_sentence_capitals_found_a_stretch_at_a_time_are_those_of_the_whole_text():
    # mt-capitalization reads a long text in stretches cut after sentence punctuation; at
    # any stretch size the matches must be the whole text's, in order.
    from quoteaudit.prose import stretches
    from quoteaudit.rules.mt_capitalization import _MID_CAPITAL, _NO_MATCH_ACROSS
    text = SEED.read_text(encoding="utf-8")
    whole = _MID_CAPITAL.findall(text)
    assert len(whole) > 10
    for size in (1, 7, 50, 333, 1 << 16):
        pieces = list(stretches(text, _NO_MATCH_ACROSS, size))
        assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
        assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:]))
        assert all(_NO_MATCH_ACROSS.fullmatch(text[end - 1]) for _, end in pieces[:-1])
        assert [m for a, b in pieces for m in _MID_CAPITAL.findall(text, a, b)] == whole
