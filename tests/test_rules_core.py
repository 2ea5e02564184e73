"""The attribution rules, each on inline text with expected (line, column, rule)."""
from __future__ import annotations

from quoteaudit.config import Settings
from quoteaudit.document import Document
from quoteaudit.pipeline import check_document


def findings(text: str, rule: str):
    report = check_document(Document(path="t.txt", source=text), Settings(select={rule}))
    return [(f.line, f.column, f.rule) for f in report.findings], report.findings


def test_unattributed_quote():
    text = "The rally ended late.\n\n“This is the most important election of our lifetime.”\n"
    got, found = findings(text, "unattributed-quote")
    assert got == [(3, 1, "unattributed-quote")]
    assert "no speaker" in found[0].message
    # The same statement with its speaker is clean.
    got, _ = findings("“This is the most important election of our lifetime,” Trump said.", "unattributed-quote")
    assert got == []


def test_unattributed_quote_ignores_scare_quotes_and_fragments():
    text = "Critics called the plan a “disaster” and the so-called “reform” stalled.\n"
    got, _ = findings(text, "unattributed-quote")
    assert got == []


def test_ambiguous_speaker_names_both_candidates():
    text = ("Russian President Vladimir Putin and Kassym-Jomart Tokayev spoke on Monday.\n\n"
            "Putin and Tokayev said the mission was over.\n\n"
            "“We will not allow it,” he said.\n")
    got, found = findings(text, "ambiguous-speaker")
    assert got == [(5, 1, "ambiguous-speaker")]
    assert "Vladimir Putin" in found[0].message and "Kassym-Jomart Tokayev" in found[0].message
    assert found[0].data["candidates"] == ["Vladimir Putin", "Kassym-Jomart Tokayev"]


def test_single_speaker_is_not_ambiguous():
    text = "Tokayev spoke on Monday.\n\n“We will not allow it,” he said.\n"
    got, _ = findings(text, "ambiguous-speaker")
    assert got == []


def test_unbalanced_unclosed_opener():
    text = "First paragraph.\n\nHe said “we will win and left.\n\nNext “fine” paragraph.\n"
    got, found = findings(text, "unbalanced-quote")
    assert got == [(3, 9, "unbalanced-quote")]
    assert "never closed" in found[0].message


def test_unbalanced_closer_without_opener():
    got, found = findings("It was over,” he said.\n", "unbalanced-quote")
    assert got == [(1, 13, "unbalanced-quote")]
    assert "no opening mark" in found[0].message


def test_mismatched_marks_are_one_finding():
    # From PolNeAR train: “Ladies and gentlemen, Mr. Paul Simon," — opened curly, closed straight.
    text = 'Silverman interjected, “Ladies and gentlemen, Mr. Paul Simon," who proceeded to perform.\n'
    got, found = findings(text, "unbalanced-quote")
    assert got == [(1, 62, "unbalanced-quote")]
    assert found[0].message == 'quotation opened with “ is closed with "'
    assert found[0].fix == "”"


def test_multi_paragraph_quotation_is_balanced():
    text = "“First paragraph of the statement.\n\n“Second and last paragraph,” she said.\n"
    got, _ = findings(text, "unbalanced-quote")
    assert got == []


def test_attribute_values_in_markup_are_not_unbalanced():
    text = '<tweet id="750366792434978816" author="@SpeakerRyan">While I respect the professionals</tweet>\n'
    got, _ = findings(text, "unbalanced-quote")
    assert got == []
