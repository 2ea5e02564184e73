"""Find quotations: pair the marks, tell quotation marks from apostrophes.

Marks: “…” ‘…’ "…" '…' «…» ‹…› „…“ (and „…”). A quotation that runs over several
paragraphs (each paragraph reopens the mark, only the last closes it) is one
quotation with one part per paragraph. A mark never closed, or a closer without an
opener, is recorded as an :class:`UnbalancedMark`; scanning goes on sensibly: an
unclosed quotation ends at the end of its paragraph.

Only the mark characters are visited (one regex pass), so the cost is linear in
the text and tiny next to reading it. At most MAX_DEPTH + 1 quotations are open at
once: an opener past that ends the innermost one as unclosed, so that a text of
unclosed openers ('He said "He said "...') gives quotations of bounded total
length instead of one per opener running to the paragraph's end.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from . import lexicon
from .document import _LINE_BREAK, offset_array, paragraph_break
from .model import Quotation, Span
from .regexes import regex

# '' and `` are the double marks of typewriter-era and Penn Treebank text (''like this'').
# The marks, or a paragraph break: '' | `` | one mark | a break. Written to open on one
# character class, so that the regex engine jumps from candidate to candidate instead of
# trying the pattern at every position; what follows is chosen by looking back at it.
_MARK_OR_BREAK = r"[\"'`“”„«»‹›‘’\n](?:(?<=')'?|(?<=`)`|(?<=\n){paragraph_break}|(?<=[\"“”„«»‹›‘’]))"


@lru_cache(maxsize=2)  # compiled on first use: a text has one paragraph style (start-up)
def _marks(line_paragraphs: bool) -> re.Pattern:
    """The marks and breaks of a text whose paragraphs are lines, or blank-line separated."""
    return regex(_MARK_OR_BREAK.format(paragraph_break=r"\s*" if line_paragraphs else r"[ \t\r\f\v]*\n\s*"))


# What may stand right before an opening mark (besides white space and start of text).
_OPEN_BEFORE = set("([{—–-/:;=…\"'“‘«‹„") | {"\u00a0"}
# Invisible format characters (direction marks, zero-width spaces) count as white space
# around a mark.
_INVISIBLE = set("\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\ufeff")
# What may stand right after a closing mark.
_CLOSE_AFTER = set(".,;:!?)]}—–-…\"'”’»›")

# "WALLACE: ..." opening a paragraph of a transcript.
_SPEAKER_LABEL = regex(r"[A-Z][A-Z.'\- ]{1,30}[A-Z]:\s")

DOUBLE_OPEN = {"“": "”", "„": "“", "«": "»"}
SINGLE_OPEN = {"‘": "’", "‹": "›"}
STRAIGHT = {'"', "'"}
# Deepest nesting kept (0 is top level); news nests one level, rarely two.
MAX_DEPTH = 3


@dataclass(slots=True)
class UnbalancedMark:
    """A quotation mark that is never closed, closes nothing, or closes another kind of mark."""
    offset: int
    mark: str
    problem: str  # "unclosed" | "unopened" | "mismatched"
    quote: int | None = None  # the quotation an unclosed mark opens
    opener: str | None = None  # for "mismatched": the opening mark the closer does not match


@dataclass
class QuoteScan:
    """The quotation finder's result: quotations in text order and the unbalanced marks."""
    quotations: list[Quotation]
    unbalanced: list[UnbalancedMark]
    stopped_at: int | None = None  # where the scan stopped at the quotation limit


QUOTATION_ALLOWANCE = 300  # quotations allowed on top of one per 100 characters


def quotation_limit(length: int) -> int:
    """The most quotations read from a text of this length: one per 100 characters, and
    300 more. News has one per 400 characters or so; the densest of PolNeAR's 924 articles
    one per 62, and 19 over one per 100. Past the limit the marks are debris, and each
    quotation's objects (about 1 KB with its finding) would cost memory far beyond the
    text's own size: with 1,000 more, a 100 KB text of unclosed marks took 22-32x its size."""
    return QUOTATION_ALLOWANCE + length // 100


@dataclass(slots=True)
class _Open:
    """A quotation still open while the marks are read: its mark, where it opened, its parts so far."""
    mark: str
    offset: int
    family: str  # "double" | "single"
    closers: str
    parts: list | None  # None once its quotation is made
    part_start: int
    depth: int
    parent: "_Open | None"


def _is_space(ch: str) -> bool:
    return ch == "" or ch.isspace() or ch in _INVISIBLE


class _SingleClosers:
    """Where a single closing mark could stand, found once; each opener bisects."""

    def __init__(self, text: str) -> None:
        self.positions = offset_array(text)
        for m in re.finditer(r"['’›]", text):
            k = m.start()
            prev = text[k - 1] if k > 0 else ""
            nxt = text[k + 1] if k + 1 < len(text) else ""
            if prev.isalnum() and nxt.isalnum():
                continue  # don't
            if not _is_space(prev) and (_is_space(nxt) or nxt in _CLOSE_AFTER):
                self.positions.append(k)

    def next_before(self, start: int, end: int) -> bool:
        from bisect import bisect_left
        i = bisect_left(self.positions, start)
        return i < len(self.positions) and self.positions[i] < end


def _single_opener_ok(text: str, i: int, para_end: int, closers: "_SingleClosers") -> bool:
    """A ‘ or ' that opens a quotation rather than starting an elision ('90s, 'em)."""
    m = re.match(r"[A-Za-z0-9]+", text[i + 1:i + 12])
    if m:
        word = m.group(0).lower()
        if word in lexicon.words("elisions") or re.fullmatch(r"\d\d(s)?", word):
            return False
    # Only a quotation if a plausible closer follows in the same paragraph.
    return closers.next_before(i + 1, para_end)


def find_quotations(text: str, source: str | None = None) -> QuoteScan:
    """Quotations of the analysis text; their ``text`` reads from ``source`` (the input as
    read, the same length; default ``text``)."""
    source = text if source is None else source
    breaks = paragraph_break(text)
    marks = _marks(breaks is _LINE_BREAK)
    paragraphs = offset_array(text, (m.start() for m in breaks.finditer(text)))
    single_closers = _SingleClosers(text)
    quotations: list[Quotation] = []
    unbalanced: list[UnbalancedMark] = []
    stack: list[_Open] = []
    n = len(text)
    para_idx = 0
    para_end = paragraphs[0] if paragraphs else n
    para_start = 0
    continuing: _Open | None = None  # an outer quote carried into this paragraph
    opened_by: dict[int, _Open] = {}  # id(Quotation) -> the opener it closes
    unclosed_quote: dict[int, Quotation] = {}  # id(UnbalancedMark) -> the quotation it opens

    def finish(q: _Open, end: int, closed: bool, inner_end: int, report: bool = True) -> None:
        q.parts.append(Span(q.part_start, end))
        start = q.parts[0].start
        quote = Quotation(
            index=-1, start=start, end=end, inner_start=start + len(q.mark), inner_end=inner_end,
            source=source, parts=q.parts, depth=q.depth,
            parent=None, closed=closed,
        )
        q.parts = None  # the quotation owns them now; the opener is kept only for its parent link
        opened_by[id(quote)] = q  # Quotation has slots: its opener is kept beside it until the end
        quotations.append(quote)
        if not closed and report:
            unbalanced.append(UnbalancedMark(q.offset, q.mark, "unclosed"))
            unclosed_quote[id(unbalanced[-1])] = quote

    def close_paragraph(end_of_para: int, next_para_start: int) -> _Open | None:
        """Handle quotes still open at a paragraph end; return one carried on."""
        nonlocal stack
        if not stack:
            return None
        outer = stack[0]
        trimmed = end_of_para
        while trimmed > outer.part_start and text[trimmed - 1].isspace():
            trimmed -= 1
        # Nested quotes cannot run past a paragraph: close them as unclosed.
        for q in reversed(stack[1:]):
            if q.family == "double":
                finish(q, trimmed, False, trimmed)
        stack = []
        reopen = text.startswith(outer.mark, next_para_start)
        if reopen and _SPEAKER_LABEL.match(text, next_para_start + len(outer.mark)):
            # A transcript: each speaker's turn reopens the mark ("PENCE: ...); a new quotation.
            finish(outer, trimmed, False, trimmed, report=False)
            return None
        if reopen and _has_closer_ahead(text, next_para_start + 1, outer, last_closer):
            outer.parts.append(Span(outer.part_start, trimmed))
            outer.part_start = next_para_start
            return outer
        finish(outer, trimmed, False, trimmed)
        return None

    def push(ch: str, i: int, family: str, closers: str) -> None:
        if len(stack) > MAX_DEPTH:
            innermost = stack[-1]
            if innermost.family == "double":
                _end_unclosed(stack, innermost, i, text, finish)
            else:
                stack.pop()  # an unclosed single mark: an apostrophe after all
        _push(stack, ch, i, family, closers)

    limit = quotation_limit(n)
    stopped_at = None
    last_closer: dict[str, int] = {}
    mark_strings: dict[str, str] = {}
    for m in _marks_without_runs(marks, text):
        i = m.start()
        ch = m.group(0)
        ch = mark_strings.setdefault(ch, ch)  # one string per kind of mark, not one per quotation (memory)
        if len(quotations) + len(stack) >= limit:
            stopped_at = i
            break
        if ch[0] == "\n":  # paragraph break
            next_start = m.end()
            continuing = close_paragraph(i, next_start)
            para_start = next_start
            while para_idx < len(paragraphs) and paragraphs[para_idx] <= i:
                para_idx += 1
            para_end = paragraphs[para_idx] if para_idx < len(paragraphs) else n
            if continuing is not None:
                stack = [continuing]
            continue
        if continuing is not None and i == para_start and ch == continuing.mark:
            continuing = None  # the reopening mark of a continued paragraph
            continue
        continuing = None
        prev = text[i - 1] if i > 0 else ""
        nxt = text[i + len(ch)] if i + len(ch) < n else ""
        can_open = not _is_space(nxt) and (_is_space(prev) or prev in _OPEN_BEFORE)
        can_close = not _is_space(prev) and (_is_space(nxt) or nxt in _CLOSE_AFTER or not nxt.isalnum())
        top = stack[-1] if stack else None

        if top is not None and ch in top.closers and ch not in ('"', "''"):
            if ch in "’'" and (not can_close or (prev.isalnum() and nxt.isalnum())):
                continue  # an apostrophe inside the quotation
            stack.pop()
            finish(top, i + 1, True, i)
            continue
        if ch in ("”", "»") or (ch == "“" and _double_open_in(stack) and not can_open):
            if _close_enclosing(stack, ch, i, finish):
                continue
            if top is not None and top.family == "double" and can_close and not can_open:
                # "…” or “…“ — closed with the wrong mark: one quotation, one finding.
                stack.pop()
                finish(top, i + 1, True, i)
                unbalanced.append(UnbalancedMark(i, ch, "mismatched", opener=top.mark))
                continue
            if ch == "”" and can_open and not can_close:
                # A reversed mark used as an opener (”text”): treat it as opening.
                push(ch, i, "double", "”")
            else:
                unbalanced.append(UnbalancedMark(i, ch, "unopened"))
            continue
        if ch in DOUBLE_OPEN:
            if ch == "“" and not can_open and can_close:
                unbalanced.append(UnbalancedMark(i, ch, "unopened"))
                continue
            # A new opener while the same kind is open: the old one was never closed.
            if top is not None and top.family == "double" and top.mark == ch:
                _end_unclosed(stack, top, i, text, finish)
            push(ch, i, "double", DOUBLE_OPEN[ch] + ("”" if ch == "„" else ""))
            continue
        if ch == "``":
            push(ch, i, "double", "''")
            continue
        if ch in ('"', "''"):
            if top is not None and top.mark in (ch, "``") and (can_close or not can_open):
                stack.pop()
                finish(top, i + len(ch), True, i)
            elif _straight_open_in(stack) and not can_open:
                _close_enclosing(stack, ch, i, finish)
            elif top is not None and top.family == "double" and can_close and not can_open:
                # “…" — opened curly, closed straight: one quotation, one finding.
                stack.pop()
                finish(top, i + len(ch), True, i)
                unbalanced.append(UnbalancedMark(i, ch, "mismatched", opener=top.mark))
            elif can_open:
                push(ch, i, "double", ch)
            elif can_close and not prev.isdigit():  # 5" is an inch mark
                unbalanced.append(UnbalancedMark(i, ch, "unopened"))
            continue
        if ch in ("‘", "‹", "'") and can_open and _single_opener_ok(text, i, para_end, single_closers):
            push(ch, i, "single", {"‘": "’'", "‹": "›", "'": "'’"}[ch])
    # Stopped at the limit, the quotations still open run to their paragraph's end, as
    # unclosed ones do.
    close_paragraph(n if stopped_at is None else para_end, n)

    quotations.sort(key=lambda q: (q.start, -q.end))
    opens = {}
    for idx, q in enumerate(quotations):
        q.index = idx
        opens[id(opened_by[id(q)])] = q
    for q in quotations:
        parent = opened_by[id(q)].parent
        while parent is not None and id(parent) not in opens:
            parent = parent.parent
        q.parent = opens[id(parent)].index if parent is not None else None
        q.depth = 0 if q.parent is None else quotations[q.parent].depth + 1
    for u in unbalanced:
        quote = unclosed_quote.get(id(u))
        if quote is not None:
            u.quote = quote.index
    unbalanced.sort(key=lambda u: u.offset)
    return QuoteScan(quotations, unbalanced, stopped_at)


def _marks_without_runs(marks: re.Pattern, text: str):
    """The matches of marks, as finditer gives them, except that a run of one mark (“““…)
    yields its first two and steps over the rest at once: they are debris, and a flood of
    them visited one by one cost seconds per megabyte."""
    search = marks.search
    m = search(text, 0)
    previous, previous_end = "", -1
    while m is not None:
        yield m
        ch, end = m.group(0), m.end()
        if m.start() == previous_end and ch == previous and ch[0] != "\n":
            end = re.compile(f"(?:{re.escape(ch)})*").match(text, end).end()  # re caches it
        previous, previous_end = ch, end
        m = search(text, end)


def _push(stack, ch, i, family, closers) -> None:
    parent = stack[-1] if stack else None
    stack.append(_Open(ch, i, family, closers, [], i, len(stack), parent))


def _double_open_in(stack) -> bool:
    return any(q.family == "double" and q.mark != '"' for q in stack)


def _straight_open_in(stack) -> bool:
    return any(q.mark in ('"', "''") for q in stack)


def _close_enclosing(stack, ch, i, finish) -> bool:
    """Close the nearest open double quote this closer can end; inner singles were apostrophes."""
    for depth in range(len(stack) - 1, -1, -1):
        q = stack[depth]
        if q.family == "double" and ch in q.closers:
            inner = stack[depth + 1:]
            del stack[depth:]
            for s in reversed(inner):
                if s.family == "double":
                    finish(s, i, False, i)
            finish(q, i + len(ch), True, i)
            return True
    return False


def _end_unclosed(stack, top, i, text, finish) -> None:
    stack.pop()
    end = i
    while end > top.part_start + 1 and text[end - 1].isspace():
        end -= 1
    finish(top, end, False, end)


def _has_closer_ahead(text: str, start: int, outer: _Open, last_closer: dict[str, int]) -> bool:
    """Whether a multi-paragraph quotation is really continued (some closer later on). The
    last place of each closer is found once: a find from every paragraph to the end of a
    text that has none was quadratic."""
    for c in outer.closers:
        if c not in last_closer:
            last_closer[c] = text.rfind(c)
        if last_closer[c] >= start:
            return True
    return False


