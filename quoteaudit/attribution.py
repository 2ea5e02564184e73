"""Speakers (placeholder, replaced next)."""
from __future__ import annotations

from .model import Attribution


def attribute(doc, quotations, people=None):
    return [Attribution(q.index, None, None, None, "none", 0.0) for q in quotations]
