"""Tell speech quotations from scare quotes and titles (placeholder, replaced next)."""
from __future__ import annotations


def classify(text, quotations):
    for q in quotations:
        q.kind = "speech"
