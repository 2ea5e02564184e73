"""The document as a whole reads as machine-translated or badly scraped.

What:
    A document-level verdict: reported once, at the first piece of evidence, when
    the debris rules together fire often enough — at least MIN_KINDS different
    kinds of evidence and MIN_FINDINGS findings, or MIN_PER_1000_WORDS findings
    per thousand words. The message lists the evidence by kind.

Why:
    One slip is a typo; a dense pattern of them means the copy went through a
    machine-translation round trip or a careless scrape, and needs a full edit
    (or the original source) rather than spot fixes.

Example:
    Bad:  Rear More than 160 people died In the most violent turmoil ... deployed. Military personnel. hardware.
    Good: More than 160 people died in the most violent turmoil ... deployed.
"""
from __future__ import annotations


from . import (inconsistent_spelling, mt_capitalization, mt_fragment, page_furniture, punctuation_debris,
               repeated_phrase)

ID = "machine-translated-text"
SEVERITY = "warning"
OPTIONS: dict = {"min_kinds": 3, "min_findings": 5, "min_per_1000_words": 8.0}

from ..model import Issue  # noqa: E402
from ..prose import word_chunks  # noqa: E402

EVIDENCE = {
    mt_capitalization.ID: (("mid-sentence capital", "mid-sentence capitals"), lambda ctx: mt_capitalization.issues(ctx)),
    mt_fragment.ID: (("sentence fragment", "sentence fragments"), lambda ctx: mt_fragment.issues(ctx, mt_fragment.OPTIONS["max_words"])),
    punctuation_debris.ID: (("punctuation slip", "punctuation slips"), lambda ctx: punctuation_debris.issues(ctx)),
    repeated_phrase.ID: (("repeated phrase", "repeated phrases"), lambda ctx: repeated_phrase.issues(ctx)),
    page_furniture.ID: (("piece of page furniture", "pieces of page furniture"), lambda ctx: page_furniture.issues(ctx)),
    inconsistent_spelling.ID: (("inconsistent spelling", "inconsistent spellings"),
                               lambda ctx: inconsistent_spelling.issues(ctx, inconsistent_spelling.OPTIONS)),
}


def check(ctx, options):
    found = {rule_id: ctx.once(rule_id, lambda f=fn: f(ctx)) for rule_id, (_, fn) in EVIDENCE.items()}
    total = sum(len(v) for v in found.values())
    if not total:
        return  # most documents: no need to count their words
    kinds = [rule_id for rule_id, v in found.items() if v]
    words = max(1, sum(map(len, word_chunks(ctx.doc.text))))  # a stretch at a time: no list of every word
    density = 1000 * total / words
    if not ((len(kinds) >= options["min_kinds"] and total >= options["min_findings"])
            or (total >= 3 and density >= options["min_per_1000_words"])):
        return
    first = min((i for v in found.values() for i in v), key=lambda i: i.start)
    evidence = ", ".join(f"{len(found[r])} {EVIDENCE[r][0][len(found[r]) != 1]}" for r in kinds)
    yield Issue(first.start, first.end,
                f"the text reads as machine-translated or badly scraped ({evidence}; "
                f"{density:.1f} per 1,000 words): edit it against the original",
                data={"evidence": {r: len(found[r]) for r in kinds}, "per_1000_words": round(density, 1)})
