"""SARIF 2.1.0, for code-scanning dashboards (GitHub, Azure DevOps, ...)."""
from __future__ import annotations

import inspect

from .. import __version__
from .jsonio import dump
from .. import rules as rule_registry

LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _rule_descriptor(rule_id: str, module) -> dict:
    doc = inspect.cleandoc(module.__doc__ or "")
    return {
        "id": rule_id,
        "name": "".join(part.capitalize() for part in rule_id.split("-")),
        "shortDescription": {"text": rule_registry.summary(module)},
        "fullDescription": {"text": doc},
        "help": {"text": doc},
        "defaultConfiguration": {"level": LEVELS[module.SEVERITY]},
    }


def run_dict(run) -> dict:
    registry = rule_registry.registry()
    ids = list(registry)
    results = []
    for report in run.reports:
        uri = report.path if report.path != "<stdin>" else "stdin"
        for f in report.findings:
            region = {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line,
                      "endColumn": f.end_column, "charOffset": f.start, "charLength": max(0, f.end - f.start)}
            result = {
                "ruleId": f.rule,
                "ruleIndex": ids.index(f.rule),
                "level": LEVELS[f.severity.value],
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}, "region": region}}],
                "partialFingerprints": {"quoteaudit/v1": f"{f.rule}:{f.message}"},
            }
            if report.record_id is not None:
                result["properties"] = {"record_id": report.record_id}
            if f.fix is not None:
                result["fixes"] = [{"description": {"text": f"replace with “{f.fix}”"},
                                    "artifactChanges": [{"artifactLocation": {"uri": uri},
                                                         "replacements": [{"deletedRegion": region,
                                                                           "insertedContent": {"text": f.fix}}]}]}]
            results.append(result)
    notifications = [{"level": "error", "message": {"text": str(e)},
                      "locations": [{"physicalLocation": {"artifactLocation": {"uri": e.path}}}]}
                     for e in run.errors]
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "quoteaudit", "version": __version__,
                                "informationUri": "https://example.invalid/quoteaudit",
                                "rules": [_rule_descriptor(i, registry[i]) for i in ids]}},
            "results": results,
            "invocations": [{"executionSuccessful": not run.errors,
                             "toolExecutionNotifications": notifications}],
        }],
    }


def render(run, stream, color: bool = False) -> None:
    dump(run_dict(run), stream)
    stream.write("\n")
