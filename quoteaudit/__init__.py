"""quoteaudit: audit the quotations in a news article before it is published.

The Python API (see quoteaudit.api and README, "Python API"):

    from quoteaudit import check_text, check_files, extract_text, load_settings, Settings

Its names are imported on first use (a module ``__getattr__``), so that ``import
quoteaudit`` and the command's start-up stay as light as they were.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

_API = ("check_text", "check_files", "extract_text", "iter_checked", "load_settings", "render_report",
        "QuoteauditError", "Settings", "FileReport", "Run")
__all__ = ["__version__", *_API]

if TYPE_CHECKING:  # for type checkers and editors; at run time, __getattr__ below
    from .api import (FileReport, QuoteauditError, Run, Settings, check_files, check_text, extract_text,
                      iter_checked, load_settings, render_report)


def __getattr__(name: str):
    if name in _API:
        from . import api
        return getattr(api, name)
    raise AttributeError(f"module 'quoteaudit' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_API))
