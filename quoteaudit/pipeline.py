"""One document through every stage: quotations -> speakers -> references -> rules."""
from __future__ import annotations

from dataclasses import dataclass, field

from . import rules as rule_registry
from .attribution import attribute_with_cues
from .config import Settings
from .context import CheckContext
from .document import Document
from .kinds import classify
from .model import Finding, InputError
from .quotes import find_quotations
from .reported_speech import find_reported_speech
from .suppress import apply_suppressions


@dataclass
class FileReport:
    path: str
    record_id: str | None = None
    context: CheckContext | None = None
    findings: list[Finding] = field(default_factory=list)
    error: InputError | None = None


def analyse(doc: Document, settings: Settings | None = None) -> CheckContext:
    """Quotations, their kinds and speakers, every reported statement (and reference matches when given)."""
    settings = settings or Settings()
    scan = find_quotations(doc.text)
    attributions, attributor = attribute_with_cues(doc, scan.quotations, people=settings.people)
    classify(doc.text, scan.quotations, attributions)
    reported = find_reported_speech(doc.text, scan.quotations, attributions, attributor)
    ctx = CheckContext(doc=doc, quotations=scan.quotations, attributions=attributions,
                       unbalanced=scan.unbalanced, people=settings.people, reported_speech=reported)
    if settings.references is not None:
        from .matching import match_quotations, match_statements, options_from  # only with references
        ctx.references = settings.references
        ctx.match_options = options_from(settings)
        ctx.matches = match_quotations(ctx, settings)
        ctx.statement_matches = match_statements(ctx, ctx.match_options)
    return ctx


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
    return FileReport(path=doc.path, record_id=doc.record_id, context=ctx, findings=findings)


def check_for_pool(args) -> FileReport:
    """check_document in a worker process (--jobs): the result travels back pickled,
    without the reference set (the parent has it)."""
    doc, settings = args
    report = check_document(doc, settings)
    report.context.references = None
    report.context.memo = {}
    return report
