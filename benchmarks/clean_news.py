"""False alarms on clean news: every rule over PolNeAR train and dev.

PolNeAR's articles are professionally edited news, so a debris finding there is
(almost always) a false alarm. Prints findings per 100 articles by rule, the
machine-translation/debris rules' total, and a sample of flagged spans with their
context, to be read by a person.

    python benchmarks/clean_news.py [--sample 40] [--rule mt-capitalization]
"""
from __future__ import annotations

import argparse
import collections
import glob
import os
import random
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "corpora", "polnear")

from quoteaudit.document import Document  # noqa: E402
from quoteaudit.pipeline import check_document  # noqa: E402

DEBRIS_RULES = ("mt-capitalization", "mt-fragment", "punctuation-debris", "repeated-phrase", "page-furniture",
                "inconsistent-spelling", "machine-translated-text")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=40, help="flagged spans to print")
    ap.add_argument("--rule", default=None, help="print the sample for this rule only")
    args = ap.parse_args()
    paths = sorted(glob.glob(os.path.join(CORPUS, "train", "text", "*.txt"))
                   + glob.glob(os.path.join(CORPUS, "dev", "text", "*.txt")))
    counts: collections.Counter = collections.Counter()
    flagged = []
    start = time.perf_counter()
    for path in paths:
        text = open(path, encoding="utf-8").read()
        report = check_document(Document(path=path, source=text))
        for f in report.findings:
            counts[f.rule] += 1
            if f.rule in DEBRIS_RULES and (args.rule is None or f.rule == args.rule):
                context = text[max(0, f.start - 50):f.end + 30].replace("\n", "¶")
                flagged.append((os.path.basename(path)[:40], f.line, f.rule, f.message[:90], context))
    n = len(paths)
    print(f"{n} articles (PolNeAR train + dev), checked in {time.perf_counter() - start:.1f} s")
    debris = sum(counts[r] for r in DEBRIS_RULES)
    for rule in DEBRIS_RULES:
        print(f"  {rule:26} {counts[rule]:5}  {100 * counts[rule] / n:5.2f} per 100 articles")
    print(f"  {'all debris rules':26} {debris:5}  {100 * debris / n:5.2f} per 100 articles "
          "(goal: <= 2, and no rule above 1)")
    others = {r: c for r, c in counts.items() if r not in DEBRIS_RULES}
    for rule, count in sorted(others.items()):
        print(f"  (other) {rule:18} {count:5}  {100 * count / n:5.2f} per 100 articles")
    random.Random(5).shuffle(flagged)
    for doc, line, rule, message, context in flagged[:args.sample]:
        print(f"--- {doc}:{line} {rule}: {message}\n    {context}")


if __name__ == "__main__":
    main()
