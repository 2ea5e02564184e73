"""Markdown and HTML: blank the markup to spaces of the same length, so every offset
in the analysis text is the offset in the source file.

Newlines are kept (line numbers hold); an HTML block element becomes a paragraph
break where it is long enough to hold one ("\\n" + spaces + "\\n"); an HTML entity
becomes its character followed by spaces.
"""
from __future__ import annotations

import html
import re

from .regexes import regex

_FRONT_MATTER = regex(r"\A(?:---|\+\+\+)[ \t]*\r?\n.*?^(?:---|\+\+\+|\.\.\.)[ \t]*$", re.DOTALL | re.MULTILINE)
_FENCE = regex(r"^[ \t]{0,3}(```|~~~)[^\n]*\n.*?(?:^[ \t]{0,3}\1[^\n]*$|\Z)", re.DOTALL | re.MULTILINE)
_INDENTED_CODE = regex(r"(?:(?<=\n\n)|\A)(?:(?:    |\t)[^\n]*(?:\n|\Z))+")
_INLINE_CODE = regex(r"(`+)[^`\n]+?\1")
_IMAGE = regex(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = regex(r"(\[)([^\]\n]*)(\]\([^)\n]*\)|\]\[[^\]\n]*\])")
_LINK_DEFINITION = regex(r"^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*\S+[^\n]*$", re.MULTILINE)
_AUTOLINK = regex(r"<(?:https?|mailto):[^>\s]+>")
_COMMENT = regex(r"<!--.*?-->", re.DOTALL)
_TAG = regex(r"</?[A-Za-z][^<>]*>")
_HEADING = regex(r"^[ \t]{0,3}(#{1,6})[ \t]", re.MULTILINE)
_BLOCKQUOTE = regex(r"^[ \t]{0,3}(>+)[ \t]?", re.MULTILINE)
_EMPHASIS = regex(r"\*{1,3}(?=\S)|(?<=\S)\*{1,3}")
_SCRIPT_STYLE = regex(r"<(script|style)\b[^>]*>.*?</\1\s*>", re.DOTALL | re.IGNORECASE)
_ENTITY = regex(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_BLOCK_TAGS = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "blockquote", "tr",
               "td", "th", "table", "section", "article", "header", "footer", "figure", "figcaption", "hr",
               "pre", "aside", "nav", "main", "dd", "dt", "dl"}


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\r\n":
            chars[i] = " "


def _paragraph_break(chars: list[str], start: int, end: int) -> None:
    """Blank a block tag so it reads as a blank line (when it is long enough)."""
    _blank(chars, start, end)
    if end - start >= 2 and "\n" not in chars[start:end]:
        chars[start] = "\n"
        chars[end - 1] = "\n"


def blank_markdown(source: str) -> str:
    chars = list(source)
    for pattern in (_FRONT_MATTER, _FENCE, _INDENTED_CODE, _COMMENT, _IMAGE, _LINK_DEFINITION, _AUTOLINK,
                    _INLINE_CODE, _TAG):
        for m in pattern.finditer(source):
            _blank(chars, m.start(), m.end())
    for m in _LINK.finditer(source):
        _blank(chars, m.start(1), m.end(1))  # keep the link text, drop "[" and "](target)"
        _blank(chars, m.start(3), m.end(3))
    for pattern in (_HEADING, _BLOCKQUOTE):
        for m in pattern.finditer(source):
            _blank(chars, m.start(1), m.end(1))
    for m in _EMPHASIS.finditer(source):
        _blank(chars, m.start(), m.end())
    return "".join(chars)


def blank_html(source: str) -> str:
    chars = list(source)
    for pattern in (_SCRIPT_STYLE, _COMMENT):
        for m in pattern.finditer(source):
            _blank(chars, m.start(), m.end())
    for m in _TAG.finditer(source):
        if chars[m.start()] != "<":
            continue  # inside a script, style or comment already blanked
        name = re.match(r"</?([A-Za-z][A-Za-z0-9]*)", m.group(0)).group(1).lower()
        if name in _BLOCK_TAGS:
            _paragraph_break(chars, m.start(), m.end())
        else:
            _blank(chars, m.start(), m.end())
    for m in _ENTITY.finditer(source):
        if chars[m.start()] != "&":
            continue
        decoded = html.unescape(m.group(0))
        if len(decoded) == 1:
            _blank(chars, m.start(), m.end())
            chars[m.start()] = decoded
    return "".join(chars)
