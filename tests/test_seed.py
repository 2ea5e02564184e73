"""The seed article: what an editor must see (../shared/seed/README.md), asserted."""
from __future__ import annotations

from pathlib import Path

import pytest

from quoteaudit.document import Document
from quoteaudit.pipeline import check_document

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed" / "kazakhstan-csto-mt.txt"
PUTIN, TOKAYEV, ROBIN = "Vladimir Putin", "Kassym-Jomart Tokayev", "Robin Forestie-Walker"


@pytest.fixture(scope="module")
def report():
    return check_document(Document(path=str(SEED), source=SEED.read_text(encoding="utf-8")))


def by_start(report, words: str):
    """The quotation whose text starts with the given words (after its mark)."""
    ctx = report.context
    found = [q for q in ctx.quotations if q.text[1:].startswith(words)]
    assert len(found) >= 1, words
    return found


def one(report, words):
    found = by_start(report, words)
    assert len(found) == 1, [q.text for q in found]
    q = found[0]
    return q, report.context.attributions[q.index]


def test_every_quotation_is_found_with_exact_spans(report):
    ctx = report.context
    text = ctx.doc.source
    assert len(ctx.quotations) == 13
    for q in ctx.quotations:
        assert text[q.start:q.end] == q.text
        assert q.text[0] == "“" and q.text[-1] == "”" and q.closed
    assert not ctx.unbalanced


@pytest.mark.parametrize("words", ["coup", "counter-terrorism", "attempted coup", "bandits and terrorists",
                                   "color revolutions"])
def test_short_quotations_are_not_full_statements(report, words):
    for q in by_start(report, words):
        assert q.kind == "scare" or (q.kind == "speech" and q.partial), (q.text, q.kind)


@pytest.mark.parametrize("words, speaker, mention, cue", [
    ("Under the guise", TOKAYEV, "Tokayev", "told"),
    ("The main attack", TOKAYEV, "Tokayev", "told"),
    ("Then they plan", TOKAYEV, "he", "added"),
    ("People have raised", ROBIN, "Robin Forestie-Walker", "said"),
])
def test_clean_attributions(report, words, speaker, mention, cue):
    q, a = one(report, words)
    assert q.kind == "speech" and not q.partial
    assert a.speaker == speaker and a.candidates == []
    assert a.mention.text == mention and a.cue.text == cue
    assert report.context.doc.source[a.mention.start:a.mention.end] == mention


def test_the_kazakh_president_resolves_to_tokayev(report):
    _, a = one(report, "bandits and terrorists")
    assert a.mention.text == "The Kazakh president"
    assert a.speaker == TOKAYEV and a.method == "description"


@pytest.mark.parametrize("words", ["Of course, we understand", "The measures taken", "color revolutions"])
def test_he_after_putin_and_tokayev_is_ambiguous(report, words):
    _, a = one(report, words)
    assert a.mention.text.lower() == "he"
    assert sorted(a.candidates) == sorted([PUTIN, TOKAYEV])
    assert a.speaker is None


def test_findings(report):
    ambiguous = [f for f in report.findings if f.rule == "ambiguous-speaker"]
    starts = sorted(report.context.doc.source[f.start:f.start + 20] for f in ambiguous)
    assert any(s.startswith("“Of course") for s in starts)
    assert any(s.startswith("“The measures") for s in starts)
    for f in ambiguous:
        assert "Vladimir Putin" in f.message and "Kassym-Jomart Tokayev" in f.message
    # Every speech quotation has a speaker or candidates: nothing unattributed in the seed.
    assert not [f for f in report.findings if f.rule == "unattributed-quote"]
    for f in report.findings:
        line, col = report.context.doc.position(f.start)
        assert (f.line, f.column) == (line, col)
