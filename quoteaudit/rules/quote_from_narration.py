"""Words in quotation marks that the original has as narration, nobody's quotation.

What:
    With an article as reference (``--references original.txt``, or ``quoteaudit
    compare``), reports a quotation whose words the original has outside quotation
    marks: the writer's own narration, not anyone's statement. The message names
    the line and column where the words stand in the original.

Why:
    A machine-translation round trip or a careless rewrite puts the original
    writer's sentence in quotation marks and credits it to "the author" or to an
    expert quoted nearby. Quotation marks then promise words nobody said.

Example:
    Bad:  “He has not provided any evidence for his claim,” the expert said.
          (original: He has not provided any evidence to support his claim ... — narration)
    Good: He has not provided any evidence to support his claim, the report says.
"""
from __future__ import annotations

ID = "quote-from-narration"
SEVERITY = "warning"
OPTIONS: dict = {"min_score": 75.0, "min_words": 6}

from ..model import Issue  # noqa: E402
from .unbalanced_quote import _preview  # noqa: E402


def check(ctx, options):
    if ctx.matches is None:
        return  # no references: nothing to compare
    from ..matching import matched_segments  # here: a run without references skips its imports
    from ..normalize import normalize
    from ..refdocs import position_in
    for q, a, seg, verbatim in matched_segments(ctx):
        ref = seg.reference
        if ref.kind != "narration" or seg.score < options["min_score"]:
            continue
        if len(normalize(ctx.doc.text[seg.start:seg.end]).split()) < options["min_words"]:
            continue
        line, column = position_in(ref, seg.aligned)
        credited = f"; the copy credits them to {a.speaker}" if a.speaker else ""
        yield Issue(seg.start, seg.end,
                    f"these words are narration in the original ({ref.source}:{line}:{column}), "
                    f"nobody's quotation{credited}: {_preview('“' + seg.aligned + '”')}",
                    quote=q.index,
                    data={"score": round(seg.score, 1), "reference": ref.text, "line": line, "column": column})
