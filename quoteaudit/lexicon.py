"""Word lists kept as data files in quoteaudit/data, loaded once."""
from __future__ import annotations

import os
from functools import lru_cache

DATA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def data_text(name: str) -> str:
    """A file of quoteaudit/data, read beside this module (importlib.resources would add
    5 ms of imports to every start-up; the package is always installed as files)."""
    with open(os.path.join(DATA_DIR, name), encoding="utf-8") as fh:
        return fh.read()


def _lines(name: str) -> list[str]:
    text = data_text(name)
    return [entry for ln in text.splitlines() if (entry := ln.strip()) and ln[0] != "#"]


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """A one-word-per-line list as a set (entries as written)."""
    return frozenset(_lines(name + ".txt"))


@lru_cache(maxsize=None)
def table(name: str) -> dict[str, str]:
    """A two-column (tab-separated) list as a dict."""
    out = {}
    for ln in _lines(name + ".txt"):
        key, _, value = ln.partition("\t")
        out[key.strip()] = value.strip()
    return out


@lru_cache(maxsize=None)
def speech_cues() -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    """(single-word cues, multi-word cues as word tuples), lowercase."""
    single, multi = set(), set()
    for w in words("speech_verbs"):
        parts = tuple(w.lower().split())
        (multi.add(parts) if len(parts) > 1 else single.add(parts[0]))
    return frozenset(single), tuple(sorted(multi, key=len, reverse=True))
