"""Where quoteaudit keeps what it works out once and reuses between runs (the
reference index, compiled patterns): ``QUOTEAUDIT_CACHE_DIR``, else
``$XDG_CACHE_HOME/quoteaudit``, else ``~/.cache/quoteaudit``."""
from __future__ import annotations

import os


def cache_dir() -> str:
    base = os.environ.get("QUOTEAUDIT_CACHE_DIR")
    if not base:
        xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        base = os.path.join(xdg, "quoteaudit")
    return base
