"""A quotation that could belong to more than one speaker.

What:
    Reports a speech quotation with several candidate speakers: a statement
    attributed to coordinated speakers ("Putin and Tokayev said ..."), or a pronoun
    ("he said") with two or more people it could stand for.

Why:
    One statement has one speaker. When a reader cannot tell which, the article
    may be putting words in the wrong mouth.

Example:
    Bad:  Putin and Tokayev said in a speech that ... “Of course, we understand ...,” he said.
    Good: Putin said in a speech that ... “Of course, we understand ...,” Putin said.
"""
from __future__ import annotations

ID = "ambiguous-speaker"
SEVERITY = "warning"
OPTIONS: dict = {}

from ..model import Issue  # noqa: E402
from .unbalanced_quote import _preview  # noqa: E402


def check(ctx, options):
    for q in ctx.quotations:
        if q.kind != "speech" or q.depth:
            continue
        a = ctx.attributions[q.index]
        if len(a.candidates) > 1:
            names = " or ".join(a.candidates)
            how = f" (\"{a.mention.text}\")" if a.mention is not None else ""
            yield Issue(q.start, q.end,
                        f"speaker of {_preview(q.text)} is ambiguous{how}: could be {names}",
                        quote=q.index, data={"candidates": list(a.candidates)})
