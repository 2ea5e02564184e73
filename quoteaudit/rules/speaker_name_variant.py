"""A name spelled close to, but not the same as, a name in the people registry.

What:
    Reports a name in the text that is nearly, but not exactly, a name or alias
    of the people registry (the people: section of a reference file, and the
    speakers of the reference quotations): a letter dropped, swapped or added.

Why:
    Misspelling a person's name is the commonest correction newspapers print, and
    spell checkers do not know names.

Example:
    Bad:  Robin Forestie-Walker, reporting from Tbilisi, said ...
    Good: Robin Forestier-Walker, reporting from Tbilisi, said ...
"""
from __future__ import annotations

import re

from rapidfuzz import fuzz, process

ID = "speaker-name-variant"
SEVERITY = "warning"
OPTIONS: dict = {"min_similarity": 85.0, "min_length": 5}

from ..model import Issue  # noqa: E402
from ..regexes import regex  # noqa: E402
from ..wordchars import NOT_AFTER_WORD  # noqa: E402

_POSSESSIVE = regex(r"[’']s?$")
_NAME = regex(NOT_AFTER_WORD + r"[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+){0,3}")


def check(ctx, options):
    people = ctx.people
    if people is None or ctx.matches is None and ctx.references is None and not len(people):
        return
    known = {n for p in people.persons for n in p.names}
    known_fold = {n.casefold() for n in known}
    parts = {w.casefold() for n in known for w in n.split()}
    by_words: dict[int, list[str]] = {}  # registry names by their number of words, in order
    for name in sorted(known):
        by_words.setdefault(len(name.split()), []).append(name)
    for m in _NAME.finditer(ctx.doc.text):
        written = _POSSESSIVE.sub("", m.group(0))  # "Donald Trump’s" is Donald Trump
        for start, candidate in _variants(written, m.start()):
            if candidate.casefold() in known_fold or candidate.casefold() in parts:
                continue
            if len(candidate) < options["min_length"]:
                continue
            best = _closest(candidate, by_words, options["min_similarity"])
            if best is not None:
                yield Issue(start, start + len(candidate),
                            f"“{candidate}” is spelled differently from “{best}” in the people registry",
                            fix=best, data={"registry": best})
                break


def _variants(written: str, offset: int):
    """The whole capitalised run, the run without its first words (a title before the
    name: "Senator Robert Menendes"), then each word of it (a surname on its own)."""
    yield offset, written
    starts = [m.start() for m in re.finditer(r"\S+", written)]
    for start in starts[1:-1]:
        yield offset + start, written[start:]
    pos = 0
    for word in written.split():
        pos = written.index(word, pos)
        yield offset + pos, word
        pos += len(word)


def _closest(candidate: str, by_words: dict[int, list[str]], threshold: float) -> str | None:
    """The registry name of as many words most like the candidate (the first in name order
    of those that score best, so the report does not depend on the run), if any reaches
    the threshold."""
    found = process.extractOne(candidate, by_words.get(len(candidate.split()), ()), scorer=fuzz.ratio,
                               score_cutoff=threshold)
    return found[0] if found is not None else None
