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
from ..prose import Paragraphs, QuoteSpans, is_abbreviation  # noqa: E402

# A full stop, then white space, then the next "sentence" up to its own full stop.
_NEXT_SENTENCE = re.compile(r"\.[ \t]+([^.!?\n]{1,80}?[.!?])(?=\s|$)")


def issues(ctx, max_words: int):
    text = ctx.doc.text
    paragraphs = Paragraphs(text)
    quoted = QuoteSpans(ctx.quotations)
    out = []
    pos = 0
    while True:
        m = _NEXT_SENTENCE.search(text, pos)
        if not m:
            break
        pos = m.start(1)
        if is_abbreviation(text, m.start()) or text[m.start() - 1:m.start()] == ".":
            continue
        run = _fragment_run(text, m.start(1), max_words)
        if run is None:
            continue
        start, end, lowercase = run
        pos = end
        if quoted.contains(start) or paragraphs.is_headline(start):
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
