"""Words the original quotes, printed in the copy without quotation marks.

What:
    With ``quoteaudit compare ORIGINAL COPY``, reports a passage of the copy's
    narration that holds a statement the original quotes, with the same or nearly
    the same words, but no quotation marks. The message names where the
    quotation stands in the original.

Why:
    Without marks the reader takes the speaker's words for the writer's: an
    accusation or a claim loses its source, and the copy reads as plagiarism.

Example:
    Bad:  We are going to take some pretty bold steps, Ardern told reporters.
    Good: “We are going to take some pretty bold steps,” Ardern told reporters.
"""
from __future__ import annotations

ID = "quote-unmarked"
SEVERITY = "info"
OPTIONS: dict = {}


def check(ctx, options):
    if not ctx.lost:
        return  # only `quoteaudit compare` finds what a copy lost
    from ..compare import lost_issues, said_by  # here: a plain check skips its imports
    yield from lost_issues(ctx, "unmarked", lambda item: (
        f"{said_by(item, capital=True)}, quoted in the original ({item.where}), stand here without quotation marks"))
