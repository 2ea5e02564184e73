"""A quoted statement that is not in the reference set.

What:
    Reports a speech quotation (at least a few words long) that matches nothing
    in the reference quotations given with --references, above the match
    threshold. Informational: it does not fail CI by default.

Why:
    A fact-checker wants to know which quotations still need a source: these are
    the ones to look up before publication.

Example:
    Bad:  “We will cut taxes for everyone,” the mayor said.   (no such statement on record)
    Good: “We will cut taxes for working families,” the mayor said.   (as in the transcript)
"""
from __future__ import annotations

ID = "unverified-quote"
SEVERITY = "info"
OPTIONS: dict = {}

from ..model import Issue  # noqa: E402
from .unbalanced_quote import _preview  # noqa: E402


def check(ctx, options):
    if ctx.matches is None:
        return  # no references: nothing to compare
    from ..matching import is_checkable  # here: a run without references skips its imports
    for q, match in zip(ctx.quotations, ctx.matches):
        if match is None and q.kind == "speech" and not q.depth and is_checkable(ctx, q):
            yield Issue(q.start, q.end, f"not found in the reference set: {_preview(q.text)}", quote=q.index)
