"""Inline suppressions and baselines.

In Markdown and HTML:

    <!-- quoteaudit: ignore ambiguous-speaker -->     the next paragraph
    <!-- quoteaudit: disable unverified-quote -->     ... until
    <!-- quoteaudit: enable unverified-quote -->

In plain text the same directives stand alone on a line in square brackets:

    [quoteaudit: ignore ambiguous-speaker, unverified-quote]

Rule lists are comma-separated; "all" means every rule. A baseline (written with
--write-baseline, read with --baseline) records findings by file, rule and the
text they point at, not by line, so it survives edits elsewhere in the file.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .document import paragraph_break
from .prose import STRETCH
from .regexes import regex


@lru_cache(maxsize=1)  # compiled on first use: most texts hold no directive (start-up)
def _directive() -> re.Pattern:
    return regex(r"<!--\s*quoteaudit:\s*(ignore|disable|enable)\s+([\w,\s-]+?)\s*-->"
                 r"|^[ \t]*\[quoteaudit:\s*(ignore|disable|enable)\s+([\w,\s-]+?)\s*\][ \t]*$",
                 re.IGNORECASE | re.MULTILINE)


@dataclass
class Suppression:
    """An ignore/disable comment: the rules it silences over [start, end)."""
    start: int
    end: int
    rules: frozenset[str]  # "all" for every rule

    def covers(self, rule: str, offset: int) -> bool:
        return self.start <= offset < self.end and ("all" in self.rules or rule in self.rules)


# Besides I and i, the only characters re.IGNORECASE matches to "i" (U+0130, U+0131): a
# text without them has a directive only if its lower() holds "quoteaudit".
_DOTTED_AND_DOTLESS_I = ("\u0130", "\u0131")


def _may_hold_directive(source: str) -> bool:
    """Most texts: substring tests in C instead of a regex tried at every line. Lowered a
    stretch at a time (overlapping by the word's length): str.lower of a whole non-ASCII
    text takes 12 bytes a character, and a lowered copy of it another 2 or 4."""
    if any(c in source for c in _DOTTED_AND_DOTLESS_I):
        return True
    if source.isascii():
        return "quoteaudit" in source.lower()
    step = len("quoteaudit") - 1
    return any("quoteaudit" in source[i:i + STRETCH + step].lower() for i in range(0, len(source), STRETCH))


def directives(source: str) -> list[tuple[int, int, str, frozenset[str]]]:
    out = []
    if not _may_hold_directive(source):
        return out
    for m in _directive().finditer(source):
        verb = (m.group(1) or m.group(3)).lower()
        rules = frozenset(r.strip().lower() for r in (m.group(2) or m.group(4)).split(",") if r.strip())
        out.append((m.start(), m.end(), verb, rules))
    return out


def blank_directive_lines(source: str, text: str) -> str:
    """Plain-text directive lines are not prose: blank them in the analysis text."""
    chars = None
    for start, end, _, _ in directives(source):
        chars = chars or list(text)
        for i in range(start, end):
            if chars[i] not in "\r\n":
                chars[i] = " "
    return "".join(chars) if chars else text


def suppressions(source: str) -> list[Suppression]:
    out: list[Suppression] = []
    open_ranges: dict[str, int] = {}
    breaks = paragraph_break(source)
    for start, end, verb, rules in directives(source):
        if verb == "ignore":
            # The next paragraph: from the directive to the end of the paragraph after it.
            first = breaks.search(source, end)
            after = first.end() if first and not source[end:first.start()].strip() else end
            stop = breaks.search(source, after)
            out.append(Suppression(start, stop.start() if stop else len(source), rules))
        elif verb == "disable":
            for rule in rules:
                open_ranges.setdefault(rule, start)
        else:
            for rule in rules:
                if rule in open_ranges:
                    out.append(Suppression(open_ranges.pop(rule), end, frozenset({rule})))
    for rule, start in open_ranges.items():
        out.append(Suppression(start, len(source), frozenset({rule})))
    return out


def apply_suppressions(findings: list, source: str) -> list:
    ranges = suppressions(source)
    if not ranges:
        return findings
    return [f for f in findings if not any(s.covers(f.rule, f.start) for s in ranges)]


# ---------------------------------------------------------------- baselines

BASELINE_VERSION = 1


def _key(report, finding) -> tuple[str, str, str]:
    source = report.context.doc.source if report.context else ""
    target = " ".join(source[finding.start:finding.end].split()) or finding.message
    where = report.path if report.record_id is None else f"{report.path}[{report.record_id}]"
    return where, finding.rule, target


def write_baseline(path: str, reports: list) -> int:
    entries = [dict(zip(("path", "rule", "text"), _key(r, f))) for r in reports for f in r.findings]
    with open(path, "w", encoding="utf-8") as fh:
        json.dump({"quoteaudit_baseline": BASELINE_VERSION, "findings": entries}, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    return len(entries)


MAX_BASELINE_MB = 256.0


def load_baseline(path: str) -> Counter:
    """The recorded findings as a multiset; raises ValueError with a one-line reason."""
    from .document import InputErrorException, decode, read_bytes
    try:
        data = json.loads(decode(read_bytes(path, MAX_BASELINE_MB), path).removeprefix("\ufeff"))
    except InputErrorException as exc:
        raise ValueError(exc.error.message) from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON at line {exc.lineno}: {exc.msg}") from None
    except RecursionError:
        raise ValueError("invalid JSON: nested too deeply") from None
    except ValueError as exc:  # an integer past Python's digit limit
        raise ValueError(f"invalid JSON: {' '.join(str(exc).split())}") from None
    if not isinstance(data, dict) or data.get("quoteaudit_baseline") != BASELINE_VERSION:
        raise ValueError("not a quoteaudit baseline (write one with --write-baseline)")
    findings = data.get("findings", [])
    if not isinstance(findings, list):
        raise ValueError("'findings' must be a list")
    keys = []
    for number, entry in enumerate(findings, start=1):
        if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) for k in ("path", "rule", "text")):
            raise ValueError(f"finding {number} needs 'path', 'rule' and 'text' strings")
        keys.append((entry["path"], entry["rule"], entry["text"]))
    return Counter(keys)


def filter_baseline(reports: list, known: Counter) -> int:
    """Drop findings recorded in the baseline (each entry absorbs one finding); return how many."""
    remaining = Counter(known)
    dropped = 0
    for report in reports:
        kept = []
        for f in report.findings:
            key = _key(report, f)
            if remaining[key] > 0:
                remaining[key] -= 1
                dropped += 1
            else:
                kept.append(f)
        report.findings = kept
    return dropped
