"""One document through every stage: quotations -> speakers -> references -> rules."""
from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import dataclass, field

from . import rules as rule_registry
from .attribution import attribute_with_cues
from .attribution.cues import cue_limit
from .config import Settings
from .context import CheckContext
from .document import Document
from .model import Finding, InputError
from .quotes import QUOTATION_ALLOWANCE, find_quotations
from .reported_speech import agree_sources, find_reported_speech
from .suppress import apply_suppressions


@dataclass
class FileReport:
    """One checked file (or JSON Lines record): its analysis and findings, or the error that stopped it."""
    path: str
    record_id: str | None = None
    context: CheckContext | None = None
    findings: list[Finding] = field(default_factory=list)
    error: InputError | None = None


@contextmanager
def _cyclic_gc_paused():
    """Python's cycle collector scans every live object each time it runs, and a long text
    keeps hundreds of thousands of them alive while it is checked: on one 4 MB paragraph it
    took a third of the time (15.9 s against 10.9 s), and made time grow faster than the
    text. The analysis makes few cycles; they are collected once the document is done.
    Both stages pause it, so every caller (check, extract, compare, the service) gains.
    (A context manager made by contextmanager also serves as a decorator.)"""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@_cyclic_gc_paused()
def analyse(doc: Document, settings: Settings | None = None) -> CheckContext:
    """Quotations, their kinds and speakers, every reported statement (and reference matches when given)."""
    settings = settings or Settings()
    scan = find_quotations(doc.text, doc.source)
    people = settings.people.for_attribution() if settings.people is not None else None
    attributions, attributor = attribute_with_cues(doc, scan.quotations, people=people,
                                                   model=settings.speaker_model)  # sets kinds too
    reported = find_reported_speech(doc.text, scan.quotations, attributions, attributor, settings.cue_model)
    attributions, reported = agree_sources(attributions, reported)
    ctx = CheckContext(doc=doc, quotations=scan.quotations, attributions=attributions,
                       unbalanced=scan.unbalanced, people=settings.people, reported_speech=reported)
    if scan.stopped_at is not None:
        line, col = doc.position(scan.stopped_at)
        ctx.limits.append(f"more than {len(scan.quotations):,} quotations (the limit: one per 100 characters, "
                          f"and {QUOTATION_ALLOWANCE:,}); quotation marks from line {line}, column {col} on are not checked")
    if attributor.cues_stopped_at is not None:
        line, col = doc.position(attributor.cues_stopped_at)
        ctx.limits.append(f"more than {cue_limit(len(doc.text)):,} speech cues (the limit: one per 100 characters, "
                          f"and 1,000); speakers from line {line}, column {col} on are not looked for")
    if settings.references is not None:
        from .matching import match_quotations, match_statements, options_from  # only with references
        ctx.references = settings.references
        ctx.match_options = options_from(settings)
        ctx.matches = match_quotations(ctx, settings)
        ctx.statement_matches = match_statements(ctx, ctx.match_options)
    return ctx


@_cyclic_gc_paused()
def run_rules(ctx: CheckContext, settings: Settings) -> list[Finding]:
    findings = []
    doc = ctx.doc
    for rule_id, module in rule_registry.registry().items():
        if not settings.enabled(rule_id):
            continue
        severity = settings.severity(rule_id)
        for issue in module.check(ctx, settings.options(rule_id)):
            line, col = doc.position(issue.start)
            end_line, end_col = doc.position(max(issue.start, issue.end))
            findings.append(Finding(
                rule=rule_id, severity=severity, message=issue.message,
                start=issue.start, end=issue.end, line=line, column=col,
                end_line=end_line, end_column=end_col, fix=issue.fix,
                quote=issue.quote, data=issue.data,
            ))
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    return findings


def check_document(doc: Document, settings: Settings | None = None) -> FileReport:
    settings = settings or Settings()
    ctx = analyse(doc, settings)
    findings = apply_suppressions(run_rules(ctx, settings), doc.source)
    report = FileReport(path=doc.path, record_id=doc.record_id, context=ctx, findings=findings)
    if ctx.limits:  # the findings stand, and the run exits 2: part of the input went unchecked
        record = f"record {doc.record_id}: " if doc.record_id is not None else ""
        report.error = InputError(doc.path, record + "; ".join(ctx.limits), doc.record_line)
    return report


def check_or_error(doc: Document, settings: Settings | None = None) -> FileReport | InputError:
    """check_document, with an unexpected exception turned into an error naming the file
    (and record): the other files are still checked, and the run exits 2, never 1."""
    try:
        return check_document(doc, settings)
    except Exception as exc:
        from .inputs import internal_error
        return internal_error(doc.path, exc, doc.record_line, doc.record_id)


def check_for_pool(args) -> FileReport | InputError:
    """check_or_error in a worker process (--jobs): the result travels back pickled,
    without the reference set (the parent has it)."""
    doc, settings = args
    report = check_or_error(doc, settings)
    if isinstance(report, FileReport):
        report.context.references = None
        report.context.memo = {}
    return report
