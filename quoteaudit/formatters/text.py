"""FILE:LINE:COL: severity rule-id message (the compiler convention), then a summary."""
from __future__ import annotations

from collections import Counter

_COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
_BOLD, _RESET = "\033[1m", "\033[0m"


def location(report) -> str:
    return f"{report.path}[{report.record_id}]" if report.record_id is not None else report.path


def render(run, stream, color: bool = False) -> None:
    counts: Counter = Counter()
    for report in run.reports:
        where = location(report)
        for f in report.findings:
            counts[f.severity.value] += 1
            sev = f.severity.value
            if color:
                head = f"{_BOLD}{where}:{f.line}:{f.column}:{_RESET} {_COLORS[sev]}{sev}{_RESET} {_BOLD}{f.rule}{_RESET}"
            else:
                head = f"{where}:{f.line}:{f.column}: {sev} {f.rule}"
            stream.write(f"{head} {f.message}\n")
    stream.write(summary_line(run, counts) + "\n")


def summary_line(run, counts: Counter) -> str:
    total = sum(counts.values())
    files = len(run.reports)
    quotes = sum(len(r.context.quotations) for r in run.reports if r.context is not None)
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in ("error", "warning", "info") if counts[s]]
    text = f"{total} finding{'s' if total != 1 else ''}"
    if parts:
        text += f" ({', '.join(parts)})"
    text += f" in {files} file{'s' if files != 1 else ''}, {quotes} quotation{'s' if quotes != 1 else ''}"
    if run.errors:
        text += f"; {len(run.errors)} input error{'s' if len(run.errors) != 1 else ''}"
    if run.skipped_references:
        text += f"; {run.skipped_references} bad reference row{'s' if run.skipped_references != 1 else ''} skipped"
    return text + "."
