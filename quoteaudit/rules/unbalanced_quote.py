"""A quotation mark that is never closed, or a closing mark with no opening one.

What:
    Reports an opening quotation mark with no closing mark before the end of its
    paragraph (and the next paragraph does not continue the quotation), a
    closing mark that no opening mark precedes, and a quotation opened with one
    kind of mark and closed with another (“…").

Why:
    A reader cannot tell where the quoted words stop, and neither can anyone
    checking them against the record. Usually a mark was lost in editing or by a
    scraper.

Example:
    Bad:  “We will not allow it, Putin said.
    Good: “We will not allow it,” Putin said.
"""
from __future__ import annotations

ID = "unbalanced-quote"
SEVERITY = "warning"
OPTIONS: dict = {}

from ..model import Issue  # noqa: E402
from ..regexes import regex  # noqa: E402


def check(ctx, options):
    for mark in ctx.unbalanced:
        if mark.problem == "unclosed":
            q = ctx.quotations[mark.quote] if mark.quote is not None else None
            preview = _preview(q.text if q else mark.mark)
            yield Issue(mark.offset, mark.offset + len(mark.mark),
                        f"quotation mark {mark.mark} is never closed: {preview}", quote=mark.quote)
        elif mark.problem == "mismatched":
            yield Issue(mark.offset, mark.offset + len(mark.mark),
                        f"quotation opened with {mark.opener} is closed with {mark.mark}",
                        fix={"“": "”", "„": "“", "«": "»"}.get(mark.opener))
        else:
            yield Issue(mark.offset, mark.offset + len(mark.mark),
                        f"closing quotation mark {mark.mark} has no opening mark")


def _preview(text: str, width: int = 50) -> str:
    # Words only as far as the preview reaches: a quotation can run over a whole paragraph.
    words, length = [], -1
    for m in _WORD.finditer(text):
        words.append(m.group(0))
        length += len(m.group(0)) + 1
        if length > width:
            break
    text = " ".join(words)
    return text if len(text) <= width else text[:width - 1] + "…"


_WORD = regex(r"\S+")
