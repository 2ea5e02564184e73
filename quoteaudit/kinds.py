"""Tell speech quotations from scare quotes and titles.

speech: a full or partial statement of someone ("…,” Tokayev said; called them “deplorables”).
scare:  a word or short phrase in marks used as a term ("the “coup”", "its “national
        enterprise reporter”"), or a token such as a number or a handle.
title:  the name of a work or programme ("the film “13th”", “Fox News Sunday”).

Runs after attribution: a short quotation counts as speech only when a speech cue
in its own sentence attributes it and the writer's syntax does not use it as a
noun of their own (a determiner right before it).
"""
from __future__ import annotations

import re
from itertools import islice

from . import lexicon
from .attribution.common import headline_label
from .model import Attribution, Quotation
from .regexes import regex

SHORT_WORDS = 4
TITLE_MAX_WORDS = 8
_WORDS = regex(r"[\w’'\-]+")
# Marks and white space, none of which _WORDS matches: a quotation of nothing else has no
# word, found by a strip (C speed) instead of a regex scan of all of it (a flood of marks)
_NO_WORD = "“”\"‘«»„‹›`" + " \t\n\r\f\v\u00a0"


def classify(text: str, quotations: list[Quotation], attributions: list[Attribution]) -> None:
    cues = _Cues(text)
    for q in quotations:
        inner = text[q.inner_start:q.inner_end].strip()
        # Once, for both tests; they only ask about the first TITLE_MAX_WORDS + 1 words (a
        # quotation running over a long paragraph would list them all, for nothing).
        words = ([m.group() for m in islice(_WORDS.finditer(inner), TITLE_MAX_WORDS + 1)]
                 if inner.strip(_NO_WORD) else [])
        q.kind = _kind(text, q, attributions[q.index], inner, words, cues)
        q.partial = q.kind == "speech" and _is_partial(text, q, inner, words)
        if q.kind != "speech" and q.depth == 0:
            attributions[q.index] = Attribution(q.index, None, None, None, "none", 0.0)
    for q in quotations:  # nested quotations inside a title or scare quote follow it
        if q.parent is not None and quotations[q.parent].kind != "speech":
            q.kind = quotations[q.parent].kind


def _kind(text: str, q: Quotation, a: Attribution, inner: str, words: list[str], cues: "_Cues") -> str:
    if not words or text[max(0, q.start - 1):q.start] == "=" or re.fullmatch(r"\([^()]*\)\W*", inner):
        # empty, an attribute value in markup (id="123"), or a stage direction: "(CROSSTALK.)"
        return "scare"
    if " " not in inner and (not re.search(r"[aeiouy]", inner.lower()) or re.search(r"\d{4,}|[@#/]", inner)):
        return "scare"  # numbers, ids, handles, links
    if len(words) <= 2 and inner[-1].isalpha() and _between_name_parts(text, q):
        return "scare"  # a nickname: Rep. Robert C. "Bobby" Scott
    before_text = text[max(0, q.start - 40):q.start]
    if _BY_AUTHOR.match(text, q.end) and (inner.rstrip("’'\"”").endswith(",") or text.startswith(",", q.end)):
        # a work and its author: "—“Sam Mendes leaves ‘Chocolate Factory’,” by Times' Michael Paulson"
        return "title"
    if headline_label(text, q.start) is not None:
        # a headline's words in title case after its speaker: "Graham: Trump’s ‘Incredibly Hateful Rhetoric’"
        return "speech"
    title_case = len(words) <= TITLE_MAX_WORDS and _title_case(words)
    # The context tests below matter only for title-case or very short quotations (most
    # speech is neither), so they are made only then.
    title_cue = (title_case or len(words) <= 3) and any(
        w in lexicon.words("title_cues") for w in _WORDS.findall(before_text.lower())[-2:])
    cue_nearby = a.method != "none" or (
        (title_case or len(words) <= SHORT_WORDS) and _cue_in_paragraph(text, q, cues))
    if title_case:
        title_after = any(w in lexicon.words("title_cues") for w in _WORDS.findall(text[q.end:q.end + 30].lower())[:2])
        # A programme or work after its owner: CNN's “State of the Union”.
        # (a programme one speaks on, in, to: told “Fox and Friends”, starred in “Parks and Recreation”)
        if re.search(r"[A-Z][\w.&-]*[’']s\s*$|\b(?:of|on|in|to|told|with|from|at)\s*$", before_text) \
                or (title_cue and not _adjacent_cue(a, q)) or title_after:  # “Keepin' It Real” radio program
            return "title"
        if len(words) >= 2 and (not cue_nearby or a.cue is None):
            return "title"
    elif title_cue and len(words) <= 3 and not _adjacent_cue(a, q):
        return "title"
    if len(words) <= SHORT_WORDS and not cue_nearby:
        return "scare"
    return "speech"


_BY_AUTHOR = regex(r",?[ \t\u00a0]+by[ \t\u00a0]+(?:the[ \t\u00a0]+)?[A-Z]")


def _is_partial(text: str, q: Quotation, inner: str, words: list[str]) -> bool:
    """A fragment ("bandits and terrorists") rather than a full statement."""
    if not inner or not (inner[0].isupper() or inner[0].isdigit() or inner[0] in "“‘\"'[("):
        return True
    if len(words) <= SHORT_WORDS and not re.search(r"[.!?]\W*$", inner):
        return True
    before = _WORDS.findall(text[max(0, q.start - 30):q.start].lower())[-1:]
    return bool(before) and before[0] in lexicon.words("determiners")


def _between_name_parts(text: str, q: Quotation) -> bool:
    before = text[max(0, q.start - 20):q.start]
    after = text[q.end:q.end + 3]
    return bool(re.search(r"\b[A-Z][a-z]*\.?[ \t\u00a0]\Z", before) and re.match(r"[ \t\u00a0][A-Z]", after))


def _cue_in_paragraph(text: str, q: Quotation, cues: "_Cues") -> bool:
    # At most 600 characters either side: a scan to the paragraph's (or text's) end from
    # every quotation would be quadratic in a long paragraph full of marks.
    start = max(text.rfind("\n", max(0, q.start - 600), q.start) + 1, q.start - 600)
    end = text.find("\n", q.end, q.end + 600)
    end = min(len(text), q.end + 600) if end == -1 else end
    return cues.within(start, q.start) or cues.within(q.end, end)


class _Cues:
    """Where speech cues stand in a text, found a block at a time and kept: quotations
    close together look at overlapping windows, and searching each window afresh
    made a text dense with marks quadratic."""

    BLOCK = 512
    LONGEST = 64  # a cue phrase is shorter (the longest has 15 characters)

    def __init__(self, text: str) -> None:
        self.text = text
        self.blocks: dict[int, list[tuple[int, int]]] = {}

    def within(self, start: int, end: int) -> bool:
        """Whether a cue lies wholly within text[start:end]."""
        for block in range(start // self.BLOCK, (end - 1) // self.BLOCK + 1):
            if any(start <= s and e <= end for s, e in self._block(block)):
                return True
        return False

    def _block(self, block: int) -> list[tuple[int, int]]:
        spans = self.blocks.get(block)
        if spans is None:
            from .attribution import cue_regex
            search = cue_regex().search
            begin, stop = block * self.BLOCK, (block + 1) * self.BLOCK
            limit = min(len(self.text), stop + self.LONGEST)
            spans = []
            m = search(self.text, begin, limit)
            while m is not None and m.start() < stop:
                spans.append(m.span())
                m = search(self.text, m.start() + 1, limit)  # every start, overlapping ones too
            self.blocks[block] = spans
        return spans


def _title_case(words: list[str]) -> bool:
    content = [w for w in words if w.lower() not in lexicon.words("title_case_small_words")]
    return bool(content) and words[0][0].isupper() and all(w[0].isupper() or w[0].isdigit() for w in content)


def _adjacent_cue(a: Attribution, q: Quotation) -> bool:
    """A cue right next to the quotation ("“Lock Her Up,” they chanted")."""
    return a.cue is not None and (0 <= a.cue.start - q.end <= 40 or 0 <= q.start - a.cue.end <= 40)
