"""A common word capitalised in the middle of a sentence.

What:
    Reports a word capitalised mid-sentence ("people died In the most violent
    turmoil", "maybe This is more like") when edited news writes that word in
    lowercase there: the list of such words is data built from PolNeAR train.
    Names, titles, acronyms, headlines and the first word of a quoted sentence
    or after a colon are not findings, nor a word that starts a run of
    capitalised words (a name or a title).

Why:
    Machine translation round trips leave sentence-initial capitals in the middle
    of sentences; readers take it as carelessness.

Example:
    Bad:  More than 160 people died In the most violent turmoil since independence.
    Good: More than 160 people died in the most violent turmoil since independence.
"""
from __future__ import annotations

import re
from collections import Counter
from operator import itemgetter

from .. import lexicon

ID = "mt-capitalization"
SEVERITY = "warning"
OPTIONS: dict = {}

from ..model import Issue  # noqa: E402
from ..prose import QuoteSpans, after_opening, common_lowercase_words, paragraphs, stretches  # noqa: E402
from ..regexes import regex  # noqa: E402
from ..wordchars import NOT_BEFORE_WORD  # noqa: E402

# A capitalised word right after a lowercase word and one space. The pattern opens on the space,
# which the scan finds fast, and looks behind it for the letter.
_MID_CAPITAL = regex(r" (?<=[a-z] )([A-Z][a-z]+)" + NOT_BEFORE_WORD + r"(?:[ \t]+([A-Za-z0-9]))?")
_NO_MATCH_ACROSS = regex(r"[.,;:!?\n]")  # no match of _MID_CAPITAL holds one: a stretch may end after one
_NAME_AHEAD = regex(r"[ \t]+(?:(?:of|for|and|the|an|a|on|in|to|de)[ \t]+){1,2}[A-Z]")
_NAME_BEHIND = regex(r"[A-Z][\w’'.-]*[ \t]+(?:of|for|and|the|on|in|to|de)[ \t]+$")


def _title_case(quoted: str) -> bool:
    words = re.findall(r"[A-Za-z][\w’'-]*", quoted)
    return len(words) >= 2 and all(w[0].isupper() for w in words if w.lower() not in lexicon.words("title_case_small_words"))


_PREVIOUS_WORD = regex(r"([\w’'-]+)[,;]? $")


_PRONOUNS_OF_A_DEITY = ("He", "Him", "His")  # capitalised mid-sentence on purpose


def issues(ctx):
    text = ctx.doc.text
    common = common_lowercase_words()
    # Every match as (word, first letter after it): findall and Counter run in C. The tests
    # on the word alone come first, and the scan for positions (and the tests on them) runs
    # only in the few documents with a word that passes them.
    # A stretch of text at a time, cut after sentence punctuation (no match spans it): a
    # list of every match of a long text took 13 bytes of memory per byte of text.
    capitalised_mid: Counter = Counter()
    following: dict[str, str] = {}  # exact for a word seen once
    for start, end in stretches(text, _NO_MATCH_ACROSS):
        pairs = _MID_CAPITAL.findall(text, start, end)
        capitalised_mid.update(map(itemgetter(0), pairs))
        following.update(pairs)
    candidates = {
        word for word, n in capitalised_mid.items()
        if n == 1  # capitalised the same way again: the document's own proper noun
        and word.lower() in common
        and word not in _PRONOUNS_OF_A_DEITY
        # the first word of a capitalised run or "Round 2": a name or a title
        and not (following[word] and (following[word].isupper() or following[word].isdigit()))}
    if not candidates:
        return []
    determiners = lexicon.words("determiners") | {"to", "of"}
    titled = None
    out = []
    for m in _MID_CAPITAL.finditer(text):
        word = m.group(1)
        if word not in candidates:
            continue
        if re.match(r"[ \t]*\d", text[m.end(1):m.end(1) + 3]):
            continue
        previous = _PREVIOUS_WORD.search(text, max(0, m.start(1) - 40), m.start(1))
        if previous and (previous.group(1)[0].isupper() or len(previous.group(1)) == 1):
            continue  # after a capitalised word: part of a name ("Rear More" is furniture's)
        if previous and previous.group(1).lower() in determiners:
            continue  # "the Mall", "a Crowd": a name the writer chose to capitalise
        if _NAME_AHEAD.match(text, m.end(1)) or _NAME_BEHIND.search(text, max(0, m.start(1) - 30), m.start(1)):
            continue  # inside a name: "Campaign for an Independent ...", "Henry Holt and Company"
        if titled is None:  # built on demand: _title_case reads every quotation
            titled = QuoteSpans(ctx.quotations, keep=lambda q: q.kind == "title" or _title_case(q.text))
        if titled.contains(m.start(1)):
            continue  # a title in quotation marks: “This Kind of War”
        if after_opening(text, m.start(1)) or paragraphs(ctx).is_headline(m.start(1)):
            continue
        out.append(Issue(m.start(1), m.end(1), f"“{word}” is capitalised in the middle of a sentence",
                         fix=word.lower()))
    return out


def check(ctx, options):
    yield from ctx.once(ID, lambda: issues(ctx))
