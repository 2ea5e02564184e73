"""One entity spelled two ways in the same document.

What:
    Reports an acronym that transposes another in the document ("CTSO" beside
    "CSTO", or beside the initials of "Collective Security Treaty Organization"),
    a place whose hyphen is part of its name written with a space or run together
    ("Nur Sultan" for Nur-Sultan, from a data list, or against the document's own
    hyphenated form), and a name written once in a form one letter away from a
    form used at least three times ("Tokaev" beside "Tokayev").

Why:
    Inconsistent spellings of one entity confuse readers and search, and they are
    a mark of translated or hastily assembled copy.

Example:
    Bad:  The Collective Security Treaty Organization (CSTO) ... the CTSO will not allow it.
    Good: The Collective Security Treaty Organization (CSTO) ... the CSTO will not allow it.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import DamerauLevenshtein

from .. import lexicon

ID = "inconsistent-spelling"
SEVERITY = "warning"
OPTIONS: dict = {"min_similarity": 85.0, "min_length": 6}

from ..model import Issue  # noqa: E402

_ACRONYM = re.compile(r"\b[A-Z]{3,6}\b")
_CAP_WORD = re.compile(r"\b[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b")


_CAPITALISED = re.compile(r"\b[A-Z][\w’'-]*")
_CAP_WORD_FULL = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?")
_PHRASE_GAPS = {" ", " of ", " for ", " and ", " the "}


class _Scan:
    """One pass over the capitalised words of a text, for all three checks."""

    def __init__(self, text: str) -> None:
        self.acronyms: Counter = Counter()
        self.words: Counter = Counter()
        self.hyphenated: set[str] = set()
        self.initials: set[str] = set()
        run: list[str] = []
        last_end = -1
        for m in _CAPITALISED.finditer(text):
            word = m.group(0)
            if word.endswith(("’s", "'s")):
                word = word[:-2]
            if 3 <= len(word) <= 6 and word.isupper() and word.isalpha():
                self.acronyms[word] += 1
            plain = _CAP_WORD_FULL.fullmatch(word) is not None
            if plain:
                self.words[word] += 1
                if "-" in word:
                    self.hyphenated.add(word)
            elif "-" in word and re.fullmatch(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)+", word):
                self.hyphenated.add(word)
            # Runs of capitalised words joined by spaces or "of/for/and/the" spell out acronyms.
            simple = plain and "-" not in word
            if simple and run and text[last_end:m.start()] in _PHRASE_GAPS:
                run.append(word)
            else:
                self._close(run)
                run = [word] if simple else []
            last_end = m.start() + len(word)
        self._close(run)

    def _close(self, run: list[str]) -> None:
        if len(run) >= 3:
            self.initials.add("".join(w[0] for w in run if w != "The"))


def issues(ctx, options):
    text = ctx.doc.text
    scan = _Scan(text)
    out = []
    out += _acronyms(text, scan)
    out += _places(text, scan)
    out += _names(text, options, scan)
    out.sort(key=lambda i: i.start)
    return out


def _acronyms(text: str, scan: _Scan):
    seen = scan.acronyms
    if not seen:
        return []
    initials = scan.initials
    canon: dict[str, str] = {}
    groups = defaultdict(list)
    for acronym in seen:
        groups["".join(sorted(acronym))].append(acronym)
    for forms in groups.values():
        if len(forms) < 2:
            continue
        # The form spelled out in the document, else the commonest, is the right one.
        best = max(forms, key=lambda f: (f in initials, seen[f], f))
        for f in forms:
            if f != best:
                canon[f] = best
    for acronym in seen:
        if acronym not in canon:
            for initial in initials:
                if initial != acronym and sorted(initial) == sorted(acronym) and initial not in seen:
                    canon[acronym] = initial
    # Only a form the document spells out is known to be right ("PAC" and "CAP" may both
    # be), and only two neighbouring letters swapped is a slip ("NYT" and "TNY" are two names).
    canon = {wrong: right for wrong, right in canon.items()
             if right in initials and wrong not in initials and _adjacent_swap(wrong, right)}
    out = []
    if not canon:
        return out
    for m in _ACRONYM.finditer(text):
        if m.group(0) in canon:
            out.append(Issue(m.start(), m.end(),
                             f"“{m.group(0)}” is spelled “{canon[m.group(0)]}” elsewhere in the document",
                             fix=canon[m.group(0)]))
    return out


def _variant_pattern(canonicals) -> tuple[re.Pattern, dict[str, str]]:
    variants = {}
    for canonical in canonicals:
        parts = canonical.split("-")
        variants[" ".join(parts)] = canonical
        variants["".join(parts[:1] + [p.lower() for p in parts[1:]])] = canonical
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(v) for v in sorted(variants, key=len, reverse=True))
                         + r")\b")
    return pattern, variants


@lru_cache(maxsize=4096)
def _variants_of(canonicals: tuple[str, ...]):
    return _variant_pattern(canonicals)


def _places(text: str, scan: _Scan):
    out = []
    listed = set(lexicon.words("place_spellings"))
    # Only the listed places whose first part occurs at all (a fast substring test), and
    # the document's own hyphenated names ("Nur-Sultan" once, "Nur Sultan" later).
    wanted = {c for c in listed if c.split("-")[0] in text}
    wanted |= scan.hyphenated
    if not wanted:
        return out
    checks = [_variants_of(tuple(sorted(wanted)))]
    for pattern, variants in checks:
        for m in pattern.finditer(text):
            if text[m.start() - 1:m.start()] == "-" or text[m.end():m.end() + 1] == "-":
                continue
            canonical = variants[m.group(0)]
            if canonical not in listed and (re.match(r"[ \t]+[A-Z]", text[m.end():m.end() + 2])
                                            or canonical.split("-")[0].endswith(DEMONYM_ENDINGS)
                                            or canonical.lower().endswith("-era")):
                continue  # "African American History": a longer name, or a style choice
            if m.group(0) != canonical and (" " in m.group(0) or canonical in text):
                out.append(Issue(m.start(), m.end(), f"“{m.group(0)}” is written “{canonical}”", fix=canonical))
    return out


def _names(text: str, options, scan: _Scan):
    counts = scan.words
    common = {w for w in counts if w.lower() in lexicon.words("common_lowercase_words")}
    words = [w for w in counts if len(w) >= options["min_length"] and w not in common]
    wrong: dict[str, str] = {}
    by_edges = defaultdict(list)
    for w in words:
        by_edges[(w[:2], w[-2:])].append(w)
    for group in by_edges.values():
        for rare in group:
            if counts[rare] != 1:
                continue
            for usual in group:
                if usual != rare and counts[usual] >= 3 and not _inflection(rare, usual) \
                        and DamerauLevenshtein.distance(rare, usual) == 1 \
                        and fuzz.ratio(rare, usual) >= options["min_similarity"]:
                    wrong[rare] = usual
    out = []
    if not wrong:
        return out
    for m in _CAP_WORD.finditer(text):
        if m.group(0) in wrong:
            usual = wrong[m.group(0)]
            out.append(Issue(m.start(), m.end(),
                             f"“{m.group(0)}” is spelled “{usual}” elsewhere in the document", fix=usual))
    return out


DEMONYM_ENDINGS = ("an", "ese", "ish", "ic")


def _adjacent_swap(a: str, b: str) -> bool:
    if len(a) != len(b):
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def _inflection(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return long.startswith(short) and len(long) - len(short) <= 3


def check(ctx, options):
    yield from ctx.once(ID, lambda: issues(ctx, options))
