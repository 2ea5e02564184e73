"""Read the document: the text untouched, positions by bisect over line starts.

``source`` is the input exactly as read (offsets in findings point into it);
``text`` is what the analysis reads: the same length, with markup (Markdown, HTML)
or a byte-order mark blanked to spaces so every offset still holds.
"""
from __future__ import annotations

import os
import re
import stat
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from .model import InputError
from .regexes import regex

_BLANK_LINE_BREAK = regex(r"\n[ \t\r\f\v]*\n\s*")
_LINE_BREAK = regex(r"\n\s*")


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


def offset_array(text: str, offsets=()) -> array:
    """Offsets into text as machine integers: 4 bytes each (8 for a text of 2**31 characters
    or more), against 36 for a list of ints. A text of short lines has an offset every few
    characters."""
    return array("i" if len(text) < 2**31 else "q", offsets)


@lru_cache(maxsize=4)  # the attribution and the rules both ask, about the document in hand
def paragraph_starts(text: str) -> array:
    """Offsets where the paragraphs of text start (the first at 0), in order (offset_array)."""
    return offset_array(text, (0, *(m.end() for m in paragraph_break(text).finditer(text))))


@dataclass
class Document:
    """One input: its source untouched, the text the analysis reads (markup blanked, same length), line starts."""
    path: str
    source: str
    text: str = ""
    record_id: str | None = None
    record_line: int | None = None  # the line of a JSON Lines record in its batch file
    line_starts: array = field(default_factory=lambda: array("i"), repr=False)

    def __post_init__(self) -> None:
        if not self.text:
            self.text = self.source
        if self.text.startswith("\ufeff"):
            self.text = " " + self.text[1:]
        if len(self.text) != len(self.source):
            raise ValueError("analysis text must keep the source's length")
        starts = offset_array(self.source, [0])
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


# Byte-order marks of encodings we do not read, tested longest first (UTF-32 LE starts
# with the UTF-16 LE mark).
_FOREIGN_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
                 (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"))


def _utf16_without_bom(data: bytes) -> bool:
    """Mostly ASCII text saved as UTF-16: every other byte of the start is NUL."""
    head = data[:4096]
    if len(head) < 4:
        return False
    even, odd = head[0::2], head[1::2]
    return even.count(0) > 0.9 * len(even) or odd.count(0) > 0.9 * len(odd)


def decode(data: bytes, path: str) -> str:
    """UTF-8 text of a file's bytes, or InputError naming what is wrong and where.
    A UTF-8 byte-order mark stays (as the first character, blanked for the analysis)."""
    for bom, name in _FOREIGN_BOMS:
        if data.startswith(bom):
            raise InputErrorException(InputError(path, f"{name} text (byte-order mark); save it as UTF-8"))
    if _utf16_without_bom(data):
        raise InputErrorException(InputError(path, "looks like UTF-16 text (every other byte is NUL); "
                                                   "save it as UTF-8"))
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


DEFAULT_MAX_FILE_MB = 64.0  # an article is kilobytes; a batch of thousands is megabytes


def read_file(path: str, max_mb: float | None = DEFAULT_MAX_FILE_MB) -> str:
    """The text of a file, raising InputErrorException with a one-line reason."""
    return decode(read_bytes(path, max_mb, "--max-file-mb"), path)


def read_bytes(path: str, max_mb: float | None, option: str | None = None) -> bytes:
    """A regular file's bytes, at most max_mb megabytes (None: no limit). A FIFO, a device
    (/dev/zero) or a socket is refused before it is opened: reading it could hang or never end."""
    check_regular_file(path)
    limit = None if max_mb is None else int(max_mb * 1_000_000)
    try:
        with open(path, "rb") as fh:
            data = fh.read() if limit is None else fh.read(limit + 1)
    except OSError as exc:
        raise InputErrorException(InputError(path, f"cannot read: {exc.strerror}")) from None
    if limit is not None and len(data) > limit:
        raise InputErrorException(InputError(path, _too_large(max_mb, option)))
    return data


def _too_large(max_mb: float, option: str | None) -> str:
    return f"larger than the {max_mb:g} MB limit" + (f" (raise it with {option})" if option else "")


def read_limited(stream, path: str, max_mb: float | None = DEFAULT_MAX_FILE_MB) -> bytes:
    """At most max_mb megabytes of a binary stream (standard input)."""
    limit = None if max_mb is None else int(max_mb * 1_000_000)
    data = stream.read() if limit is None else stream.read(limit + 1)
    if limit is not None and len(data) > limit:
        raise InputErrorException(InputError(path, _too_large(max_mb, "--max-file-mb")))
    return data


_SPECIAL = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
            (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def check_regular_file(path: str) -> None:
    """InputErrorException unless path names a regular file (after symbolic links)."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise InputErrorException(InputError(path, "no such file")) from None
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the name
        raise InputErrorException(InputError(path, f"cannot read: {getattr(exc, 'strerror', None) or exc}")) from None
    if stat.S_ISDIR(mode):
        raise InputErrorException(InputError(path, "is a directory, not a file"))
    for test, what in _SPECIAL:
        if test(mode):
            raise InputErrorException(InputError(path, f"is {what}, not a regular file"))
