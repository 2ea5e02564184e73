"""Malformed reference files and reference caches: one line naming the file (and row),
and the same report with or without a cache, fresh or warm, serial or --jobs."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from quoteaudit.references import load_references

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "“We will defend the constitutional order with all our strength,” Tokayev said.\n"


def run(*args, env=None):
    return subprocess.run([sys.executable, "-m", "quoteaudit", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ, **(env or {})})


@pytest.fixture(autouse=True)
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("QUOTEAUDIT_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def write(tmp_path: Path, name: str, content) -> str:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return str(path)


@pytest.mark.parametrize("name, content, problem", [
    ("bool.yml", "true: 1\nquotations: []\n", "unknown key 'true'"),
    ("int.yml", "1: [a]\n", "unknown key '1'"),
    ("null.yml", "~: [a]\n", "unknown key"),
    ("complex.yml", "? [a, b]\n: 1\n", "invalid YAML: found unhashable key"),
    ("hugeint.yml", "- {text: " + "9" * 5000 + "}\n", "a number with more digits than Python reads"),
    ("deep-seq.yml", "[" * 5000 + "]" * 5000, "nested too deeply"),
    ("deep-map.yml", "{a: " * 3000 + "1" + "}" * 3000, "nested too deeply"),
    ("block-deep.yml", "".join("  " * i + "- \n" for i in range(2000)), "nested too deeply"),
    ("utf16.yml", "quotations: []\n".encode("utf-16"), "UTF-16"),
    ("latin.csv", "text,speaker\ncaf\xe9,A\n".encode("latin-1"), "invalid UTF-8"),
    ("nohead.csv", "\ufeffspeaker\nA\n", "header row with a 'text' column"),
    ("unknown.dat", "x", "unknown reference format"),  # .txt is an article (issue 12)
])
def test_bad_reference_files_are_one_error_naming_them(tmp_path, name, content, problem):
    path = write(tmp_path, name, content)
    loaded = load_references([path])
    assert len(loaded.errors) == 1 and loaded.errors[0].path == path
    assert problem in loaded.errors[0].message, loaded.errors[0].message


@pytest.mark.parametrize("name, content, good, bad", [
    ("people.yml", "people:\n  - {name: A B, aliases: ['']}\n  - {name: C D, aliases: ['  ']}\n"
                   "  - {name: E F, aliases: [[x]]}\n  - {name: G H, titles: [{a: 1}]}\n  - {name: I J, aliases: [Ij]}\n", 0, 4),
    ("quotes.yml", "- {text: [a, b]}\n- {text: \"\\ud800 x\"}\n- {text: fine words here}\n- {text: ok, speaker: {a: 1}}\n", 1, 3),
    ("qb.jsonl", '{"quotation": "a b c d", "urls": 5}\n{"quotation": "a b c d", "urls": {"a": 1}}\n'
                 '{"quotation": "a b c d", "qids": ' + "7" * 5000 + '}\n{"quotation": ' + "[" * 5000 + "]" * 5000 + '}\n'
                 '{"quotation": "\\udc00 x"}\n{"quotation": "a\u2028b c d", "urls": ["https://x"]}\n', 1, 5),
    ("big.csv", "text,speaker\n\"" + "x" * 300_000 + "\",A\nshort text,B,extra,fields\n,C\n", 2, 1),
])
def test_bad_rows_are_skipped_and_named(tmp_path, name, content, good, bad):
    path = write(tmp_path, name, content)
    loaded = load_references([path])
    assert not loaded.errors and loaded.skipped == bad
    rows = loaded.references.rows if loaded.references else []
    persons = loaded.people.persons if loaded.people else []
    assert len(rows) + (len(persons) if name == "people.yml" else 0) == good + (1 if name == "people.yml" else 0)
    strict = load_references([path], strict=True)
    assert len(strict.errors) == bad and all(e.path == path and e.line for e in strict.errors)


def test_special_reference_files_do_not_hang(tmp_path):
    fifo = tmp_path / "refs.jsonl"
    os.mkfifo(fifo)
    proc = subprocess.run([sys.executable, "-m", "quoteaudit", "check", "-r", str(fifo), "-r", "/dev/zero", "-"],
                          input=ARTICLE, capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "named pipe" in proc.stderr and "/dev/zero: is a character device" in proc.stderr


# ---------------------------------------------------------------- the cache

def big_reference_set(tmp_path: Path) -> str:
    """More rows than the in-memory limit, so the index goes to the cache; one bad row;
    the only place naming Tokayev in full is a reference row's speaker."""
    from quoteaudit.refindex import SMALL_SET
    lines = [json.dumps({"quoteID": "t", "quotation": ARTICLE.split("”")[0].strip("“,"),
                         "speaker": "Kassym-Jomart Tokayev"}), "{not json"]
    lines += [json.dumps({"quoteID": f"q{i}", "quotation": f"filler number {i} on topic {i % 97} and trains",
                          "speaker": f"Speaker{i % 40} Person"}) for i in range(SMALL_SET)]
    return write(tmp_path, "refs.jsonl", "\n".join(lines) + "\n")


def test_same_report_fresh_warm_serial_jobs_and_damaged_cache(tmp_path, cache):
    refs = big_reference_set(tmp_path)
    article = write(tmp_path, "a.txt", ARTICLE)
    other = write(tmp_path, "b.txt", "“The weather will be fine,” the forecaster said.\n")
    args = ("check", "--format", "json", "-r", refs, article, other)
    fresh = run(*args)
    assert fresh.returncode == 0 and list(cache.glob("refs-*.sqlite"))
    report = json.loads(fresh.stdout)
    assert report["files"][0]["quotations"][0]["speaker"]["name"] == "Kassym-Jomart Tokayev"
    assert report["summary"]["skipped_references"] == 1
    assert run(*args).stdout == fresh.stdout  # warm: the index is read, the rows are not parsed
    assert run(*args[:1], "--jobs", "2", *args[1:]).stdout == fresh.stdout
    index = next(cache.glob("refs-*.sqlite"))
    for damage in (index.read_bytes()[:20_000], b"not a database at all"):
        index.write_bytes(damage)
        damaged = run(*args)
        assert "warning" in damaged.stderr and "rebuilt" in damaged.stderr and "Traceback" not in damaged.stderr
        assert damaged.stdout == fresh.stdout
    assert run(*args).stderr == ""  # rebuilt: sound again


def test_strict_and_skipped_count_hold_with_a_cached_index(tmp_path):
    refs = big_reference_set(tmp_path)
    article = write(tmp_path, "a.txt", ARTICLE)
    for _ in range(2):  # fresh, then cached
        lenient = run("check", "-r", refs, article)
        assert "1 bad reference row skipped" in lenient.stdout
        strict = run("check", "--strict", "-r", refs, article)
        assert strict.returncode == 2 and f"{refs}:2: invalid JSON" in strict.stderr


def test_unusable_cache_directory_is_bypassed_with_a_warning(tmp_path, cache):
    refs = big_reference_set(tmp_path)
    article = write(tmp_path, "a.txt", ARTICLE)
    expected = run("check", "--format", "json", "-r", refs, article, env={"QUOTEAUDIT_CACHE_DIR": str(tmp_path / "ok")})
    cache.write_text("a file where the cache directory should be")
    proc = run("check", "--format", "json", "-r", refs, article)
    assert proc.stdout == expected.stdout
    assert proc.stderr.count("warning: cannot write the reference index") == 1 and "not a directory" in proc.stderr
    jobs = run("check", "--jobs", "2", "--format", "json", "-r", refs, article, article)
    assert jobs.returncode == 0 and jobs.stderr.count("warning") == 1
