"""Where quoteaudit keeps what it works out once and reuses between runs (the
reference index, compiled patterns, parsed data files): ``QUOTEAUDIT_CACHE_DIR``, else
``$XDG_CACHE_HOME/quoteaudit``, else ``~/.cache/quoteaudit``."""
from __future__ import annotations

import marshal
import os
import sys


def cache_dir() -> str:
    base = os.environ.get("QUOTEAUDIT_CACHE_DIR")
    if not base:
        xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        base = os.path.join(xdg, "quoteaudit")
    return base


class MarshalTable:
    """A dict kept between runs in one file of the cache directory, in marshal's format
    (fast to read, and read back only by the Python that wrote it: the file is named by
    the Python version, and its header holds the full version string and whatever else
    the owner needs to match). Read at first use; written by ``save()`` (at exit) when
    this run added to it, whole or not at all. A file that is missing, damaged or not
    ours reads as empty, and one that cannot be written is left as it is: the table
    costs a run nothing but time."""

    def __init__(self, stem: str, header: tuple, path: str | None = None, max_entries: int = 2_000) -> None:
        self._stem = stem
        self.header = (stem, sys.version) + header
        self._path = path  # None: the cache directory's, looked up at first use
        self._max_entries = max_entries  # past this, a save keeps only what this run used
        self._table: dict | None = None
        self._used: set = set()
        self.added = False

    @property
    def path(self) -> str:
        return self._path or os.path.join(cache_dir(), f"{self._stem}-{sys.implementation.cache_tag}.marshal")

    def get(self, key):
        table = self._table if self._table is not None else self._load()
        self._used.add(key)
        return table.get(key)

    def put(self, key, value) -> None:
        if self._table is None:
            self._load()
        self._table[key] = value
        self._used.add(key)
        self.added = True

    def _load(self) -> dict:
        self._table = {}
        try:
            with open(self.path, "rb") as fh:
                header, table = marshal.loads(fh.read())  # 40x faster than marshal.load(fh)
            if header == self.header and isinstance(table, dict):
                self._table = table
        except Exception:  # missing, unreadable or not ours: start afresh
            pass
        return self._table

    def save(self) -> None:
        if not self.added or self._table is None or _in_worker():
            return
        table = self._table
        if len(table) > self._max_entries:
            table = {key: value for key, value in table.items() if key in self._used}
        path = self.path
        temporary = f"{path}.{os.getpid()}.tmp"
        try:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(temporary, "wb") as fh:
                fh.write(marshal.dumps((self.header, table)))
            os.replace(temporary, path)  # whoever writes last wins, with a whole file
            self.added = False
        except Exception:
            try:
                os.remove(temporary)
            except OSError:
                pass


def _in_worker() -> bool:
    """Whether this is a worker process of ``--jobs``: its pool stops it as soon as the work
    is done, which may be in the middle of writing; the parent process writes."""
    multiprocessing = sys.modules.get("multiprocessing")
    return multiprocessing is not None and multiprocessing.parent_process() is not None
