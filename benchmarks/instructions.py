"""Instructions a command executes, counted by valgrind's cachegrind (no cache simulation).

On a shared machine CPU time moves by a fifth or more from run to run; the instruction
count of the same command moves by a few thousandths. It counts work, not the time lost
to cache misses, so a benchmark prints it beside its times, never instead of them.
"""
from __future__ import annotations

import re
import shutil
import subprocess


def available() -> bool:
    return shutil.which("valgrind") is not None


def count_instructions(argv: list[str], **run_options) -> int | None:
    """The instructions of the whole process argv (None without valgrind or a count)."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    proc = subprocess.run([valgrind, "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null", *argv],
                          capture_output=True, text=True, **run_options)
    found = re.search(r"I\s+refs:\s+([\d,]+)", proc.stderr)
    return int(found.group(1).replace(",", "")) if found else None
