"""Page furniture left in the text: "Read more", "Also read", "Click here", "Interactive-…".

What:
    Reports website furniture that a scraper copied into the article: link labels
    such as "Read more" (and garbled forms like "Rear More"), "Also read",
    "Click here", "Interactive-…", at the start of a paragraph or sentence or glued
    to one, and photo captions glued to a sentence ("Photo: ...").

Why:
    Republished articles carry the source page's navigation; it reads as noise
    and sometimes as a sentence that makes no sense.

Example:
    Bad:  Rear More than 160 people died in the most violent turmoil.
    Good: More than 160 people died in the most violent turmoil.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon

ID = "page-furniture"
SEVERITY = "warning"
OPTIONS: dict = {}

from ..model import Issue  # noqa: E402
from ..prose import lowered  # noqa: E402
from ..regexes import regex  # noqa: E402

_CAPTION = regex(r"(?:Photo|Image|Picture)[ \t]*(?:credit)?:[ \t]*[A-Z][^\n.]{0,60}")


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    alternatives = "|".join(f"(?:{p})" for p in sorted(lexicon.words("page_furniture")))
    return regex("(" + alternatives + ")", re.MULTILINE)  # matched against ascii_lower(text)


@lru_cache(maxsize=1)
def _hints() -> tuple[re.Pattern, tuple[re.Pattern, ...]]:
    """What every finding has, against ascii_lower(text): furniture at the start of the
    text, or furniture or a caption word after a newline or a sentence's end (where
    _at_boundary and the caption test accept them). One pattern per such character: the
    regex engine finds a pattern's first literal character much faster than a class, and
    far faster than trying the furniture alternatives at every letter."""
    furniture = "|".join(f"(?:{p})" for p in sorted(lexicon.words("page_furniture")))
    return (regex(r"[ \t]*(?:" + furniture + ")", re.MULTILINE),
            tuple(regex(re.escape(c) + r"[ \t]*(?:" + furniture + "|photo|image|picture)", re.MULTILINE)
                  for c in "\n.!?"))


def _at_boundary(text: str, i: int) -> bool:
    """A paragraph start, after a sentence's end, or glued to one ("information.Interactive")."""
    j = i
    while j > 0 and text[j - 1] in " \t":
        j -= 1
    return j == 0 or text[j - 1] in "\n.!?"


def issues(ctx):
    text = ctx.doc.text
    out = []
    lower = lowered(ctx)
    at_start, after_break = _hints()
    if not (at_start.match(lower) or any(hint.search(lower) for hint in after_break)):
        return out
    for m in _pattern().finditer(lower):
        if not _at_boundary(text, m.start(1)):
            continue
        found = m.group(1)
        end = m.end(1)
        if found.lower().startswith("interactive-"):
            end = re.match(r"[\w-]*(?:[ \t]+[A-Z]{2,}\b)?", text[m.start(1):]).end() + m.start(1)
        out.append(Issue(m.start(1), end, f"page furniture left in the text: “{text[m.start(1):end]}”", fix=""))
    for m in _CAPTION.finditer(text):
        if m.start() and text[m.start() - 1] in ".!?" or (m.start() > 1 and text[m.start() - 2] in ".!?"
                                                           and text[m.start() - 1] == " "):
            out.append(Issue(m.start(), m.end(), f"photo caption glued to the text: “{m.group(0).strip()}”"))
    out.sort(key=lambda i: i.start)
    return out


def check(ctx, options):
    yield from ctx.once(ID, lambda: issues(ctx))
