"""Every attribution (direct, mixed, indirect) on PolNeAR with the agreed scorer.

Runs the pipeline over a split's texts (in-process: the JSON of `quoteaudit extract`),
writes the system file of ../shared/eval/polnear_attr.py from each file's `attributions`
(content spans, the speaker mention's span and the resolved name), builds the gold file
with the same module and prints its scores: content P/R/F1, recall per kind, source
accuracy, end-to-end F1.

The cue tagger (quoteaudit/cue_model.py) is learned, so two figures are printed:
5-fold cross-validation by article over train (the tagger and the speaker ranker trained
in-process on four folds, the fifth predicted through the whole pipeline) and dev with the shipped weights
(trained on all of train; dev never seen). The cue rules beside it were written looking
at train.

    python benchmarks/attributions.py                   # CV over train, then dev
    python benchmarks/attributions.py --split dev       # dev only (shipped weights)
    python benchmarks/attributions.py --split dev -v    # every miss and wrong source
    python benchmarks/attributions.py --split dev --cli # dev through `quoteaudit extract`
    python benchmarks/attributions.py --baseline        # speech quotations alone, for comparison
    python benchmarks/attributions.py --all-statements  # the statements inside others listed too

A statement reported inside another (its ``parent``: "Kasich said he would have fired him" in
"..., according to press reports") belongs to that one, as a nested quotation belongs to its
parent, and is left out of the system file unless --all-statements.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
SCORER = os.path.join(SHARED, "eval", "polnear_attr.py")
FOLDS = 5
SPEAKER_L2 = 1.0  # as scripts/train_speaker_model.py trains the shipped ranker
ALL_STATEMENTS = False  # --all-statements: list the statements inside others too


def quotations_only(report: dict) -> list[dict]:
    """What the tool reported before reported speech: each speech quotation as a statement."""
    return [{"kind": "direct", "content": q["parts"], "speaker": q["speaker"]}
            for q in report["quotations"] if q["kind"] == "speech" and q["depth"] == 0]


def system_line(report: dict, baseline: bool = False) -> dict:
    """One article's line of the scorer's system file."""
    attributions = []
    for a in (quotations_only(report) if baseline else report["attributions"]):
        if a.get("parent") is not None and not ALL_STATEMENTS:
            # reported inside another statement ("Kasich said X" in "Kasich said X, according to
            # press reports"): it belongs to that one, as a nested quotation belongs to its parent
            continue
        sp = a["speaker"]
        mention = sp["mention"]
        attributions.append({
            "content": [[c["start"], c["end"]] for c in a["content"]],
            "speaker_start": mention["start"] if mention else None,
            "speaker_end": mention["end"] if mention else None,
            "speaker": sp["name"] or (mention["text"] if mention else None),
        })
    return {"doc": os.path.basename(report["path"])[:-4], "attributions": attributions}


def texts_of(folder: str) -> list[str]:
    return sorted(os.path.join(folder, "text", f) for f in os.listdir(os.path.join(folder, "text")))


def reports_by_cli(texts: list[str]) -> list[dict]:
    proc = subprocess.run([sys.executable, "-m", "quoteaudit", "extract", "--format", "json", *texts],
                          capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        sys.exit(f"extract failed ({proc.returncode}): {proc.stderr.strip()}")
    return json.loads(proc.stdout)["files"]


def reports_in_process(texts: list[str], cue_model=None, speaker_model=None) -> list[dict]:
    """What `extract --format json` gives per file, without a process per run (the CV
    folds pass their own tagger and speaker ranker)."""
    from quoteaudit.config import Settings
    from quoteaudit.document import Document
    from quoteaudit.formatters.json_format import quotation_dict, reported_dict
    from quoteaudit.pipeline import analyse

    settings = Settings(cue_model=cue_model, speaker_model=speaker_model)
    out = []
    for path in texts:
        with open(path, encoding="utf-8") as fh:
            ctx = analyse(Document(path=path, source=fh.read()), settings)
        out.append({"path": path, "quotations": [quotation_dict(ctx, q) for q in ctx.quotations],
                    "attributions": [reported_dict(ctx.doc, r) for r in ctx.reported_speech]})
    return out


def cross_validated_reports(folder: str) -> list[dict]:
    """Each train article predicted by a cue tagger and a speaker ranker trained on the other
    folds (articles dealt to folds in name order, every FOLDS-th): the shipped ranker has seen
    every train article, and its surer speakers would flatter the sources of quotations."""
    from quoteaudit import cue_training
    from quoteaudit.attribution import ranker, training

    eval_dir = os.path.join(SHARED, "eval")
    articles = cue_training.load_articles(folder, eval_dir)
    names = [a.doc for a in articles]
    speaker_examples = [e for doc, d in training.load_gold(folder, eval_dir).items()
                        for e in training.examples_for(doc, d["text"], d["gold"])]
    reports = []
    for k in range(FOLDS):
        held = set(names[k::FOLDS])
        model = cue_training.train([a for a in articles if a.doc not in held])
        speakers = ranker.model_from_json(training.train([e for e in speaker_examples if e.doc not in held],
                                                         l2=SPEAKER_L2))
        reports += reports_in_process([os.path.join(folder, "text", d + ".txt") for d in sorted(held)], model,
                                      speakers)
    return reports


def score(folder: str, reports: list[dict], baseline: bool, verbose: bool, out: str | None) -> dict:
    with tempfile.TemporaryDirectory(prefix="quoteaudit-attr-") as tmp:
        gold = os.path.join(tmp, "gold.jsonl")
        subprocess.run([sys.executable, SCORER, "gold", folder, gold], check=True, stdout=subprocess.DEVNULL)
        out = out or os.path.join(tmp, "system.jsonl")
        with open(out, "w", encoding="utf-8") as fh:
            for report in reports:
                fh.write(json.dumps(system_line(report, baseline)) + "\n")
        scored = subprocess.run([sys.executable, SCORER, "score", gold, out] + (["-v"] if verbose else []),
                                check=True, capture_output=True, text=True)
    lines = scored.stdout.strip().splitlines()
    if verbose:
        print("\n".join(lines[:-1]))
    return json.loads(lines[-1])


def show(title: str, result: dict) -> None:
    print(title)
    print(f"  content    P {result['content_p']:.3f}  R {result['content_r']:.3f}  F1 {result['content_f1']:.4f}"
          f"   (tp {result['tp']}, fp {result['fp']}, fn {result['fn']})")
    print("  recall     " + "  ".join(f"{k} {v:.3f}" for k, v in result["recall_by_kind"].items()))
    right = round(result["e2e_p"] * (result["tp"] + result["fp"]))  # the scorer gives rates, to 4 places
    print(f"  source accuracy on found ones {result['source_acc']:.4f}   (right source {right})")
    print(f"  end-to-end P {result['e2e_p']:.3f}  R {result['e2e_r']:.3f}  F1 {result['e2e_f1']:.4f}")
    print("  end-to-end recall " + "  ".join(f"{k} {v:.3f}" for k, v in result["e2e_recall_by_kind"].items()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="both", choices=["both", "dev", "train"],
                    help="train: 5-fold CV by article; dev: the shipped weights; both (default)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss and wrong source")
    ap.add_argument("--out", default=None, help="where to write the system file (one split)")
    ap.add_argument("--cli", action="store_true", help="dev through `quoteaudit extract` (a process) instead")
    ap.add_argument("--baseline", action="store_true",
                    help="score the speech quotations alone (what the tool saw before reported speech)")
    ap.add_argument("--all-statements", action="store_true",
                    help="list the statements reported inside others too (left out by default, as nested quotations)")
    args = ap.parse_args()
    global ALL_STATEMENTS
    ALL_STATEMENTS = args.all_statements
    suffix = " -- speech quotations only" if args.baseline else ""
    if args.split in ("both", "train"):
        folder = os.path.join(SHARED, "corpora", "polnear", "train")
        reports = reports_in_process(texts_of(folder)) if args.baseline else cross_validated_reports(folder)
        show(f"PolNeAR train ({len(reports)} articles; {FOLDS}-fold CV by article: tagger and speaker ranker never "
             f"saw the predicted fold; cue rules written looking at train){suffix}",
             score(folder, reports, args.baseline, args.verbose, args.out))
    if args.split in ("both", "dev"):
        folder = os.path.join(SHARED, "corpora", "polnear", "dev")
        texts = texts_of(folder)
        reports = reports_by_cli(texts) if args.cli else reports_in_process(texts)
        show(f"PolNeAR dev ({len(texts)} articles; held out, shipped weights){suffix}",
             score(folder, reports, args.baseline, args.verbose, args.out))


if __name__ == "__main__":
    main()
