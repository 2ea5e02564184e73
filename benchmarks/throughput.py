"""Throughput of `check` over PolNeAR train in one process, start-up apart.

Reads every text first, then times the whole pipeline (quotations, speakers, every
rule) over all of them, best of several repetitions in CPU time of this process, and
prints characters and bytes per second. Beside it, a baseline measured in the same run
on the same texts, taking turns with the check text by text (one regex pass that
tokenises every word, the cheapest pass any text tool makes), so the figure reads as a
ratio that does not depend on the machine or on how busy it is. Start-up (import, and
the `quoteaudit` command on one small file) is timed apart.

    python benchmarks/throughput.py [--repeat 3] [--profile] [--stages] [--no-bytecode]
    python benchmarks/throughput.py --code ../old-checkout   # another tree's code, timed the same way
"""
from __future__ import annotations

import argparse
import cProfile
import glob
import os
import pstats
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "corpora", "polnear", "train", "text")


def _code_dir(argv: list[str]) -> str:
    """--code DIR: time the quoteaudit of another checkout (an older commit) with this
    script, so that two trees are measured the same way; default this checkout."""
    for i, arg in enumerate(argv):
        if arg == "--code" and i + 1 < len(argv):
            return os.path.abspath(argv[i + 1])
        if arg.startswith("--code="):
            return os.path.abspath(arg.split("=", 1)[1])
    return ROOT


CODE = _code_dir(sys.argv)
sys.path.insert(0, CODE)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from installed import describe, user_env  # noqa: E402
from quoteaudit.document import Document  # noqa: E402
from quoteaudit.pipeline import check_document  # noqa: E402

WORDS = re.compile(r"\w+")


def interleaved(repeat: int, docs: list, texts: list[str]) -> tuple[float, float]:
    """CPU seconds of this process for check and for the baseline pass over all texts, the
    two taking turns text by text (a machine that slows down for a while slows both
    alike), the least of repeat runs of each. The baseline pass reads each text 5 times
    (its time is divided by 5): one pass takes a fiftieth of the check, too short a
    sample on its own."""
    clock = time.process_time
    checks, baselines = [], []
    for _ in range(repeat):
        ours = base = 0.0
        for doc, text in zip(docs, texts):
            t0 = clock()
            check_document(doc)
            t1 = clock()
            for _ in range(BASELINE_PASSES):
                WORDS.findall(text)
            t2 = clock()
            ours += t1 - t0
            base += (t2 - t1) / BASELINE_PASSES
        checks.append(ours)
        baselines.append(base)
    return min(checks), min(baselines)


BASELINE_PASSES = 5


def startup(small: str, bytecode: bool) -> dict[str, float]:
    env = user_env(bytecode)

    def timed(cmd):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, cwd=CODE, env=env)  # cwd first on sys.path
        return time.perf_counter() - start
    return {
        "import quoteaudit.cli": min(timed([sys.executable, "-c", "import quoteaudit.cli"]) for _ in range(3)),
        "quoteaudit --version": min(timed([sys.executable, "-m", "quoteaudit", "--version"]) for _ in range(3)),
        "quoteaudit check <one article>": min(timed([sys.executable, "-m", "quoteaudit", "check", small])
                                              for _ in range(3)),
    }


def stages(docs: list[Document]) -> dict[str, float]:
    """Seconds per stage over all documents: the quotation finder, the cue rules (names,
    cues, the rules' choice, kinds), the ranker (candidates, features, scores, resolution),
    reported speech, and each rule. Each stage is run as the pipeline runs it."""
    from quoteaudit import rules as rule_registry
    from quoteaudit.attribution import attribute_with_cues, rules_pass
    from quoteaudit.config import Settings
    from quoteaudit.pipeline import analyse
    from quoteaudit.quotes import find_quotations
    from quoteaudit.reported_speech import find_reported_speech
    out: dict[str, float] = {}

    def add(name, seconds):
        out[name] = out.get(name, 0.0) + seconds

    settings = Settings()
    for doc in docs:
        t0 = time.perf_counter()
        scan = find_quotations(doc.text, doc.source)
        t1 = time.perf_counter()
        rules_pass(doc, scan.quotations)
        t2 = time.perf_counter()
        scan = find_quotations(doc.text, doc.source)  # afresh: the rules pass sets kinds
        t3 = time.perf_counter()
        attributions, attributor = attribute_with_cues(doc, scan.quotations)
        t4 = time.perf_counter()
        find_reported_speech(doc.text, scan.quotations, attributions, attributor)
        t5 = time.perf_counter()
        add("find_quotations", t1 - t0)
        add("cue rules (names, cues, rules' choice, kinds)", t2 - t1)
        add("ranker (candidates, features, scores, resolution)", (t4 - t3) - (t2 - t1))
        add("reported speech", t5 - t4)
        ctx = analyse(doc, settings)
        for rule_id, module in rule_registry.registry().items():
            t = time.perf_counter()
            list(module.check(ctx, settings.options(rule_id)))
            add(f"rule {rule_id}", time.perf_counter() - t)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--profile", action="store_true", help="cProfile one pass, print the top 25")
    ap.add_argument("--stages", action="store_true", help="time each stage and each rule")
    ap.add_argument("--code", metavar="DIR", help="time the quoteaudit package of another checkout "
                    "(an older commit) instead of this one's, with this script")
    ap.add_argument("--no-bytecode", action="store_true",
                    help="start-up with every module compiled from source on each run")
    args = ap.parse_args()
    paths = sorted(glob.glob(os.path.join(CORPUS, "*.txt")))
    if not paths:
        sys.exit(f"no texts under {CORPUS}")
    texts = [open(p, encoding="utf-8").read() for p in paths]
    chars = sum(len(t) for t in texts)
    size = sum(len(t.encode("utf-8")) for t in texts)
    docs = [Document(path=p, source=t) for p, t in zip(paths, texts)]
    check_document(docs[0])  # warm the lexicons and compiled patterns

    ours, baseline = interleaved(args.repeat, docs, texts)
    print(f"corpus: {len(texts)} PolNeAR train articles, {chars:,} characters, {size / 1e6:.2f} MB UTF-8")
    print(f"check (whole pipeline, one process, one core): {ours:.3f} s = "
          f"{chars / ours / 1e6:.2f} M chars/s = {size / ours / 1e6:.2f} MB/s")
    print(f"baseline (one regex pass tokenising every word): {baseline:.3f} s = "
          f"{size / baseline / 1e6:.2f} MB/s")
    print(f"ratio: check takes {ours / baseline:.1f}x the baseline pass")
    print(f"code: {CODE}")
    print(f"start-up: {describe(not args.no_bytecode)}")
    for name, seconds in startup(paths[0], not args.no_bytecode).items():
        print(f"start-up: {name}: {seconds * 1000:.0f} ms")
    if args.stages:
        for name, seconds in sorted(stages(docs).items(), key=lambda kv: -kv[1]):
            print(f"stage {name}: {seconds:.3f} s ({size / seconds / 1e6:.1f} MB/s)")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for d in docs:
            check_document(d)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
