"""The reference index: SQLite FTS5 for candidate retrieval, persistent on disk.

Comparing every quotation with every reference does not scale (a brute-force
rapidfuzz pass over a million references costs seconds per quotation), so the
references are indexed once: normalised text in an FTS5 table, one database file
per reference content hash in the cache directory (``QUOTEAUDIT_CACHE_DIR``, else
``$XDG_CACHE_HOME/quoteaudit``, else ``~/.cache/quoteaudit``). Repeated CI runs
against the same reference files open it instead of rebuilding it. Small sets
(under SMALL_SET rows) get the same index in memory, with nothing written.

An index file is trusted only when it is whole (its size matches its page count)
and its record names these reference files' hash and this schema; a damaged one is
removed and rebuilt, and a cache directory that cannot be written (a file, no
permission) leaves the index in memory for the run: each with a warning on stderr.

A lookup asks FTS5 for the references sharing the quotation's most distinctive
words (bm25 ranking), and the matcher re-ranks those candidates with rapidfuzz.
"""
from __future__ import annotations

import os
import sqlite3
import sys
import time
from dataclasses import dataclass

from .cachedir import cache_dir
from .normalize import STOPWORDS, normalize
from .references import Reference

SMALL_SET = 5_000
SCHEMA_VERSION = "3"  # 3: the load record (file errors, bad rows, speakers) kept beside the rows
RARE_TERMS = 4  # the query's rarest words that retrieve candidates
PAIRED_TERMS = 3  # of which pairs are intersected
RETRIEVED = 100  # references fetched for each query
CANDIDATES = 40  # of which the most word-overlapping are re-ranked


def index_path(digest: str) -> str:
    return os.path.join(cache_dir(), f"refs-{SCHEMA_VERSION}-{digest[:32]}.sqlite")


def cached_index_exists(digest: str) -> bool:
    return os.path.exists(index_path(digest))


def _read_only(path: str) -> sqlite3.Connection:
    """A connection that can neither write nor create the file."""
    from pathlib import Path
    return sqlite3.connect(Path(os.path.abspath(path)).as_uri() + "?mode=ro", uri=True)


def warn(message: str) -> None:
    sys.stderr.write(f"quoteaudit: warning: {message}\n")


def cached_index(digest: str) -> str | None:
    """The path of a sound cached index for this content hash, or None. A damaged or
    foreign file there is removed (with a warning) so that it is rebuilt."""
    path = index_path(digest)
    if not os.path.isfile(path):
        return None
    problem = _problem(path, digest)
    if problem is None:
        return path
    warn(f"{path}: {problem}; the reference index is rebuilt")
    try:
        os.remove(path)
    except OSError:
        pass  # rebuilt beside it and moved over it, or kept in memory
    return None


def _problem(path: str, digest: str) -> str | None:
    """Why the index file at path cannot be trusted, or None."""
    try:
        conn = _read_only(path)
        try:
            page_size = conn.execute("PRAGMA page_size").fetchone()[0]
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
            if pages * page_size != os.path.getsize(path):
                return "truncated or damaged index file"
            meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
            if meta.get("content_sha256") != digest or meta.get("schema") != SCHEMA_VERSION:
                return "index of other reference files or another version"
            if meta.get("complete") != "1":
                return "incomplete index file"
        finally:
            conn.close()
    except (sqlite3.Error, OSError) as exc:
        return f"unreadable index file ({' '.join(str(exc).split())})"
    return None


@dataclass
class LoadRecord:
    """What parsing the reference files found, as the index keeps it for the runs that do not parse them."""
    errors: list[tuple[int, int | None, str, bool]]  # (file position, line, message, row error?)
    speakers: list[str | None] | None  # every row's speaker in order; None past SPEAKERS_IN_REGISTRY


def load_record(path: str) -> LoadRecord | None:
    """What parsing the reference files found, as kept in the index (None if unreadable:
    then the files are parsed again)."""
    from .references import SPEAKERS_IN_REGISTRY
    try:
        conn = _read_only(path)
        try:
            errors = [(f, line, message, bool(row)) for f, line, message, row in
                      conn.execute("SELECT file, line, message, row_error FROM load_errors ORDER BY rowid")]
            count = conn.execute("SELECT count(*) FROM refs").fetchone()[0]
            speakers = None
            if count <= SPEAKERS_IN_REGISTRY:
                speakers = [r[0] for r in conn.execute("SELECT speaker FROM refs ORDER BY rowid")]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        warn(f"{path}: unreadable index file ({' '.join(str(exc).split())}); the references are parsed again")
        return None
    return LoadRecord(errors, speakers)


@dataclass
class Candidate:
    """A reference row the index offers for a quotation: its row id and normalised words."""
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
    if refs.rows is not None and (refs.memory_only or (
            len(refs.rows) < SMALL_SET and not persist and not cached_index_exists(refs.digest))):
        return _in_memory(refs, progress)
    path = index_path(refs.digest)
    if os.path.exists(path):
        return ReferenceIndex(_read_only(path), path)
    if refs.rows is None:
        raise FileNotFoundError(path)
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        conn = sqlite3.connect(tmp)
        try:
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("PRAGMA synchronous = OFF")
            _build(conn, refs.rows, refs.digest, progress, refs.load_errors)
        finally:
            conn.close()
        os.replace(tmp, path)  # atomic: a concurrent run sees the whole index or none
    except (OSError, sqlite3.Error) as exc:
        _remove_quietly(tmp)
        reason = getattr(exc, "strerror", None) or " ".join(str(exc).split())
        if os.path.exists(cache_dir()) and not os.path.isdir(cache_dir()):
            reason = "it is a file, not a directory"
        warn(f"cannot write the reference index in {cache_dir()} ({reason}); "
             "it is kept in memory for this run (set QUOTEAUDIT_CACHE_DIR to a writable directory)")
        refs.memory_only = True  # worker processes (--jobs) do not try again
        return _in_memory(refs, None)
    return ReferenceIndex(_read_only(path), path)


def _in_memory(refs, progress) -> ReferenceIndex:
    conn = sqlite3.connect(":memory:")
    _build(conn, refs.rows, refs.digest, progress, refs.load_errors)
    return ReferenceIndex(conn, None)


def _remove_quietly(path: str) -> None:
    try:
        os.remove(path)
    except OSError:
        pass


def _build(conn: sqlite3.Connection, rows: list[Reference], digest: str, progress=None,
           load_errors: list | None = None) -> None:
    start = time.perf_counter()
    conn.executescript("""
        CREATE TABLE refs (text TEXT, speaker TEXT, source TEXT, date TEXT, url TEXT, ref_id TEXT);
        CREATE VIRTUAL TABLE refs_fts USING fts5(norm, tokenize = 'unicode61 remove_diacritics 2');
        CREATE VIRTUAL TABLE refs_vocab USING fts5vocab(refs_fts, 'row');
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        CREATE TABLE load_errors (file INTEGER, line INTEGER, message TEXT, row_error INTEGER);
    """)
    conn.executemany("INSERT INTO load_errors VALUES (?, ?, ?, ?)",
                     [(f, line, message, int(row)) for f, line, message, row in load_errors or []])
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
        ("build_seconds", f"{time.perf_counter() - start:.2f}"), ("complete", "1")])
    conn.commit()
