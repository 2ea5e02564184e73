"""The quotation finder on real sentences (PolNeAR train, the seed) and edge cases."""
from __future__ import annotations

import pytest

from quoteaudit.quotes import find_quotations


def texts(text: str):
    return [q.text for q in find_quotations(text).quotations]


@pytest.mark.parametrize("text, expected", [
    ("“The campaign goes on,” Kasich told a crowd in Berea, Ohio Tuesday night.", ["“The campaign goes on,”"]),
    ('Trump said he is making "a demand" of Obama.', ['"a demand"']),
    ("He called it ‘a disaster’ on Monday.", ["‘a disaster’"]),
    ("Sie sagte: „Das ist gut“ und ging.", ["„Das ist gut“"]),
    ("Il a dit «non» hier.", ["«non»"]),
    ("Il a dit ‹oui› hier.", ["‹oui›"]),
    ("''This isn't tax reform,'' said Douglas Holtz-Eakin.", ["''This isn't tax reform,''"]),
])
def test_marks(text, expected):
    assert texts(text) == expected


@pytest.mark.parametrize("text", [
    "Don't blame Nazarbayev's heirs for the ’90s.",
    "It was rock ’n’ roll at the students' union, said O’Brien.",
    "The Clintons' foundation and the ’em-and-us politics of 'til now.",
])
def test_apostrophes_are_not_quotation_marks(text):
    scan = find_quotations(text)
    assert scan.quotations == [] and scan.unbalanced == []


def test_nested_quotation_has_depth_and_parent():
    text = "“He told me ‘never again,’ and meant it,” she said."
    qs = find_quotations(text).quotations
    assert [q.text for q in qs] == ["“He told me ‘never again,’ and meant it,”", "‘never again,’"]
    assert (qs[0].depth, qs[1].depth, qs[1].parent) == (0, 1, 0)


def test_multi_paragraph_quotation_is_one_with_parts():
    text = "“The first paragraph of the statement.\n\n“The second paragraph.\n\n“The last one,” he said."
    scan = find_quotations(text)
    assert len(scan.quotations) == 1 and not scan.unbalanced
    q = scan.quotations[0]
    assert [text[p.start:p.end] for p in q.parts] == [
        "“The first paragraph of the statement.", "“The second paragraph.", "“The last one,”"]


def test_unclosed_mark_ends_at_paragraph_and_later_quotes_survive():
    text = "He said “we will win and left.\n\nLater, “fine,” she said. Then “done.”"
    scan = find_quotations(text)
    assert [q.text for q in scan.quotations] == ["“we will win and left.", "“fine,”", "“done.”"]
    assert [(u.offset, u.problem) for u in scan.unbalanced] == [(8, "unclosed")]
    assert not scan.quotations[0].closed


def test_closer_without_opener():
    scan = find_quotations("It was over,” he said. “Next,” she said.")
    assert [q.text for q in scan.quotations] == ["“Next,”"]
    assert [(u.offset, u.problem) for u in scan.unbalanced] == [(12, "unopened")]


def test_inch_marks_are_not_quotation_marks():
    scan = find_quotations('A 5" screen and a "quote" here.')
    assert [q.text for q in scan.quotations] == ['"quote"'] and not scan.unbalanced


def test_single_newline_paragraphs_in_scraped_text():
    long = "x" * 130
    text = f"“Open quote without a close {long}\n“Another paragraph,” she said."
    scan = find_quotations(text)
    assert [q.text[:12] for q in scan.quotations] == ["“Open quote ", "“Another par"]
