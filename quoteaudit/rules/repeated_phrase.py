"""A word repeated across a boundary: "once the mission is completed When completed".

What:
    Reports a word written twice in a row ("the the", outside quotations, where
    speech repeats itself), and a word repeated
    around a stray capitalised word ("completed When completed"), the seam where
    a translation engine joined two renderings of one phrase. A run of them
    ("the the the the") is one finding over the run, with its count.

Why:
    Doubled words survive spell checkers and are the commonest typo in print;
    the capitalised seam is a sign of machine translation.

Example:
    Bad:  once the mission is completed When completed, its troops will be withdrawn
    Good: once the mission is completed, its troops will be withdrawn
"""
from __future__ import annotations

from itertools import islice, repeat
from operator import eq

from .. import lexicon

ID = "repeated-phrase"
SEVERITY = "warning"
OPTIONS: dict = {}

from ..model import Issue  # noqa: E402
from ..prose import IssueRuns, lowered, quote_spans, word_chunks  # noqa: E402
from ..regexes import regex  # noqa: E402

_DOUBLE = regex(r"\b([a-z]+) (\1)\b")  # matched against ascii_lower(text)
_JOINERS = {"-", "’", "'", "<", "/"} - {""}
_SEAM = regex(r"\b([a-z]{4,}) ([A-Z][a-z]+) (\1)\b")
# What every _SEAM match has, found several times faster (the scan jumps from space to
# space, and most spaces fail the first test): a space before a capitalised word, after
# four letters, then a space and a lowercase run that ends in the same four letters.
# Almost no document has one, so _SEAM itself seldom runs.
_SEAM_HINT = regex(r" (?=[A-Z])(?<=([a-z]{4}) )[A-Z][a-z]+ [a-z]*?\1(?![a-z])")
_SEAM_STRIP = ".,;:!?”’\"')"


def issues(ctx):
    text = ctx.doc.text
    lower = lowered(ctx)  # once for the three readers below
    allowed = lexicon.words("allowed_repeats")
    doubles, seams = IssueRuns(text, repeat_between=True), IssueRuns(text, repeat_between=True)
    # A cheap test first: most documents repeat no word back to back (map and eq run in C).
    doubled = _any_pair(lower, 1)
    if doubled:
        quoted = quote_spans(ctx)
        for m in _DOUBLE.finditer(lower):
            if m.group(1) in allowed or not text[m.start(2)].islower() \
                    or text[m.start() - 1:m.start()] in _JOINERS or text[m.end():m.end() + 1] in _JOINERS:
                continue  # "had had"; "Bora Bora", "at AT&T"
            if quoted.contains(m.start()):
                continue  # speech repeats itself: "I like like him"
            doubles.add(Issue(m.start(2), m.end(2), f"“{text[m.start(2):m.end(2)]}” is written twice", fix=""))
    seam = _SEAM_HINT.search(text) and _any_pair(lower, 2, _SEAM_STRIP)
    for m in (_SEAM.finditer(text) if seam else ()):
        seams.add(Issue(m.start(2), m.end(3),
                        f"“{m.group(1)}” repeated across “{m.group(2)}”: two renderings of one phrase?"))
    out = doubles.finished() + seams.finished()
    out.sort(key=lambda i: i.start)
    return out


def _any_pair(lower: str, gap: int, strip: str | None = None) -> bool:
    """Whether some word equals the word gap places after it (that one stripped of strip),
    read a stretch of words at a time: a long text's word list would cost memory many
    times its size."""
    tail: list[str] = []
    for words in word_chunks(lower):
        words = tail + words
        later = islice(words, gap, None)
        if any(map(eq, words, map(str.rstrip, later, repeat(strip)) if strip else later)):
            return True
        tail = words[-gap:]
    return False


def check(ctx, options):
    yield from ctx.once(ID, lambda: issues(ctx))
