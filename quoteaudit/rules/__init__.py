"""The rule registry: every module in this package that defines ``ID`` is a rule.

A rule module holds its id, default severity and options as constants, a
docstring with What / Why / Example sections (printed by ``quoteaudit rule ID``),
and a pure ``check(context, options)`` that yields :class:`quoteaudit.model.Issue`.
"""
from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache
from types import ModuleType


@lru_cache(maxsize=1)
def registry() -> dict[str, ModuleType]:
    rules: dict[str, ModuleType] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        rule_id = getattr(module, "ID", None)
        if rule_id:
            if rule_id in rules:
                raise RuntimeError(f"rule id {rule_id} defined twice")
            rules[rule_id] = module
    return rules


def get(rule_id: str) -> ModuleType | None:
    return registry().get(rule_id)


def summary(module: ModuleType) -> str:
    """The first line of a rule's docstring."""
    return (module.__doc__ or "").strip().splitlines()[0] if module.__doc__ else ""
