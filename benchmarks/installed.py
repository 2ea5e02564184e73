"""Run the command as an installed copy runs: with compiled bytecode.

pip compiles a package's modules to bytecode when it installs them, and Python keeps the
bytecode of an editable install after its first run. This machine's environment sets
PYTHONDONTWRITEBYTECODE, so every command here would compile every module from source
(about 150 ms a run) unless a benchmark undoes it. Start-up figures are measured both
ways only where a script says so; by default, as a user's machine runs them.
"""
from __future__ import annotations

import compileall
import os
import resource
import subprocess
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def user_env(bytecode: bool = True) -> dict:
    """The environment for a timed command; with bytecode, the package is compiled first."""
    env = {**os.environ}
    if bytecode:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        compileall.compile_dir(os.path.join(ROOT, "quoteaudit"), quiet=1)
    return env


def describe(bytecode: bool) -> str:
    return ("modules from compiled bytecode, as installed" if bytecode
            else "modules compiled from source on every run (--no-bytecode)")


def timed_run(argv: list[str], **run_options) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one run of argv in a new process (the child's CPU time:
    on a shared machine the wall clock also counts waiting for a core)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, capture_output=True, **run_options)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
