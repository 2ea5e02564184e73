"""Speed of checking a copy against an original article or a transcript.

1. The whole command, ``quoteaudit compare ORIGINAL COPY``, on two PolNeAR dev
   articles of about 1,000 words (the pair of the same day closest to that length,
   and one article against itself), run as a user runs it (a new process each
   time, start-up included, the cache directory filled by an earlier run), and as a
   first run with an empty cache directory. Baseline in the same run:
   ``quoteaudit check COPY`` alone, and the bare start-up
   (``python -c 'import quoteaudit.cli'``).
2. One quotation against a 20,000-word transcript (PolNeAR dev sentences read as
   one speaker's words): per-quotation lookup through the index, over quotations
   taken from it (whole sentences with a word changed, fragments of a sentence)
   and sentences that are not in it (from PolNeAR train). Baseline in the same
   run: brute force (the same scorer over every row), with the agreement between
   the two on the best score. Wall-clock and CPU time are both printed: on a shared
   machine the wall-clock tail is mostly time spent waiting for a core.

    python benchmarks/compare_speed.py [--runs 9] [--queries 200] [--no-bytecode]
"""
from __future__ import annotations

import argparse
import glob
import os
import random
import statistics
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "corpora", "polnear")

from compare_precision import same_day_partners  # noqa: E402
from installed import describe, timed_run, user_env  # noqa: E402

from quoteaudit.matching import best_reference, similarity  # noqa: E402
from quoteaudit.normalize import normalize  # noqa: E402
from quoteaudit.refdocs import sentence_spans  # noqa: E402
from quoteaudit.references import load_references  # noqa: E402

TRANSCRIPT_WORDS = 20_000


def words_in(path: str) -> int:
    with open(path, encoding="utf-8") as fh:
        return len(fh.read().split())


def timed_command(args: list[str], runs: int, env: dict) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds of each run of the command with args."""
    times = [timed_run([sys.executable, "-m", "quoteaudit", *args], env=env, check=False) for _ in range(runs)]
    return [wall for wall, _ in times], [cpu for _, cpu in times]


def command_timings(runs: int, bytecode: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        _command_timings(runs, bytecode, tmp)


def _command_timings(runs: int, bytecode: bool, tmp: str) -> None:
    """A user's second and later runs find the compiled patterns and the parsed cue model in
    the cache directory (quoteaudit/regexes.py); a first run, or every run of a CI job that
    starts without a cache, makes them and writes them there. Both are timed: the cache
    directory here is the benchmark's own, and the first-run command gets an empty one
    each time."""
    env = {**user_env(bytecode), "QUOTEAUDIT_CACHE_DIR": os.path.join(tmp, "cache")}
    dev = sorted(glob.glob(os.path.join(CORPUS, "dev", "text", "*.txt")))
    partners = same_day_partners(dev)
    pair = min(((partners[p], p) for p in partners),
               key=lambda op: abs(words_in(op[0]) - 1000) + abs(words_in(op[1]) - 1000))
    original, copy = pair
    print(f"pair: {os.path.basename(original)} ({words_in(original)} words) -> "
          f"{os.path.basename(copy)} ({words_in(copy)} words)")
    timed_command(["compare", "--fail-on", "never", original, copy], 1, env)  # fills the cache
    startup, _ = timed_command(["--version"], runs, env)
    import_only = [timed_run([sys.executable, "-c", "import quoteaudit.cli"], env=env, check=True)[0] for _ in range(runs)]
    # Interleaved, so that a busy spell of a shared machine falls on all three alike.
    commands = {"check COPY": ["check", "--fail-on", "never", copy],
                "compare ORIGINAL COPY": ["compare", "--fail-on", "never", original, copy],
                "compare COPY COPY": ["compare", "--fail-on", "never", copy, copy]}
    wall: dict[str, list[float]] = {label: [] for label in commands}
    cpu: dict[str, list[float]] = {label: [] for label in commands}
    first_run = "compare ORIGINAL COPY, first run"
    commands[first_run] = commands["compare ORIGINAL COPY"]
    wall[first_run], cpu[first_run] = [], []
    for i in range(runs):
        for label, args in commands.items():
            empty = {**env, "QUOTEAUDIT_CACHE_DIR": os.path.join(tmp, f"empty-{i}")}
            w, c = timed_command(args, 1, empty if label == first_run else env)
            wall[label] += w
            cpu[label] += c
    check = wall["check COPY"]
    base = statistics.median(check)
    print(f"  {describe(bytecode)}")
    print(f"  load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"  start-up, import quoteaudit.cli     median {statistics.median(import_only):.3f} s")
    print(f"  quoteaudit --version                median {statistics.median(startup):.3f} s")
    print(f"  check COPY (baseline)               median {base:.3f} s")
    for label in ("compare ORIGINAL COPY", "compare COPY COPY", first_run):
        times = wall[label]
        print(f"  {label:<34}  median {statistics.median(times):.3f} s, max {max(times):.3f} s, "
              f"{statistics.median(times) / base:.2f}x check (goal: under 0.3 s)")
    for label, times in cpu.items():
        print(f"  {label + ', CPU time':<34}  median {statistics.median(times):.3f} s, max {max(times):.3f} s")


def transcript_timings(n_queries: int) -> None:
    rng = random.Random(7)
    sentences: list[str] = []
    for path in sorted(glob.glob(os.path.join(CORPUS, "dev", "text", "*.txt"))):
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        sentences.extend(text[a:b] for a, b in sentence_spans(text, 0, len(text)) if len(text[a:b].split()) >= 6)
    count, kept = 0, []
    for s in sentences:
        if count >= TRANSCRIPT_WORDS:
            break
        kept.append(" ".join(s.replace("“", "").replace("”", "").replace('"', "").split()))
        count += len(kept[-1].split())
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["QUOTEAUDIT_CACHE_DIR"] = tmp
        path = os.path.join(tmp, "transcript.txt")
        with open(path, "w", encoding="utf-8") as fh:
            for i in range(0, len(kept), 5):
                fh.write(" ".join(kept[i:i + 5]) + "\n\n")
        start = time.perf_counter()
        loaded = load_references([path], speakers={"*": "A Speaker"})
        refs = loaded.references
        refs.index()
        build = time.perf_counter() - start
        others = []
        for p in sorted(glob.glob(os.path.join(CORPUS, "train", "text", "*.txt")))[:40]:
            with open(p, encoding="utf-8") as fh:
                text = fh.read()
            others.extend(text[a:b] for a, b in sentence_spans(text, 0, len(text)) if len(text[a:b].split()) >= 8)
        queries = []
        for i in range(n_queries):
            if i % 4 == 3:
                queries.append(rng.choice(others))
                continue
            words = rng.choice(kept).split()
            if i % 4 == 2 and len(words) > 10:  # a fragment
                start_at = rng.randrange(0, len(words) - 8)
                words = words[start_at:start_at + rng.randint(6, 10)]
            else:  # a word changed
                words[rng.randrange(len(words))] = rng.choice(["daring", "said", "massive", "country"])
            queries.append(" ".join(words))
        best_reference(refs, queries[0])  # warm: first query opens the vocabulary pages
        lookup, cpu = [], []
        ours = []
        for q in queries:
            start, start_cpu = time.perf_counter(), time.thread_time()
            found = best_reference(refs, q)
            lookup.append(time.perf_counter() - start)
            cpu.append(time.thread_time() - start_cpu)
            ours.append(found[1] if found else 0.0)
        norms = [normalize(r.text) for r in refs.rows]
        brute, agree = [], 0
        for q, our in zip(queries, ours):
            start = time.perf_counter()
            nq = normalize(q)
            best = max(similarity(nq, n) for n in norms)
            brute.append(time.perf_counter() - start)
            agree += abs(best - our) < 0.01 or (best < 70 and our < 70)
    lookup.sort()
    cpu.sort()
    median = statistics.median(lookup)
    print(f"transcript: {count:,} words, {len(kept):,} sentences, {len(refs.rows):,} rows; "
          f"read and indexed in {build:.2f} s")
    print(f"  lookup through the index   median {median * 1000:.2f} ms, "
          f"p95 {lookup[int(len(lookup) * 0.95)] * 1000:.2f} ms over {len(queries)} quotations (goal: under 5 ms)")
    # On a shared machine a wall-clock tail is mostly waiting for a core; CPU time is the work.
    print(f"  the same, CPU time           median {statistics.median(cpu) * 1000:.2f} ms, "
          f"p95 {cpu[int(len(cpu) * 0.95)] * 1000:.2f} ms (load average {os.getloadavg()[0]:.1f} on "
          f"{os.cpu_count()} cores)")
    print(f"  brute force (baseline)     median {statistics.median(brute) * 1000:.2f} ms "
          f"({statistics.median(brute) / median:.0f}x the index)")
    print(f"  same best score as brute force (or both under the match threshold): {agree}/{len(queries)}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--no-bytecode", action="store_true",
                    help="compile every module from source on each run (this machine's default environment)")
    args = ap.parse_args()
    transcript_timings(args.queries)
    command_timings(args.runs, not args.no_bytecode)


if __name__ == "__main__":
    main()
