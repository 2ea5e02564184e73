"""Punctuation debris: doubled or spaced marks, a missing space, a glued hyphen.

What:
    Reports ". ." and other doubled or spaced punctuation (an ellipsis is not
    one), a sentence run into the next with no space ("information.Interactive"),
    and a hyphen gluing a word to a capitalised participle ("Russian-Leading").
    The same slip repeated back to back (", , , ,") is one finding over the run,
    saying how many times it repeats.

Why:
    Scrapers and translation engines leave these behind; they are the easiest
    debris to fix and the most visible to readers.

Example:
    Bad:  its troops will be withdrawn. .
    Good: its troops will be withdrawn.
"""
from __future__ import annotations

import re

ID = "punctuation-debris"
SEVERITY = "warning"
OPTIONS: dict = {}

from ..model import Issue  # noqa: E402
from ..prose import IssueRuns, common_lowercase_words, paragraphs  # noqa: E402
from ..regexes import regex  # noqa: E402

# Each pattern starts with the punctuation itself, so the scan skips ahead to it; what
# must stand before it is checked in Python.
_SPACED = regex(r"([.,;:!?])([ \t]+)([.,;:])(?![ \t]*\.)(?!\.)")
_DOUBLED = regex(r"([,;:.])\1(?![,;:.])")
_NO_SPACE = regex(r"\.(?=[A-Z][a-z])")
_GLUED = regex(r"-([A-Z][a-z]+(?:ing|ed))(?![\w-])")
_WORD_BEFORE = regex(r"(?<![\w-])([A-Z][a-z]+)$")
# What every _SPACED and every _DOUBLED match has: one scan rules out both in most documents.
_SPACED_OR_DOUBLED = regex(r"[.,;:!?][ \t]*[.,;:]")


def issues(ctx):
    text = ctx.doc.text
    common = common_lowercase_words()
    out = []
    if _SPACED_OR_DOUBLED.search(text):
        spaced, doubled = IssueRuns(text), IssueRuns(text)
        for m in _SPACED.finditer(text):
            if m.start() == 0 or text[m.start() - 1] in ". \t\n\r":
                continue  # ". . ." is an ellipsis
            spaced.add(Issue(m.start(2), m.end(3), f"stray “{m.group(3)}” after “{m.group(1)}”", fix=""))
        for m in _DOUBLED.finditer(text):
            if m.start() and text[m.start() - 1] in ".,;:":
                continue  # "..." is an ellipsis
            doubled.add(Issue(m.start(), m.end(), f"doubled punctuation “{m.group(0)}”", fix=m.group(0)[0]))
        out += spaced.finished() + doubled.finished()
    for m in _NO_SPACE.finditer(text):
        i = m.start()
        if i < 2 or not (text[i - 1].islower() and text[i - 2].islower()):
            continue
        before = text[max(0, i - 30):i]
        if re.search(r"(?:www|https?|[/@])\S*$", before):
            continue  # part of an address
        out.append(Issue(i, i + 2, "missing space after the full stop", fix=". "))
    for m in _GLUED.finditer(text):
        first = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if not first or m.group(1).lower() not in common or paragraphs(ctx).is_headline(m.start()):
            continue
        out.append(Issue(first.start(1), m.end(), f"hyphen glues “{first.group(1)}” to “{m.group(1)}”",
                         fix=f"{first.group(1)}-{m.group(1).lower()}"))
    out.sort(key=lambda i: i.start)
    return out


def check(ctx, options):
    yield from ctx.once(ID, lambda: issues(ctx))
