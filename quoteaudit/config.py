"""Run settings: which rules, their severities and options, references and people.

Built from command-line options (and, later, from a .quoteaudit.yml file); the
pipeline reads only this object.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import rules as rule_registry
from .model import Severity


@dataclass
class Settings:
    select: set[str] | None = None  # None: every rule
    ignore: set[str] = field(default_factory=set)
    severities: dict[str, Severity] = field(default_factory=dict)
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    references: Any = None  # references.ReferenceSet
    people: Any = None  # references.People
    fail_on: Severity | None = Severity.WARNING  # None: never fail on findings

    def enabled(self, rule_id: str) -> bool:
        if rule_id in self.ignore:
            return False
        return self.select is None or rule_id in self.select

    def severity(self, rule_id: str) -> Severity:
        if rule_id in self.severities:
            return self.severities[rule_id]
        return Severity(rule_registry.get(rule_id).SEVERITY)

    def options(self, rule_id: str) -> dict[str, Any]:
        module = rule_registry.get(rule_id)
        merged = dict(getattr(module, "OPTIONS", {}))
        merged.update(self.rule_options.get(rule_id, {}))
        return merged
