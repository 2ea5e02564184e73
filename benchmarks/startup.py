"""Start-up of the command against an older tree's, measured in the same run.

`quoteaudit check ARTICLE` on one PolNeAR dev article, run as a user runs it (a new
process, modules from compiled bytecode), for this checkout and for the quoteaudit
package of another checkout (--code DIR: a worktree of an older commit), with this
environment's Python and dependencies for both, so only our code differs. The two take
turns run by run, so a busy spell of a shared machine falls on both alike.

Printed for each tree: the CPU time of the child process (median and fastest of --runs)
and, when valgrind is installed, the instructions the whole command executes (cachegrind
without cache simulation: the same count run after run, whatever else the machine does);
then this tree's figures as a ratio of the other's.

    git worktree add /tmp/qa-old 143cd8e
    python benchmarks/startup.py --code /tmp/qa-old [--runs 21] [--article PATH] [--no-valgrind]
"""
from __future__ import annotations

import argparse
import compileall
import glob
import os
import statistics
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
DEV = os.path.join(os.path.dirname(ROOT), "shared", "corpora", "polnear", "dev", "text")

from installed import timed_run, user_env  # noqa: E402
from instructions import count_instructions  # noqa: E402


def command(article: str) -> list[str]:
    return [sys.executable, "-m", "quoteaudit", "check", "--fail-on", "never", article]


def cpu_seconds(tree: str, article: str, env: dict) -> float:
    """CPU time of one run, with the tree first on sys.path (python -m puts the working
    directory there, ahead of the editable install)."""
    return timed_run(command(article), cwd=tree, env=env, check=True)[1]


def instructions(tree: str, article: str, env: dict) -> int | None:
    return count_instructions(command(article), cwd=tree, env=env)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--code", required=True, metavar="DIR", help="the other checkout (its quoteaudit package)")
    ap.add_argument("--runs", type=int, default=21)
    ap.add_argument("--article", default=None, help="default: the first PolNeAR dev article by name")
    ap.add_argument("--no-valgrind", action="store_true", help="CPU time only")
    args = ap.parse_args()
    article = os.path.abspath(args.article or sorted(glob.glob(os.path.join(DEV, "*.txt")))[0])
    trees = {"this checkout": ROOT, "other": os.path.abspath(args.code)}
    base_env = user_env(True)  # compiles this checkout; the other one here:
    compileall.compile_dir(os.path.join(trees["other"], "quoteaudit"), quiet=1)
    # A cache directory each, as a user of either version has: with one between them, two
    # versions' different data files would replace each other's parsed copies run after run.
    scratch = tempfile.TemporaryDirectory(prefix="qa-startup-")
    envs = {label: {**base_env, "QUOTEAUDIT_CACHE_DIR": os.path.join(scratch.name, str(i))}
            for i, label in enumerate(trees)}
    for label, tree in trees.items():
        cpu_seconds(tree, article, envs[label])  # a first run each: the caches, the file system's
    cpu: dict[str, list[float]] = {label: [] for label in trees}
    for _ in range(args.runs):
        for label, tree in trees.items():
            cpu[label].append(cpu_seconds(tree, article, envs[label]))
    counts = {label: None if args.no_valgrind else instructions(tree, article, envs[label])
              for label, tree in trees.items()}
    scratch.cleanup()
    print(f"quoteaudit check {os.path.basename(article)} ({os.path.getsize(article):,} bytes), "
          f"{args.runs} runs each, taking turns; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    for label, tree in trees.items():
        line = (f"  {label:14} {tree}: CPU median {statistics.median(cpu[label]) * 1000:.0f} ms, "
                f"fastest {min(cpu[label]) * 1000:.0f} ms")
        if counts[label] is not None:
            line += f", {counts[label] / 1e6:,.0f}M instructions"
        print(line)
    mine, other = cpu["this checkout"], cpu["other"]
    line = (f"  this / other: CPU median {statistics.median(mine) / statistics.median(other):.3f}, "
            f"fastest {min(mine) / min(other):.3f}")
    if counts["this checkout"] and counts["other"]:
        line += f", instructions {counts['this checkout'] / counts['other']:.3f}"
    print(line + " (goal of issue 10 against 143cd8e: not above 1)")


if __name__ == "__main__":
    main()
