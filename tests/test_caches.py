"""What runs keep between them: compiled patterns and parsed data files. What is read
back is what would have been made afresh, and a missing, damaged, foreign or
unwritable cache costs nothing but time."""
from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import json

from quoteaudit import cue_model, lexicon, regexes
from quoteaudit.cachedir import MarshalTable
from quoteaudit.document import Document
from quoteaudit.pipeline import analyse, run_rules
from quoteaudit.config import Settings
from quoteaudit.regexes import PatternCache

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "seed" / "kazakhstan-csto-mt.txt"
TEXT = SEED.read_text(encoding="utf-8")
needs_cache = pytest.mark.skipif(regexes._ENGINE is None, reason="no pattern cache before Python 3.11")


def package_patterns() -> list[tuple[str, int]]:
    """Every fixed pattern the package compiles for a check of the seed."""
    ctx = analyse(Document(str(SEED), TEXT))
    run_rules(ctx, Settings())
    return sorted(regexes._cache.table._used)


def same(a: re.Pattern, b: re.Pattern) -> bool:
    return (a.pattern, a.flags, a.groups, dict(a.groupindex)) == (b.pattern, b.flags, b.groups, dict(b.groupindex)) \
        and [m.span() for m in a.finditer(TEXT)] == [m.span() for m in b.finditer(TEXT)]


@needs_cache
def test_every_package_pattern_read_back_from_the_cache_is_what_re_compiles(tmp_path):
    keys = package_patterns()
    assert len(keys) > 80  # the cue trie, the pronouns, the rules' patterns...
    path = str(tmp_path / "patterns.marshal")
    cold = PatternCache(path)
    first = [cold.compile(p, f) for p, f in keys]
    cold.save()
    warm = PatternCache(path)
    again = [warm.compile(p, f) for p, f in keys]
    assert not warm.table.added  # every one came from the file
    for (pattern, flags), a, b in zip(keys, first, again):
        expected = re.compile(pattern, flags)
        assert same(a, expected) and same(b, expected), pattern[:60]


@needs_cache
@pytest.mark.parametrize("content", [b"", b"\x00garbage\xff" * 50, marshal.dumps(("another", "python"))])
def test_a_damaged_or_foreign_file_is_ignored_and_rewritten(tmp_path, content):
    path = tmp_path / "patterns.marshal"
    path.write_bytes(content)
    cache = PatternCache(str(path))
    compiled = cache.compile(r"(?P<who>[A-Z]\w+) said", re.IGNORECASE)
    assert same(compiled, re.compile(r"(?P<who>[A-Z]\w+) said", re.IGNORECASE))
    cache.save()
    assert PatternCache(str(path)).compile(r"(?P<who>[A-Z]\w+) said", re.IGNORECASE).groupindex == {"who": 1}


@needs_cache
def test_an_entry_of_another_python_is_never_used(tmp_path):
    """The header names the Python build and the engine: code another one wrote (here, the
    code of a different pattern under this pattern's name) is not handed to the engine."""
    path = tmp_path / "patterns.marshal"
    foreign = regexes._compile(r"\d+", 0)
    header = ("regexes", "3.99.0 (elsewhere)") + PatternCache().table.header[2:]
    path.write_bytes(marshal.dumps((header, {(r"said", 0): foreign})))
    assert PatternCache(str(path)).compile(r"said").findall("he said 42") == ["said"]


@needs_cache
def test_an_entry_the_engine_refuses_is_compiled_afresh(tmp_path):
    path = tmp_path / "patterns.marshal"
    flags, code, groups, groupindex, indexgroup = regexes._compile(r"said", 0)
    broken = (flags, [999_999] + code[1:], groups, groupindex, indexgroup)
    path.write_bytes(marshal.dumps((PatternCache().table.header, {(r"said", 0): broken})))
    cache = PatternCache(str(path))
    assert cache.compile(r"said").findall("he said it, she said") == ["said", "said"]
    assert cache.table.added  # the good code replaces the bad at the next save


def test_a_bad_pattern_fails_as_re_compile_fails(tmp_path):
    with pytest.raises(re.error):
        PatternCache(str(tmp_path / "p.marshal")).compile(r"(unclosed")


def test_an_unwritable_cache_costs_nothing_but_time(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    cache = PatternCache(str(blocker / "patterns.marshal"))
    assert cache.compile(r"\bsaid\b").search("he said").span() == (3, 7)
    cache.save()  # no exception, nothing written
    assert blocker.read_text() == "not a directory"


def run(env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "quoteaudit", "check", "--format", "json", str(SEED)],
                          capture_output=True, env={**os.environ, **env}, cwd=ROOT)


@needs_cache
def test_the_command_writes_the_cache_once_and_reads_the_same_report_back(tmp_path):
    """A second run (with another string-hash seed: a pattern built from a word list in set
    order would differ) compiles nothing new, and reports exactly what the first did."""
    env = {"QUOTEAUDIT_CACHE_DIR": str(tmp_path / "cache")}
    first = run({**env, "PYTHONHASHSEED": "1"})
    files = sorted((tmp_path / "cache").glob("*.marshal"))
    assert [f.name.split("-")[0] for f in files] == ["data", "regexes"] and first.stderr == b""
    written = [(f.stat().st_mtime_ns, f.read_bytes()) for f in files]
    second = run({**env, "PYTHONHASHSEED": "2"})
    assert second.stdout == first.stdout and second.stderr == b"" and second.returncode == first.returncode == 1
    assert [(f.stat().st_mtime_ns, f.read_bytes()) for f in files] == written


@pytest.fixture
def data_cache(tmp_path, monkeypatch):
    """lexicon.parsed over a data directory and a cache file of the test's own."""
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setattr(lexicon, "DATA_DIR", str(folder))
    table = MarshalTable("data", (1,), str(tmp_path / "data.marshal"))
    monkeypatch.setattr(lexicon, "_PARSED", table)
    return folder, table


def counted(calls: list):
    def parse(text: str) -> dict:
        calls.append(text)
        return {"words": sorted(text.split())}
    return parse


def test_a_parsed_data_file_is_read_back_until_it_changes(data_cache, monkeypatch):
    folder, table = data_cache
    (folder / "verbs.txt").write_text("said\ntold\n")
    calls = []
    parse = counted(calls)
    assert lexicon.parsed("verbs.txt", parse) == {"words": ["said", "told"]}
    table.save()
    monkeypatch.setattr(lexicon, "_PARSED", MarshalTable("data", (1,), table.path))  # the next run
    assert lexicon.parsed("verbs.txt", parse) == {"words": ["said", "told"]} and len(calls) == 1
    (folder / "verbs.txt").write_text("said\ntold\nwarned\n")  # edited: another size
    assert lexicon.parsed("verbs.txt", parse) == {"words": ["said", "told", "warned"]} and len(calls) == 2


def test_what_a_caller_changes_in_parsed_data_stays_its_own(data_cache):
    folder, _ = data_cache
    (folder / "verbs.txt").write_text("said\n")
    parse = counted([])
    lexicon.parsed("verbs.txt", parse)["words"].append("shouted")
    lexicon.parsed("verbs.txt", parse)["words"].append("whispered")
    assert lexicon.parsed("verbs.txt", parse) == {"words": ["said"]}


def test_the_shipped_cue_model_from_the_cache_is_the_weights_file(data_cache, monkeypatch):
    folder, table = data_cache
    shipped = (ROOT / "quoteaudit" / "data" / cue_model.MODEL_FILE).read_text(encoding="utf-8")
    (folder / cue_model.MODEL_FILE).write_text(shipped, encoding="utf-8")
    expected = cue_model.model_from_json(json.loads(shipped))
    cue_model.shipped_model.cache_clear()
    try:
        first = cue_model.shipped_model()
        table.save()
        monkeypatch.setattr(lexicon, "_PARSED", MarshalTable("data", (1,), table.path))
        cue_model.shipped_model.cache_clear()
        again = cue_model.shipped_model()
        assert not lexicon._PARSED.added  # read from the file the first run wrote
    finally:
        cue_model.shipped_model.cache_clear()
    for model in (first, again):
        assert (model.weights, model.bias, model.threshold, model.vocabulary, model.version) == \
            (expected.weights, expected.bias, expected.threshold, expected.vocabulary, expected.version)
    assert len(expected.weights) > 20_000


def test_a_changed_parser_module_parses_afresh(data_cache, monkeypatch, tmp_path):
    """The data file unchanged, the code that reads it changed (an upgrade, an edit): the
    entry the old code wrote is not read back."""
    import importlib
    folder, table = data_cache
    (folder / "verbs.txt").write_text("said\ntold\n")
    source = tmp_path / "qa_test_parser.py"
    source.write_text("def parse(text):\n    return text.split()\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    module = importlib.import_module("qa_test_parser")
    assert lexicon.parsed("verbs.txt", module.parse) == ["said", "told"]
    table.save()
    source.write_text("def parse(text):\n    return [w.upper() for w in text.split()]\n")
    module = importlib.reload(module)
    monkeypatch.setattr(lexicon, "_PARSED", MarshalTable("data", (1,), table.path))
    assert lexicon.parsed("verbs.txt", module.parse) == ["SAID", "TOLD"]


def test_jobs_workers_leave_the_cache_to_the_parent(tmp_path, monkeypatch):
    """`--jobs` workers are stopped by their pool as soon as the work is done, which may fall
    in the middle of a write (a half-written temporary file was left behind): they write
    nothing, the parent process does."""
    import multiprocessing
    from quoteaudit import cachedir
    with multiprocessing.get_context("spawn").Pool(1) as pool:  # as api.check_files starts them
        assert pool.apply(cachedir._in_worker) is True
    assert cachedir._in_worker() is False
    table = MarshalTable("data", (1,), str(tmp_path / "data.marshal"))
    table.put("key", "value")
    monkeypatch.setattr(cachedir, "_in_worker", lambda: True)
    table.save()
    assert list(tmp_path.iterdir()) == []
    monkeypatch.setattr(cachedir, "_in_worker", lambda: False)
    table.save()
    assert [p.name for p in tmp_path.iterdir()] == ["data.marshal"]


def test_parsed_data_survives_a_fresh_checkout_of_the_same_files(data_cache, monkeypatch):
    """A new modification time with the same contents (a fresh clone or install, a CI job
    that restores the cache directory) reads the entry back and refreshes its stamp."""
    folder, table = data_cache
    data = folder / "verbs.txt"
    data.write_text("said\ntold\n")
    calls = []
    parse = counted(calls)
    assert lexicon.parsed("verbs.txt", parse) == {"words": ["said", "told"]}
    table.save()
    stat = data.stat()
    os.utime(data, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))  # touched, not changed
    monkeypatch.setattr(lexicon, "_PARSED", MarshalTable("data", (1,), table.path))
    assert lexicon.parsed("verbs.txt", parse) == {"words": ["said", "told"]} and len(calls) == 1
    assert lexicon._PARSED.added  # the new stamp is written, so the next run reads no checksum
