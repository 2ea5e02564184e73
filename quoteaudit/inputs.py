"""Turn command-line paths into Documents (or InputErrors), in the order given."""
from __future__ import annotations

import sys
from typing import Iterator

from .document import Document, InputErrorException, decode, read_file
from .model import InputError


def iter_documents(paths: list[str]) -> Iterator[Document | InputError]:
    for path in paths:
        try:
            if path == "-":
                text = decode(sys.stdin.buffer.read(), "<stdin>")
                yield Document(path="<stdin>", source=text)
            else:
                yield Document(path=path, source=read_file(path))
        except InputErrorException as exc:
            yield exc.error
