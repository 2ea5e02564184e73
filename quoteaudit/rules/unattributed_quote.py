"""A quoted statement with no speaker.

What:
    Reports a quoted statement (not a scare quote, a title, or a fragment worked
    into the writer's own sentence) for which no speaker can be found: no speech
    verb with a subject around it, no pronoun to follow, no earlier paragraph it
    continues.

Why:
    Readers need to know who said it, and a fact-checker cannot verify a quotation
    without a speaker. Often the attribution was cut in editing.

Example:
    Bad:  “The measures taken have clearly shown that we will not allow it.”
    Good: “The measures taken have clearly shown that we will not allow it,” Putin said.
"""
from __future__ import annotations

ID = "unattributed-quote"
SEVERITY = "warning"
OPTIONS: dict = {}

from ..model import Issue  # noqa: E402
from .unbalanced_quote import _preview  # noqa: E402


def check(ctx, options):
    for q in ctx.quotations:
        if q.kind != "speech" or q.depth or q.partial:
            continue  # a fragment in the writer's own sentence is not a statement to attribute
        a = ctx.attributions[q.index]
        if a.speaker is None and a.mention is None and not a.candidates:
            yield Issue(q.start, q.end, f"no speaker found for quotation {_preview(q.text)}", quote=q.index)
