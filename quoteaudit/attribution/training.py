"""Training data for the speaker ranker from PolNeAR annotations, and the trainer.

A quotation found by the pipeline is paired with the gold quoted segment it
overlaps (the agreed scorer's rule: overlap of at least half the shorter span).
Each of its candidates is labelled 1 when it is a right answer by the scorer's own
test: its span overlaps a gold Source span, or a capitalised word of its resolved
name appears in a gold Source. A last "nobody" candidate is right when none of the
others is (the gold has no source, or a source we do not offer): it is what tells a
quotation with no plausible speaker.

Training needs scikit-learn (``pip install 'quoteaudit[train]'``); nothing here is
imported when quoteaudit runs.
"""
from __future__ import annotations

import glob
import json
import os
import re
import sys
from dataclasses import dataclass

from ..document import Document
from ..quotes import find_quotations
from .candidates import CandidateFinder
from .ranker import all_features, candidate_features, previous_speakers, sentence_ends

_CAP = re.compile(r"[A-Z][\w'-]{2,}")


@dataclass
class Example:
    """One quotation as training sees it: its candidates' features and which are right."""
    doc: str
    quote: int
    features: list[list[str]]  # one row per candidate, the last for "nobody"
    labels: list[int]
    names: list[tuple[str, ...]] = ()  # each candidate's resolved names
    attributed: bool = True  # the gold names a source
    mentions: list[str] = ()  # each candidate's words, for reading errors


def _ov(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def load_gold(folder: str, eval_dir: str) -> dict:
    """{doc: {"text", "gold", "other"}} from the agreed gold builder in ../shared/eval."""
    sys.path.insert(0, eval_dir)
    try:
        import polnear_gold  # type: ignore
    finally:
        sys.path.remove(eval_dir)
    return polnear_gold.load(folder)


def right_answer(names: list[str], start: int, end: int, sources: list) -> bool:
    if any(_ov(start, end, a, b) for a, b, _ in sources):
        return True
    src = " ".join(t for *_, t in sources)
    words = {w for name in names for w in _CAP.findall(name)}
    return any(re.search(r"\b" + re.escape(w) + r"\b", src) for w in words)


def examples_for(doc: str, text: str, gold: list) -> list[Example]:
    from . import rules_pass
    att, chosen = rules_pass(Document(path=doc, source=text), find_quotations(text).quotations)
    finder = CandidateFinder.over_speech(att)
    ends = sentence_ends(att, finder.spans)
    quote_starts = [q.start for q in att.top]
    previous = previous_speakers(att, chosen)
    out = []
    for q in att.top:
        if q.kind != "speech":
            continue
        best = max(gold, key=lambda g: _ov(q.start, q.end, g["start"], g["end"]), default=None)
        if best is None:
            continue
        overlap = _ov(q.start, q.end, best["start"], best["end"])
        if overlap < 0.5 * min(q.end - q.start, best["end"] - best["start"]) or overlap == 0:
            continue
        cands, rows, _, common = candidate_features(att, finder, q, chosen[q.index], ends, quote_starts,
                                                    previous[q.index])
        labels = [int(bool(best["sources"]) and right_answer(finder.resolve(c), c.start, c.end, best["sources"]))
                  for c in cands[:-1]]
        labels.append(int(not any(labels)))  # nobody: the gold has no source, or none of ours is it
        out.append(Example(doc, q.index, all_features(cands, rows, common),
                           labels, [tuple(finder.resolve(c)) for c in cands[:-1]] + [()], bool(best["sources"]),
                           [f"{c.text}@{c.start}" for c in cands[:-1]] + ["<nobody>"]))
    return out


def build_examples(folder: str, eval_dir: str) -> list[Example]:
    data = load_gold(folder, eval_dir)
    out = []
    for doc, d in data.items():
        out.extend(examples_for(doc, d["text"], d["gold"]))
    return out


def train(examples: list[Example], l2: float = 1.0) -> dict:
    """A conditional logit over each quotation's candidates (softmax across them, the right
    ones pooled), fitted by L-BFGS with an L2 penalty; deterministic for the same data.
    Returns the weights as the model file's JSON."""
    import numpy as np
    from scipy.optimize import minimize
    from sklearn.feature_extraction import DictVectorizer

    kept = examples
    vec = DictVectorizer()
    x = vec.fit_transform([{name: 1 for name in row} for ex in kept for row in ex.features]).tocsr()
    y = np.array([label for ex in kept for label in ex.labels], dtype=float)
    group = np.concatenate([np.full(len(ex.labels), i) for i, ex in enumerate(kept)])
    n = len(kept)

    def loss_and_gradient(w):
        scores = x @ w
        top = np.full(n, -np.inf)
        np.maximum.at(top, group, scores)
        e = np.exp(scores - top[group])
        total = np.bincount(group, e, n)
        right = np.bincount(group, e * y, n)
        loss = -(np.log(right) - np.log(total)).sum() + 0.5 * l2 * (w @ w)
        grad_scores = e / total[group] - e * y / right[group]
        return loss, x.T @ grad_scores + l2 * w

    fitted = minimize(loss_and_gradient, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B",
                      options={"maxiter": 1000})
    weights = {name: round(float(w), 5) for name, w in zip(vec.get_feature_names_out(), fitted.x)
               if abs(w) >= 1e-5}
    return {"weights": dict(sorted(weights.items())), "l2": l2, "quotations": n,
            "candidates": int(x.shape[0])}


def docs_of(folder: str) -> list[str]:
    return sorted(os.path.basename(p)[:-4] for p in glob.glob(os.path.join(folder, "text", "*.txt")))


def dump_model(model: dict, path: str, version: str) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        json.dump({"version": version, **model}, fh, indent=1, sort_keys=True)
        fh.write("\n")
