"""A statement the original quotes that the copy leaves out.

What:
    With ``quoteaudit compare ORIGINAL COPY``, reports (in the original) each
    quoted statement of at least a few words whose words the copy neither quotes
    nor reports in its own sentences. Informational: a copy may shorten.

Why:
    An editor taking wire copy, or a fact-checker looking at a republished
    report, wants to know which statements were cut: a cut can change what the
    story says a person said.

Example:
    Bad:  original: “We will not raise taxes this year,” the minister said.   (copy: nothing of it)
    Good: copy: “We will not raise taxes this year,” the minister said.
"""
from __future__ import annotations

ID = "quote-missing"
SEVERITY = "info"
OPTIONS: dict = {}

from .unbalanced_quote import _preview  # noqa: E402


def check(ctx, options):
    if not ctx.lost:
        return  # only `quoteaudit compare` finds what a copy lost
    from ..compare import lost_issues, said_by  # here: a plain check skips its imports
    yield from lost_issues(ctx, "missing", lambda item: (
        f"the copy leaves out {said_by(item)} quoted here: {_preview('“' + item.quotation + '”')}"))
