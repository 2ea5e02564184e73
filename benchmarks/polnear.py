"""Accuracy on PolNeAR with the agreed scorer (../shared/eval).

Runs `quoteaudit extract --format json` over a split's texts, writes the scorer's
system file (one line per article: speech quotations at top level, one entry per
paragraph part, with the speaker mention's span and resolved name), builds the
gold file with ../shared/eval/polnear_gold.py and prints the scorer's result.

    python benchmarks/polnear.py            # dev split
    python benchmarks/polnear.py --split train -v
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")


def system_lines(report: dict, seconds: float) -> dict:
    """The scorer's line for one article: every top-level speech quotation, whatever its marks
    (nested quotations belong to their parent), one entry per paragraph part."""
    doc = os.path.basename(report["path"])[:-4]
    quotes = []
    for q in report["quotations"]:
        if q["kind"] != "speech" or q["depth"] != 0:
            continue
        sp = q["speaker"]
        mention = sp["mention"]
        for part in q["parts"]:
            quotes.append({
                "start": part["start"], "end": part["end"],
                "speaker_start": mention["start"] if mention else None,
                "speaker_end": mention["end"] if mention else None,
                "speaker": sp["name"] or (mention["text"] if mention else None),
            })
    return {"doc": doc, "seconds": seconds, "quotes": quotes}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    ap.add_argument("--out", default=None, help="where to write the system file")
    args = ap.parse_args()
    folder = os.path.join(SHARED, "corpora", "polnear", args.split)
    texts = sorted(os.path.join(folder, "text", f) for f in os.listdir(os.path.join(folder, "text")))
    with tempfile.TemporaryDirectory(prefix="quoteaudit-polnear-") as tmp:
        run(args, folder, texts, tmp)


def run(args, folder: str, texts: list[str], tmp: str) -> None:
    gold = os.path.join(tmp, "gold.jsonl")
    subprocess.run([sys.executable, os.path.join(SHARED, "eval", "polnear_gold.py"), folder, gold],
                   check=True, stdout=subprocess.DEVNULL)
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "quoteaudit", "extract", "--format", "json", *texts],
                          capture_output=True, text=True, cwd=ROOT)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit(f"extract failed ({proc.returncode}): {proc.stderr.strip()}")
    report = json.loads(proc.stdout)
    total_chars = sum(os.path.getsize(t) for t in texts)
    out = args.out or os.path.join(tmp, "system.jsonl")
    with open(out, "w", encoding="utf-8") as fh:
        for f in report["files"]:
            fh.write(json.dumps(system_lines(f, elapsed / len(texts))) + "\n")
    cmd = [sys.executable, os.path.join(SHARED, "eval", "polnear_score.py"), gold, out]
    if args.verbose:
        cmd.append("-v")
    scored = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
    print(scored.rstrip())
    print(f"split={args.split} articles={len(texts)} extract wall time {elapsed:.2f}s "
          f"(one process, start-up included) for {total_chars / 1e6:.2f} MB"
          + (f"; system file {out}" if args.out else ""))


if __name__ == "__main__":
    main()
