"""Speaker accuracy of the trained ranker, measured honestly, and the alarm figure.

    pip install -e '.[train]'
    python benchmarks/speakers.py                 # 5-fold CV over train, then dev
    python benchmarks/speakers.py --folds 0       # dev only (the shipped weights)

- Cross-validated: PolNeAR train split into 5 folds by article (fixed seed); for each
  fold a model trained on the other four attributes its articles. The union is scored
  with ../shared/eval/polnear_score.py: no article is scored by a model that saw it.
- Dev: the shipped weights (trained on all of train) on PolNeAR dev.
- The rules alone (the candidate the rules chose, no ranker) on the same articles, as
  the baseline measured in the same run.
- Alarms: `unattributed-quote` and `ambiguous-speaker` findings on quotations that the
  gold attributes to someone, per 100 articles (an alarm on a plainly attributed
  quotation is a false alarm); and how many articles fail `check` because of them.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "benchmarks"))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
EVAL = os.path.join(SHARED, "eval")

from quoteaudit.attribution import ranker, training  # noqa: E402
from quoteaudit.config import Settings  # noqa: E402
from quoteaudit.document import Document  # noqa: E402
from quoteaudit.pipeline import check_document  # noqa: E402

ALARMS = ("unattributed-quote", "ambiguous-speaker")
RULES_ONLY = ranker.SpeakerModel(weights={}, rules_only=True)


def system_line(doc: str, report) -> dict:
    ctx = report.context
    quotes = []
    for q in ctx.quotations:
        if q.kind != "speech" or q.depth:
            continue
        a = ctx.attributions[q.index]
        for part in q.parts:
            quotes.append({"start": part.start, "end": part.end,
                           "speaker_start": a.mention.start if a.mention else None,
                           "speaker_end": a.mention.end if a.mention else None,
                           "speaker": a.speaker or (a.mention.text if a.mention else None)})
    return {"doc": doc, "quotes": quotes}


def alarms(report, gold: list, by_rule: dict) -> tuple[int, int]:
    """(alarms on quotations the gold attributes, alarms in all); by_rule counts the first."""
    false = total = 0
    for f in report.findings:
        if f.rule not in ALARMS:
            continue
        total += 1
        for g in gold:
            overlap = max(0, min(f.end, g["end"]) - max(f.start, g["start"]))
            if g["sources"] and overlap >= 0.5 * min(f.end - f.start, g["end"] - g["start"]):
                false += 1
                by_rule[f.rule] = by_rule.get(f.rule, 0) + 1
                break
    return false, total


def score(gold_lines: list, system: list, tmp: str) -> dict:
    gpath, spath = os.path.join(tmp, "gold.jsonl"), os.path.join(tmp, "system.jsonl")
    with open(gpath, "w") as fh:
        fh.writelines(json.dumps(g) + "\n" for g in gold_lines)
    with open(spath, "w") as fh:
        fh.writelines(json.dumps(s) + "\n" for s in system)
    out = subprocess.run([sys.executable, os.path.join(EVAL, "polnear_score.py"), gpath, spath],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def evaluate(name: str, data: dict, model_for, tmp: str) -> None:
    """Run check over the articles with the model model_for(doc) gives; print scores and alarms."""
    system, gold_lines = [], []
    false_alarms = all_alarms = failing = 0
    by_rule: dict = {}
    for doc, d in data.items():
        settings = Settings(speaker_model=model_for(doc))
        report = check_document(Document(path=doc, source=d["text"]), settings)
        system.append(system_line(doc, report))
        gold_lines.append({"doc": doc, "gold": d["gold"], "other": d["other"]})
        f, t = alarms(report, d["gold"], by_rule)
        false_alarms += f
        all_alarms += t
        failing += f > 0
    s = score(gold_lines, system, tmp)
    n = len(data)
    print(f"{name}: quote F1 {s['quote_f1']:.4f}  speaker accuracy {s['speaker_acc']:.4f}  "
          f"end-to-end F1 {s['e2e_f1']:.4f}  | alarms on attributed quotations "
          f"{100 * false_alarms / n:.1f} per 100 articles ({false_alarms}: "
          f"{', '.join(f'{k} {v}' for k, v in sorted(by_rule.items()))}; all alarms {all_alarms}); "
          f"articles failing on them {failing}/{n}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--folds", type=int, default=5, help="cross-validation folds over train (0: skip)")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    corpus = os.path.join(SHARED, "corpora", "polnear")
    with tempfile.TemporaryDirectory(prefix="quoteaudit-speakers-") as tmp:
        if args.folds:
            train = training.load_gold(os.path.join(corpus, "train"), EVAL)
            docs = sorted(train)
            random.Random(args.seed).shuffle(docs)
            fold = {doc: i % args.folds for i, doc in enumerate(docs)}
            examples = []
            for doc, d in train.items():
                examples.extend(training.examples_for(doc, d["text"], d["gold"]))
            models = {k: ranker.model_from_json(training.train([e for e in examples if fold[e.doc] != k],
                                                               l2=args.l2))
                      for k in range(args.folds)}
            print(f"train: {len(train)} articles, {args.folds}-fold cross-validation by article (seed {args.seed})")
            evaluate("  rules alone (baseline)", train, lambda doc: RULES_ONLY, tmp)
            evaluate("  ranker, cross-validated", train, lambda doc: models[fold[doc]], tmp)
        dev = training.load_gold(os.path.join(corpus, "dev"), EVAL)
        print(f"dev: {len(dev)} articles, shipped weights (trained on all of train)")
        evaluate("  rules alone (baseline)", dev, lambda doc: RULES_ONLY, tmp)
        evaluate("  ranker", dev, lambda doc: None, tmp)


if __name__ == "__main__":
    main()
