"""What the attribution steps share: tokens of a window, the Speaker and Cue records,
sentence ends, and the lexicon look-ups for honorifics and pronouns."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import lexicon
from ..model import Mention
from ..regexes import regex


_WORD = regex(r"[^\W_](?:[\w’'\-./]*[^\W_])?|[^\w\s]")
_TERMINATOR = regex(r"[.!?][.!?]*[\"”’')\]]*(?=\s)")


class Token:
    __slots__ = ("text", "start", "end", "lower", "is_word", "capitalized")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end = text, start, end
        self.lower = text.lower()
        first = text[0]
        self.is_word = first.isalnum()
        self.capitalized = first.isupper()


class Tokens:
    """The tokens of a window, made into Token objects only when read: the speaker
    parsers look at a few tokens next to a cue, not at the whole window."""
    __slots__ = ("_matches", "_made")

    def __init__(self, matches: list) -> None:
        self._matches = matches
        self._made: list = [None] * len(matches)

    def __len__(self) -> int:
        return len(self._matches)

    def __getitem__(self, i):
        if i.__class__ is slice:  # a lazy window too, keeping the tokens already made
            part = Tokens(self._matches[i])
            part._made = self._made[i]
            return part
        return self._made[i] or self._make(i)

    def __iter__(self):
        made = self._made
        for i in range(len(made)):
            yield made[i] or self._make(i)

    def _make(self, i: int) -> Token:
        m = self._matches[i]
        token = self._made[i] = Token(m.group(0), m.start(), m.end())
        return token

    def positions(self, text: str, within: int) -> list[int]:
        """Indexes of the tokens among the first `within` that are exactly `text`."""
        return [i for i, m in enumerate(self._matches[:within]) if m.group() == text]


@dataclass(slots=True)
class Speaker:
    """A speaker mention, resolved."""
    mention: Mention
    names: list[str]  # resolved names; several for a coordination or an ambiguous pronoun
    method: str  # explicit | pronoun | description
    confidence: float
    kind: str  # name | pronoun | description


@dataclass(slots=True)
class Cue:
    """A speech cue in the text ("said", "told", "according to") and the subject that speaks it."""
    start: int
    end: int
    text: str
    subject: Speaker | None = None
    paragraph: int = 0
    inverted: bool = False  # the speaker stands after the cue ("said Tokayev")


def _word_before(text: str, end: int, floor: int, joiners: str = "_.") -> str:
    r"""The letters, digits and joiners that text[floor:end] ends with ("Gov", "U.S"; "" when
    none), read backwards from end: a regex search anchored at the end (``[\w.]+$`` for the
    default joiners) tries every offset from floor in turn. (``\w`` is a letter, a digit or "_".)"""
    k = end
    while k > floor and (text[k - 1].isalnum() or text[k - 1] in joiners):
        k -= 1
    return text[k:end]


def _honorifics() -> dict[str, str]:
    return lexicon.table("honorifics")


@lru_cache(maxsize=4096)  # asked of the same few hundred words in every name run
def _is_title(word: str) -> bool:
    """An honorific ("Mr.", "Gov") or a role ("president", "Sen.") as a name's words may open."""
    honor = _honorifics()
    return word in honor or word.rstrip(".") in honor or word.lower() in lexicon.words("titles")


@lru_cache(maxsize=4096)
def _opens_no_name(word: str) -> bool:
    """A capitalised word that news writes lowercase mid-sentence, and no first name ("Comedian",
    "Billionaire", "Rival", "Maybe"): before a name, it is capitalised only by its place."""
    low = word.lower()
    return low in lexicon.words("common_lowercase_words") and low not in lexicon.table("first_names") \
        and low not in lexicon.words("name_particles")  # "De Blasio" opening a sentence


@lru_cache(maxsize=1)
def opens_a_clause() -> frozenset[str]:
    """Words that open a sentence before its subject and name nobody: prepositions ("Despite",
    "For") and conjunctions ("While", "Though")."""
    return lexicon.words("name_openers") | lexicon.words("subordinators")


@lru_cache(maxsize=1)
def _abbreviated() -> frozenset[str]:
    """Honorifics as they stand before their period ("Col", "Gov", "Mr")."""
    return frozenset(k.rstrip(".") for k in _honorifics()) | lexicon.words("abbreviations")


def _pronoun_gender(word: str) -> str | None:
    return lexicon.table("pronouns").get(word.lower())
_CONTRACTION = regex(r"[’'](?:s|re|m|ve|ll|d)$")


def _pronoun_mention(token: "Token") -> Mention | None:
    """The pronoun a token is or opens ("he", "He’s" -> "He"), as a mention."""
    word = token.lower
    if "’" in word or "'" in word:  # most tokens: no contraction, no regex
        word = _CONTRACTION.sub("", word)
    if word not in lexicon.table("pronouns"):
        return None
    end = token.start + len(word)
    return Mention(token.text[:len(word)], token.start, end)


def _walk_to_paragraph(starts, para: int, at: int) -> int:
    """The paragraph holding offset at, walking forward from paragraph para: offsets that come
    in order (cues, name runs) are placed in one pass instead of a bisect each."""
    while para + 1 < len(starts) and starts[para + 1] <= at:
        para += 1
    return para
_SPACES = regex(r"\s*")


def _blank(text: str, start: int, end: int) -> bool:
    """Only whitespace in text[start:end], tested without copying it."""
    return _SPACES.match(text, start, end).end() == end


@lru_cache(maxsize=4096)  # asked of the same few hundred words in every text
def _is_role(word: str) -> bool:
    """A lowercase word that names a role, or roles: "senator", "prosecutors"."""
    titles = lexicon.words("titles")
    return word in titles or (word.endswith("s") and word[:-1] in titles)


def _role_head(phrase: str) -> bool:
    return _is_role(phrase.split()[-1].lower().rstrip(".,"))


def _is_state(words: str) -> bool:
    """A US state as written in a name run ("New Hampshire", "Mich.", "Ohio’s")."""
    return _strip_possessive(words) in lexicon.words("state_names")


@lru_cache(maxsize=1)
def _state_after_comma():
    """", STATE" right after a city, the state followed by a comma, a full stop or a bracket."""
    names = sorted(lexicon.words("state_names"), key=lambda n: (-len(n), n))  # one order: the pattern is cached
    return regex(r",[ \t\u00a0]*(?:{})(?=[,.;)]|[ \t\u00a0]*$)".format("|".join(re.escape(n) for n in names)))


_CITY_BEFORE = regex(r"([A-Z][\w’'.\-]*),[ \t\u00a0]*\Z")


def place_apposition(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a place written as "City, STATE," ("Salem, New Hampshire,",
    "Flint, Mich.,"): the state after a capitalised word and a comma, or the city before its
    state. Neither names a speaker."""
    # (a comma stands right before the state, or right after the city: tested first, most
    # names asked about have neither)
    if "," in text[max(0, start - 3):start] and _is_state(text[start:end]):
        city = _CITY_BEFORE.search(text, max(0, start - 40), start)
        # "Friday, Texas, leading a coalition ...": a day or month before the comma is no city
        if city is not None and city.group(1).lower() not in lexicon.words("time_words") \
                and city.group(1).lower() not in lexicon.words("stopwords"):
            return True
    return text.startswith(",", end) and _state_after_comma().match(text, end, end + 24) is not None


_OPENING = frozenset("“\"‘'")
_CLOSING_AFTER = regex(r"[,.!?]?[”\"’']")


def fills_quotation(text: str, start: int, end: int) -> bool:
    """Whether words (a name run) are all a quotation holds ("the co-author of “Going Viral,”"): a
    title or a nickname, not a mention of a person."""
    return start > 0 and text[start - 1] in _OPENING and _CLOSING_AFTER.match(text, end) is not None


def _strip_possessive(word: str) -> str:
    if word.endswith(("’s", "'s")):
        return word[:-2]
    return word[:-1] if word.endswith(("’", "'")) else word


def _same_stem(a: str, b: str) -> bool:
    n = min(len(a), len(b))
    return n >= 4 and a[:max(4, n - 3)] == b[:max(4, n - 3)]


def outside_quotations(spans, quotes: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of the (sorted, disjoint) spans outside the (sorted, disjoint) quotations,
    each quotation's marks kept out as well: a walk over both lists, no search. The
    candidate finder reads its windows through it, the cue tagger the whole text."""
    out: list[tuple[int, int]] = []
    k = 0
    for start, end in spans:
        while k < len(quotes) and quotes[k][1] <= start:
            k += 1
        at, j = start, k
        while j < len(quotes) and quotes[j][0] < end:
            if quotes[j][0] > at:
                out.append((at, quotes[j][0]))
            at = max(at, quotes[j][1])
            j += 1
        if at < end:
            out.append((at, end))
    return out


# A line opening on a speaker's name and a colon, a quotation later on that line: a headline
# ("Bernie Sanders: ‘It Is Not A Radical Idea’ To Ask For ...", "Graham: Trump’s ‘Incredibly
# Hateful Rhetoric’ Destroying GOP’s Chance"). At most 120 characters before the quotation.
_HEADLINE_LABEL = regex(r"((?:[A-Z][\w.’'-]*[ \t]+){0,3}[A-Z][\w’'-]+):[ \t]")


def headline_label(text: str, at: int) -> re.Match | None:
    """The label (group 1) opening the line of offset at, when the line opens on one."""
    line_start = text.rfind("\n", max(0, at - 120), at) + 1
    if line_start == 0 and at > 120:
        return None  # no line start within reach
    label = _HEADLINE_LABEL.match(text, line_start, at)
    if label is None or text.find(":", label.end(), at) != -1 \
            or label.group(1).lower() in lexicon.words("non_speaker_labels"):
        return None  # ("Correction: An earlier version of this article ...": no speaker's)
    return label


@lru_cache(maxsize=1)
def source_links() -> tuple[frozenset, frozenset]:
    """data/source_links.txt as (word, preposition) pairs ("close to", "familiar with"), and
    every preposition that may tie a source to whom it serves ("to" of a role among them)."""
    pairs = frozenset(tuple(line.split()) for line in lexicon.words("source_links"))
    return pairs, frozenset(p for _, p in pairs) | {"to"}
