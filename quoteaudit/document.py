"""Read the document: the text untouched, positions by bisect over line starts.

``source`` is the input exactly as read (offsets in findings point into it);
``text`` is what the analysis reads: the same length, with markup (Markdown, HTML)
or a byte-order mark blanked to spaces so every offset still holds.
"""
from __future__ import annotations

import os
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from .model import InputError

_BLANK_LINE_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE_BREAK = re.compile(r"\n\s*")


@lru_cache(maxsize=4)  # asked by every stage about the document in hand
def paragraph_break(text: str) -> re.Pattern:
    """How this document separates paragraphs: blank lines, or (as many scraped
    articles do) a single newline. Hard-wrapped prose keeps blank-line paragraphs:
    its lines are short, while one-line paragraphs run long."""
    newlines = text.count("\n")
    if newlines < 2:
        return _BLANK_LINE_BREAK
    blank = len(_BLANK_LINE_BREAK.findall(text))
    if blank * 2 >= newlines:
        return _BLANK_LINE_BREAK
    longest = max(map(len, text.split("\n")))
    return _LINE_BREAK if longest > 120 else _BLANK_LINE_BREAK


@lru_cache(maxsize=4)  # the attribution and the rules both ask, about the document in hand
def paragraph_starts(text: str) -> tuple[int, ...]:
    """Offsets where the paragraphs of text start (the first at 0), in order."""
    return (0, *(m.end() for m in paragraph_break(text).finditer(text)))


@dataclass
class Document:
    path: str
    source: str
    text: str = ""
    record_id: str | None = None
    line_starts: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        if not self.text:
            self.text = self.source
        if self.text.startswith("\ufeff"):
            self.text = " " + self.text[1:]
        if len(self.text) != len(self.source):
            raise ValueError("analysis text must keep the source's length")
        starts = [0]
        find = self.source.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self.line_starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a character offset; columns count characters."""
        line = bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def paragraphs(self) -> list[tuple[int, int]]:
        """(start, end) of each paragraph: text between blank lines, trimmed."""
        out = []
        pos = 0
        text = self.text
        for m in paragraph_break(text).finditer(text):
            _append_trimmed(text, pos, m.start(), out)
            pos = m.end()
        _append_trimmed(text, pos, len(text), out)
        return out


def _append_trimmed(text: str, start: int, end: int, out: list) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))


def decode(data: bytes, path: str) -> str:
    """UTF-8 text of a file's bytes, or InputError naming what is wrong and where."""
    if b"\x00" in data:
        raise InputErrorException(InputError(path, "binary file (contains NUL bytes), not text"))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputErrorException(
            InputError(path, f"invalid UTF-8 (byte 0x{data[exc.start]:02x} at byte {exc.start})", line)
        ) from None


class InputErrorException(Exception):
    def __init__(self, error: InputError):
        super().__init__(str(error))
        self.error = error


def read_file(path: str) -> str:
    """The text of a file, raising InputErrorException with a one-line reason."""
    if not os.path.exists(path):
        raise InputErrorException(InputError(path, "no such file"))
    if os.path.isdir(path):
        raise InputErrorException(InputError(path, "is a directory, not a file"))
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise InputErrorException(InputError(path, f"cannot read: {exc.strerror}")) from None
    return decode(data, path)
