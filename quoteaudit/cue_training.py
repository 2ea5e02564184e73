"""Training data for the cue tagger from PolNeAR annotations, and the trainer.

Every word outside quotation marks is an example; it is labelled 1 when it is the last
word of a gold Cue span (the agreed gold builder of ../shared/eval/polnear_attr.py gives
the spans). Only words the tagger would score are kept: the vocabulary is every word seen
as a cue's last word at least ``MIN_COUNT`` times in the training articles.

Training needs scikit-learn (``pip install 'quoteaudit[train]'``); nothing here is
imported when quoteaudit runs.
"""
from __future__ import annotations

import glob
import json
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass

from .cue_model import _TOKEN, WEIGHT_UNIT, CueModel, Scanner, _stem, features, previous_word
from .quotes import find_quotations

MIN_COUNT = 1  # a word is scored when it ended a gold cue this often in training
MIN_RATE = 0.02  # ... and in this share of its occurrences outside quotation marks
MIN_TAGGED = 1  # a word stays in the vocabulary when this many of its training occurrences are tagged
GATE_RATE = 0.1  # a word tagged in fewer of its occurrences is scored only after the words seen before its tags
MIN_FEATURE = 3  # a feature is learned when this many training examples have it
PRUNE = 0.05  # weights smaller than this are left out (0.01 kept a third more for the same CV scores)
# The tagger's threshold, chosen by 5-fold CV over train (benchmarks/attributions.py):
# 0.15 / 0.25 / 0.35 / 0.5 gave end-to-end F1 0.583 / 0.586 / 0.585 / 0.579 and content
# F1 0.708 / 0.697 / 0.687 / 0.668; below 0.25 source accuracy falls faster than recall rises.
THRESHOLD = 0.25


@dataclass
class Article:
    """One training article: its scanner and the last word of each gold cue."""
    doc: str
    scan: Scanner
    anchors: dict  # start offset -> lowercase word, of each gold cue's last word


def gold_module(eval_dir: str):
    sys.path.insert(0, eval_dir)
    try:
        import polnear_attr  # type: ignore
    finally:
        sys.path.remove(eval_dir)
    return polnear_attr


def load_articles(folder: str, eval_dir: str) -> list[Article]:
    """Each article of a PolNeAR folder once (the first annotator's file, as the gold builder
    reads it), with its quotations and its gold cues' last words."""
    gold_for_doc = gold_module(eval_dir).gold_for_doc
    seen: dict[str, Article] = {}
    for ann in sorted(glob.glob(os.path.join(folder, "attributions", "*.ann"))):
        doc = os.path.basename(ann)[:-4].rsplit("_", 1)[0]
        if doc in seen:
            continue
        with open(os.path.join(folder, "text", doc + ".txt"), encoding="utf-8") as fh:
            text = fh.read()
        bounds = [(q.start, q.end) for q in find_quotations(text).quotations if q.depth == 0]
        scan = Scanner(text, bounds)
        anchors = {}
        for g in gold_for_doc(text, ann):
            for start, end, _ in g["cue"]:
                words = [m for m in _TOKEN.finditer(text, start, end) if m.group()[0].isalnum()]
                if words and not scan.quoted(words[-1].start()):
                    anchors[words[-1].start()] = words[-1].group().lower()
        seen[doc] = Article(doc, scan, anchors)
    return list(seen.values())


def vocabulary(articles: list[Article]) -> frozenset:
    """The words that ended a gold cue MIN_COUNT times and do so in MIN_RATE of their
    occurrences outside quotation marks ("to" of "according to", not every "to"), and the
    other forms of their stems met in the training texts ("instructs" beside "instructed"):
    a form seen only in its family is scored by its stem's weights."""
    ends = Counter(w for a in articles for w in a.anchors.values())
    known = frozenset(w for w, c in ends.items() if c >= MIN_COUNT)
    probe = CueModel({}, 0.0, 1.0, known)
    seen = Counter(word.lower() for a in articles for _, _, word in a.scan.candidates(probe))
    kept = frozenset(w for w in known if seen[w] and ends[w] / seen[w] >= MIN_RATE)
    stems = {_stem(w) for w in kept}
    forms = {w.lower() for a in articles for w in _LETTERS.findall(a.scan.text)}
    return kept | frozenset(w for w in forms if w in stems or (_stem(w) != w and _stem(w) in stems))


_LETTERS = re.compile(r"[A-Za-z]+")


def examples(articles: list[Article], vocab: frozenset) -> tuple[list[list[str]], list[int]]:
    probe = CueModel({}, 0.0, 1.0, vocab)
    rows, labels = [], []
    for a in articles:
        for start, end, word in a.scan.candidates(probe):
            rows.append(features(a.scan, start, end, word))
            labels.append(1 if start in a.anchors else 0)
    return rows, labels


def train(articles: list[Article], c: float = 0.5, threshold: float = THRESHOLD, version: str = "") -> CueModel:
    """L2 logistic regression (liblinear, deterministic) over the candidates' features."""
    from sklearn.linear_model import LogisticRegression
    from scipy.sparse import csr_matrix

    vocab = vocabulary(articles)
    rows, labels = examples(articles, vocab)
    seen = Counter(name for row in rows for name in row)
    index: dict[str, int] = {}
    indptr, cols = [0], []
    for row in rows:
        for name in row:
            if seen[name] >= MIN_FEATURE:
                cols.append(index.setdefault(name, len(index)))
        indptr.append(len(cols))
    x = csr_matrix(([1.0] * len(cols), cols, indptr), shape=(len(rows), len(index)))
    clf = LogisticRegression(C=c, solver="liblinear", max_iter=1000)
    clf.fit(x, labels)
    coef = clf.coef_[0]
    weights = {name: round(float(coef[j]), 4) for name, j in sorted(index.items()) if abs(coef[j]) >= PRUNE}
    weights = {k: v for k, v in weights.items() if v}
    bias = round(float(clf.intercept_[0]), 4)
    vocab, gates, gate_words = _vocabulary_and_gates(articles, CueModel(weights, bias, threshold, vocab))
    return CueModel(weights, bias, threshold, vocab, version, gates, gate_words)


def _vocabulary_and_gates(articles: list[Article], model: CueModel) -> tuple[frozenset, dict, frozenset]:
    """The vocabulary less the words no training occurrence of was tagged (scoring them costs
    and finds nothing), and the gates of the words seldom tagged (under GATE_RATE of their
    occurrences). Most candidates are such words ("of", "with", "as"), and their tags
    follow words that favour a cue: one with a positive weight before any word ("p1="), or
    before this one (with "p1w="), or seen before one of its tagged occurrences."""
    occurrences, tagged, before = Counter(), Counter(), {}
    for a in articles:
        for start, end, word in a.scan.candidates(model):
            w = word.lower()
            occurrences[w] += 1
            if model.probability(features(a.scan, start, end, word)) >= model.threshold:
                tagged[w] += 1
                before.setdefault(w, set()).add(previous_word(a.scan.text, start))
    vocab = frozenset(w for w in model.vocabulary if tagged[w] >= MIN_TAGGED)
    weights = model.weights
    gate_words = frozenset(name[3:] for name, weight in weights.items() if name.startswith("p1=") and weight > 0)
    for name, weight in weights.items():
        if name.startswith("p1w="):
            prev, _, w = name[4:].partition("|")
            if weight + weights.get("p1=" + prev, 0.0) > 0:
                before.setdefault(w, set()).add(prev)
    gates = {w: frozenset(before.get(w, set()) - gate_words - {None})
             for w in vocab if tagged[w] < GATE_RATE * occurrences[w]}
    return vocab, gates, gate_words


def retrain(corpus: str, eval_dir: str, out: str) -> str:
    """Train on every article of corpus, write the weights to out; a summary with their hash."""
    import hashlib
    import time

    start = time.perf_counter()
    articles = load_articles(corpus, eval_dir)
    model = train(articles, version="polnear-train-logistic-1")
    dump_model(model, out)
    with open(out, "rb") as fh:
        digest = hashlib.sha256(fh.read()).hexdigest()
    return (f"{len(articles)} articles, {sum(len(a.anchors) for a in articles)} gold cues, "
            f"{len(model.vocabulary)} words scored, {len(model.weights)} weights; "
            f"{time.perf_counter() - start:.1f} s\nwrote {out}\nsha256 {digest}")


def dump_model(model: CueModel, path: str) -> None:
    weights = sorted(model.weights.items())
    data = {"version": model.version, "bias": model.bias, "threshold": model.threshold,
            "vocabulary": sorted(model.vocabulary), "features": [name for name, _ in weights],
            "weights_e4": [round(w * WEIGHT_UNIT) for _, w in weights],
            "gates": {word: sorted(before) for word, before in sorted(model.gates.items())},
            "gate_words": sorted(model.gate_words)}
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=0, sort_keys=False)
        fh.write("\n")
