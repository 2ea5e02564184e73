"""GitHub Actions workflow commands: ::warning file=...,line=...,col=...::message"""
from __future__ import annotations

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(run, stream, color: bool = False) -> None:
    for report in run.reports:
        for f in report.findings:
            props = (f"file={_escape_property(report.path)},line={f.line},col={f.column},"
                     f"endLine={f.end_line},endColumn={f.end_column},title={_escape_property(f.rule)}")
            where = f" [{report.record_id}]" if report.record_id is not None else ""
            stream.write(f"::{COMMANDS[f.severity.value]} {props}::{_escape_data(f.message + where)}\n")
    for e in run.errors:
        stream.write(f"::error file={_escape_property(e.path)}::{_escape_data(e.message)}\n")
