"""A quotation whose wording differs from the record of the same speaker.

What:
    Reports a quotation (or a part of it between ellipses) that matches a
    reference quotation of the same speaker, but whose words differ beyond case,
    punctuation, dashes, white space, ellipses and [bracketed] insertions. The
    message shows what changed, word by word; the suggested fix is the published
    wording.

Why:
    Quotation marks promise the speaker's exact words. Translation round trips
    and retyping change them; a reader (or the speaker's lawyer) compares them
    with the transcript.

Example:
    Bad:  “The main attack is on Almaty,” Tokayev said.   (record: “The main blow was directed against Almaty”)
    Good: “The main blow was directed against (the city of) Almaty,” Tokayev said.
"""
from __future__ import annotations

ID = "altered-quote"
SEVERITY = "warning"
OPTIONS: dict = {}

from ..model import Issue  # noqa: E402


def check(ctx, options):
    if ctx.matches is None:
        return  # no references: nothing to compare
    from ..matching import matched_segments, render_diff, speaker_conflict  # here: a run without references skips its imports
    for q, a, seg, verbatim in matched_segments(ctx):
        if seg.score >= verbatim or not seg.diff or speaker_conflict(a, seg.reference, ctx.people):
            continue
        if seg.reference.kind == "narration":
            continue  # nobody's words: quote-from-narration reports them
        yield Issue(seg.start, seg.end,
                    f"wording differs from the record ({seg.reference.describe()}): {render_diff(seg.diff)}",
                    fix=seg.aligned, quote=q.index,
                    data={"score": round(seg.score, 1), "reference": seg.reference.text, "diff": seg.diff})
