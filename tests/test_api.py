"""The Python API: from quoteaudit import check_text, check_files, extract_text, Settings."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import quoteaudit
from quoteaudit import (QuoteauditError, Settings, check_files, check_text, extract_text, load_settings,
                        render_report)
from quoteaudit.model import Finding, Severity

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "fixtures" / "seed" / "kazakhstan-csto-mt.txt"
REFERENCES = ROOT / "fixtures" / "seed" / "references.yml"


def test_check_text_gives_findings_with_rule_severity_and_exact_spans():
    text = "Officials met on Monday.\n\n“We will not allow it,” Putin and Tokayev said. “Never,” he added.\n"
    report = check_text(text, path="story.txt")
    assert report.path == "story.txt"
    found = [(f.line, f.column, f.rule) for f in report.findings]
    assert found == [(3, 1, "ambiguous-speaker"), (3, 49, "ambiguous-speaker")]
    finding = report.findings[1]
    assert isinstance(finding, Finding) and finding.severity is Severity.WARNING
    assert text[finding.start:finding.end] == "“Never,”"


def test_settings_select_rules_and_severities():
    text = "“We will win,” someone may have said. The the end.\n"
    everything = {f.rule for f in check_text(text).findings}
    assert {"repeated-phrase"} <= everything
    only = check_text(text, settings=Settings(select={"repeated-phrase"},
                                              severities={"repeated-phrase": Severity.ERROR}))
    assert [(f.rule, f.severity) for f in only.findings] == [("repeated-phrase", Severity.ERROR)]


def test_extract_text_gives_quotations_and_speakers_without_findings():
    report = extract_text("“We will win,” Tokayev said.\n\n“It is over,” he added.\n")
    ctx = report.context
    assert report.findings == []
    assert [(q.text, ctx.attributions[q.index].speaker) for q in ctx.quotations] == [
        ("“We will win,”", "Tokayev"), ("“It is over,”", "Tokayev")]


def test_the_api_and_the_command_give_the_same_report():
    settings = load_settings(references=[str(REFERENCES)])
    run = check_files([str(SEED)], settings)
    assert len(run.reports) == 1 and run.errors == []
    proc = subprocess.run([sys.executable, "-m", "quoteaudit", "check", "--format", "json", "--references",
                           str(REFERENCES), str(SEED)], capture_output=True, cwd=ROOT)
    assert render_report(run, "json").encode() == proc.stdout
    one = check_text(SEED.read_text(encoding="utf-8"), path=str(SEED), settings=settings)
    assert render_report(one, "text") == render_report(run, "text")


def test_check_files_reports_unreadable_inputs_and_checks_the_rest(tmp_path):
    run = check_files([str(tmp_path / "missing.txt"), str(SEED)])
    assert [e.message for e in run.errors] == ["no such file"]
    assert [r.path for r in run.reports] == [str(SEED)]


def test_load_settings_names_the_bad_file(tmp_path):
    config = tmp_path / "quoteaudit.yml"
    config.write_text("rules:\n  no-such-rule: {enabled: false}\n")
    with pytest.raises(QuoteauditError, match=rf"{config}:2: unknown rule id: no-such-rule"):
        load_settings(config=str(config))
    with pytest.raises(QuoteauditError, match="missing.yml: no such file"):
        load_settings(references=[str(tmp_path / "missing.yml")])
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        render_report(check_text(""), "pdf")


def test_import_quoteaudit_stays_light():
    code = ("import sys, quoteaudit; heavy = [m for m in ('quoteaudit.api', 'quoteaudit.pipeline', "
            "'quoteaudit.attribution', 'rapidfuzz', 'yaml', 'typer') if m in sys.modules]; print(heavy)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT).stdout
    assert out.strip() == "[]"
    assert {"check_text", "check_files", "extract_text", "Settings"} <= set(dir(quoteaudit))
    with pytest.raises(AttributeError):
        quoteaudit.no_such_name  # noqa: B018
