"""A sentence fragment left by translation: "were deployed. Military personnel. hardware."

What:
    Reports a run of sentence fragments inside a paragraph — "sentences" of at
    most three words, one of which starts with a lowercase letter after a full
    stop — outside quotations, headlines and markup.

Why:
    Translation engines split a sentence at odd places and leave its pieces as
    one- and two-word "sentences" that no editor would write.

Example:
    Bad:  He said 2,030 soldiers and 250 were deployed. Military personnel. hardware.
    Good: He said 2,030 soldiers and 250 pieces of military hardware were deployed.
"""
from __future__ import annotations

import re

ID = "mt-fragment"
SEVERITY = "warning"
OPTIONS: dict = {"max_words": 3}

from ..model import Issue  # noqa: E402
from ..prose import is_abbreviation, paragraphs, quote_spans  # noqa: E402
from ..regexes import regex  # noqa: E402

# A lowercase letter starting a "sentence" after a full stop: rare in edited prose, so
# the scan looks for it first and reads the run of short pieces around it.
_LOWER_AFTER_STOP = regex(r"\.[ \t]+(?=[a-z])")
_SHORT_BEFORE = regex(r"(?:[A-Za-z][^.!?\n]{0,40}\.[ \t]+){1,2}$")


def issues(ctx, max_words: int):
    text = ctx.doc.text
    out = []
    last_end = -1
    for m in _LOWER_AFTER_STOP.finditer(text):
        if m.start() < last_end or is_abbreviation(text, m.start()) or text[m.start() - 1:m.start()] == ".":
            continue
        # Earlier short pieces of the same run ("Military personnel." before "hardware.").
        start = m.end()
        before = _SHORT_BEFORE.search(text, max(0, m.start() - 90), m.end())
        if before:
            for piece in re.finditer(r"[A-Za-z][^.!?\n]{0,40}\.[ \t]+", before.group(0)):
                if len(piece.group(0).split()) <= max_words and not is_abbreviation(text, before.start() + piece.end() - 2):
                    start = min(start, before.start() + piece.start())
                else:
                    start = m.end()
        run = _fragment_run(text, start, max_words)
        if run is None:
            continue
        start, end, lowercase = run
        last_end = end
        if quote_spans(ctx).contains(start) or paragraphs(ctx).is_headline(start):
            continue
        if lowercase and not re.search(r"[<>@#/]", text[start:end]):
            out.append(Issue(start, end, f"sentence fragment: “{text[start:end]}”"))
    return out


def _fragment_run(text: str, start: int, max_words: int):
    """(start, end, starts lowercase) of consecutive short sentences from start, or None."""
    end = start
    lowercase = False
    count = 0
    last_strong = start
    while True:
        m = re.match(r"([^.!?\n]{1,80}?[.!?])(?=\s|$)", text[end:end + 90])
        if not m:
            break
        sentence = m.group(1).strip()
        words = sentence.split()
        if not words or len(words) > max_words or not sentence[0].isalpha():
            break
        if sentence.endswith(".") and is_abbreviation(text, end + m.end(1) - 1):
            break  # "vs.", "Mr.": the sentence goes on
        lowercase = lowercase or sentence[0].islower()
        count += 1
        end += m.end()
        if sentence[0].islower() or len(words) <= 2:
            last_strong = end  # a run ends on its last lowercase or one- or two-word piece
        nxt = re.match(r"[ \t]+", text[end:end + 3])
        if not nxt:
            break
        end += nxt.end()
    if count == 0 or last_strong == start:
        return None
    return start, last_strong, lowercase


def check(ctx, options):
    yield from ctx.once(ID, lambda: issues(ctx, options["max_words"]))
