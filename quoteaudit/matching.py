"""Match each quotation against the reference set.

A quotation is split at its ellipses into segments (an ellipsis is a gap), each
segment normalised (normalize.py) and looked up: the index (refindex.py) returns
candidate references sharing its distinctive words, and rapidfuzz re-ranks them —
``ratio`` when the segment is as long as the reference, ``partial_ratio`` when it
is shorter, so a partial quotation matches inside a longer statement, and an
article that splits one statement into pieces matches each piece. Each matched
segment keeps the best reference, its score, the aligned reference words and a
word-level diff of what changed.

Thresholds (Settings.rule_options or MATCH_OPTIONS) were chosen by measurement on
real variant pairs: see README, "Reference sets".
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from . import lexicon
from .normalize import STOPWORDS, normalize, segments, words
from .phrasediff import phrase_diff
from .references import Reference
from .regexes import regex
from .reported_speech import holding_others

MATCH_OPTIONS = {
    "match_threshold": 70.0,  # below: the segment is not in the record (unverified)
    "verbatim_threshold": 99.5,  # at or above: the wording is the record's, up to normalisation
    "min_words": 4,  # shorter segments are too short to verify
    # Reported speech (no quotation marks) against the record: the share of the statement's
    # content words found in a reference, and how many. Chosen on PolNeAR train (README,
    # "Reference sets"): the seed's "color revolutions" sentence scores 80 with 4 words.
    "paraphrase_threshold": 70.0,
    "paraphrase_min_words": 4,
}
BRUTE_FORCE_BELOW = 400  # references: compare with all of them; above, ask the index


@dataclass
class SegmentMatch:
    """One segment of a quotation (between ellipses) and the reference it matched, with the diff."""
    start: int  # the segment's span in the document
    end: int
    reference: Reference
    score: float
    aligned: str  # the reference's words aligned with the segment
    diff: list[dict] = field(default_factory=list)  # [{"op", "article", "reference"}]

    def to_dict(self) -> dict:
        r = self.reference
        return {"start": self.start, "end": self.end, "score": round(self.score, 1), "aligned": self.aligned,
                "diff": self.diff, "reference": {"id": r.id, "text": r.text, "speaker": r.speaker,
                                                 "source": r.source, "date": r.date, "url": r.url}}


@dataclass
class Match:
    """A quotation's matched segments; the best is its score."""
    segments: list[SegmentMatch]

    @property
    def best(self) -> SegmentMatch:
        return max(self.segments, key=lambda s: s.score)

    def to_dict(self) -> dict:
        best = self.best
        return {"score": round(best.score, 1), "reference": best.to_dict()["reference"],
                "segments": [s.to_dict() for s in self.segments]}


def options_from(settings) -> dict:
    merged = dict(MATCH_OPTIONS)
    merged.update(getattr(settings, "rule_options", {}).get("matching", {}))
    return merged


def match_quotations(ctx, settings) -> list[Match | None]:
    refs = ctx.references
    opts = options_from(settings)
    out: list[Match | None] = [None] * len(ctx.quotations)
    for q in ctx.quotations:
        if q.kind != "speech" or q.depth:
            continue
        inner = ctx.doc.text[q.inner_start:q.inner_end]
        found = []
        for a, b in segments(inner):
            seg_text = inner[a:b]
            if len(normalize(seg_text).split()) < opts["min_words"]:
                continue
            best = best_reference(refs, seg_text, ctx.attributions[q.index].speaker)
            if best is not None and best[1] >= opts["match_threshold"]:
                ref, score = best
                aligned, diff = word_diff(seg_text, ref.text)
                found.append(SegmentMatch(q.inner_start + a, q.inner_start + b, ref, score, aligned, diff))
        if found:
            out[q.index] = Match(found)
        elif _checkable(inner, opts):
            out[q.index] = None
    return out


@dataclass
class StatementMatch:
    """A statement outside quotation marks that the record holds, in other words."""
    statement: object  # reported_speech.ReportedSpeech
    reference: Reference
    score: float  # share of the statement's content words in the reference
    words: int  # how many


def match_statements(ctx, opts) -> list[StatementMatch]:
    """Indirect and mixed statements whose content words a reference holds (paraphrase:
    person, tense and word order change between the record and reported speech). A mixed
    statement whose own quotation matched is left to the quotation, and one that holds
    another statement to that one."""
    refs = ctx.references
    out = []
    # A statement that another is reported inside ("X said ..., Reuters reported") holds that
    # one's words, not its own: the inner statement is matched, with its speaker.
    enclosing = holding_others(ctx.reported_speech)
    for k, r in enumerate(ctx.reported_speech):
        if r.kind == "direct" or k in enclosing or any(ctx.matches[i] is not None for i in r.quotations):
            continue
        best = None
        for piece in _clauses(ctx.doc.text[r.start:r.end]):
            if len(piece) < opts["paraphrase_min_words"]:
                continue
            for ref, ref_words in _paraphrase_candidates(refs, " ".join(piece)):
                if sum(1 for w in piece if w in ref_words) < 2:
                    continue  # spelling variants aside, a paraphrase shares words as written
                score, hits = paraphrase_score(piece, ref, ref_words)
                if best is None or (score, hits) > best[:2]:
                    best = (score, hits, ref)
        if best is not None and best[0] >= opts["paraphrase_threshold"] and best[1] >= opts["paraphrase_min_words"]:
            out.append(StatementMatch(r, best[2], best[0], best[1]))
    return out


_CLAUSE_BREAK = regex(r",\s+(?:which|who|where|while|as|but|and)\b")
_THAT = regex(r"^\s*that\s+")


def content_words(text: str) -> list[str]:
    """Normalised words that carry the statement: no stopwords, no speech verbs."""
    speech = lexicon.speech_cues()[0]
    return [w for w in normalize(text).split() if len(w) >= 3 and w not in STOPWORDS and w not in speech]


def _clauses(text: str) -> list[list[str]]:
    """A reported clause and its pieces at a writer's aside (", which refers to ..."): the
    aside is the writer's, not the speaker's."""
    text = _THAT.sub("", text)
    pieces = [content_words(p) for p in _CLAUSE_BREAK.split(text)]
    return [p for p in pieces if p] if len(pieces) > 1 else pieces


def _same_word(a: str, b: str) -> bool:
    # Spelling variants (color/colour) and transposed letters (CTSO/CSTO) count as the same word;
    # a ratio of 80 needs lengths within 2:3, tested first as it costs nothing.
    if a == b:
        return True
    if 3 * min(len(a), len(b)) < 2 * max(len(a), len(b)):
        return False
    return fuzz.ratio(a, b) >= 80 or (len(a) >= 4 and len(a) == len(b) and sorted(a) == sorted(b))


def _same_words(candidates, words_: list[str]) -> list[str]:
    """The candidates that are _same_word to one of words_: rapidfuzz's C loop over the
    candidates for each word (a ratio of 80 or more; a=b scores 100), and transposed letters
    by their sorted letters, instead of a Python call per pair."""
    found = set()
    for w in set(words_):
        found.update(x for x, _, _ in process.extract(w, candidates, scorer=fuzz.ratio, score_cutoff=80, limit=None))
    anagrams = {"".join(sorted(w)) for w in words_ if len(w) >= 4}
    found.update(x for x in candidates if len(x) >= 4 and "".join(sorted(x)) in anagrams)
    return [x for x in candidates if x in found]


def paraphrase_score(words_: list[str], ref: Reference, ref_words: frozenset | None = None) -> tuple[float, int]:
    """The share of a statement's content words in a record, and how many: counted in the
    record's best window of 3x the statement's words (scattered over a long transcript, the
    same words are no paraphrase)."""
    if ref_words is None:
        ref_words = frozenset(content_words(ref.text))
    if not words_ or not ref_words:
        return 0.0, 0
    matched = _same_words(ref_words, words_)
    if not matched:
        return 0.0, 0
    window = 3 * len(words_)
    ordered = content_words(ref.text)
    if len(ordered) > window:
        found = set(matched)
        ordered_hits = [k for k, x in enumerate(ordered) if x in found]
        best_words: set = set()
        for i, k in enumerate(ordered_hits):
            inside = {ordered[m] for m in ordered_hits[i:] if m < k + window}
            if len(inside) > len(best_words):
                best_words = inside
        matched = list(best_words)
    hits = sum(1 for w in words_ if any(_same_word(w, x) for x in matched))
    return 100.0 * hits / len(words_), hits


def _paraphrase_candidates(refs, norm: str) -> list[tuple[Reference, frozenset]]:
    """References to score, each with its content words (worked out once per reference set
    for a small set, per lookup for the indexed one)."""
    if refs.rows is not None and len(refs.rows) < BRUTE_FORCE_BELOW:
        cached = getattr(refs, "_content_words", None)
        if cached is None:
            cached = refs._content_words = [(r, frozenset(content_words(r.text))) for r in refs.rows]
        return cached
    index = refs.index()
    return [(ref, frozenset(content_words(ref.text))) for ref in (index.reference(c.rowid) for c in index.candidates(norm))]


def _checkable(inner: str, opts) -> bool:
    return len(normalize(inner).split()) >= opts["min_words"]


def is_checkable(ctx, q) -> bool:
    """Long enough to verify against the record."""
    return _checkable(ctx.doc.text[q.inner_start:q.inner_end], options_from_context(ctx))


def matched_segments(ctx):
    """(quotation, its attribution, matched segment, verbatim threshold) for every
    segment of every quotation that matched a reference; nothing without references."""
    if ctx.matches is None:
        return
    verbatim = options_from_context(ctx)["verbatim_threshold"]
    for q, match in zip(ctx.quotations, ctx.matches):
        if match is not None:
            for seg in match.segments:
                yield q, ctx.attributions[q.index], seg, verbatim


def options_from_context(ctx) -> dict:
    return getattr(ctx, "match_options", None) or dict(MATCH_OPTIONS)


def speaker_conflict(attribution, reference: Reference, people) -> bool:
    """The record names a speaker, and the article names someone else or leaves it open."""
    if not reference.speaker or reference.kind != "quotation":
        return False
    if attribution.candidates:
        return not all(same_speaker(c, reference.speaker, people) for c in attribution.candidates)
    return bool(attribution.speaker) and not same_speaker(attribution.speaker, reference.speaker, people)

def similarity(segment_norm: str, reference_norm: str) -> float:
    """How much of the record a quotation segment keeps: the whole (ratio) or, for a
    shorter segment, the best window of the reference (partial_ratio)."""
    if len(segment_norm) < len(reference_norm):
        return fuzz.partial_ratio(segment_norm, reference_norm)
    return fuzz.ratio(segment_norm, reference_norm)


def best_reference(refs, segment: str, speaker: str | None = None) -> tuple[Reference, float] | None:
    norm = normalize(segment)
    if not norm:
        return None
    if refs.rows is not None and len(refs.rows) < BRUTE_FORCE_BELOW:
        norms = _norms(refs)
        if not any(r.kind == "narration" for r in refs.rows):
            result = process.extractOne(norm, norms, scorer=lambda a, b, **_: similarity(a, b))
            if result is None:
                return None
            _, score, index = result
            return refs.rows[index], score
        return _prefer_quotations([(similarity(norm, n), i + 1) for i, n in enumerate(norms)], refs.rows, speaker)
    index = refs.index()
    candidates = index.candidates(norm)
    if not candidates:
        return None
    scored = [(similarity(norm, c.norm), c.rowid) for c in candidates]
    if refs.rows is not None:
        # The rows in memory carry what the index does not keep (kind, line, column).
        return _prefer_quotations(scored, refs.rows, speaker)
    score, rowid = max(scored, key=lambda t: (t[0], -t[1]))
    return index.reference(rowid), score


NARRATION_MARGIN = 5.0  # how much better narration must score to beat a quotation of the record


def _prefer_quotations(scored: list[tuple[float, int]], rows: list[Reference],
                       speaker: str | None = None) -> tuple[Reference, float] | None:
    """The best (score, rowid) of a reference document's rows: words the original
    has in marks win over its narration unless the narration is clearly closer (the
    narration around a quotation, or a paragraph repeating it, also holds its words),
    and of equally close quotations, the one of the article's speaker (an original
    may quote the same words from two people)."""
    if not scored:
        return None
    best = max(scored, key=lambda t: (t[0], -t[1]))
    quoted = [t for t in scored if rows[t[1] - 1].kind != "narration"]
    if quoted and rows[best[1] - 1].kind == "narration":
        best_quoted = max(quoted, key=lambda t: (t[0], -t[1]))
        if best_quoted[0] + NARRATION_MARGIN > best[0]:
            best = best_quoted
    if speaker and rows[best[1] - 1].kind == "quotation":
        same = [t for t in quoted if t[0] == best[0] and same_speaker(rows[t[1] - 1].speaker, speaker, None)]
        best = min(same, key=lambda t: t[1]) if same else best
    return rows[best[1] - 1], best[0]


def _norms(refs) -> list[str]:
    cached = getattr(refs, "_norms", None)
    if cached is None:
        cached = [normalize(r.text) for r in refs.rows]
        refs._norms = cached
    return cached


def word_diff(article: str, reference: str) -> tuple[str, list[dict]]:
    """The reference words aligned with the article's (the best window of a longer
    statement), and what changed between them, phrase by phrase (phrasediff.py)."""
    a_words, r_words = words(article), words(reference)
    a_keys = [normalize(w) for w in a_words]
    r_keys = [normalize(w) for w in r_words]
    starts, joined = [], []
    length = 0
    for key in r_keys:
        starts.append(length)
        if key:
            joined.append(key)
            length += len(key) + 1
    a_norm, r_norm = " ".join(k for k in a_keys if k), " ".join(joined)
    lo, hi = 0, len(r_words)
    if a_norm and len(a_norm) < len(r_norm):
        window = fuzz.partial_ratio_alignment(a_norm, r_norm)
        lo = max(i for i, st in enumerate(starts) if st <= window.dest_start)
        hi = max(i for i, st in enumerate(starts) if st < max(window.dest_end, window.dest_start + 1)) + 1
        # Widen the window to the article's first and last runs of shared words nearby.
        blocks = [b for b in difflib.SequenceMatcher(None, a_keys, r_keys, autojunk=False).get_matching_blocks()
                  if b.size >= 2]
        if blocks:
            if lo - 12 <= blocks[0].b < lo:
                lo = blocks[0].b
            if hi < blocks[-1].b + blocks[-1].size <= hi + 12:
                hi = blocks[-1].b + blocks[-1].size
    return phrase_diff(a_words, a_keys, r_words, r_keys, lo, hi)


def render_diff(diff: list[dict], limit: int = 4) -> str:
    """“attack is on” → “blow was directed against (the city of)”; ..."""
    parts = []
    for d in diff[:limit]:
        if d["op"] == "insert":
            parts.append(f"missing “{d['reference']}”")
        elif d["op"] == "delete":
            parts.append(f"added “{d['article']}”")
        elif d["op"] == "move":
            if normalize(d["article"]) == normalize(d["reference"]):
                parts.append(f"“{d['article']}” reordered")
            else:
                parts.append(f"“{d['article']}” → “{d['reference']}”, reordered")
        else:
            parts.append(f"“{d['article']}” → “{d['reference']}”")
    more = f"; and {len(diff) - limit} more" if len(diff) > limit else ""
    return "; ".join(parts) + more


def same_speaker(name: str | None, other: str | None, people) -> bool:
    """Whether two names stand for the same person (registry aliases, or one surname)."""
    if not name or not other:
        return False
    if name.casefold() == other.casefold():
        return True
    if people is not None:
        a, b = people.find(name), people.find(other)
        if a is not None and a is b:
            return True
    a_last, b_last = name.split()[-1].casefold(), other.split()[-1].casefold()
    return a_last == b_last and (" " not in name or " " not in other)
