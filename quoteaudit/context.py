"""What every rule sees: the document and the results of the stages before."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .document import Document
from .model import Attribution, Quotation


@dataclass
class CheckContext:
    """What every rule sees: the document and the results of the stages before."""
    doc: Document
    quotations: list[Quotation]
    attributions: list[Attribution]
    unbalanced: list[Any] = field(default_factory=list)  # quotes.UnbalancedMark
    reported_speech: list[Any] = field(default_factory=list)  # reported_speech.ReportedSpeech, in order
    matches: list[Any] | None = None  # one references.Match (or None) per quotation; None when no references
    statement_matches: list[Any] = field(default_factory=list)  # matching.StatementMatch: reported speech in the record
    references: Any = None  # the loaded reference set, when given
    people: Any = None  # people registry (names, aliases, titles, gender), when given
    match_options: dict | None = None  # matching thresholds in force
    lost: list[Any] | None = None  # compare.Lost: what a copy lost of its original (quoteaudit compare)
    memo: dict = field(default_factory=dict)  # per-document results shared between rules
    limits: list[str] = field(default_factory=list)  # input limits hit (reported as input errors)

    def once(self, key, compute):
        """compute() once per document: rules that build on other rules share results."""
        if key not in self.memo:
            self.memo[key] = compute()
        return self.memo[key]
