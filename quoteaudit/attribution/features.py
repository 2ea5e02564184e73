"""Features of a (quotation, candidate source) pair, for the ranker.

Each feature is a name with the value 1 (a sparse binary vector): geometry (side,
distance in characters, sentences and paragraphs, candidates in between), the
speech cue (the candidate is a cue's subject, the cue stands next to the quotation,
"said X" order, another speaker's cue in between, a colon introducing the quotation),
the mention (name, pronoun, description, organisation, relative pronoun; where it
stands in the quotation's sentence and the words either side; how often the entity is
named), the person it stands for (``person_features``: the rules' choice, the previous
quotation's speaker, how many candidates name them), the quotation (partial, its
closing punctuation, alone in its paragraph), and what the rules chose. A few
conjunctions (side x distance, kind x sentence) let a linear model express what a
tree would. Add a feature here, in one place; ``training.py`` learns its weight.
"""
from __future__ import annotations

from bisect import bisect_left

from ..model import Quotation
from ..regexes import regex
from .candidates import WINDOW_AHEAD, WINDOW_BACK, Candidate
from .common import _blank, _word_before

_GAP_BUCKETS = (0, 3, 10, 25, 60, 150, 400)
_ONLY_CLOSING = regex(r"[ \t\r\n.,]*")
_COLON_ONLY = regex(r"[ \t]*:[ \t]*\Z")


def _bucket(value: int, bounds=_GAP_BUCKETS) -> int:
    return bisect_left(bounds, value)


class QuoteContext:
    """What every candidate of one quotation shares, computed once."""
    __slots__ = ("q", "para", "partial", "ends", "starts_para", "alone", "nearest_cue", "rule_names", "previous")

    def __init__(self, att, q: Quotation, rule_names: tuple = (), previous: tuple = ()) -> None:
        text = att.text
        self.q = q
        self.para = att._quote_paragraph[q.index]
        inner = text[q.inner_start:q.inner_end].rstrip()
        self.partial = bool(inner) and not (inner[0].isupper() or inner[0] in "“‘\"'[(")
        last = inner[-1:] if inner else ""
        self.ends = {",": "comma", ".": "period", "?": "question", "!": "exclaim"}.get(last, "other")
        starts = att.paragraph_starts
        para_start = starts[self.para]
        para_end = starts[self.para + 1] if self.para + 1 < len(starts) else len(text)
        # Tested in place: copying the paragraph around each quotation is quadratic when a text
        # is one long paragraph.
        self.starts_para = _blank(text, para_start, q.start)
        self.alone = self.starts_para and (q.end >= para_end  # (a quotation over several paragraphs)
                                           or _ONLY_CLOSING.match(text, q.end, para_end).end() == para_end)
        self.rule_names = rule_names  # whom the rules named
        self.previous = previous  # whom they named for the speech quotation before
        # The cue with a subject nearest the quotation, within its paragraph (either side) and
        # the candidates' window: a paragraph-long scan per quotation is quadratic on a text
        # that is one paragraph.
        self.nearest_cue = None
        best = None
        floor = max(para_start, q.start - WINDOW_BACK)
        ceil = min(att.end_paragraph_end(q, para_end), q.end + WINDOW_AHEAD)
        for cue in att.cues_near(q.start, q.end, floor, ceil):
            gap = q.start - cue.end if cue.end <= q.start else cue.start - q.end
            if gap >= 0 and (best is None or gap < best):
                best, self.nearest_cue = gap, cue


def common_features(ctx: QuoteContext, n: int) -> list[str]:
    """The features every real candidate of a quotation shares (scored once per quotation):
    against "nobody", they say how much this quotation looks attributed at all."""
    f = [f"ends={ctx.ends}", f"n={min(n, 6)}"]
    if ctx.partial:
        f.append("partial")
    return f


def null_features(ctx: QuoteContext, n: int, rule: bool) -> list[str]:
    """The features of the "nobody" candidate: the quotation has no plausible source near it."""
    f = ["null", f"null_ends={ctx.ends}", f"null_n={min(n, 6)}"]
    if ctx.partial:
        f.append("null_partial")
    if ctx.starts_para:
        f.append("null_starts_para")
    if ctx.alone:
        f.append("null_alone")
    if rule:
        f.append("null_rule")
    return f


def static_features(att, c: Candidate) -> list[str]:
    """The features of a candidate that do not depend on the quotation (computed once)."""
    text = att.text
    kind = c.kind
    c.paragraph = att._paragraph_of(c.start)
    f = [f"kind={kind}"]
    if c.names:
        f.append("resolved")
        if len(c.names) > 1:
            f.append("several_names")
        entity = att.entities.get(c.names[0])
        f.append(f"mentions={_bucket(len(entity.mentions) if entity else 0, (0, 1, 3, 9))}")
    # The candidate opens its sentence (its subject), or follows a comma (an object or appositive).
    k = c.start
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    opener = text[k - 1] if k else "\n"
    if opener in "\n.!?”\"":
        f.append(f"opens_sentence_{kind}")
        c.position = "opens"
    elif opener == ",":
        f.append(f"after_comma_{kind}")
        c.position = "comma"
    if text.startswith(",", c.end):
        f.append(f"before_comma_{kind}")
    elif text.startswith(":", c.end):  # "HEADLINE - Jeffrey M. Jones: “…”", a transcript label
        f.append(f"before_colon_{kind}")
    if c.text.isupper() and " " in c.text:  # a headline in capitals, not a name
        f.append("capitals")
    # The words on either side: "according to X", "told X" (an object), "X said", "X, who".
    prev_word = _last_word(text, max(0, c.start - 30), c.start)
    if prev_word:
        c.prev_word = _word_class(prev_word)
        f.append(f"prev={c.prev_word}")
    next_word = _FIRST_WORD.match(text, c.end, c.end + 30)
    if next_word:
        c.next_word = _word_class(next_word.group(1))
        f.append(f"next={c.next_word}")
    return f


def features(att, ctx: QuoteContext, c: Candidate, rule: bool, order: int, n: int,
             sentence_ends: list[int], quote_starts: list[int]) -> list[str]:
    """The features of candidate c that depend on the quotation ctx.q: rule tells whether the
    rules chose c, order is c's rank by distance among the candidates on its side, n how many."""
    q = ctx.q
    before = c.end <= q.start
    side = "B" if before else "A"
    gap = q.start - c.end if before else c.start - q.end
    g = _bucket(gap)
    lo, hi = (c.end, q.start) if before else (q.end, c.start)
    s = min(bisect_left(sentence_ends, hi) - bisect_left(sentence_ends, lo), 3)
    para = c.paragraph
    p = min(ctx.para - para, 2) if before else (0 if para == ctx.para else -1)
    between_quotes = bisect_left(quote_starts, hi) - bisect_left(quote_starts, lo)
    kind = c.kind
    o = min(order, 3)
    s1 = min(s, 1)
    f = [
        f"side={side}", f"gap={side}{g}", f"sent={side}{s}", f"para={p}", f"order={side}{o}",
        f"kind_sent={kind}{side}{s}", f"kind_order={kind}{side}{o}",
        f"ends_side={ctx.ends}{side}{s1}",
        f"quotes_between={min(between_quotes, 2)}",
    ]
    if ctx.partial:
        f.append(f"partial_kind={kind}{side}{s1}")
    near = ctx.nearest_cue  # another speaker's cue between c and the quotation: that speaker is nearer
    if near is not None and near is not c.cue and lo <= near.subject.mention.start and near.subject.mention.end <= hi:
        f.append(f"intervening_cue_{side}")
    if before and _COLON_ONLY.match(att.text, c.end, q.start) is not None:
        f.append(f"colon_intro_{kind}")
    # Where the mention stands in the quotation's own sentence or the one next to it: the
    # subject opening it speaks more often than an object after "of" or "over".
    if s <= 1:
        if c.position:
            f.append(f"position={c.position}{kind}{side}{s}")
        f.append(f"prev_side={c.prev_word}{side}{s}")
        f.append(f"next_side={c.next_word}{side}{s}")
    if ctx.starts_para:
        f.append(f"starts_para_{side}{s1}{p}")
    if ctx.alone:
        f.append(f"alone_{side}{p}")
    if rule:
        f += ["rule", f"rule_kind={kind}"]
    cue = c.cue
    if cue is not None:
        f.append(f"cue_{side}{s}")
        if cue is ctx.nearest_cue:
            f.append(f"nearest_cue_{side}{s1}")
        if 0 <= cue.start - q.end <= 40 or 0 <= q.start - cue.end <= 40:  # the cue stands next to the quotation
            f.append(f"cue_adjacent_{side}")
        if cue.inverted:
            f.append(f"cue_inverted_{side}")
        word = cue.text.split()[0].lower()
        f.append(f"cue_word={word}{side}")
        if word == "according":
            f.append("cue_according")
        elif word.endswith("ing"):
            f.append("cue_participle")
        between = (cue.start >= c.end and cue.end <= q.start) if before else (cue.start >= q.end and cue.end <= c.start)
        if between:
            f.append(f"cue_between_{side}{g}")
    return f


def person_features(ctx: QuoteContext, c: Candidate, who: str, mentions: int, nearer: bool, rule: bool) -> list[str]:
    """The features of the person candidate c stands for (resolved, pronouns too): how many of
    the quotation's candidates name them, whether one nearer on c's side does (the scorer and
    the annotators want the nearest), and whether they are whom the rules chose or the speaker
    of the speech quotation before (a continuing paragraph)."""
    f = [f"entity_mentions={min(mentions, 3)}"]
    if ctx.rule_names and not rule:
        f.append("same_as_rule" if who in ctx.rule_names else "other_than_rule")
    if who in ctx.previous:
        f.append(f"previous_speaker{'B' if c.end <= ctx.q.start else 'A'}{'_alone' if ctx.alone else ''}")
    if nearer:
        f.append(f"nearer_same_entity_{c.kind}")
    return f


def _last_word(text: str, start: int, end: int) -> str | None:
    """The word (letters, digits, _ and apostrophes) that text[start:end] ends with,
    spaces and commas after it aside, or None. Read backwards from end: a regex search
    (anchored at the end) would try each of the 30 offsets in turn."""
    stop = end
    while stop > start and (text[stop - 1].isspace() or text[stop - 1] == ","):
        stop -= 1
    return _word_before(text, stop, start, "_’'") or None


_FIRST_WORD = regex(r"[\s,]*([\w’']+)")


def _word_class(word: str) -> str:
    low = word.lower()
    if low in _common_words():
        return low
    if word[0].isupper():
        return "CAP"
    if low.endswith("ed"):
        return "-ed"
    if low.endswith("s"):
        return "-s"
    return "other"


_COMMON = None


def _common_words() -> frozenset:
    global _COMMON
    if _COMMON is None:
        from .. import lexicon
        _COMMON = lexicon.words("stopwords") | lexicon.speech_cues()[0]
    return _COMMON
