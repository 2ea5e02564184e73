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

import math
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
from ..regexes import regex  # noqa: E402
from ..wordchars import NOT_BEFORE_WORD  # noqa: E402

_ACRONYM = regex(r"\b[A-Z]{3,6}\b")
_CAP_WORD = regex(r"\b[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b")
# Every capitalised word, or a run of three or more plain capitalised words joined by
# " ", " of ", " for ", " and " or " the " (they spell out acronyms: "Collective Security
# Treaty Organization"), tried first. A run's last word may be possessive, and none may go
# on into more word characters (then the word is no plain one). "\b[A-Z]" is written
# "[A-Z](?<!\w.)", the same test, so that the scan jumps from capital to capital.
_CAPITALISED = regex(r"[A-Z](?<!\w.)"
                     r"(?:[a-z]+ (?:of |for |and |the )?[A-Z][a-z]+"
                     r"(?: (?:of |for |and |the )?[A-Z][a-z]+)+(?:[’']s)?" + NOT_BEFORE_WORD
                     + r"|[\w’'-]*)")
_GAP = regex(r" (?:of |for |and |the )?")
_RUN_WORD = regex(r"[A-Z][a-z]+")
_POSSESSIVE_END = regex(r"[’']s$", re.MULTILINE)
_CAPITALISED_WORD = regex(r"[A-Z]\w*")
_HYPHENATED = regex(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)+")


class _Scan:
    """The capitalised words of a text (possessive "’s" dropped), for all three checks.

    One findall lists the words and runs in order; the rest is joins, substitutions and a
    Counter over the words "\n"-joined (C speed), instead of a Python step per word.
    counts keeps the order in which the words first occur; lines holds each word once.
    """

    def __init__(self, text: str) -> None:
        found = _CAPITALISED.findall(text)
        runs = [f for f in found if " " in f]  # for the initials, below
        joined = "\n".join(found)
        any_found = bool(found)
        del found  # one list of the words at a time: a text of capitals would hold two
        if runs:
            joined = _GAP.sub("\n", joined)  # a run's words, a line each
        if "’s" in joined or "'s" in joined:
            joined = _POSSESSIVE_END.sub("", joined)
        self.counts: Counter = Counter(joined.split("\n")) if any_found else Counter()
        self.lines = "\n".join(self.counts)
        self.acronyms: Counter = Counter({w: self.counts[w] for w in filter(str.isupper, self.counts)
                                          if 3 <= len(w) <= 6 and w.isalpha()})
        self.hyphenated: set[str] = ({w for w in self.counts if "-" in w and _HYPHENATED.fullmatch(w)}
                                     if "-" in self.lines else set())
        self.initials: set[str] = {"".join(w[0] for w in _RUN_WORD.findall(run) if w != "The") for run in runs}


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
    by_letters = defaultdict(list)  # the initials by their sorted letters, in sorted order (not the
    for initial in sorted(initials):  # set's, which changes from run to run with string hashing)
        by_letters["".join(sorted(initial))].append(initial)
    for acronym in seen:
        if acronym not in canon:
            for initial in by_letters.get("".join(sorted(acronym)), ()):
                if initial != acronym and initial not in seen:
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


@lru_cache(maxsize=1)
def _listed_places() -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...], re.Pattern]:
    """(canonical, first part) of the listed places whose first part is a capitalised word
    ("Nur"), of the others, and a pattern for any of the former first parts."""
    places = [(c, c.split("-")[0]) for c in sorted(lexicon.words("place_spellings"))]
    words = tuple(p for p in places if _CAPITALISED_WORD.fullmatch(p[1]))
    others = tuple(p for p in places if p not in words)
    return words, others, regex("|".join(re.escape(first) for _, first in words) or "(?!)")


def _places(text: str, scan: _Scan):
    out = []
    listed = lexicon.words("place_spellings")
    # Only the listed places whose first part occurs (a fast substring test), and the
    # document's own hyphenated names ("Nur-Sultan" once, "Nur Sultan" later). A place's
    # spellings only match at the start of a capitalised word, so a first part that is a
    # capitalised word itself ("Nur") is looked for in the scan's words, a fraction of the
    # text, after one regex search for any of them (leaving out a place none of whose
    # spellings can match changes no finding).
    words, others, any_word = _listed_places()
    wanted = {c for c, first in others if first in text}
    if any_word.search(scan.lines):
        wanted |= {c for c, first in words if first in scan.lines}
    wanted |= scan.hyphenated
    if not wanted:
        return out
    pattern, variants = _variants_of(tuple(sorted(wanted)))
    if not any(v in text for v in variants):
        return out  # substring tests (C speed) before the regex scan, which tries every position
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


@lru_cache(maxsize=8)
def _long_plain_line(min_length: int) -> re.Pattern:
    """Lines of _Scan.lines that are plain capitalised words ("Tokayev", "Nur-Sultan") of
    at least min_length characters."""
    return regex(r"^(?=[^\n]{%d})[A-Z][a-z]+(?:-[A-Z][a-z]+)?$" % min_length, re.MULTILINE)


def _names(text: str, options, scan: _Scan):
    counts = scan.counts
    common = lexicon.words("common_lowercase_words")
    min_length = max(0, math.ceil(options["min_length"]))
    # A word written once is compared with the words of the same edges written at least
    # three times, in the order they occur (the last that fits wins).
    once: list[str] = []
    usual_by_edges: dict[tuple[str, str], list[str]] = {}
    for w in _long_plain_line(min_length).findall(scan.lines):
        n = counts[w]
        if n == 1:
            once.append(w)
        elif n >= 3:
            usual_by_edges.setdefault((w[:2], w[-2:]), []).append(w)
    if not usual_by_edges:
        return []
    wrong: dict[str, str] = {}
    for rare in once:
        usuals = usual_by_edges.get((rare[:2], rare[-2:]))
        if usuals is None or rare.lower() in common:
            continue
        for usual in usuals:
            if usual.lower() not in common and not _inflection(rare, usual) \
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
