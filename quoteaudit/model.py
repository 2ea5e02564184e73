"""Plain data passed between the pipeline stages.

Every offset is a Python ``str`` index into the document's text as read (the
original input, never a normalised copy); ``end`` is exclusive.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"info": 1, "warning": 2, "error": 3}[self.value]


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the text: characters [start, end)."""
    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(slots=True)  # no __dict__: a hostile text can make tens of thousands
class Quotation:
    """One quotation: opening mark to closing mark (marks included).

    ``parts`` holds one span per paragraph for a quotation that runs over several
    paragraphs (each reopens the mark, only the last closes); otherwise one span.
    ``inner`` is the quoted text without its marks. ``text`` is read from the input
    on demand (``input[start:end]``): a quotation holds its span, never a copy, so
    nested quotations cost no more memory than flat ones.
    """
    index: int
    start: int
    end: int
    inner_start: int
    inner_end: int
    source: str = field(repr=False, compare=False)  # the whole input the offsets point into
    kind: str = "speech"  # speech | scare | title
    partial: bool = False  # a fragment worked into the writer's sentence, not a full statement
    parts: list[Span] = field(default_factory=list)
    depth: int = 0  # 0 for top level, 1 for a quotation nested inside another
    parent: int | None = None
    closed: bool = True

    @property
    def text(self) -> str:
        return self.source[self.start:self.end]


@dataclass(slots=True)
class Mention:
    """Words of the text that name or stand for a source, with their offsets."""
    text: str
    start: int
    end: int


@dataclass(slots=True)
class Attribution:
    """Who says a quotation, and how we know."""
    quote: int
    speaker: str | None  # resolved name
    mention: Mention | None  # the words in the text that name the speaker
    cue: Mention | None  # the speech verb or phrase ("said", "according to")
    method: str  # explicit | pronoun | description | continuation | none
    confidence: float
    candidates: list[str] = field(default_factory=list)  # set when ambiguous
    probability: float | None = None  # the speaker ranker's probability for this speaker
    source_type: str | None = None  # person | organisation | document | anonymous | group


@dataclass(slots=True)
class Issue:
    """What a rule reports; the pipeline turns it into a Finding."""
    start: int
    end: int
    message: str
    fix: str | None = None
    quote: int | None = None
    data: dict[str, Any] | None = None  # None, not an empty dict each: most issues carry no data


@dataclass(slots=True)
class Finding:
    """One thing an editor must look at: a rule's issue with its severity and (line, column) positions."""
    rule: str
    severity: Severity
    message: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    fix: str | None = None
    quote: int | None = None
    data: dict[str, Any] | None = None  # shown as {} in the JSON report


@dataclass
class InputError:
    """A file (or record) that could not be read or checked; reported, never raised past the CLI."""
    path: str
    message: str
    line: int | None = None
    traceback: str | None = field(default=None, repr=False, compare=False)  # internal errors, for --debug

    def __str__(self) -> str:
        where = f"{shown_path(self.path)}:{self.line}" if self.line else shown_path(self.path)
        return f"{where}: {self.message}"


def shown_path(path: str) -> str:
    """A file name as one printable line: control characters (a newline in a name) and
    bytes that are not UTF-8 (kept by the OS as surrogate escapes) written as escapes."""
    if path.isprintable():
        return path
    out = []
    for ch in path:
        if ch.isprintable() or ch == " ":
            out.append(ch)
        elif "\udc80" <= ch <= "\udcff":
            out.append(f"\\x{ord(ch) - 0xdc00:02x}")  # a byte os.fsdecode could not decode
        else:
            out.append(ch.encode("unicode_escape").decode("ascii"))
    return "".join(out)
