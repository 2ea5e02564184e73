"""Issue 5 end to end: formats, input kinds, config, suppressions, baselines, --jobs."""
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
SEED_REFS = ROOT / "fixtures" / "seed" / "references.yml"
SARIF_SCHEMA = ROOT.parent / "shared" / "schemas" / "sarif-schema-2.1.0.json"
REPORT_SCHEMA = json.loads((ROOT / "quoteaudit" / "schema" / "report.schema.json").read_text())
GOLDEN = ROOT / "tests" / "golden"


def run(*args, cwd=None, stdin: str | None = None, env=None):
    return subprocess.run([sys.executable, "-m", "quoteaudit", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd or ROOT, input=stdin, env={**os.environ, **(env or {})})


@pytest.fixture(autouse=True)
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("QUOTEAUDIT_CACHE_DIR", str(tmp_path / "cache"))


# ---------------------------------------------------------------- formats

@pytest.mark.skipif(not SARIF_SCHEMA.exists(), reason="../shared/schemas is not beside this checkout")
def test_sarif_is_valid_against_the_official_schema():
    proc = run("check", "--format", "sarif", "-r", SEED_REFS, SEED)
    doc = json.loads(proc.stdout)
    jsonschema.validate(doc, json.loads(SARIF_SCHEMA.read_text()))
    results = doc["runs"][0]["results"]
    assert {r["ruleId"] for r in results} >= {"misattributed-quote", "altered-quote", "ambiguous-speaker"}
    region = results[0]["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] >= 1 and region["charLength"] >= 0
    rules = {r["id"] for r in doc["runs"][0]["tool"]["driver"]["rules"]}
    assert "unverified-quote" in rules


def test_github_annotations():
    proc = run("check", "--format", "github", SEED)
    lines = proc.stdout.splitlines()
    assert proc.returncode == 1 and lines
    assert all(line.startswith(("::warning file=", "::error file=", "::notice file=")) for line in lines)
    assert any(",title=ambiguous-speaker::" in line for line in lines)
    assert "line=19,col=1," in proc.stdout


def test_golden_text_and_json():
    """The seed's text and JSON reports, as committed (regenerate: QUOTEAUDIT_UPDATE_GOLDEN=1)."""
    text = run("check", "fixtures/seed/kazakhstan-csto-mt.txt").stdout
    data = json.loads(run("check", "--format", "json", "fixtures/seed/kazakhstan-csto-mt.txt").stdout)
    data["tool"]["version"] = "(any)"
    rendered = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if os.environ.get("QUOTEAUDIT_UPDATE_GOLDEN"):
        (GOLDEN / "seed.txt").write_text(text, encoding="utf-8")
        (GOLDEN / "seed.json").write_text(rendered, encoding="utf-8")
    assert text == (GOLDEN / "seed.txt").read_text(encoding="utf-8")
    assert rendered == (GOLDEN / "seed.json").read_text(encoding="utf-8")
    jsonschema.validate(data, REPORT_SCHEMA)


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "github"])
def test_corrupt_file_among_many_exits_2_and_reports_the_others(tmp_path, fmt):
    for i in range(3):
        (tmp_path / f"good{i}.txt").write_text(f"The rally ended.\n\n“This is statement number {i} of the day.”\n")
    (tmp_path / "corrupt.txt").write_bytes(b"caf\xe9 \xff\xfe broken\n")
    proc = run("check", "--format", fmt, tmp_path)
    assert proc.returncode == 2
    assert "corrupt.txt" in proc.stderr and len(proc.stderr.splitlines()) == 1
    for i in range(3):
        assert f"good{i}.txt" in proc.stdout
    if fmt == "json":
        jsonschema.validate(json.loads(proc.stdout), REPORT_SCHEMA)


# ---------------------------------------------------------------- inputs

def test_markdown_positions_map_to_the_source(tmp_path):
    md = tmp_path / "a.md"
    md.write_text("---\ntitle: “Not a quote”\n---\n# Heading\n\nThe rally ended. See [the “link”](http://x/“y”).\n\n"
                  "```\n“code”\n```\n\n“This is the most important election of our lifetime.”\n", encoding="utf-8")
    proc = run("check", "--select", "unattributed-quote", md)
    assert proc.stdout.splitlines()[0].startswith(f"{md}:12:1: warning unattributed-quote")
    doc = json.loads(run("extract", "--format", "json", md).stdout)
    texts = [q["text"] for q in doc["files"][0]["quotations"]]
    assert "“Not a quote”" not in texts and "“code”" not in texts and "“y”" not in texts
    assert "“link”" in texts


def test_html_entities_scripts_and_blocks(tmp_path):
    page = tmp_path / "a.html"
    page.write_text("<html><head><script>var s = \"“no”\";</script><style>p{}</style></head><body>"
                    "<p>The rally ended.</p><p>&ldquo;This is the most important election of our lifetime.&rdquo;"
                    "</p></body></html>\n", encoding="utf-8")
    doc = json.loads(run("extract", "--format", "json", page).stdout)
    quotes = doc["files"][0]["quotations"]
    assert len(quotes) == 1
    source = page.read_text(encoding="utf-8")
    assert source[quotes[0]["start"]:quotes[0]["start"] + 7] == "&ldquo;"


def test_jsonl_batch_records_carry_their_id(tmp_path):
    batch = tmp_path / "archive.jsonl"
    batch.write_text(json.dumps({"id": "a-1", "text": "“We will win,” Tokayev said."}) + "\n"
                     + "{not json\n"
                     + json.dumps({"id": 7, "text": "The rally ended.\n\n“This is the most important day.”"}) + "\n",
                     encoding="utf-8")
    proc = run("check", batch)
    assert proc.returncode == 2 and f"{batch}:2: invalid JSON record" in proc.stderr
    assert f"{batch}[7]:3:1: warning unattributed-quote" in proc.stdout
    doc = json.loads(run("check", "--format", "json", batch).stdout)
    assert [f["record_id"] for f in doc["files"]] == ["a-1", "7"]


def test_directory_is_recursive_and_sorted(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.md").write_text("“Quote two,” she said.\n")
    (tmp_path / "one.txt").write_text("“Quote one,” he said.\n")
    (tmp_path / "skip.png").write_bytes(b"\x89PNG\x00")
    doc = json.loads(run("check", "--format", "json", tmp_path).stdout)
    assert [Path(f["path"]).relative_to(tmp_path).as_posix() for f in doc["files"]] == ["b/two.md", "one.txt"]


def test_jobs_gives_the_serial_order_and_output(tmp_path):
    for i in range(6):
        (tmp_path / f"f{i}.txt").write_text(SEED.read_text(encoding="utf-8") if i % 2 else "“Fine,” he said.\n")
    serial = run("check", "--format", "json", tmp_path)
    parallel = run("check", "--format", "json", "--jobs", "2", tmp_path)
    assert json.loads(serial.stdout) == json.loads(parallel.stdout)


# ---------------------------------------------------------------- config, suppressions, baselines

def test_config_found_upward_with_relative_reference_paths(tmp_path):
    (tmp_path / "refs").mkdir()
    (tmp_path / "refs" / "seed.yml").write_text(SEED_REFS.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / ".quoteaudit.yml").write_text(
        "references: [refs/seed.yml]\nrules:\n  ambiguous-speaker:\n    enabled: false\n"
        "  unverified-quote:\n    severity: warning\nfail_on: error\n", encoding="utf-8")
    (tmp_path / "articles").mkdir()
    article = tmp_path / "articles" / "a.txt"
    article.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    proc = run("check", article, cwd=tmp_path)
    assert "ambiguous-speaker" not in proc.stdout
    assert "warning unverified-quote" in proc.stdout and "misattributed-quote" in proc.stdout
    assert proc.returncode == 1  # misattributed-quote is an error, and fail_on is error


@pytest.mark.parametrize("content, line, words", [
    ("rules:\n  ambiguos-speaker:\n    enabled: false\n", 2, "unknown rule id"),
    ("fail_on: sometimes\n", 1, "fail_on must be"),
    ("references: [missing.yml]\n", 1, "no such file"),
    ("matching:\n  match_threshold: high\n", 2, "must be a number"),
    ("colour: red\n", 1, "unknown key 'colour'"),
])
def test_config_errors_name_file_and_line(tmp_path, content, line, words):
    cfg = tmp_path / "q.yml"
    cfg.write_text(content)
    proc = run("check", "--config", cfg, SEED)
    assert proc.returncode == 2
    assert proc.stderr.startswith(f"quoteaudit: error: {cfg}:{line}:") and words in proc.stderr
    assert len(proc.stderr.splitlines()) == 1


def test_plain_text_suppression(tmp_path):
    text = SEED.read_text(encoding="utf-8").replace(
        "“Of course,", "[quoteaudit: ignore ambiguous-speaker]\n“Of course,", 1)
    article = tmp_path / "a.txt"
    article.write_text(text, encoding="utf-8")
    lines = [l for l in run("check", "--select", "ambiguous-speaker", article).stdout.splitlines() if ":" in l]
    before = [l for l in run("check", "--select", "ambiguous-speaker", SEED).stdout.splitlines() if "ambiguous" in l]
    after = [l for l in lines if "ambiguous" in l]
    assert len(after) == len(before) - 2  # both quotations of that paragraph


def test_baseline_reports_only_new_findings_after_edits(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    base = tmp_path / "baseline.json"
    first = run("check", "--write-baseline", base, article)
    assert first.returncode == 1 and base.exists()
    # An edit elsewhere shifts every line; a new problem is added at the end.
    article.write_text("A new first paragraph.\n\n" + SEED.read_text(encoding="utf-8")
                       + "\nThe summit ended.\n\n“This one is new and has no speaker at all.”\n", encoding="utf-8")
    proc = run("check", "--baseline", base, article)
    lines = [l for l in proc.stdout.splitlines() if ": warning " in l or ": error " in l]
    assert len(lines) == 1 and "unattributed-quote" in lines[0]


def test_every_rule_explains_itself_with_bad_and_good_examples():
    listing = run("rules").stdout.splitlines()
    assert len(listing) >= 14
    for line in listing:
        rule = line.split()[0]
        text = run("rule", rule).stdout
        assert "What:" in text and "Why:" in text and "Example:" in text and "Bad:" in text and "Good:" in text


@pytest.mark.parametrize("written", ["quoteaudit", "QUOTEAUDIT", "QuoteAudit", "QUOTEAUD\u0130T", "quoteaud\u0131t"])
def test_directives_found_however_the_name_is_cased(written):
    # directives() skips texts whose lower() lacks "quoteaudit"; re.IGNORECASE also matches
    # "i" to the dotted and dotless I, which lower() does not give back as "i".
    from quoteaudit.suppress import _directive, directives
    source = f"Some prose.\n\n<!-- {written}: ignore all -->\nA paragraph.\n\n[{written}: disable unattributed-quote]\n"
    assert len(_directive().findall(source)) == 2
    assert [(verb, sorted(rules)) for _, _, verb, rules in directives(source)] == \
        [("ignore", ["all"]), ("disable", ["unattributed-quote"])]
