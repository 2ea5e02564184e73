"""The reference index: SQLite FTS5 for candidate retrieval, persistent on disk.

Comparing every quotation with every reference does not scale (a brute-force
rapidfuzz pass over a million references costs seconds per quotation), so the
references are indexed once: normalised text in an FTS5 table, one database file
per reference content hash in the cache directory (``QUOTEAUDIT_CACHE_DIR``, else
``$XDG_CACHE_HOME/quoteaudit``, else ``~/.cache/quoteaudit``). Repeated CI runs
against the same reference files open it instead of rebuilding it. Small sets
(under SMALL_SET rows) get the same index in memory, with nothing written.

A lookup asks FTS5 for the references sharing the quotation's most distinctive
words (bm25 ranking), and the matcher re-ranks those candidates with rapidfuzz.
"""
from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass

from .normalize import STOPWORDS, normalize
from .references import Reference

SMALL_SET = 5_000
SCHEMA_VERSION = "2"
RARE_TERMS = 4  # the query's rarest words that retrieve candidates
PAIRED_TERMS = 3  # of which pairs are intersected
RETRIEVED = 100  # references fetched for each query
CANDIDATES = 40  # of which the most word-overlapping are re-ranked


def cache_dir() -> str:
    base = os.environ.get("QUOTEAUDIT_CACHE_DIR")
    if not base:
        xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        base = os.path.join(xdg, "quoteaudit")
    return base


def index_path(digest: str) -> str:
    return os.path.join(cache_dir(), f"refs-{SCHEMA_VERSION}-{digest[:32]}.sqlite")


def cached_index_exists(digest: str) -> bool:
    return os.path.exists(index_path(digest))


@dataclass
class Candidate:
    rowid: int
    norm: str


class ReferenceIndex:
    def __init__(self, conn: sqlite3.Connection, path: str | None) -> None:
        self.conn = conn
        self.path = path

    def count(self) -> int:
        return self.conn.execute("SELECT count(*) FROM refs").fetchone()[0]

    def candidates(self, norm_query: str, limit: int = CANDIDATES) -> list[Candidate]:
        """References sharing the query's rarest words (document frequency from the
        index's own vocabulary), the most word-overlapping first. Unranked retrieval
        of rare words keeps a lookup to milliseconds at a million references."""
        words = _query_terms(norm_query)
        if not words:
            return []
        marks = ",".join("?" * len(words))
        frequency = dict(self.conn.execute(f"SELECT term, doc FROM refs_vocab WHERE term IN ({marks})", words))
        ranked = sorted((w for w in words if frequency.get(w)), key=lambda w: (frequency[w], w))
        if not ranked:
            return []
        found: dict[int, str] = {}
        if len(ranked) <= 2:
            # Few distinctive words: rank the references holding them all instead of
            # cutting an unordered list short.
            match = " AND ".join(f'"{w}"' for w in ranked)
            found.update(self.conn.execute("SELECT rowid, norm FROM refs_fts WHERE refs_fts MATCH ? "
                                           "ORDER BY rank LIMIT ?", (match, RETRIEVED)).fetchall())
        # The references holding two of the rarest words (fast intersections), then
        # those holding any one rare word while it stays rare enough to fetch whole.
        # Pairs of rare words: selective, and robust to one word the reference lacks.
        top = ranked[:PAIRED_TERMS]
        for i in range(len(top)):
            for j in range(i + 1, len(top)):
                found.update(self.conn.execute(
                    "SELECT rowid, norm FROM refs_fts WHERE refs_fts MATCH ? LIMIT ?",
                    (f'"{top[i]}" AND "{top[j]}"', RETRIEVED)).fetchall())
        for word in ranked[:RARE_TERMS]:
            if frequency[word] > RETRIEVED and found:
                break
            found.update(self.conn.execute("SELECT rowid, norm FROM refs_fts WHERE refs_fts MATCH ? LIMIT ?",
                                           (f'"{word}"', RETRIEVED)).fetchall())
        query_words = set(norm_query.split())
        rows = sorted(found.items(), key=lambda r: (-len(query_words.intersection(r[1].split())), r[0]))
        return [Candidate(r[0], r[1]) for r in rows[:limit]]

    def reference(self, rowid: int) -> Reference:
        row = self.conn.execute("SELECT text, speaker, source, date, url, ref_id FROM refs WHERE rowid = ?",
                                (rowid,)).fetchone()
        return Reference(text=row[0], speaker=row[1], source=row[2], date=row[3], url=row[4], id=row[5])

    def all_norms(self) -> list[tuple[int, str]]:
        return self.conn.execute("SELECT rowid, norm FROM refs_fts").fetchall()

    def stats(self) -> dict:
        meta = dict(self.conn.execute("SELECT key, value FROM meta").fetchall())
        speakers = self.conn.execute("SELECT count(DISTINCT speaker) FROM refs").fetchone()[0]
        size = os.path.getsize(self.path) if self.path and os.path.exists(self.path) else None
        return {"references": self.count(), "speakers": speakers, "index": self.path or "(in memory)",
                "size_bytes": size, **meta}


def _query_terms(norm_query: str) -> list[str]:
    return sorted({w for w in norm_query.split() if w not in STOPWORDS and len(w) > 2 and '"' not in w})


def open_index(refs, progress=None, persist: bool = False) -> ReferenceIndex:
    """Open the cached index for this reference set, or build it (on disk when large,
    or when asked to persist it)."""
    if refs.rows is not None and len(refs.rows) < SMALL_SET and not persist and not cached_index_exists(refs.digest):
        conn = sqlite3.connect(":memory:")
        _build(conn, refs.rows, refs.digest, progress)
        return ReferenceIndex(conn, None)
    path = index_path(refs.digest)
    if os.path.exists(path):
        return ReferenceIndex(sqlite3.connect(path), path)
    if refs.rows is None:
        raise FileNotFoundError(path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = f"{path}.{os.getpid()}.tmp"
    conn = sqlite3.connect(tmp)
    conn.execute("PRAGMA journal_mode = OFF")
    conn.execute("PRAGMA synchronous = OFF")
    _build(conn, refs.rows, refs.digest, progress)
    conn.close()
    os.replace(tmp, path)  # atomic: a concurrent run sees the whole index or none
    return ReferenceIndex(sqlite3.connect(path), path)


def _build(conn: sqlite3.Connection, rows: list[Reference], digest: str, progress=None) -> None:
    start = time.perf_counter()
    conn.executescript("""
        CREATE TABLE refs (text TEXT, speaker TEXT, source TEXT, date TEXT, url TEXT, ref_id TEXT);
        CREATE VIRTUAL TABLE refs_fts USING fts5(norm, tokenize = 'unicode61 remove_diacritics 2');
        CREATE VIRTUAL TABLE refs_vocab USING fts5vocab(refs_fts, 'row');
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
    """)
    batch = 20_000
    for begin in range(0, len(rows), batch):
        chunk = rows[begin:begin + batch]
        conn.executemany("INSERT INTO refs (rowid, text, speaker, source, date, url, ref_id) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?)",
                         [(begin + i + 1, r.text, r.speaker, r.source, r.date, r.url, r.id)
                          for i, r in enumerate(chunk)])
        conn.executemany("INSERT INTO refs_fts (rowid, norm) VALUES (?, ?)",
                         [(begin + i + 1, normalize(r.text)) for i, r in enumerate(chunk)])
        if progress is not None:
            progress(len(chunk))
    conn.executemany("INSERT INTO meta VALUES (?, ?)", [
        ("content_sha256", digest), ("schema", SCHEMA_VERSION),
        ("built", time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())),
        ("build_seconds", f"{time.perf_counter() - start:.2f}")])
    conn.commit()
