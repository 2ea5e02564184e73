"""Word lists kept as data files in quoteaudit/data, loaded once."""
from __future__ import annotations

import atexit
import marshal
import os
import sys
import zlib
from functools import lru_cache

from .cachedir import MarshalTable

DATA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data")


def data_text(name: str) -> str:
    """A file of quoteaudit/data, read beside this module (importlib.resources would add
    5 ms of imports to every start-up; the package is always installed as files)."""
    with open(os.path.join(DATA_DIR, name), encoding="utf-8") as fh:
        return fh.read()


_PARSED = MarshalTable("data", (1,))
atexit.register(_PARSED.save)


def parsed(name: str, parse):
    """parse(data_text(name)), kept between runs in the cache directory while the data
    file and the modules that parse it (parse's own and this one) are unchanged: the
    speech-cue model's 20,858 weights are read in 5 ms instead of 12. The files' size and
    modification time are checked first, as Python checks its bytecode; when those
    changed, their contents' checksums (a fresh checkout or install of the same files, a
    CI job with a restored cache) before parsing anew. What parse returns must be plain
    data (marshal's types: dicts, lists, tuples, strings, numbers; a set is slow to write)."""
    try:
        files = (os.path.join(DATA_DIR, name), sys.modules[parse.__module__].__file__, __file__)
        stamp = tuple(_stamp(path) for path in files)
    except (OSError, KeyError, TypeError):  # a data file missing (data_text says so), a parser of no file
        return parse(data_text(name))
    key = (name, f"{parse.__module__}.{parse.__qualname__}")
    entry = _PARSED.get(key)  # (stamp, checksums, the value as marshal wrote it)
    if entry is not None and entry[0] == stamp:
        return marshal.loads(entry[2])  # a fresh copy: what a caller changes stays its own
    checksums = tuple(_checksum(path, file_stamp) for path, file_stamp in zip(files, stamp))
    if entry is not None and entry[1] == checksums:
        _PARSED.put(key, (stamp, checksums, entry[2]))  # the same files, touched: the next run checks no more
        return marshal.loads(entry[2])
    value = parse(data_text(name))
    try:
        _PARSED.put(key, (stamp, checksums, marshal.dumps(value)))
    except ValueError:  # not plain data: parsed afresh each run
        pass
    return value


def _stamp(path: str) -> tuple[int, int]:
    stat = os.stat(path)
    return stat.st_size, stat.st_mtime_ns


@lru_cache(maxsize=None)
def _checksum(path: str, stamp: tuple[int, int]) -> tuple[int, int]:
    """The file's size and CRC-32 (once per process and stamp): enough to tell an edited
    file from a copied one."""
    with open(path, "rb") as fh:
        data = fh.read()
    return len(data), zlib.crc32(data)


def _entries(text: str) -> list[str]:
    return [entry for ln in text.splitlines() if (entry := ln.strip()) and ln[0] != "#"]


def _sorted_entries(text: str) -> list[str]:
    return sorted(set(_entries(text)))  # a list: marshal writes a set 40x slower (it sorts it)


def _two_columns(text: str) -> dict[str, str]:
    out = {}
    for ln in _entries(text):
        key, _, value = ln.partition("\t")
        out[key.strip()] = value.strip()
    return out


@lru_cache(maxsize=None)
def words(name: str) -> frozenset[str]:
    """A one-word-per-line list as a set (entries as written)."""
    return frozenset(parsed(name + ".txt", _sorted_entries))


@lru_cache(maxsize=None)
def table(name: str) -> dict[str, str]:
    """A two-column (tab-separated) list as a dict."""
    return parsed(name + ".txt", _two_columns)


@lru_cache(maxsize=None)
def speech_cues() -> tuple[frozenset[str], tuple[tuple[str, ...], ...]]:
    """(single-word cues, multi-word cues as word tuples), lowercase."""
    single, multi = set(), set()
    for w in words("speech_verbs"):
        parts = tuple(w.lower().split())
        (multi.add(parts) if len(parts) > 1 else single.add(parts[0]))
    return frozenset(single), tuple(sorted(multi, key=len, reverse=True))
