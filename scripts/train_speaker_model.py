"""Retrain the speaker ranker on PolNeAR train and write the shipped weights.

    pip install -e '.[train]'
    python scripts/train_speaker_model.py            # writes quoteaudit/attribution/speaker_model.json

Deterministic: the same corpus and code give the same file (no sampling; L-BFGS from
zero weights). The model card (quoteaudit/attribution/MODEL_CARD.md) records the data,
features, command and scores; `benchmarks/speakers.py` measures those scores and the
card's SHA-256 line must match the weights (a test checks it).
"""
from __future__ import annotations

import argparse
import hashlib
import os
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
SHARED = os.path.join(os.path.dirname(ROOT), "shared")

from quoteaudit.attribution import training  # noqa: E402

OUT = os.path.join(ROOT, "quoteaudit", "attribution", "speaker_model.json")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=os.path.join(SHARED, "corpora", "polnear", "train"))
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--out", default=OUT)
    args = ap.parse_args()
    start = time.perf_counter()
    examples = training.build_examples(args.corpus, os.path.join(SHARED, "eval"))
    model = training.train(examples, l2=args.l2)
    training.dump_model(model, args.out, version="polnear-train-softmax-1")
    digest = hashlib.sha256(open(args.out, "rb").read()).hexdigest()
    print(f"{len(examples)} quotations, {model['quotations']} with a right candidate, "
          f"{model['candidates']} candidates, {len(model['weights'])} weights; "
          f"{time.perf_counter() - start:.1f} s")
    print(f"wrote {args.out}\nsha256 {digest}")


if __name__ == "__main__":
    main()
