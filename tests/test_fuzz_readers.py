"""Fuzzing every reader with generated and mutated input: each failure is one of the
designed one-line errors, never an exception and never an "internal error". A fixed,
small budget with derandomised examples, so CI stays fast and reproducible."""
from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quoteaudit.config import ConfigError, load_config
from quoteaudit.inputs import iter_documents
from quoteaudit.model import InputError
from quoteaudit.references import load_references
from quoteaudit.suppress import load_baseline

FUZZ = settings(max_examples=150, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

YAML_PIECES = ["- ", "{", "}", "[", "]", ": ", "? ", ", ", "\n", "  ", "text", "speaker", "people", "quotations",
               "name", "aliases", "titles", "gender", "select", "ignore", "rules", "matching", "enabled", "severity",
               "options", "references", "fail_on", "max_file_mb", "&a ", "*a", "!!python/object ", "!!binary ", "1",
               "true", "~", ".inf", ".nan", '"\\ud800"', "'", "9" * 40, "#", "|", ">", "%YAML 1.1\n", "---\n",
               "ambiguous-speaker", "\ufeff", "\t", "\x85", "\u2028", "é"]
JSON_PIECES = ["{", "}", "[", "]", ":", ",", '"text"', '"id"', '"quotation"', '"speaker"', '"urls"', '"findings"',
               '"quoteaudit_baseline"', '"path"', '"rule"', "1", "9" * 40, "null", "true", '"\\ud800"', '"a b c d"',
               " ", "\n", "\u2028", "\x85", "\x0b", "\x0c", "\ufeff", "\r", '"'] 
yaml_texts = st.lists(st.one_of(st.sampled_from(YAML_PIECES), st.text(max_size=4)), max_size=40).map("".join)
json_texts = st.lists(st.one_of(st.sampled_from(JSON_PIECES), st.text(max_size=4)), max_size=40).map("".join)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=6),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4),
    max_leaves=20)


def mutated(texts):
    """A text, or its UTF-8 bytes with a few bytes changed (invalid UTF-8, NULs, BOMs)."""
    return st.one_of(texts.map(lambda t: t.encode("utf-8", "surrogatepass")),
                     st.tuples(texts, st.lists(st.tuples(st.integers(0, 200), st.integers(0, 255)), max_size=4))
                     .map(lambda p: _mutate(p[0].encode("utf-8", "surrogatepass"), p[1])),
                     st.binary(max_size=60))


def _mutate(data: bytes, edits) -> bytes:
    data = bytearray(data)
    for at, byte in edits:
        if data:
            data[at % len(data)] = byte
    return bytes(data)


def no_internal_errors(errors) -> None:
    for error in errors:
        assert "internal error" not in error.message, error.message
        assert "\n" not in str(error)


@FUZZ
@given(mutated(yaml_texts))
def test_config_files(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("cfg") / "c.yml"
    path.write_bytes(data)
    try:
        load_config(str(path))
    except ConfigError as exc:
        assert "\n" not in str(exc)


@FUZZ
@given(st.one_of(mutated(json_texts),
                 json_values.map(lambda v: json.dumps({"quoteaudit_baseline": 1, "findings": v}).encode())))
def test_baselines(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("base") / "b.json"
    path.write_bytes(data)
    try:
        load_baseline(str(path))
    except ValueError as exc:
        assert "\n" not in str(exc)


records = st.one_of(json_texts, json_values.map(lambda v: json.dumps(v)),
                    st.tuples(json_values, st.text(max_size=30)).map(
                        lambda p: json.dumps({"id": p[0], "text": p[1]}, ensure_ascii=False)))


@FUZZ
@given(st.lists(records, max_size=8).map(lambda lines: "\n".join(lines)), st.sampled_from(["a.jsonl", "a.txt", "a.md", "a.html"]))
def test_article_inputs(tmp_path_factory, text, name):
    path = tmp_path_factory.mktemp("in") / name
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    items = list(iter_documents([str(path)]))
    no_internal_errors(i for i in items if isinstance(i, InputError))
    for doc in items:
        if not isinstance(doc, InputError):
            assert len(doc.text) == len(doc.source)
            doc.source.encode("utf-8")  # printable: no lone surrogate gets through


@FUZZ
@given(st.sampled_from(["r.yml", "r.jsonl", "r.csv"]), st.one_of(mutated(yaml_texts), mutated(json_texts),
                                                                  st.lists(records, max_size=6).map(lambda l: "\n".join(l).encode("utf-8", "surrogatepass"))))
def test_reference_files(tmp_path_factory, name, data):
    folder = tmp_path_factory.mktemp("refs")
    os.environ["QUOTEAUDIT_CACHE_DIR"] = str(folder / "cache")
    path = folder / name
    path.write_bytes(data)
    loaded = load_references([str(path)], strict=True)
    no_internal_errors(loaded.errors)
    for ref in (loaded.references.rows if loaded.references else []):
        ref.text.encode("utf-8")
    if loaded.references is not None:
        assert len(loaded.references) == len(loaded.references.rows)  # the index builds from what was read


@settings(FUZZ, max_examples=25)
@given(st.binary(max_size=200), st.integers(0, 40_000))
def test_damaged_index_files(tmp_path_factory, garbage, cut):
    from quoteaudit.refindex import index_path, open_index
    folder = tmp_path_factory.mktemp("cache")
    os.environ["QUOTEAUDIT_CACHE_DIR"] = str(folder / "cache")
    path = folder / "r.jsonl"
    path.write_text("".join(json.dumps({"quotation": f"words number {i} here"}) + "\n" for i in range(50)) + "{bad\n")
    first = load_references([str(path)])
    open_index(first.references, persist=True)  # as `quoteaudit refs index` builds it
    index = index_path(first.references.digest)
    with open(index, "rb") as fh:
        whole = fh.read()
    with open(index, "wb") as fh:
        fh.write(whole[:cut] + garbage)
    again = load_references([str(path)])  # trusted only if sound, else parsed again
    assert len(again.references) == 50 and again.skipped == first.skipped == 1
