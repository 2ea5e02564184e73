"""A statement the original quotes, turned into paraphrase in the copy.

What:
    With ``quoteaudit compare ORIGINAL COPY``, reports a passage of the copy's
    narration that holds most of the content words of a statement the original
    quotes, reworded and without marks. Informational: paraphrase is legitimate,
    but an editor should check that it still says what the speaker said.

Why:
    Paraphrase is where a spun copy shifts a statement's meaning while keeping
    its words close enough to look sourced.

Example:
    Bad:  original: “This is the biggest build since the 1950s,” Woods said.
          copy: Woods said it was the biggest build in decades.   (check the meaning)
    Good: copy: “This is the biggest build since the 1950s,” Woods said.
"""
from __future__ import annotations

ID = "quote-paraphrased"
SEVERITY = "info"
OPTIONS: dict = {}


def check(ctx, options):
    if not ctx.lost:
        return  # only `quoteaudit compare` finds what a copy lost
    from ..compare import lost_issues, said_by  # here: a plain check skips its imports
    yield from lost_issues(ctx, "paraphrased", lambda item: (
        f"{said_by(item, capital=True)}, quoted in the original ({item.where}), are paraphrased here "
        f"({item.score:.0f}% of their content words)"))
