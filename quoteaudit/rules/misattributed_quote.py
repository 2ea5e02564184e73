"""Words that the record gives to someone other than the article's speaker.

What:
    Reports a quotation that matches a reference quotation of a different
    speaker: the article credits the words to someone else, or leaves them open
    between several people (a pronoun after "Putin and Tokayev said") when the
    record names one of them. Reported speech too: a statement without quotation
    marks ("He said that the CTSO will not allow ...") whose content words a record
    of someone else holds (paraphrase_threshold, paraphrase_min_words in `matching`).

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

from ..model import Issue  # noqa: E402
from ..reported_speech import shortened  # noqa: E402


def check(ctx, options):
    if ctx.matches is None and not ctx.lost:
        return  # no references: nothing to compare
    from ..matching import matched_segments, render_diff, speaker_conflict  # here: a run without references skips its imports
    for q, a, seg, verbatim in matched_segments(ctx):
        ref = seg.reference
        if not speaker_conflict(a, ref, ctx.people):
            continue
        message = f"the record ({ref.describe()}) gives these words to {ref.speaker}; {_article_side(a, 'them')}"
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
    reported = [(item.start, item.end) for item in ctx.lost or [] if item.credited]
    for m in ctx.statement_matches:
        r, ref = m.statement, m.reference
        if not speaker_conflict(r, ref, ctx.people):
            continue
        if any(start < r.end and r.start < end for start, end in reported):
            continue  # compare has reported these words already, as lost from the original
        words = shortened(ctx.doc.text[r.start:r.end])
        yield Issue(r.start, r.end,
                    f"the record ({ref.describe()}) gives this statement to {ref.speaker} "
                    f"(in other words: {m.words} of its words, {m.score:.0f}%): \"{words}\"; {_article_side(r, 'it')}",
                    quote=r.quotations[0] if r.quotations else None,
                    data={"record_speaker": ref.speaker, "article_speaker": r.speaker, "kind": r.kind,
                          "candidates": list(r.candidates), "score": round(m.score, 1), "reference": ref.text})


def _article_side(speaker, pronoun: str) -> str:
    """What the article says about who spoke (a quotation's Attribution or a ReportedSpeech)."""
    if speaker.candidates:
        return "the article leaves the speaker open between " + " and ".join(speaker.candidates)
    return f"the article gives {pronoun} to {speaker.speaker}"
