"""Precision of checking a copy against an original, on PolNeAR dev.

Each dev article is compared (``quoteaudit compare``'s own code) with itself, where
no reference finding is right, and with another article published the same day
(dates from metadata.tsv; the first other dev or train article of that date, in
sorted order), where no altered-quote or quote-from-narration is right: the two
tell different stories, and a shared quotation is quoted, not altered; and pairs of
articles of the same day telling the same story in largely the same words (a wire
story and its update, in both directions), real copies that keep their quotations.
Prints the
findings of the reference rules by rule for both runs, and with --show, each
finding with the words it points at.

    python benchmarks/compare_precision.py [--show]
"""
from __future__ import annotations

import argparse
import collections
import csv
import glob
import os
import re
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "corpora", "polnear")

from quoteaudit.compare import compare_files  # noqa: E402
from quoteaudit.config import Settings  # noqa: E402
from quoteaudit.document import read_file  # noqa: E402
from quoteaudit.inputs import make_document  # noqa: E402

REFERENCE_RULES = ["altered-quote", "misattributed-quote", "unverified-quote", "quote-from-narration",
                   "speaker-name-variant", "quote-missing", "quote-unmarked", "quote-paraphrased"]
MUST_BE_ZERO_OTHER = ("altered-quote", "quote-from-narration")


def articles_by_date() -> tuple[dict[str, str], dict[str, list[str]]]:
    """(article name -> path, date -> names in sorted order) over dev and train."""
    dates = {}
    with open(os.path.join(CORPUS, "metadata.tsv"), encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            dates[row["filename"]] = row["publication_date"]
    texts = {os.path.splitext(os.path.basename(p))[0]: p
             for split in ("dev", "train") for p in glob.glob(os.path.join(CORPUS, split, "text", "*.txt"))}
    by_date = collections.defaultdict(list)
    for name in sorted(texts):
        if name in dates:
            by_date[dates[name]].append(name)
    return texts, by_date


def same_day_partners(dev_paths: list[str]) -> dict[str, str]:
    texts, by_date = articles_by_date()
    date_of = {name: date for date, names in by_date.items() for name in names}
    partners = {}
    for path in dev_paths:
        name = os.path.splitext(os.path.basename(path))[0]
        others = [n for n in by_date.get(date_of.get(name), []) if n != name]
        if others:
            partners[path] = texts[others[0]]
    return partners


def same_story_pairs(min_overlap: float = 0.2) -> list[tuple[str, str]]:
    """Articles of the same day that tell the same story in largely the same words
    (a wire story and its update): the share of 6-word shingles of the shorter held
    by the other, at least min_overlap. Real copies that keep their quotations."""
    texts, by_date = articles_by_date()
    pairs = []
    for names in by_date.values():
        shingles = {}
        for name in names:
            with open(texts[name], encoding="utf-8") as fh:
                words = re.findall(r"\w+", fh.read().lower())
            shingles[name] = {tuple(words[i:i + 6]) for i in range(len(words) - 5)}
        for i, a in enumerate(names):
            for b in names[i + 1:]:
                small = min(len(shingles[a]), len(shingles[b]))
                if small and len(shingles[a] & shingles[b]) / small >= min_overlap:
                    pairs.extend([(texts[a], texts[b]), (texts[b], texts[a])])
    return pairs


def run(pairs, settings, show: bool, label: str) -> collections.Counter:
    counts: collections.Counter = collections.Counter()
    for original, copy_path in pairs:
        copy = make_document(copy_path, read_file(copy_path))
        reports, errors = compare_files(original, copy, settings)
        assert not errors, errors
        for report in reports:
            for f in report.findings:
                counts[f.rule] += 1
                if show:
                    src = report.context.doc.source
                    print(f"  [{label}] {os.path.basename(report.path)}:{f.line}:{f.column} {f.rule}: {f.message}"
                          f"\n      {src[f.start:f.end][:160]!r}")
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="store_true", help="print every finding")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="qa-bench-") as cache:
        os.environ.setdefault("QUOTEAUDIT_CACHE_DIR", cache)
        measure(args.show)


def measure(show: bool) -> None:
    dev = sorted(glob.glob(os.path.join(CORPUS, "dev", "text", "*.txt")))
    settings = Settings(select=set(REFERENCE_RULES))
    start = time.perf_counter()
    itself = run([(p, p) for p in dev], settings, show, "self")
    self_seconds = time.perf_counter() - start
    partners = same_day_partners(dev)
    start = time.perf_counter()
    other = run([(partners[p], p) for p in dev if p in partners], settings, show, "other")
    other_seconds = time.perf_counter() - start
    print(f"against itself: {len(dev)} dev articles, {sum(itself.values())} reference findings "
          f"({self_seconds:.1f} s)")
    for rule in REFERENCE_RULES:
        print(f"  {rule:<22} {itself[rule]}")
    print(f"against another article of the same day: {len(partners)} of {len(dev)} dev articles have one, "
          f"{sum(other[r] for r in MUST_BE_ZERO_OTHER)} altered-quote or quote-from-narration ({other_seconds:.1f} s)")
    for rule in REFERENCE_RULES:
        print(f"  {rule:<22} {other[rule]}")
    stories = same_story_pairs()
    story = run(stories, settings, show, "story")
    print(f"same story, largely the same words (dev and train, both directions): {len(stories)} pairs, "
          f"{sum(story[r] for r in MUST_BE_ZERO_OTHER + ('misattributed-quote',))} altered-quote, "
          f"quote-from-narration or misattributed-quote")
    for rule in REFERENCE_RULES:
        print(f"  {rule:<22} {story[rule]}")


if __name__ == "__main__":
    main()
