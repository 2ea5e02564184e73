"""The cue rules: who says each quotation, by hand-written rules (the trained ranker then
chooses among these and other candidates). One module a step, joined here:

- ``names.py``: the people a document names, their titles, surnames and genders;
- ``cues.py``: speech cues and the noun phrase that speaks each;
- ``frames.py``: the rules' choice of a speaker for each quotation.

The pass is built around speech cues ("said", "told", "according to", ...):

1. Every cue outside quotation marks is found with one regex; for each, the
   speaker's noun phrase is parsed from the words next to it: the subject before
   it ("Tokayev told", "he said", "Putin and Tokayev said", skipping an
   appositive as in "Forestier-Walker, an expert on ..., said"), or the phrase
   after it when the subject slot is empty ("..., said the president",
   "according to X").
2. Mentions are resolved in document order: a surname to the full name
   introduced in the document ("Tokayev" -> "Kassym-Jomart Tokayev"), a
   description ("the Kazakh president") to a person named with that title, a
   pronoun to the last person who spoke (several when that was a coordination
   such as "Putin and Tokayev said": then the quotation is ambiguous).
3. Each quotation takes the cue of its own sentence: right after it
   ("...,” he said), right before it (Putin said: “...”), elsewhere in the
   sentence for a partial quotation, the previous quotation of the same
   sentence, or, for a paragraph that is only quotation, the previous
   paragraph's speaker (continuation).
"""
from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections import Counter

from .. import lexicon
from ..document import Document, offset_array, paragraph_starts
from ..model import Attribution, Quotation
from .common import Cue, Tokens, _TERMINATOR, _WORD, _word_before
from .names import NameIndex, _Entity
from .cues import CueParser
from .frames import QuoteFrames


class _Attributor(NameIndex, CueParser, QuoteFrames):
    """The rules' worker: the document's names (``names.py``), its speech cues and their
    subjects (``cues.py``), and a speaker for each quotation (``frames.py``); here, the
    geometry they share (paragraphs, sentences, what lies inside a quotation)."""

    def __init__(self, doc: Document, quotations: list[Quotation], people) -> None:
        self.text = doc.text
        self.quotes = quotations
        self.people = people
        self.top = [q for q in quotations if q.depth == 0]
        self.paragraph_starts = paragraph_starts(self.text)
        self.entities: dict[str, _Entity] = {}
        self.surnames: dict[str, list[str]] = {}
        self._quote_bounds = [(q.start, q.end) for q in self.top]
        self._quote_starts = [q.start for q in self.top]
        self.capitalised: dict[str, int] = {}  # how often a capitalised word occurs, when asked
        self._all_capitalised: Counter | None = None  # every capitalised word, once asked often
        self.cues_stopped_at: int | None = None  # where the cue limit stopped the search, if it did
        self._abbreviation_at: dict[int, bool] = {}  # sentence end offset -> an abbreviation's period
        self._terminator_starts: array | None = None  # every _TERMINATOR match, once asked (terminators)
        self._terminator_ends: array | None = None

    def run(self) -> list[Attribution]:
        self._collect_names()
        cues = self.cues = self._find_cues()
        self._resolve_cues(cues)
        result: list[Attribution] = [
            Attribution(q.index, None, None, None, "none", 0.0) for q in self.quotes
        ]
        previous: Attribution | None = None
        previous_quote: Quotation | None = None
        self._cue_starts = [c.start for c in cues]
        self._last_named = _last_named_indexes(cues)
        self._quote_paragraph = {q.index: self._paragraph_of(q.start) for q in self.top}
        for k, q in enumerate(self.top):
            self._neighbours = (self.top[k - 1] if k else None, self.top[k + 1] if k + 1 < len(self.top) else None)
            a = self._attribute_quote(q, cues, previous, previous_quote)
            result[q.index] = a
            if a.method != "none":
                previous, previous_quote = a, q
        # Nested quotations belong to the speaker of the quotation around them.
        for q in self.quotes:
            if q.depth and q.parent is not None:
                outer = result[q.parent]
                result[q.index] = Attribution(q.index, outer.speaker, outer.mention, outer.cue,
                                              outer.method, outer.confidence, list(outer.candidates))
        return result

    def _paragraph_of(self, offset: int) -> int:
        return bisect_right(self.paragraph_starts, offset) - 1

    def end_paragraph_end(self, q: Quotation, para_end: int) -> int:
        """Where the paragraph holding q's end ends, para_end (that of its start) for most: a
        quotation over several paragraphs ("“… / “Well, my friends, …!” she said.") is
        attributed after its last part."""
        if q.end <= para_end:
            return para_end
        starts = self.paragraph_starts
        para = bisect_right(starts, q.end - 1) - 1
        return starts[para + 1] if para + 1 < len(starts) else len(self.text)

    def _inside_quote(self, offset: int) -> bool:
        i = bisect_right(self._quote_starts, offset) - 1
        return i >= 0 and self._quote_bounds[i][0] < offset < self._quote_bounds[i][1]

    def _sentence_start(self, pos: int, floor: int) -> int:
        """Start of the sentence holding pos, searching back no further than floor."""
        for start, end in reversed(list(self.terminators(floor, pos))):
            if not self._is_abbreviation(start) and not self._inside_quote(start):
                return end  # the last sentence end before pos
        return floor

    def _sentence_end(self, pos: int, ceil: int) -> int:
        for start, _ in self.terminators(pos, ceil):
            if not self._is_abbreviation(start) and not self._inside_quote(start):
                return start
        return ceil

    def terminators(self, start: int, end: int):
        """(start, end) of each match of ``_TERMINATOR.finditer(text, start, end)``, read
        from the whole text's, found once: the sentence finders ask about overlapping windows
        (26k of them over PolNeAR train). A terminator needs white space after it, so the
        window holds those that end before its end; one that runs over the window's start
        counts from there when a period, "!" or "?" stands there (its closing marks alone
        are none)."""
        if self._terminator_starts is None:
            starts, ends = offset_array(self.text), offset_array(self.text)
            self._terminator_starts, self._terminator_ends = starts, ends
            for m in _TERMINATOR.finditer(self.text):
                starts.append(m.start())
                ends.append(m.end())
        starts, ends = self._terminator_starts, self._terminator_ends
        i = bisect_left(starts, start)
        if i and ends[i - 1] > start and ends[i - 1] < end and self.text[start] in ".!?":
            yield start, ends[i - 1]
        while i < len(starts) and ends[i] < end:
            yield starts[i], ends[i]
            i += 1

    def _is_abbreviation(self, dot: int) -> bool:
        """Whether the sentence end at dot is an abbreviation's period ("Gov.", "U.S.", "J."),
        decided once per offset: the sentence finders and the ranker ask about the same ends."""
        known = self._abbreviation_at.get(dot)
        if known is None:
            known = self._abbreviation_at[dot] = self._reads_as_abbreviation(dot)
        return known

    def _reads_as_abbreviation(self, dot: int) -> bool:
        text = self.text
        if text[dot] != ".":
            return False
        floor = max(0, dot - 12)
        # The word before the period; a line break right before it is passed over (as "$"
        # passes over a final newline).
        word = _word_before(text, dot - 1 if dot > floor and text[dot - 1] == "\n" else dot, floor)
        if not word:
            return False
        return word in lexicon.words("abbreviations") or (len(word) == 1 and word.isupper()) or "." in word

    def _tokens(self, start: int, end: int) -> "Tokens":
        return Tokens(list(_WORD.finditer(self.text, start, end)))

    def _people_at(self, offset: int) -> list[str]:
        i = bisect_right(self._timeline, (offset, chr(0x10FFFF))) - 1
        return self._timeline[i][1] if i >= 0 else []

    def cues_near(self, start: int, end: int, floor: int, ceil: int) -> list[Cue]:
        """The cues with a subject in [floor, ceil) outside [start, end)."""
        cues = self.cues
        lo, hi = bisect_left(self._cue_starts, floor), bisect_left(self._cue_starts, ceil)
        return [c for c in cues[lo:hi] if c.subject is not None and not start <= c.start < end]

    def _last_named_cue(self, start: int, end: int) -> Cue | None:
        """The last cue starting in [start, end) whose subject names someone, by bisection
        and a table made once: a scan of the cues since the paragraph's start for every
        quotation was quadratic in a text of one long paragraph."""
        lo, hi = bisect_left(self._cue_starts, start), bisect_left(self._cue_starts, end)
        j = self._last_named[hi - 1] if hi > lo else -1
        return self.cues[j] if j >= lo else None

    def _cues_between(self, cues: list[Cue], start: int, end: int) -> list[Cue]:
        """The cues starting in [start, end), by bisection over their sorted starts."""
        return cues[bisect_left(self._cue_starts, start):bisect_left(self._cue_starts, end)]


def _last_named_indexes(cues: list[Cue]) -> array:
    """For each cue, the index of the last cue up to it whose subject names someone (-1: none)."""
    out = array("q")
    last = -1
    for i, c in enumerate(cues):
        if c.subject is not None and c.subject.names:
            last = i
        out.append(last)
    return out
