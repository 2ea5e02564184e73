"""Word lists kept as data files in quoteaudit/data, loaded once."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files("quoteaudit").joinpath("data", name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


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
