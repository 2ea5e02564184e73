"""Retrain the cue tagger on PolNeAR train and write the shipped weights.

    pip install -e '.[train]'
    python scripts/train_cue_model.py            # writes quoteaudit/data/cue_model.json

Deterministic: the same corpus and code give the same file (liblinear's coordinate
descent over examples in corpus order, no sampling). The model card
(quoteaudit/data/cue_model.md) records the data, features, command and scores;
`benchmarks/attributions.py` measures those scores and the card's SHA-256 line must
match the weights (a test checks it).
"""
from __future__ import annotations

import argparse
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
SHARED = os.path.join(os.path.dirname(ROOT), "shared")

from quoteaudit import cue_training  # noqa: E402

if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=os.path.join(SHARED, "corpora", "polnear", "train"))
    ap.add_argument("--out", default=os.path.join(ROOT, "quoteaudit", "data", "cue_model.json"))
    args = ap.parse_args()
    print(cue_training.retrain(args.corpus, os.path.join(SHARED, "eval"), args.out))
