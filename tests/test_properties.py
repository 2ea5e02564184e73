"""Property tests: on arbitrary text nothing crashes and every span is exact."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quoteaudit.document import Document
from quoteaudit.pipeline import check_document

# Text biased toward what the finder and attribution look at.
PIECES = ["“", "”", "‘", "’", '"', "'", "''", "«", "»", "„", "\n", "\n\n", "\r\n", " ", ",", ".", ":",
          "said", "he", "she", "Tokayev", "Putin", "President", "the", "and", "told", "according to",
          "Mr.", "(", ")", "—", "Read more", "CSTO", "In", "This"]
texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=6)), max_size=60).map("".join)


def check_spans(text: str) -> None:
    doc = Document(path="p.txt", source=text)
    report = check_document(doc)
    ctx = report.context
    for q in ctx.quotations:
        assert 0 <= q.start < q.end <= len(text)
        assert text[q.start:q.end] == q.text
        assert q.parts and q.parts[0].start == q.start and q.parts[-1].end == q.end
        assert all(a.end <= b.start for a, b in zip(q.parts, q.parts[1:]))
        a = ctx.attributions[q.index]
        for m in (a.mention, a.cue):
            if m is not None:
                assert 0 <= m.start <= m.end <= len(text)
                assert text[m.start:m.end] == m.text
    for f in report.findings:
        assert 0 <= f.start <= f.end <= len(text)
        assert (f.line, f.column) == doc.position(f.start)
        assert f.message and f.rule


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_biased_text(text):
    check_spans(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_unicode(text):
    check_spans(text)


@settings(max_examples=100, deadline=None)
@given(texts)
def test_crlf_gives_the_same_findings(text):
    text = text.replace("\r", "")
    lf = check_document(Document(path="p", source=text))
    crlf_text = text.replace("\n", "\r\n")
    crlf = check_document(Document(path="p", source=crlf_text))
    assert [(f.rule, f.message, f.line, f.column) for f in lf.findings] == \
           [(f.rule, f.message, f.line, f.column) for f in crlf.findings]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=5), children, max_size=4),
    max_leaves=30)


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_report_json_reads_back_as_written(value):
    import json

    from quoteaudit.formatters.jsonio import dumps
    written = dumps(value, flat_depth=2)
    assert json.loads(written) == value
    # Below the flat depth each value stands on one line: no line is indented deeper than it.
    assert all(len(line) - len(line.lstrip(" ")) <= 2 * 2 for line in written.splitlines())
