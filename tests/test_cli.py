"""End-to-end: the command as a user runs it (subprocess), exit codes and bad input."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "seed" / "kazakhstan-csto-mt.txt"
SCHEMA = json.loads((ROOT / "quoteaudit" / "schema" / "report.schema.json").read_text())


def run(*args, stdin: bytes | None = None, cwd=None, env: dict | None = None):
    """The command with args; env: variables set on top of this process's environment."""
    return subprocess.run([sys.executable, "-m", "quoteaudit", *map(str, args)], input=stdin,
                          capture_output=True, cwd=cwd or ROOT, env={**os.environ, **(env or {})})


def test_seed_exits_1_and_reports_in_compiler_convention():
    proc = run("check", SEED)
    assert proc.returncode == 1
    out = proc.stdout.decode()
    lines = out.splitlines()
    assert lines[-1].startswith(lines[-1].split()[0]) and "finding" in lines[-1]
    for line in lines[:-1]:
        path, ln, col, rest = line.split(":", 3)
        assert path == str(SEED) and int(ln) >= 1 and int(col) >= 1
        assert rest.split()[0] in ("error", "warning", "info")
    assert "\033[" not in out  # no colour when piped
    assert proc.stderr == b""


@pytest.mark.parametrize("fail_on, code", [("never", 0), ("error", 0), ("warning", 1), ("info", 1)])
def test_fail_on(fail_on, code):
    assert run("check", "--fail-on", fail_on, "--select", "ambiguous-speaker", SEED).returncode == code


def test_clean_and_empty_files_exit_0(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    clean = tmp_path / "clean.txt"
    clean.write_text("“We will win,” Tokayev said.\n")
    proc = run("check", empty, clean)
    assert proc.returncode == 0, proc.stdout
    assert proc.stdout.decode().strip().endswith("in 2 files, 1 quotation.")


def bad_inputs(tmp: Path) -> dict[str, Path]:
    binary = tmp / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    latin = tmp / "latin1.txt"
    latin.write_bytes("first line\nsecond line caf\xe9\n".encode("utf-8")[:-3] + b"\xe9\n")
    folder = tmp / "folder"
    folder.mkdir()
    return {"missing": tmp / "missing.txt", "binary": binary, "latin": latin, "folder": folder}


@pytest.mark.parametrize("kind", ["missing", "binary", "latin", "folder"])
def test_bad_input_is_one_line_exit_2_and_others_still_checked(tmp_path, kind):
    bad = bad_inputs(tmp_path)[kind]
    proc = run("check", bad, SEED)
    assert proc.returncode == 2
    err = proc.stderr.decode().splitlines()
    assert len(err) == 1 and str(bad) in err[0] and "Traceback" not in err[0]
    if kind == "latin":
        assert f"{bad}:2:" in err[0] and "UTF-8" in err[0]
    out = proc.stdout.decode()
    assert "ambiguous-speaker" in out and str(bad) not in out


def test_json_output_validates_and_spans_are_exact():
    proc = run("check", "--format", "json", SEED)
    doc = json.loads(proc.stdout)
    jsonschema.validate(doc, SCHEMA)
    text = SEED.read_text(encoding="utf-8")
    assert doc["schema_version"] == "1.1"
    for q in doc["files"][0]["quotations"]:
        assert text[q["start"]:q["end"]] == q["text"]
    assert doc["summary"]["findings"] == len(doc["files"][0]["findings"]) > 0


def test_json_with_bad_input_lists_the_error(tmp_path):
    proc = run("check", "--format", "json", tmp_path / "nope.txt", SEED)
    doc = json.loads(proc.stdout)
    jsonschema.validate(doc, SCHEMA)
    assert proc.returncode == 2 and doc["errors"][0]["path"].endswith("nope.txt")


def test_extract_text_and_json():
    proc = run("extract", SEED)
    assert proc.returncode == 0
    assert "Kassym-Jomart Tokayev" in proc.stdout.decode()
    doc = json.loads(run("extract", "--format", "json", SEED).stdout)
    jsonschema.validate(doc, SCHEMA)
    assert len(doc["files"][0]["quotations"]) == 13


def test_stdin():
    text = "The rally ended.\n\n“This is the most important election of our lifetime.”\n"
    proc = run("check", "-", stdin=text.encode())
    assert proc.returncode == 1
    assert proc.stdout.decode().startswith("<stdin>:3:1: warning unattributed-quote")


def test_rules_and_rule():
    listing = run("rules").stdout.decode()
    for rule in ("unattributed-quote", "ambiguous-speaker", "unbalanced-quote"):
        assert rule in listing
    explained = run("rule", "ambiguous-speaker").stdout.decode()
    assert "Bad:" in explained and "Good:" in explained
    proc = run("rule", "no-such-rule")
    assert proc.returncode == 2 and len(proc.stderr.decode().splitlines()) == 1


def test_usage_error_is_one_line_exit_2():
    proc = run("check", "--no-such-option", SEED)
    assert proc.returncode == 2
    assert len(proc.stderr.decode().splitlines()) == 1 and b"Traceback" not in proc.stderr


# From PolNeAR train (nyt_2016-08-01_pressure-rises-on-trump-after-cr): "Mr. Khan" and
# "Ms. Khan" give both titles to every Khan, and which of them came first in a set depended
# on Python's string hashing, so "She" went to a different person from run to run.
KHAN = """The confrontation between the parents, Khizr and Ghazala Khan, and Mr. Trump has emerged as an unexpected flash point.

''Mr. Khan made the ultimate sacrifice in his family, didn't he?'' Mrs. Clinton said.

And Ms. Khan, in an opinion article published in The Washington Post, rebuked Mr. Trump. Ms. Khan said she had not spoken because she did not believe she could remain composed while talking about her son, Humayun Khan.

''All the world, all America, felt my pain. I am a Gold Star mother,'' Ms. Khan wrote. She continued: ''Donald Trump has children whom he loves. Does he really need to wonder why I did not speak?''
"""


def test_same_output_whatever_the_string_hash_seed(tmp_path):
    article = tmp_path / "khan.txt"
    article.write_text(KHAN)
    outputs = set()
    for seed in ("0", "1", "2", "3", "4", "5"):
        proc = run("extract", "--format", "json", article, env={"PYTHONHASHSEED": seed})
        assert proc.returncode == 0, proc.stderr
        outputs.add(proc.stdout)
    assert len(outputs) == 1
    speakers = [q["speaker"]["name"] for q in json.loads(outputs.pop())["files"][0]["quotations"]]
    assert speakers[0] == "Clinton"


def _modules_loaded(args: list[str], modules: tuple[str, ...], cwd) -> list[str]:
    """Which of modules a run of the command with args (exit status 0) has imported."""
    code = ("import sys\n"
            "from quoteaudit.cli import main\n"
            f"sys.argv = ['quoteaudit', *{args!r}]\n"
            "try:\n"
            "    main()\n"
            "except SystemExit as exc:\n"
            "    assert exc.code == 0, exc.code\n"
            f"print(' '.join(m for m in {modules!r} if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd, check=True)
    return out.stdout.splitlines()[-1].split()


def test_start_up_loads_no_validation_framework_and_no_yaml_without_a_yaml_file(tmp_path):
    """A pre-publish check runs once per article: the command must not pay for modules
    it does not use (pydantic, which typer 0.29 loads for every option, costs ~150 ms;
    PyYAML ~20 ms when no YAML file is read)."""
    original = ROOT / "tests" / "data" / "compare" / "original.txt"
    copy = ROOT / "tests" / "data" / "compare" / "spun.txt"
    args = ["compare", "--fail-on", "never", str(original), str(copy)]
    assert _modules_loaded(args, ("pydantic", "yaml"), tmp_path) == []


def test_output_the_terminal_cannot_encode_is_escaped_not_a_crash():
    # A report goes through the spool, which encodes as stdout will: on an ASCII terminal
    # the curly quotes of the seed's findings come out as escapes.
    proc = run("check", SEED, env={"PYTHONIOENCODING": "ascii"})
    assert proc.returncode == 1, proc.stderr
    out = proc.stdout.decode("ascii")
    assert "\\u201c" in out and "“" not in out
    assert out.count("\n") == run("check", SEED).stdout.decode("utf-8").count("\n")


def test_spool_keeps_a_report_whole_across_its_move_to_disk():
    import io
    from quoteaudit.spool import Spool
    parts = [f"“line {i}” é\r\n" for i in range(200)]
    with Spool(1_000, "utf-8") as spool:
        for part in parts:
            spool.write(part)
        assert spool._on_disk  # 2,800 characters: past the 1,000 held in memory
        out = io.StringIO()
        spool.copy_to(out)
    assert out.getvalue() == "".join(parts)
    with Spool(1_000_000, "utf-8") as spool:
        spool.write("".join(parts))
        assert not spool._on_disk
        out = io.StringIO()
        spool.copy_to(out)
    assert out.getvalue() == "".join(parts)


def test_the_command_runs_with_the_cycle_collector_on_and_its_start_up_frozen(tmp_path):
    """`quoteaudit` and `python -m quoteaudit` start in __main__.run: what the imports made
    is frozen out of the cycle collector (it lives until exit), and the collector is on
    while the command runs (`serve` runs for days)."""
    code = ("import gc\n"
            "import quoteaudit.cli as cli\n"
            "from quoteaudit.__main__ import run\n"
            "seen = {}\n"
            "cli.main = lambda: seen.update(on=gc.isenabled(), frozen=gc.get_freeze_count())\n"
            "run()\n"
            "print(seen['on'], seen['frozen'] > 10_000, gc.get_freeze_count() >= seen['frozen'])\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, check=True)
    assert out.stdout.split() == ["True", "True", "True"]
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert 'quoteaudit = "quoteaudit.__main__:run"' in pyproject


def test_a_plain_check_imports_no_tempfile_or_hashlib(tmp_path):
    """Start-up: a report held in memory needs no temporary file, a check without
    references no digest (tempfile alone took 4M instructions, about 2 ms, of every run)."""
    args = ["check", "--fail-on", "never", str(SEED)]
    assert _modules_loaded(args, ("tempfile", "hashlib"), tmp_path) == []
