"""Hostile and malformed input through the command: one line naming the file (and
line or record), exit 2, the other files still checked, never a traceback, and the
same report whether or not a reference cache exists."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
OK_TEXT = "“We will win,” Tokayev said.\n"


def run(*args, cwd=None, env=None, stdin=None):
    return subprocess.run([sys.executable, "-m", "quoteaudit", *map(str, args)], capture_output=True,
                          cwd=cwd or ROOT, env={**os.environ, **(env or {})}, input=stdin)


@pytest.fixture(autouse=True)
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("QUOTEAUDIT_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture
def ok(tmp_path) -> Path:
    path = tmp_path / "ok.txt"
    path.write_text(OK_TEXT)
    return path


def assert_one_line_errors(proc, count: int, *needles: str) -> str:
    err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.startswith("quoteaudit: error:")]
    assert len(lines) == count, err
    for needle in needles:
        assert needle in err, err
    return err


# ---------------------------------------------------------------- articles

def test_special_files_are_refused_without_reading(tmp_path, ok):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    proc = subprocess.run([sys.executable, "-m", "quoteaudit", "check", str(fifo), "/dev/zero", str(ok)],
                          capture_output=True, cwd=ROOT, timeout=60)  # a FIFO once hung the run
    assert proc.returncode == 2
    assert_one_line_errors(proc, 2, "pipe.txt: is a named pipe (FIFO)", "/dev/zero: is a character device")
    assert proc.stdout.decode().strip().endswith("in 1 file, 1 quotation; 2 input errors.")


def test_size_limits_are_configurable_and_clear(tmp_path, ok):
    big = tmp_path / "big.txt"
    big.write_text("word " * 300_000)  # 1.5 MB
    proc = run("check", "--max-file-mb", "1", big, ok)
    assert proc.returncode == 2
    assert_one_line_errors(proc, 1, "big.txt: larger than the 1 MB limit (raise it with --max-file-mb)")
    batch = tmp_path / "b.jsonl"
    batch.write_text(json.dumps({"id": "big", "text": "word " * 300_000}) + "\n" + json.dumps({"text": OK_TEXT}) + "\n")
    proc = run("check", "--max-record-mb", "1", batch)
    assert_one_line_errors(proc, 1, "b.jsonl:1: record larger than the 1 MB limit (raise it with --max-record-mb)")
    assert proc.returncode == 2 and "in 1 file, 1 quotation" in proc.stdout.decode()
    config = tmp_path / ".quoteaudit.yml"
    config.write_text("max_file_mb: 1\n")
    assert run("check", big, cwd=tmp_path).returncode == 2


def test_utf16_is_named_and_a_utf8_bom_is_read(tmp_path, ok):
    utf16 = tmp_path / "u16.txt"
    utf16.write_bytes(OK_TEXT.encode("utf-16"))
    bare = tmp_path / "u16le.txt"
    bare.write_bytes("He said it was over.".encode("utf-16-le"))
    bom = tmp_path / "bom.jsonl"
    bom.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "a", "text": OK_TEXT}).encode() + b"\n")
    proc = run("check", utf16, bare, bom, ok)
    assert proc.returncode == 2
    assert_one_line_errors(proc, 2, "u16.txt: UTF-16 text", "u16le.txt: looks like UTF-16 text")
    assert "in 2 files, 2 quotations; 2 input errors." in proc.stdout.decode()


def test_jsonl_records_split_at_newline_only(tmp_path):
    # Raw U+2028, NEL, VT and FF inside a JSON string: str.splitlines() used to cut the record.
    texts = [f"“We will win{sep}today,” Tokayev said." for sep in ("\u2028", "\u0085", "\x0b", "\x0c", " ")]
    batch = tmp_path / "b.jsonl"
    batch.write_text("".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts)),
                     encoding="utf-8")
    proc = run("check", "--format", "json", batch)
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert [f["record_id"] for f in report["files"]] == ["0", "1", "2", "3", "4"]
    assert all(len(f["quotations"]) == 1 for f in report["files"])


def test_bad_jsonl_records_are_one_line_each(tmp_path, ok):
    lines = ['{"id": 1, "text": "\\ud800 said"}', '{"id": ' + "9" * 5000 + ', "text": "x"}',
             '{"text": ' + "[" * 5000 + "]" * 5000 + "}", '{"id": {"a": 1}, "text": "x"}', '{"id": "fine", "text": "x"}']
    batch = tmp_path / "b.jsonl"
    batch.write_text("\n".join(lines) + "\n")
    proc = run("check", batch, ok)
    assert proc.returncode == 2
    assert_one_line_errors(proc, 4, "b.jsonl:1: record \"text\" holds a lone surrogate", "b.jsonl:2: invalid JSON record",
                           "b.jsonl:3: invalid JSON record: nested too deeply", "b.jsonl:4: record \"id\"")
    assert "in 2 files" in proc.stdout.decode()


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_odd_file_names_in_every_format(tmp_path, fmt):
    for name in (b"new\nline.txt", b"caf\xe9.txt"):
        with open(os.path.join(os.fsencode(tmp_path), name), "wb") as fh:
            fh.write("“We will win, he said.\n".encode())  # an unclosed mark: a finding to report
    (tmp_path / "bad\nname.txt").write_bytes(b"\x00\x01")
    proc = run("check", "--format", fmt, "--fail-on", "never", tmp_path)
    assert proc.returncode == 2
    assert_one_line_errors(proc, 1, "bad\\nname.txt: binary file")
    out = proc.stdout.decode("utf-8")  # valid UTF-8, whatever the names' bytes
    if fmt == "json":
        paths = [f["path"] for f in json.loads(out)["files"]]
    elif fmt == "sarif":
        results = json.loads(out)["runs"][0]["results"]
        paths = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results]
    else:
        assert out.count("\n") == len(out.splitlines())  # no name breaks a line
        paths = [line.split("file=")[1].split(",line=")[0] if fmt == "github" else line.split(":")[0]
                 for line in out.splitlines() if "unbalanced-quote" in line]
    names = {os.path.basename(p) for p in paths}
    assert {"new\\nline.txt", "caf\\xe9.txt"} <= names, paths


def test_jobs_is_bounded(tmp_path, ok):
    proc = run("check", "--jobs", "99999999999999999999", ok, ok)
    assert proc.returncode == 0, proc.stderr


# ---------------------------------------------------------------- config and baseline

@pytest.mark.parametrize("content", [
    b"? [select, ignore]\n: [ambiguous-speaker]\n",
    "select: [caf\xe9]\n".encode("latin-1"),
    "select: [ambiguous-speaker]\n".encode("utf-16"),
    b"rules: " + b"[" * 3000 + b"]" * 3000 + b"\n",
    b"rules: {a: " * 100 + b"1" + b"}" * 100 + b"\n",
    b"matching: {match_threshold: .inf}\n",
    b"matching: {match_threshold: .nan}\n",
    b"rules:\n  1: {enabled: false}\n",
    b"rules:\n  ? [ambiguous-speaker]\n  : {enabled: false}\n",
    b"rules:\n  ambiguous-speaker: {enabled: [true]}\n",
    b"matching: {[a]: 1}\n",
    b"max_file_mb: -1\n",
    b"--- a\n--- b\n",
])
def test_malformed_config_is_one_line(tmp_path, ok, content):
    config = tmp_path / "c.yml"
    config.write_bytes(content)
    proc = run("check", "--config", config, ok)
    assert proc.returncode == 2
    assert_one_line_errors(proc, 1, f"{config}")


@pytest.mark.parametrize("content", [
    '{"quoteaudit_baseline": 1, "findings": 5}', '["a", "b"]', '{"quoteaudit_baseline": 1, "findings": [{"path": "x"}]}',
    '{"quoteaudit_baseline": 1, "findings": [null]}', '{"quoteaudit_baseline": 1, "findings": [{"path": null, "rule": 1, "text": []}]}',
    "[" * 100_000, '{"quoteaudit_baseline": ' + "1" * 5000 + "}", "\x00\x01",
])
def test_malformed_baseline_is_one_line_and_the_files_are_still_reported(tmp_path, ok, content):
    baseline = tmp_path / "base.json"
    baseline.write_text(content)
    proc = run("check", "--baseline", baseline, ok)
    assert proc.returncode == 2
    assert_one_line_errors(proc, 1, f"{baseline}: baseline not used")
    assert "in 1 file, 1 quotation" in proc.stdout.decode()


def test_unwritable_baseline_is_one_line(tmp_path, ok):
    proc = run("check", "--write-baseline", tmp_path / "no" / "such" / "dir.json", ok)
    assert proc.returncode == 2
    assert_one_line_errors(proc, 1, "cannot write the baseline")


# ---------------------------------------------------------------- internal errors

def test_internal_error_names_the_file_exits_2_and_the_others_are_reported(tmp_path, ok, monkeypatch, capsys):
    from quoteaudit import cli, pipeline
    boom = tmp_path / "boom.txt"
    boom.write_text("“A quotation,” she said.\n")
    real = pipeline.run_rules

    def failing(ctx, settings):
        if ctx.doc.path.endswith("boom.txt"):
            raise KeyError("a bug")
        return real(ctx, settings)

    monkeypatch.setattr(pipeline, "run_rules", failing)
    for extra, traceback in (([], False), (["--debug"], True)):
        with pytest.raises(SystemExit) as exit_:
            cli.main(["check", *extra, "--format", "json", str(boom), str(ok)])
        out, err = capsys.readouterr()
        assert exit_.value.code == 2  # never 1, the status of findings
        assert f"quoteaudit: error: {boom}: internal error (KeyError: 'a bug')" in err
        assert ("Traceback" in err) is traceback
        report = json.loads(out)  # whole, not cut short
        assert [f["path"] for f in report["files"]] == [str(ok)]
        assert report["errors"][0]["path"] == str(boom)


def test_internal_error_in_a_batch_names_the_record(tmp_path, monkeypatch, capsys):
    from quoteaudit import cli, pipeline
    batch = tmp_path / "b.jsonl"
    batch.write_text(json.dumps({"id": "a", "text": OK_TEXT}) + "\n" + json.dumps({"id": "b", "text": "boom"}) + "\n")
    real = pipeline.run_rules
    monkeypatch.setattr(pipeline, "run_rules", lambda ctx, s: 1 / 0 if ctx.doc.source == "boom" else real(ctx, s))
    with pytest.raises(SystemExit) as exit_:
        cli.main(["check", str(batch)])
    out, err = capsys.readouterr()
    assert exit_.value.code == 2
    assert f"{batch}:2: record b: internal error (ZeroDivisionError" in err
    assert "1 file, 1 quotation; 1 input error" in out
