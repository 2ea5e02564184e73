"""A report's text held until it is whole: in memory, and in a temporary file past a size.

What ``tempfile.SpooledTemporaryFile(mode="w+")`` does, without importing tempfile for the
reports that stay in memory (nearly all of them): that import alone took 4 million
instructions, about 2 ms, of every run. Text is kept encoded, as it will be written, so
a character the output cannot encode is escaped once, here (``errors``), and a big report
is not held twice in memory.
"""
from __future__ import annotations

import io
import shutil


class Spool:
    def __init__(self, max_chars: int, encoding: str, errors: str = "backslashreplace") -> None:
        self._args = {"encoding": encoding, "errors": errors, "newline": ""}
        self._file = io.TextIOWrapper(io.BytesIO(), **self._args)
        self._room = max_chars  # characters still taken in memory; counted, as tell() is slow
        self._on_disk = False

    def write(self, text: str) -> int:
        self._room -= len(text)
        if self._room < 0 and not self._on_disk:
            self._roll_over()
        return self._file.write(text)

    def writelines(self, lines) -> None:
        for line in lines:
            self.write(line)

    def _roll_over(self) -> None:
        import tempfile
        memory = self._file
        memory.flush()
        disk = tempfile.TemporaryFile(mode="w+", **self._args)
        disk.buffer.write(memory.detach().getvalue())
        self._file, self._on_disk = disk, True

    def copy_to(self, out) -> None:
        """Write everything to out, from the start, a megabyte of text at a time."""
        self._file.seek(0)
        shutil.copyfileobj(self._file, out, 1 << 20)

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> "Spool":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
