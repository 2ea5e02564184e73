"""Every attribution (direct, mixed, indirect) on PolNeAR with the agreed scorer.

Runs `quoteaudit extract --format json` over a split's texts, writes the system file of
../shared/eval/polnear_attr.py from each file's `attributions` (content spans, the
speaker mention's span and the resolved name), builds the gold file with the same module
and prints its scores: content P/R/F1, recall per kind, source accuracy, end-to-end F1.

Nothing here is learned: the stage is rules over the cue lexicon, so there is no fold to
hold out. The rules were written looking at train; dev is the held-out split.

    python benchmarks/attributions.py                # dev (held out)
    python benchmarks/attributions.py --split train
    python benchmarks/attributions.py --split dev -v # every miss and wrong source
    python benchmarks/attributions.py --baseline     # speech quotations alone, for comparison
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
SCORER = os.path.join(SHARED, "eval", "polnear_attr.py")


def quotations_only(report: dict) -> list[dict]:
    """What the tool reported before reported speech: each speech quotation as a statement."""
    return [{"kind": "direct", "content": q["parts"], "speaker": q["speaker"]}
            for q in report["quotations"] if q["kind"] == "speech" and q["depth"] == 0]


def system_line(report: dict, baseline: bool = False) -> dict:
    """One article's line of the scorer's system file."""
    attributions = []
    for a in (quotations_only(report) if baseline else report["attributions"]):
        sp = a["speaker"]
        mention = sp["mention"]
        attributions.append({
            "content": [[c["start"], c["end"]] for c in a["content"]],
            "speaker_start": mention["start"] if mention else None,
            "speaker_end": mention["end"] if mention else None,
            "speaker": sp["name"] or (mention["text"] if mention else None),
        })
    return {"doc": os.path.basename(report["path"])[:-4], "attributions": attributions}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev", choices=["dev", "train"])
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss and wrong source")
    ap.add_argument("--out", default=None, help="where to write the system file")
    ap.add_argument("--baseline", action="store_true",
                    help="score the speech quotations alone (what the tool saw before reported speech)")
    args = ap.parse_args()
    folder = os.path.join(SHARED, "corpora", "polnear", args.split)
    texts = sorted(os.path.join(folder, "text", f) for f in os.listdir(os.path.join(folder, "text")))
    with tempfile.TemporaryDirectory(prefix="quoteaudit-attr-") as tmp:
        gold = os.path.join(tmp, "gold.jsonl")
        subprocess.run([sys.executable, SCORER, "gold", folder, gold], check=True, stdout=subprocess.DEVNULL)
        proc = subprocess.run([sys.executable, "-m", "quoteaudit", "extract", "--format", "json", *texts],
                              capture_output=True, text=True, cwd=ROOT)
        if proc.returncode != 0:
            sys.exit(f"extract failed ({proc.returncode}): {proc.stderr.strip()}")
        out = args.out or os.path.join(tmp, "system.jsonl")
        with open(out, "w", encoding="utf-8") as fh:
            for report in json.loads(proc.stdout)["files"]:
                fh.write(json.dumps(system_line(report, args.baseline)) + "\n")
        scored = subprocess.run([sys.executable, SCORER, "score", gold, out] + (["-v"] if args.verbose else []),
                                check=True, capture_output=True, text=True)
    lines = scored.stdout.strip().splitlines()
    if args.verbose:
        print("\n".join(lines[:-1]))
    result = json.loads(lines[-1])
    held = "held out" if args.split == "dev" else "rules written looking at it"
    print(f"PolNeAR {args.split} ({len(texts)} articles; {held})" + (" -- speech quotations only" if args.baseline else ""))
    print(f"  content    P {result['content_p']:.3f}  R {result['content_r']:.3f}  F1 {result['content_f1']:.3f}"
          f"   (tp {result['tp']}, fp {result['fp']}, fn {result['fn']})")
    print("  recall     " + "  ".join(f"{k} {v:.3f}" for k, v in result["recall_by_kind"].items()))
    print(f"  source accuracy on found ones {result['source_acc']:.3f}")
    print(f"  end-to-end P {result['e2e_p']:.3f}  R {result['e2e_r']:.3f}  F1 {result['e2e_f1']:.3f}")
    print("  end-to-end recall " + "  ".join(f"{k} {v:.3f}" for k, v in result["e2e_recall_by_kind"].items()))


if __name__ == "__main__":
    main()
