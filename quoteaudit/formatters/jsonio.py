"""JSON for reports: the outer levels indented, each deeper value on one line.

A report of many files lists thousands of quotations and findings. Fully indented,
json.dump writes them with the pure-Python encoder (indentation turns the C one off),
several times slower than the checks themselves; here each quotation or finding is
encoded by the C encoder onto a line of its own, which also reads well: one record per
line, easy to grep.
"""
from __future__ import annotations

import json

_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def dump(value, stream, flat_depth: int = 4, indent: int = 2) -> None:
    """Write value as JSON to stream, indented down to flat_depth levels; deeper values on
    one line each. Written as it is encoded: the whole text is never held at once."""
    stream.writelines(_chunks(value, flat_depth, indent))


def dumps(value, flat_depth: int = 4, indent: int = 2) -> str:
    return "".join(_chunks(value, flat_depth, indent))


def _chunks(value, flat_depth: int, indent: int):
    """The JSON text of value, in pieces (a generator)."""

    def emit(item, depth: int):
        if depth >= flat_depth or not item or not isinstance(item, (dict, list)):
            yield _ENCODE(item)
            return
        pad = "\n" + " " * (indent * (depth + 1))
        if isinstance(item, dict):
            yield "{"
            for i, (key, child) in enumerate(item.items()):
                yield ("," if i else "") + pad + _ENCODE(str(key)) + ": "
                yield from emit(child, depth + 1)
            yield "\n" + " " * (indent * depth) + "}"
        else:
            yield "["
            for i, child in enumerate(item):
                yield ("," if i else "") + pad
                yield from emit(child, depth + 1)
            yield "\n" + " " * (indent * depth) + "]"

    return emit(value, 0)
