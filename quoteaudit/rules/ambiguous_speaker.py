"""A quotation that could belong to more than one speaker.

What:
    Reports a speech quotation with several candidate speakers: a statement
    attributed to coordinated speakers ("Putin and Tokayev said ..."), or a pronoun
    ("he said") with two or more people it could stand for. The same for reported
    speech without quotation marks, unless a quotation inside it is reported already:
    a pronoun open between people, or coordinated speakers credited with one occasion
    ("Putin and Tokayev said in a speech that the alliance prevented ..."); a joint
    source ("Cummings and Conyers wrote that ...") is no ambiguity.

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

from .. import lexicon  # noqa: E402
from ..attribution.common import _pronoun_gender  # noqa: E402
from ..model import Issue  # noqa: E402
from ..regexes import regex  # noqa: E402
from ..reported_speech import shortened  # noqa: E402
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
    flagged = {q.index for q in ctx.quotations if len(ctx.attributions[q.index].candidates) > 1}
    for r in ctx.reported_speech:
        if r.kind == "direct" or len(r.candidates) < 2 or flagged.intersection(r.quotations):
            continue
        if r.mention is None or (_pronoun_gender(r.mention.text) is None and not _one_occasion(ctx.doc.text, r)):
            continue
        names = " or ".join(r.candidates)
        how = f" (\"{r.mention.text}\")" if r.mention is not None else ""
        yield Issue(r.start, r.end,
                    f"source of the statement \"{shortened(ctx.doc.text[r.start:r.end])}\" is ambiguous{how}: "
                    f"could be {names}", data={"candidates": list(r.candidates), "kind": r.kind})


_OCCASION = regex(r"\s*(?:\w+\s+){0,2}?in\s+(?:a|an|his|her|the|their)\s+([\w-]+)(?:\s+([\w-]+))?")


def _one_occasion(text: str, r) -> bool:
    """The cue is followed by an occasion only one person speaks at ("said in a speech")."""
    m = r.cue is not None and _OCCASION.match(text, r.cue.end, r.cue.end + 60)
    return bool(m) and any(w and w.lower() in lexicon.words("single_speaker_events") for w in m.groups())
