"""Rank the candidate sources of each quotation with the trained model.

The model is a conditional logit over the binary features of ``features.py``; its
weights ship in ``speaker_model.json`` (trained by ``scripts/train_speaker_model.py``,
described in ``MODEL_CARD.md``) and are applied here in plain Python: each candidate's
score is the sum of the weights of its features, and a softmax over one quotation's
candidates (and "nobody") gives their probabilities. No runtime dependency.
"""
from __future__ import annotations

import heapq
import json
import math
import os
from array import array
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from typing import Iterator

from ..document import offset_array
from ..model import Quotation
from .candidates import Candidate, CandidateFinder
from .features import QuoteContext, common_features, features, null_features, person_features, static_features

MODEL_FILE = "speaker_model.json"


@dataclass(frozen=True)
class SpeakerModel:
    """The trained ranker's weights, applied in plain Python (a sum, then a softmax)."""
    weights: dict  # feature name -> weight
    version: str = ""
    rules_only: bool = False  # no ranking: the rules' own choice (a baseline for benchmarks)

    def score(self, names: list[str]) -> float:
        return sum(map(self.weights.get, names, repeat(0.0)))  # looked up in C, summed in order

    def static_score(self, c) -> float:
        """The score of a candidate's quotation-independent features, summed once."""
        key = id(self)
        scores = c.static_score
        if scores is None:
            scores = c.static_score = {}
        score = scores.get(key)
        if score is None:
            score = scores[key] = self.score(c.static)
        return score

    @staticmethod
    def probabilities(scores: list[float]) -> list[float]:
        """Softmax over one quotation's candidate scores: the chance each is the speaker."""
        if not scores:
            return []
        top = max(scores)
        e = [math.exp(s - top) for s in scores]
        total = sum(e)
        return [v / total for v in e]


@lru_cache(maxsize=1)
def shipped_model() -> SpeakerModel:
    # Beside this module (not through importlib.resources: 5 ms of imports at start-up).
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), MODEL_FILE), encoding="utf-8") as fh:
        return model_from_json(json.load(fh))


def model_from_json(data: dict) -> SpeakerModel:
    return SpeakerModel(weights=dict(data["weights"]), version=str(data.get("version", "")))


@dataclass
class Ranked:
    """A quotation's candidates, each with its probability, best first; None stands for
    "nobody near it is the source"."""
    quote: Quotation
    candidates: list[Candidate]
    probabilities: list[float]
    rule: Candidate | None  # the candidate the rules chose


def sentence_ends(att, spans: list | None = None) -> array:
    """Offsets of sentence ends outside quotations (within spans, when given), paragraph
    starts included, in order. The quotations are walked alongside, not searched."""
    text, bounds = att.text, att._quote_bounds
    ends: list[int] = []
    k = 0
    for start, end in spans if spans is not None else [(0, len(text))]:
        for at, _ in att.terminators(start, end):
            while k < len(bounds) and bounds[k][1] <= at:
                k += 1
            if k < len(bounds) and bounds[k][0] < at:
                continue  # inside a quotation
            if not att._is_abbreviation(at):
                ends.append(at)
    # Both lists are in order: merged into machine integers, not through two sets (a text of
    # short paragraphs has an offset every few characters).
    out = offset_array(att.text)
    for at in heapq.merge(ends, att.paragraph_starts[1:]):
        if not out or out[-1] != at:
            out.append(at)
    return out


def named(a) -> tuple:
    """Whom an Attribution names: its candidates, or its speaker."""
    return tuple(a.candidates) or ((a.speaker,) if a.speaker else ())


def previous_speakers(att, chosen: list) -> dict[int, tuple]:
    """For each top-level speech quotation, whom the rules named for the speech quotation
    before it (a continuing paragraph's speaker)."""
    out, last = {}, ()
    for q in att.top:
        if q.kind == "speech":
            out[q.index] = last
            last = named(chosen[q.index]) or last
    return out


def candidate_features(att, finder: CandidateFinder, q: Quotation, chosen, ends: list[int],
                       quote_starts: list[int], previous: tuple = ()
                       ) -> tuple[list[Candidate], list[list[str]], Candidate | None, list[str]]:
    """The candidates of one quotation, the quotation-dependent features of each (the rest:
    ``Candidate.static``, computed once per candidate, and the features all real candidates
    share), and the rules' choice. The last candidate is None, "nobody"; previous is whom the
    rules named for the speech quotation before."""
    cands, rule = finder.find(q, chosen)
    ctx = QuoteContext(att, q, named(chosen), previous)
    before = [c for c in cands if c.end <= q.start][::-1]  # nearest first
    after = [c for c in cands if c.start >= q.end]
    kept, rows = [], []
    n = len(before) + len(after)
    # How often each person is among the candidates: the one the passage is about speaks more.
    people: dict[str, int] = {}  # counted by hand: a Counter per quotation costs more than the counting
    for c in cands:
        who = finder.entity(c)
        if who is not None:
            people[who] = people.get(who, 0) + 1
    for side in (before, after):
        seen: set = set()  # people named nearer on this side
        for order, c in enumerate(side):
            if c.static is None:
                c.static = static_features(att, c)
            kept.append(c)
            row = features(att, ctx, c, c is rule, order, n, ends, quote_starts)
            who = finder.entity(c)
            if who is not None:
                row += person_features(ctx, c, who, people[who], who in seen, c is rule)
                seen.add(who)
            rows.append(row)
    kept.append(None)
    rows.append(null_features(ctx, n, rule is not None))
    return kept, rows, rule, common_features(ctx, n)


def all_features(cands: list, rows: list[list[str]], common: list[str]) -> list[list[str]]:
    """Each candidate's whole feature list (what training sees)."""
    return [(c.static + common + r) if c is not None else r for c, r in zip(cands, rows)]


def rank(att, finder: CandidateFinder, chosen: list, model: SpeakerModel) -> Iterator[tuple[int, Ranked]]:
    """(quotation index, ranked candidates) for each top-level speech quotation, one at a
    time: the caller decides each before the next is ranked, so a text of thousands of
    quotations never holds all their candidate lists at once. What each ranking reads of
    ``chosen`` (the rules' choices) is read before the caller replaces it."""
    ends = sentence_ends(att, finder.spans)
    quote_starts = [q.start for q in att.top]
    previous = previous_speakers(att, chosen)
    for q in att.top:
        if q.kind != "speech":
            continue
        cands, rows, rule, common = candidate_features(att, finder, q, chosen[q.index], ends, quote_starts,
                                                       previous[q.index])
        shared = model.score(common)
        probs = model.probabilities([(model.static_score(c) + shared if c is not None else 0.0) + model.score(r)
                                     for c, r in zip(cands, rows)])
        order = sorted(range(len(cands)), key=lambda i: -probs[i])
        yield q.index, Ranked(q, [cands[i] for i in order], [probs[i] for i in order], rule)
