"""One JSON document per run, versioned; its shape is quoteaudit/schema/report.schema.json."""
from __future__ import annotations

from collections import Counter

from .. import __version__
from .jsonio import dump

SCHEMA_VERSION = "1.1"  # 1.1: attributions[].parent


def _pos(doc, start: int, end: int) -> dict:
    line, col = doc.position(start)
    end_line, end_col = doc.position(end)
    return {"start": start, "end": end, "line": line, "column": col,
            "end_line": end_line, "end_column": end_col}


def _mention(doc, m) -> dict | None:
    if m is None:
        return None
    return {"text": m.text, **_pos(doc, m.start, m.end)}


def speaker_dict(doc, a) -> dict:
    """Who speaks (a quotation's Attribution, or a ReportedSpeech: the same fields)."""
    return {
        "name": a.speaker,
        "mention": _mention(doc, a.mention),
        "cue": _mention(doc, a.cue),
        "method": a.method,
        "confidence": round(a.confidence, 3),
        "probability": round(a.probability, 3) if a.probability is not None else None,
        "type": a.source_type,
        "candidates": list(a.candidates),
    }


def reported_dict(doc, r) -> dict:
    return {
        "kind": r.kind,
        "content": [{"text": doc.source[p.start:p.end], **_pos(doc, p.start, p.end)} for p in r.content],
        "cue": _mention(doc, r.cue),
        "speaker": speaker_dict(doc, r),
        "quotations": list(r.quotations),
        "parent": r.parent,
    }


def quotation_dict(ctx, q) -> dict:
    doc = ctx.doc
    a = ctx.attributions[q.index]
    out = {
        "index": q.index,
        "text": q.text,
        "inner": doc.source[q.inner_start:q.inner_end],
        **_pos(doc, q.start, q.end),
        "kind": q.kind,
        "partial": q.partial,
        "closed": q.closed,
        "depth": q.depth,
        "parent": q.parent,
        "parts": [{"start": p.start, "end": p.end} for p in q.parts],
        "speaker": speaker_dict(doc, a),
    }
    if ctx.matches is not None:
        match = ctx.matches[q.index]
        out["match"] = match.to_dict() if match is not None else None
    return out


def speakers_list(ctx) -> list[dict]:
    by_name: dict[str, list[int]] = {}
    for a in ctx.attributions:
        if a.speaker:
            by_name.setdefault(a.speaker, []).append(a.quote)
    return [{"name": name, "quotations": idx} for name, idx in by_name.items()]


def finding_dict(f) -> dict:
    return {
        "rule": f.rule, "severity": f.severity.value, "message": f.message,
        "start": f.start, "end": f.end, "line": f.line, "column": f.column,
        "end_line": f.end_line, "end_column": f.end_column,
        "quotation": f.quote, "fix": f.fix, "data": f.data or {},
    }


class _Written(list):
    """A list whose items are made one at a time as jsonio writes them (it iterates lists
    above its flat depth): a report of tens of thousands of quotations is never held as
    dicts all at once. Only render() uses it; run_dict() gives plain lists."""

    def __init__(self, items, make) -> None:
        super().__init__()
        self._items, self._make = items, make

    def __iter__(self):
        return map(self._make, self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __bool__(self) -> bool:
        return bool(self._items)


def file_dict(report, written: bool = False) -> dict:
    ctx = report.context
    listed = _Written if written else lambda items, make: [make(i) for i in items]
    return {
        "path": report.path,
        "record_id": report.record_id,
        "quotations": listed(ctx.quotations, lambda q: quotation_dict(ctx, q)),
        "attributions": listed(ctx.reported_speech, lambda r: reported_dict(ctx.doc, r)),
        "speakers": speakers_list(ctx),
        "findings": listed(report.findings, finding_dict),
    }


def run_dict(run, written: bool = False) -> dict:
    counts = Counter(f.severity.value for r in run.reports for f in r.findings)
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "quoteaudit", "version": __version__},
        "files": [file_dict(r, written) for r in run.reports],
        "errors": [{"path": e.path, "line": e.line, "message": e.message} for e in run.errors],
        "summary": {
            "files": len(run.reports),
            "quotations": sum(len(r.context.quotations) for r in run.reports),
            "findings": sum(counts.values()),
            "by_severity": {s: counts.get(s, 0) for s in ("error", "warning", "info")},
            "input_errors": len(run.errors),
            "skipped_references": run.skipped_references,
        },
    }


def render(run, stream, color: bool = False) -> None:
    dump(run_dict(run, written=True), stream)
    stream.write("\n")
