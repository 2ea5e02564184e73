"""Hostile text: bounded nesting, runs of one mark, spans that hold under suppressions."""
from __future__ import annotations

import json

from quoteaudit.document import Document
from quoteaudit.formatters import Run
from quoteaudit.formatters.json_format import run_dict
from quoteaudit.inputs import make_document
from quoteaudit.pipeline import check_document
from quoteaudit.quotes import MAX_DEPTH, find_quotations


def test_nested_unclosed_openers_stay_bounded_and_each_is_reported_once():
    text = 'He said "' * 300  # 299 quotations: under the quotation limit of a 2,700-character text
    scan = find_quotations(text)
    assert scan.stopped_at is None
    assert max(q.depth for q in scan.quotations) == MAX_DEPTH
    starts = [q.start for q in scan.quotations]
    # One quotation per opener, none twice (the last mark ends the text: it opens nothing).
    assert len(starts) == len(set(starts)) == 299
    # Only the outer MAX_DEPTH quotations run to the end: the total text stays linear.
    assert sum(q.end - q.start for q in scan.quotations) < (MAX_DEPTH + 2) * len(text)
    assert all(text[q.start:q.end] == q.text for q in scan.quotations)


def test_json_for_nested_quotations_grows_linearly():
    sizes = []
    for n in (5_000, 20_000):
        text = ('He said "' * (n // 9 + 1))[:n]
        report = check_document(Document(path="n.txt", source=text))
        sizes.append(len(json.dumps(run_dict(Run(reports=[report])))))
    assert sizes[1] < 5 * sizes[0]  # 4x the input, about 4x the JSON (was quadratic: 3.5 MB for 5 KB)


def test_a_run_of_one_mark_is_not_a_quotation_per_mark():
    text = "“" * 5000
    scan = find_quotations(text)
    assert len(scan.quotations) <= 2 and len(scan.unbalanced) <= 2


def test_doubled_opener_still_reported_as_before():
    scan = find_quotations("She said: ““We will win,” and left.")
    assert [u.problem for u in scan.unbalanced] == ["unclosed"]
    assert [q.text for q in scan.quotations] == ["“", "“We will win,”"]


def test_suppression_comment_inside_a_quotation_keeps_the_span_contract():
    source = "The minister said “<!-- quoteaudit: ignore ambiguous-speaker -->“we will win” today.\n"
    doc = make_document("a.md", source)
    report = check_document(doc)
    assert report.context.quotations
    for q in report.context.quotations:
        assert q.text == source[q.start:q.end]
    plain = "He said “we\n[quoteaudit: ignore unattributed-quote]\nwin” now.\n"
    report = check_document(make_document("a.txt", plain))
    for q in report.context.quotations:
        assert q.text == plain[q.start:q.end]


def test_quotation_limit_is_an_input_error_and_the_findings_stand(tmp_path):
    import subprocess
    import sys
    from quoteaudit.quotes import quotation_limit
    path = tmp_path / "dense.txt"
    text = "Intro “never closed.\n\n" + "“a” " * 2000
    path.write_text(text)
    proc = subprocess.run([sys.executable, "-m", "quoteaudit", "check", "--format", "json", str(path)],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.count("quoteaudit: error:") == 1
    assert f"more than {quotation_limit(len(text)):,} quotations" in proc.stderr and "line 3, column" in proc.stderr
    report = json.loads(proc.stdout)
    assert len(report["files"][0]["quotations"]) == quotation_limit(len(text))
    assert report["files"][0]["findings"][0]["rule"] == "unbalanced-quote"  # reported as ever


def test_news_stays_far_below_the_quotation_limit():
    import glob
    import os
    from quoteaudit.quotes import quotation_limit
    corpus = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpora", "polnear", "train", "text")
    texts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob(os.path.join(corpus, "*.txt")))[:200]]
    if not texts:
        import pytest
        pytest.skip("PolNeAR is not beside this checkout")
    whole = " ".join(" ".join(t.split()) for t in texts)  # one long paragraph of real news
    assert find_quotations(whole).stopped_at is None
    assert len(find_quotations(whole).quotations) < quotation_limit(len(whole)) / 2


def test_cue_limit_bounds_a_text_of_nothing_but_speech_cues():
    # "He said " repeated: every cue once cost a subject parse (18 s per MB). Past the limit the
    # rest is not read for speakers, and the file is an input error naming where (exit 2).
    from quoteaudit.attribution.cues import cue_limit
    from quoteaudit.pipeline import check_or_error
    text = ("He said " * 5000)
    report = check_or_error(make_document("cues.txt", text))
    assert len(report.context.attributions) == 0
    message = str(report.error)
    assert f"more than {cue_limit(len(text)):,} speech cues" in message and "line 1, column" in message


def test_cue_limit_bounds_a_text_of_nothing_but_tagged_cues():
    # "He criticized the plan. " repeated: the cue tagger's words count against the same limit
    # (a subject parse each; 1 MB took 6.9 s CPU without it, 3.1 s with it).
    from quoteaudit.attribution.cues import cue_limit
    from quoteaudit.pipeline import check_or_error
    text = "He criticized the plan. " * 2000
    report = check_or_error(make_document("tagged.txt", text))
    assert len(report.context.reported_speech) == cue_limit(len(text))
    message = str(report.error)
    assert f"more than {cue_limit(len(text)):,} speech cues" in message and "line 1, column" in message


def test_news_stays_far_below_the_cue_limit():
    import glob
    import os
    from quoteaudit.attribution.cues import cue_limit, cue_regex
    from quoteaudit.pipeline import check_or_error
    corpus = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpora", "polnear", "train", "text")
    texts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob(os.path.join(corpus, "*.txt")))]
    if not texts:
        import pytest
        pytest.skip("PolNeAR is not beside this checkout")
    assert all(len(cue_regex().findall(t)) < cue_limit(len(t)) / 5 for t in texts)
    report = check_or_error(make_document("news.txt", texts[0]))
    assert report.error is None


def test_json_written_a_quotation_at_a_time_is_the_same_document():
    import io

    from quoteaudit.formatters.json_format import render
    from quoteaudit.formatters.jsonio import dumps
    texts = ['He said "' * 50, "", "“We will win,” Tokayev said. “Never,” he added.\n"]
    run = Run(reports=[check_document(Document(path=f"{i}.txt", source=t)) for i, t in enumerate(texts)])
    written = io.StringIO()
    render(run, written)
    assert written.getvalue() == dumps(run_dict(run)) + "\n"
    assert [len(f["quotations"]) for f in json.loads(written.getvalue())["files"]] == \
           [len(r.context.quotations) for r in run.reports]


def test_offsets_take_four_bytes_each_and_eight_beyond_two_gigabytes():
    from quoteaudit.document import offset_array

    class Huge(str):  # only its length matters to the choice of type
        def __len__(self):
            return 2**31

    doc = Document(path="lines", source="“a\n" * 1000)
    assert doc.line_starts.itemsize == 4 and list(doc.line_starts[:3]) == [0, 3, 6]
    assert doc.position(3000) == (1001, 1)  # just past the last line break: the empty last line
    wide = offset_array(Huge(), [2**31 - 1])
    assert wide.itemsize == 8 and wide[0] == 2**31 - 1
    wide.append(2**40)  # an offset a 4-byte array could not hold


def test_quotation_of_marks_alone_skips_the_word_scan_and_finds_the_same_words():
    # classify() takes a quotation whose text strips to nothing over _NO_WORD as wordless, without
    # a regex scan of it (a flood of marks): sound only if no such character is part of a word.
    from quoteaudit.kinds import _NO_WORD, _WORDS
    assert _NO_WORD and not any(_WORDS.search(c) for c in _NO_WORD)
    assert "’" not in _NO_WORD and "'" not in _NO_WORD  # apostrophes are word characters here
    flood = check_document(Document(path="flood", source="He said: " + "“" * 20000))
    marks_and_word = check_document(Document(path="word", source="He said: " + "“" * 20000 + "yes"))
    assert [q.kind for q in flood.context.quotations] != [] and len(marks_and_word.context.quotations) >= 1
    assert all(q.kind != "speech" for q in flood.context.quotations)
