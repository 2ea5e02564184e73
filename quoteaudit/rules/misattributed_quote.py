"""Words that the record gives to someone other than the article's speaker.

What:
    Reports a quotation that matches a reference quotation of a different
    speaker: the article credits the words to someone else, or leaves them open
    between several people (a pronoun after "Putin and Tokayev said") when the
    record names one of them.

Why:
    Putting words in the wrong mouth is the most damaging quotation error; it is
    the one corrections columns are made of. With ``quoteaudit compare``, words
    the original quotes that the copy prints without marks or paraphrases, in a
    passage naming someone else, are reported too.

Example:
    Bad:  “Of course, we understand ...,” Tokayev said.   (record: Vladimir Putin, Reuters)
    Good: “Of course, we understand ...,” Putin said.
"""
from __future__ import annotations

ID = "misattributed-quote"
SEVERITY = "error"
OPTIONS: dict = {}

from ..matching import matched_segments, render_diff, speaker_conflict  # noqa: E402
from ..model import Issue  # noqa: E402


def check(ctx, options):
    for q, a, seg, verbatim in matched_segments(ctx):
        ref = seg.reference
        if not speaker_conflict(a, ref, ctx.people):
            continue
        if a.candidates:
            here = "the article leaves the speaker open between " + " and ".join(a.candidates)
        else:
            here = f"the article gives them to {a.speaker}"
        message = f"the record ({ref.describe()}) gives these words to {ref.speaker}; {here}"
        if seg.score < verbatim and seg.diff:
            message += f"; wording also differs: {render_diff(seg.diff, limit=2)}"
        yield Issue(seg.start, seg.end, message, quote=q.index,
                    data={"record_speaker": ref.speaker, "article_speaker": a.speaker,
                          "candidates": list(a.candidates), "score": round(seg.score, 1), "reference": ref.text})
    for item in ctx.lost or []:  # quoteaudit compare: words that lost their marks and changed speaker
        if item.credited:
            state = "without quotation marks" if item.status == "unmarked" else "in paraphrase"
            yield Issue(item.start, item.end,
                        f"the original ({item.where}) gives these words to {item.speaker}; the copy, "
                        f"{state}, gives them to {item.credited}",
                        data={"record_speaker": item.speaker, "article_speaker": item.credited,
                              "reference": item.quotation})
