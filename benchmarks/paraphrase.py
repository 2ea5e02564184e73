"""How reported speech scores against records it is not: the paraphrase threshold.

A statement without quotation marks matches a reference when enough of its content words
are in it (matching.paraphrase_score). This script runs the pipeline over PolNeAR train,
takes every indirect or mixed statement with a named speaker as the "article" side and
every direct quotation as a record, and prints:

- the seed's "color revolutions" sentence against Putin's published wording;
- impostors: for a fixed sample of 400 statements, the best score against the quotations
  of all *other* articles sharing two or more content words (genuine repeats across
  articles count here too, so this overstates false matches), per threshold;
- same-article pairs (a statement and a quotation of the same speaker in one article), the
  place to read real paraphrases: how many reach each threshold (`--show N` prints a sample).

    python benchmarks/paraphrase.py [--show 40]
"""
from __future__ import annotations

import argparse
import collections
import glob
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "corpora", "polnear", "train", "text")

from quoteaudit.document import Document  # noqa: E402
from quoteaudit.matching import _clauses, content_words, paraphrase_score  # noqa: E402
from quoteaudit.pipeline import analyse  # noqa: E402
from quoteaudit.references import Reference  # noqa: E402

SEED_STATEMENT = ("that the CTSO will not allow “color revolutions” to occur, which refers to the several "
                  "popular revolutions that have occurred in the former Soviet Union countries (including "
                  "Ukraine and Georgia) in the past two decades")
SEED_RECORD = ("The measures taken by the CSTO have clearly shown that we will not allow the situation to be "
               "rocked at home and will not allow the scenario of the so-called colour revolutions to be implemented.")
GRID = [(50, 3), (60, 3), (60, 4), (70, 3), (70, 4), (80, 4)]


def best(statement: str, record: Reference) -> tuple[float, int]:
    return max((paraphrase_score(piece, record) for piece in _clauses(statement) if len(piece) >= 3),
               default=(0.0, 0))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", type=int, default=0, help="print a sample of same-article pairs")
    args = ap.parse_args()
    print("seed 'color revolutions' vs Putin's record: score %.1f, %d words" %
          best(SEED_STATEMENT, Reference(SEED_RECORD, "Vladimir Putin")))
    statements, quotations = [], []
    for doc_id, path in enumerate(sorted(glob.glob(os.path.join(CORPUS, "*.txt")))):
        text = open(path, encoding="utf-8").read()
        for r in analyse(Document(path=path, source=text)).reported_speech:
            if r.speaker:
                item = (doc_id, r.speaker, text[r.start:r.end])
                (quotations if r.kind == "direct" else statements).append(item)
    records = [Reference(q[2], q[1]) for q in quotations]
    index = collections.defaultdict(set)
    for i, record in enumerate(records):
        for w in set(content_words(record.text)):
            index[w].add(i)
    random.seed(7)
    sample = random.sample(statements, 400)
    impostors = []
    for doc_id, _, text in sample:
        shared = collections.Counter(i for w in set(content_words(text)) for i in index.get(w, ()))
        pool = [i for i, n in shared.items() if n >= 2 and quotations[i][0] != doc_id]
        top = max(((best(text, records[i]), i) for i in pool), default=((0.0, 0), None))
        impostors.append(top[0])
        if args.show and top[0][0] >= 70 and top[0][1] >= 4:
            print(f"impostor {top[0][0]:.1f} {top[0][1]} | {text[:120]} | {records[top[1]].speaker}: "
                  f"{records[top[1]].text[:140]}")
    by_doc = collections.defaultdict(list)
    for i, q in enumerate(quotations):
        by_doc[q[0]].append(i)
    pairs = [(best(text, records[i]), text, records[i].text) for doc_id, speaker, text in statements
             for i in by_doc[doc_id] if quotations[i][1].split()[-1] == speaker.split()[-1]]
    print(f"{len(statements)} statements, {len(quotations)} quotations with a named speaker (PolNeAR train)")
    for threshold, words in GRID:
        imp = sum(s >= threshold and n >= words for s, n in impostors)
        same = sum(s >= threshold and n >= words for (s, n), _, _ in pairs)
        print(f"  score >= {threshold}, words >= {words}: impostors {imp}/{len(impostors)} statements; "
              f"same-article pairs {same}/{len(pairs)}")
    if args.show:
        band = [p for p in pairs if p[0][0] >= 40 and p[0][1] >= 3]
        for (s, n), text, record in sorted(random.sample(band, min(args.show, len(band))), reverse=True):
            print(f"{s:5.1f} {n} | {text[:140]} | {record[:160]}")


if __name__ == "__main__":
    main()
