"""Shortcuts of the attribution stage that must read text exactly as the regex they replace:
common._word_before (backwards, instead of a search anchored at the end) and
_Attributor.terminators (a window's sentence terminators, from the whole text's); and
texts read a stretch at a time (prose.ascii_lower, the suppression-directive test) as if
read whole."""
import re
from pathlib import Path

from quoteaudit.attribution.common import _TERMINATOR, _word_before
from quoteaudit.attribution.rules import _Attributor
from quoteaudit.document import Document

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed" / "kazakhstan-csto-mt.txt"

_ANCHORED = re.compile(r"[\w.]+$")


def test_word_before_is_the_anchored_regex_match():
    text = "Gov. U.S. x_y. é1. 日本. no-dot . (Mr.) 12.5. end"
    for end in range(len(text) + 1):
        for floor in (0, max(0, end - 12), max(0, end - 3), end):
            m = _ANCHORED.search(text, floor, end)
            assert _word_before(text, end, floor) == (m.group() if m else ""), (end, floor)


def test_word_before_stops_at_floor_and_non_word_characters():
    text = "said Gov.Jones"
    assert _word_before(text, text.index("Jones") - 1, 0) == "Gov"
    assert _word_before(text, len(text), 0) == "Gov.Jones"
    assert _word_before(text, len(text), len(text) - 3) == "nes"
    assert _word_before(text, 4, 0) == "said" and _word_before(text, 5, 0) == ""


def test_terminators_of_a_window_are_the_windowed_regex_matches():
    # Windows that start or end inside "...", ?! and closing marks, and ones that do not.
    text = (SEED.read_text(encoding="utf-8")
            + ' He said.” “No!?” she asked... ." (Yes.) ?! x.\n. "Mr. J." ok?’ ) y')
    att = _Attributor(Document(path="t.txt", source=text), [], None)
    ends = {m.end() for m in _TERMINATOR.finditer(text)} | {m.start() for m in _TERMINATOR.finditer(text)}
    points = sorted({p + d for p in ends for d in (-1, 0, 1, 2)} | set(range(0, len(text), 11)))
    for start in (p for p in points if 0 <= p <= len(text)):
        for end in (start, start + 1, start + 3, start + 60, len(text)):
            end = min(end, len(text))
            assert list(att.terminators(start, end)) == \
                [(m.start(), m.end()) for m in _TERMINATOR.finditer(text, start, end)], (start, end)


def test_terminator_regex_opens_on_one_class_and_matches_as_before():
    # Written "[.!?][.!?]*" so the engine skips to a . ! ? in C; "[.!?]+" is the same set of matches.
    before = re.compile(r"[.!?]+[\"”’')\]]*(?=\s)")
    text = SEED.read_text(encoding="utf-8") + ' Yes!?” No... ."  Why?) x.y. ?!\n'
    assert [m.span() for m in _TERMINATOR.finditer(text)] == [m.span() for m in before.finditer(text)]


def test_candidate_scans_open_on_letters_and_match_as_before():
    # The pronoun and description scans are written as one alternative per first letter (so the
    # engine skips to those letters in C); they must find what the lookahead-first spellings did.
    from quoteaudit.attribution.candidates import _OPENING_DESCRIPTION, _PRONOUN
    pronoun = re.compile(r"(?=[HhSsTtWwIi])(?<![\w’'-])(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|[Ii]t|I|[Ww]ho|[Ww]hich"
                         r"|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)(?![\w-])")
    description = re.compile(r"(?=[TAO])(?<![\w’'-])(?:The|This|That|These|Those|A|An|Another|One)"
                             r"\s+[\w’'-]+(?:\s+[\w’'-]+){0,3}")
    text = (SEED.read_text(encoding="utf-8") + " I it’s Its I-95 Hers he’d HE thei Their-x who_ Which. "
            "A An Another Anot The  x One-two ’He -she x'It AThe")
    for new, old in ((_PRONOUN, pronoun), (_OPENING_DESCRIPTION, description)):
        assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)]
        for start in range(0, len(text), 13):
            assert [m.span() for m in new.finditer(text, start, start + 80)] == \
                [m.span() for m in old.finditer(text, start, start + 80)]


def test_a_directive_across_a_stretch_boundary_of_a_non_ascii_text_is_found():
    # The "quoteaudit" test lowers a non-ASCII text a stretch at a time: a directive cut by a
    # stretch boundary must still be seen, and the ignore honoured.
    from quoteaudit.prose import STRETCH
    from quoteaudit.suppress import directives
    head = "“Words,” he said.\n"
    for cut in range(1, len("quoteaudit")):  # the word's first `cut` letters before the boundary
        pad = "x" * (STRETCH - cut - 1 - len(head) - 1) + "\n"
        text = head + pad + "[QuoteAudit: ignore unattributed-quote]\n“Unsourced words here.”\n"
        assert text.index("QuoteAudit") == STRETCH - cut
        found = directives(text)
        assert [(verb, set(rules)) for _, _, verb, rules in found] == [("ignore", {"unattributed-quote"})]
    assert directives("“" + "no directive here " * 2000) == []


def test_ascii_lower_in_stretches_is_the_whole_text_lowered():
    from quoteaudit.prose import STRETCH, ascii_lower
    text = ("Tokayev SAID “Words” — İstanbul ÉTÉ. " * (3 * STRETCH // 30))[:3 * STRETCH + 7]
    assert len(ascii_lower(text)) == len(text)
    expected = text.translate(str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz"))
    assert [c for c, e in zip(ascii_lower(text), expected) if c.isascii() or e.isascii()] == \
           [e for c, e in zip(ascii_lower(text), expected) if c.isascii() or e.isascii()]
    plain = "Mr. Tokayev SAID so. " * 2000
    assert ascii_lower(plain) == plain.lower()
