"""Shared prose helpers for the machine-translation and page-debris rules.

Everything here is a single regex pass or a set lookup, so the rules stay linear in
the text: no pattern has nested quantifiers that could backtrack.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from . import lexicon
from .document import paragraph_starts
from .regexes import regex

OPENERS = "“‘\"'«‹„(["
# Texts are read a stretch of 8,192 characters at a time where a whole-text copy would cost
# many times the text's size (a word list: 60 bytes a word; str.lower: 12 bytes a character),
# and each stretch costs one short regex search or call.
STRETCH = 1 << 13
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def ascii_lower(text: str) -> str:
    """Lowercase A-Z only: the same length as text, so offsets hold (str.lower may not),
    and a case-sensitive regex over it is much faster than an IGNORECASE one."""
    # In pieces: str.lower of a non-ASCII text makes a work buffer of 12 bytes a character
    # (12x the input of a mostly ASCII text, at once); a piece at a time keeps that small.
    # Pieces cut anywhere: only ASCII letters matter to the readers of the result.
    if len(text) <= STRETCH or text.isascii():  # an ASCII text is lowered with no work buffer
        lowered = text.lower()
    else:
        lowered = "".join([text[i:i + STRETCH].lower() for i in range(0, len(text), STRETCH)])
    return lowered if len(lowered) == len(text) else text.translate(_ASCII_LOWER)


@lru_cache(maxsize=1)
def common_lowercase_words() -> frozenset[str]:
    return lexicon.words("common_lowercase_words")


def is_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at text[dot] ends an abbreviation ("Mr.", "U.S.", "p.m.")."""
    m = re.search(r"([\w.]+)$", text[max(0, dot - 12):dot])
    if not m:
        return False
    word = m.group(1)
    return word in lexicon.words("abbreviations") or (len(word) == 1 and word.isalpha()) or "." in word


class Paragraphs:
    """Paragraph spans of a text, with a test for headline (title-case) paragraphs.

    The spans are found on first use: most documents never ask (the rules call
    is_headline only for a candidate finding)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._headline: dict[int, bool] = {}

    @property
    def starts(self) -> tuple[int, ...]:
        return paragraph_starts(self.text)

    def index(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    def span(self, i: int) -> tuple[int, int]:
        end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
        return self.starts[i], end

    def is_headline(self, offset: int) -> bool:
        """A short paragraph in title case, or with no sentence punctuation at all."""
        i = self.index(offset)
        if i not in self._headline:
            start, end = self.span(i)
            para = self.text[start:end].strip()
            if len(para) >= 300:  # no headline: decided before listing the words of a long paragraph
                self._headline[i] = False
                return False
            small = lexicon.words("title_case_small_words")
            lowers = [w for w in (word.strip(".,;:!?\"'“”‘’()[]") for word in para.split())
                      if len(w) > 1 and w[0].islower() and w.isalpha() and w not in small]
            no_sentence = not re.search(r"[.!?:;,][”\"’']?\s*$", para) and len(para) < 120
            self._headline[i] = not lowers or no_sentence
        return self._headline[i]


def after_opening(text: str, pos: int) -> bool:
    """Whether pos starts a quoted sentence or follows a colon or dash (a fresh start)."""
    before = text[max(0, pos - 3):pos].rstrip()
    return bool(before) and (before[-1] in OPENERS or before[-1] in ":—–-")


def lowered(ctx) -> str:
    """ascii_lower of the document's text, made for each reader and not kept with the
    document: lowering is cheap, and a copy of the whole text kept to the end of the check
    was twice the input's size in memory on hostile text (a few readers ask, once each)."""
    return ascii_lower(ctx.doc.text)


def stretches(text: str, boundary: re.Pattern, size: int = STRETCH):
    """(start, end) of consecutive pieces of text of about size characters, each ending just
    after a character that boundary matches (or at the text's end). A regex that cannot
    match across those characters finds, piece by piece (findall(text, start, end)), what it
    finds in the whole text, without a list of every match of a long text at once."""
    start, n = 0, len(text)
    while start < n:
        found = boundary.search(text, start + size - 1) if start + size < n else None
        end = found.end() if found is not None else n
        yield start, end
        start = end


_SPACE = regex(r"\s")  # the characters str.split() splits at, every one of them


def word_chunks(text: str, size: int = STRETCH):
    """The words of text, a list per stretch of about size characters cut at white space:
    as str.split() gives them, without holding a long text's words all at once."""
    for start, end in stretches(text, _SPACE, size):
        yield text[start:end].split()


def paragraphs(ctx) -> "Paragraphs":
    """The document's Paragraphs, shared by the rules (with its headline answers)."""
    return ctx.once("prose.paragraphs", lambda: Paragraphs(ctx.doc.text))


def quote_spans(ctx) -> "QuoteSpans":
    """QuoteSpans of every top-level quotation, shared by the rules."""
    return ctx.once("prose.quote_spans", lambda: QuoteSpans(ctx.quotations))


class QuoteSpans:
    """The top-level quotations of a document, for "is this offset inside one?" by bisection."""

    def __init__(self, quotations, keep=lambda q: True) -> None:
        self.spans = sorted((q.start, q.end) for q in quotations if q.depth == 0 and keep(q))
        self.starts = [a for a, _ in self.spans]

    def contains(self, offset: int) -> bool:
        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and self.spans[i][0] <= offset < self.spans[i][1]


_RUN_JOINER = regex(r"[\s.,;:!?\-]{0,3}")


class IssueRuns(list):
    """A rule's issues, where the same issue repeated back to back is one: "the the the ..."
    or ", , , ," is one piece of debris for an editor (one deletion), reported once with its
    count, and a text made of nothing else costs one issue per run, not one per repeat.
    Issues merge when their messages are the same and only spaces or punctuation (at most
    three characters) stand between them; add them in order of position."""

    def __init__(self, text: str, repeat_between: bool = False) -> None:
        super().__init__()
        self.text = text
        self._repeats: list[int] = []
        # Doubled words pair off ("the the" "the the"; "said he said said he said"): between
        # two issues of one run stand a few words, which repeat_between allows (three at most).
        self._repeat_between = repeat_between

    def _joins(self, last, issue) -> bool:
        if issue.start <= last.end or _RUN_JOINER.fullmatch(self.text, last.end, issue.start) is not None:
            return True
        return self._repeat_between and issue.start - last.end <= 40 \
            and len(self.text[last.end:issue.start].split()) <= 3

    def add(self, issue) -> None:
        if self:
            last = self[-1]
            if issue.message == last.message and last.start <= issue.start and self._joins(last, issue):
                last.end = max(last.end, issue.end)
                self._repeats[-1] += 1
                return
        self.append(issue)
        self._repeats.append(1)

    def finished(self) -> list:
        """The issues, each run's message saying how many times it repeats."""
        for issue, n in zip(self, self._repeats):
            if n > 1:
                issue.message = f"{issue.message} ({n:,} times in a row)"
                issue.fix = None  # one fix for a run of them is not the fix of one
                issue.data = {**(issue.data or {}), "repeats": n}
        return list(self)
