"""Report formatters, apart from the checking: each renders a Run to a stream."""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field

from ..model import InputError

FORMATS = ("text", "json", "sarif", "github", "html")


@dataclass
class Run:
    """Everything one invocation produced, in input order."""
    reports: list  # pipeline.FileReport
    errors: list[InputError] = field(default_factory=list)
    skipped_references: int = 0  # bad reference rows skipped (not --strict)


def render(fmt: str, run: Run, stream, color: bool = False) -> None:
    module = importlib.import_module(f"{__name__}.{'json_format' if fmt == 'json' else fmt}")
    module.render(run, stream, color=color)
