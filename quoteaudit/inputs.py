"""Turn command-line paths into Documents (or InputErrors), in the order given.

- a file: plain text (.txt and anything else), Markdown (.md, .markdown), HTML
  (.html, .htm), or a JSON Lines batch (.jsonl: one {"id": ..., "text": ...} per
  line, each record its own document, findings carry the record id);
- a directory: every file below it with one of those extensions, recursively, in
  sorted order, filtered by the config's include/exclude globs;
- "-": standard input, as plain text.
"""
from __future__ import annotations

import fnmatch
import json
import os
import sys
from typing import Iterator

from .document import Document, InputErrorException, decode, read_file
from .markup import blank_html, blank_markdown
from .model import InputError
from .suppress import blank_directive_lines

TEXT_EXTENSIONS = (".txt", ".text")
MARKDOWN_EXTENSIONS = (".md", ".markdown")
HTML_EXTENSIONS = (".html", ".htm")
BATCH_EXTENSIONS = (".jsonl",)
DIRECTORY_EXTENSIONS = TEXT_EXTENSIONS + MARKDOWN_EXTENSIONS + HTML_EXTENSIONS + BATCH_EXTENSIONS


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


def make_document(path: str, source: str, record_id: str | None = None) -> Document:
    lower = path.lower()
    if lower.endswith(MARKDOWN_EXTENSIONS):
        text = blank_markdown(source)
    elif lower.endswith(HTML_EXTENSIONS):
        text = blank_html(source)
    else:
        text = blank_directive_lines(source, source)
    return Document(path=path, source=source, text=text, record_id=record_id)


def iter_documents(paths: list[str]) -> Iterator[Document | InputError]:
    for path in paths:
        try:
            if path == "-":
                yield make_document("<stdin>", decode(sys.stdin.buffer.read(), "<stdin>"))
            elif os.path.isdir(path):
                yield InputError(path, "is a directory with no " + ", ".join(DIRECTORY_EXTENSIONS) + " files")
            elif path.lower().endswith(BATCH_EXTENSIONS):
                yield from _batch(path)
            else:
                yield make_document(path, read_file(path))
        except InputErrorException as exc:
            yield exc.error


def _batch(path: str) -> Iterator[Document | InputError]:
    """A JSON Lines batch: each good record is a document; a bad line is an error naming it."""
    text = read_file(path)
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(path, f"invalid JSON record: {exc.msg}", number)
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            yield InputError(path, 'record needs a "text" string', number)
            continue
        record_id = record.get("id")
        yield make_document(path, record["text"], str(record_id if record_id is not None else f"line {number}"))
