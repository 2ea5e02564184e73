"""Text normalisation for matching quotations against references.

Case, curly vs straight marks, dashes, white space and punctuation do not count;
[bracketed] editorial insertions (and parenthesised ones, as references print
"(the city of) Almaty") are dropped; an ellipsis (… or ...) is a gap: the words
on either side are matched as separate segments.
"""
from __future__ import annotations

import re

from . import lexicon
from .regexes import regex

STOPWORDS = lexicon.words("stopwords") | lexicon.words("determiners") | {"of", "for", "is", "are", "we", "i"}

_INSERTION = regex(r"\[[^\]]*\]|\([^)]*\)")
_ELLIPSIS = regex(r"…|\.\s*\.\s*\.")
# An apostrophe between letters ("don't"). Written to open on the mark itself, which the regex
# engine skips to in C, instead of a lookbehind tried at every character (3x faster).
_APOSTROPHE = regex(r"['’](?<=\w['’])(?=\w)")
_NON_WORD = regex(r"[^\w]+")


def normalize(text: str) -> str:
    text = _INSERTION.sub(" ", text)
    text = _APOSTROPHE.sub("", text)
    return _NON_WORD.sub(" ", text.casefold()).strip()


def segments(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the parts of a quotation between ellipses."""
    out, pos = [], 0
    for m in _ELLIPSIS.finditer(text):
        if text[pos:m.start()].strip():
            out.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        out.append((pos, len(text)))
    return out


def words(text: str) -> list[str]:
    """The words of a text as written, for a word-level diff."""
    return re.findall(r"[\w’'-]+|\[[^\]]*\]|\([^)]*\)", text)
