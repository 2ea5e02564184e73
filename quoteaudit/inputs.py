"""Turn command-line paths into Documents (or InputErrors), in the order given.

- a file: plain text (.txt and anything else), Markdown (.md, .markdown), HTML
  (.html, .htm), or a JSON Lines batch (.jsonl: one {"id": ..., "text": ...} per
  line, each record its own document, findings carry the record id);
- a directory: every file below it with one of those extensions, recursively, in
  sorted order, filtered by the config's include/exclude globs;
- "-": standard input, as plain text.

Whatever a file holds, each failure is an InputError naming it (and the record's
line): too large, not a regular file, not UTF-8, a bad record, or an internal error.
"""
from __future__ import annotations

import fnmatch
import json
import os
import sys
from typing import Iterator

from .document import DEFAULT_MAX_FILE_MB, Document, InputErrorException, decode, read_file, read_limited
from .model import InputError, shown_path
from .regexes import regex
from .suppress import blank_directive_lines

TEXT_EXTENSIONS = (".txt", ".text")
MARKDOWN_EXTENSIONS = (".md", ".markdown")
HTML_EXTENSIONS = (".html", ".htm")
BATCH_EXTENSIONS = (".jsonl",)
DIRECTORY_EXTENSIONS = TEXT_EXTENSIONS + MARKDOWN_EXTENSIONS + HTML_EXTENSIONS + BATCH_EXTENSIONS
DEFAULT_MAX_RECORD_MB = 16.0


def expand_paths(paths: list[str], include: list[str] | None = None, exclude: list[str] | None = None) -> list[str]:
    """Directories become the files below them (sorted); files and "-" stay as given."""
    out = []
    for path in paths:
        if path != "-" and os.path.isdir(path):
            found = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in files:
                    full = os.path.join(root, name)
                    if name.lower().endswith(DIRECTORY_EXTENSIONS) and _wanted(full, path, include, exclude):
                        found.append(full)
            out.extend(sorted(found) or [path])  # an empty directory stays: an input error
        else:
            out.append(path)
    return out


def _wanted(full: str, base: str, include, exclude) -> bool:
    rel = os.path.relpath(full, base).replace(os.sep, "/")
    if include and not any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(full, g) for g in include):
        return False
    return not (exclude and any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(full, g) for g in exclude))


def make_document(path: str, source: str, record_id: str | None = None, record_line: int | None = None) -> Document:
    lower = path.lower()
    if lower.endswith(MARKDOWN_EXTENSIONS + HTML_EXTENSIONS):
        from . import markup  # here: a run over plain text never compiles the markup patterns (start-up)
        blank = markup.blank_markdown if lower.endswith(MARKDOWN_EXTENSIONS) else markup.blank_html
        text = blank(source)
    else:
        text = blank_directive_lines(source, source)
    return Document(path=path, source=source, text=text, record_id=record_id, record_line=record_line)


def iter_documents(paths: list[str], max_file_mb: float | None = DEFAULT_MAX_FILE_MB,
                   max_record_mb: float | None = DEFAULT_MAX_RECORD_MB) -> Iterator[Document | InputError]:
    """Documents and input errors in the order given. Names are shown as printable one-line
    text (a newline or a byte that is not UTF-8 in a file name is written as an escape)."""
    for path in paths:
        shown = shown_path(path)
        try:
            if path == "-":
                yield make_document("<stdin>", decode(read_limited(sys.stdin.buffer, "<stdin>", max_file_mb),
                                                      "<stdin>"))
            elif os.path.isdir(path):
                yield InputError(shown, "is a directory with no " + ", ".join(DIRECTORY_EXTENSIONS) + " files")
            elif path.lower().endswith(BATCH_EXTENSIONS):
                yield from _batch(path, shown, max_file_mb, max_record_mb)
            else:
                yield make_document(shown, read_file(path, max_file_mb))
        except InputErrorException as exc:
            exc.error.path = shown
            yield exc.error
        except Exception as exc:  # a reader bug must not cost the other files their report
            yield internal_error(shown, exc)


def internal_error(path: str, exc: BaseException, line: int | None = None, record_id: str | None = None) -> InputError:
    """An unexpected exception as one line naming the file (and record); the traceback kept
    for --debug. Never the exit status of findings: the run exits 2."""
    import traceback
    detail = " ".join(str(exc).split())
    detail = detail[:200] + "…" if len(detail) > 200 else detail
    record = f"record {shown_path(record_id)}: " if record_id is not None else ""
    return InputError(path, f"{record}internal error ({type(exc).__name__}{': ' + detail if detail else ''}); "
                            "please report it (--debug shows the traceback)", line,
                      traceback="".join(traceback.format_exception(exc)))


def _batch(path: str, shown: str, max_file_mb: float | None,
           max_record_mb: float | None) -> Iterator[Document | InputError]:
    """A JSON Lines batch: each good record is a document; a bad line is an error naming it.

    Records are split at "\n" only: U+2028, NEL, VT or FF are legal raw inside a JSON
    string (str.splitlines() would cut the record there)."""
    text = read_file(path, max_file_mb)
    if text.startswith("\ufeff"):
        text = text[1:]  # a byte-order mark is no part of the first record
    limit = None if max_record_mb is None else int(max_record_mb * 1_000_000)
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            yield _record(shown, line, number, limit, max_record_mb)
        except Exception as exc:
            yield internal_error(shown, exc, number)


def _record(shown: str, line: str, number: int, limit: int | None, max_record_mb: float | None) -> Document | InputError:
    if limit is not None and len(line) > limit // 4 and len(line.encode("utf-8", "surrogatepass")) > limit:
        return InputError(shown, f"record larger than the {max_record_mb:g} MB limit "
                                 "(raise it with --max-record-mb)", number)
    try:
        record = json.loads(line, strict=False)  # raw tabs, VT, FF inside strings are read as written
    except ValueError as exc:
        return InputError(shown, f"invalid JSON record: {json_problem(exc)}", number)
    except RecursionError:
        return InputError(shown, "invalid JSON record: nested too deeply", number)
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        return InputError(shown, 'record needs a "text" string', number)
    record_id = record.get("id")
    if record_id is None:
        record_id = f"line {number}"
    elif not isinstance(record_id, (str, int, float, bool)):
        return InputError(shown, 'record "id" must be a string or a number', number)
    record_id = str(record_id)
    for what, value in (("text", record["text"]), ("id", record_id)):
        bad = _lone_surrogate(value)
        if bad is not None:
            return InputError(shown, f'record "{what}" holds a lone surrogate (U+{ord(value[bad]):04X} at '
                                     f'character {bad}), not Unicode text', number)
    return make_document(shown, record["text"], record_id, number)


def json_problem(exc: ValueError) -> str:
    """A json.loads failure in a few words, with its column."""
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg.removesuffix(' at')} at column {exc.colno}"
    if "digits" in str(exc):
        return "a number with more digits than Python reads (4300)"
    return " ".join(str(exc).split())


_SURROGATE = regex("[\ud800-\udfff]")


def _lone_surrogate(value: str) -> int | None:
    """Offset of a lone surrogate (JSON allows "\\ud800"; it cannot be printed or encoded)."""
    m = _SURROGATE.search(value)
    return m.start() if m else None
