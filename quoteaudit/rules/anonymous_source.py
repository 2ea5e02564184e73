"""A statement credited only to unnamed sources.

What:
    Reports a statement (quoted or reported) whose source the article does not name:
    "sources said", "said a source close to the campaign", "a person familiar with the
    matter said", "officials, who spoke on condition of anonymity, said". A statement
    with a named speaker is never reported, nor "officials said" alone.

Why:
    Many newsroom standards ask that anonymity be granted knowingly and explained to
    the reader (why the source could not be named, how they know). Listing each such
    claim lets an editor check that it was.

Example:
    Bad:  The talks have stalled, a person familiar with the matter said.
    Good: The talks have stalled, said a person familiar with the matter, who asked not
          to be named because the talks are private.
"""
from __future__ import annotations

ID = "anonymous-source"
SEVERITY = "info"
OPTIONS: dict = {}

from ..model import Issue  # noqa: E402
from ..reported_speech import shortened  # noqa: E402


def check(ctx, options):
    for r in ctx.reported_speech:
        if r.anonymous is None or r.speaker:
            continue
        words = shortened(ctx.doc.text[r.start:r.end])
        yield Issue(r.start, r.end,
                    f"statement credited to an unnamed source (\"{(r.mention or r.anonymous).text}\"): {words}",
                    quote=r.quotations[0] if r.quotations else None,
                    data={"kind": r.kind, "source": r.anonymous.text})
