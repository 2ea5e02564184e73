"""Attribute speakers: who says each quotation.

The pass is built around speech cues ("said", "told", "according to", ...):

1. Every cue outside quotation marks is found with one regex; for each, the
   speaker's noun phrase is parsed from the words next to it: the subject before
   it ("Tokayev told", "he said", "Putin and Tokayev said", skipping an
   appositive as in "Forestier-Walker, an expert on ..., said"), or the phrase
   after it when the subject slot is empty ("..., said the president",
   "according to X").
2. Mentions are resolved in document order: a surname to the full name
   introduced in the document ("Tokayev" -> "Kassym-Jomart Tokayev"), a
   description ("the Kazakh president") to a person named with that title, a
   pronoun to the last person who spoke (several when that was a coordination
   such as "Putin and Tokayev said": then the quotation is ambiguous).
3. Each quotation takes the cue of its own sentence: right after it
   ("...,” he said), right before it (Putin said: “...”), elsewhere in the
   sentence for a partial quotation, the previous quotation of the same
   sentence, or, for a paragraph that is only quotation, the previous
   paragraph's speaker (continuation).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

from .. import lexicon
from ..document import Document, paragraph_starts
from ..model import Attribution, Mention, Quotation

_WORD = re.compile(r"[^\W_](?:[\w’'\-./]*[^\W_])?|[^\w\s]")
# A run of capitalised words on one line; a period only after a short abbreviation or initial.
# "\b[A-Z]" is written "[A-Z](?<!\w.)", the same test, so that the scan jumps from capital to
# capital (a pattern that opens with a lookbehind is tried at every position).
_NAME_RUN = re.compile(r"[A-Z](?<!\w.)(?:[a-z]{0,3}\.|[\w’'\-]*)[ \t\u00a0]+"
                       r"(?:[A-Z](?:[a-z]{0,3}\.|[\w’'\-]*)[ \t\u00a0]+){0,4}[A-Z][\w’'\-]*")
_LOWER_WORD = re.compile(r"[a-z](?<![\w’'-].)[a-z]{2,}(?![\w’'-])")
_LONG_CAP_WORD = re.compile(r"[A-Z](?<!\w.)[^\W\d_]{3,}")
_DATELINE = re.compile(r"[A-Z][A-Z .'-]{2,40}(?:,[^—–\n]{1,40})?\s*(?:\([A-Za-z]+\))?\s*[—–-]{1,2}\s*")
_CAP_WORD = re.compile(r"[A-Z](?<![\w-].)[\w’'-]*")
_FEW_WORDS = 40  # up to this many words, str.find per word; beyond, one pass over the text
_WORD_CHAR = re.compile(r"[\w-]")  # a capitalised word starts after none of these
_NAME_CHAR = re.compile(r"[\w’'-]")  # ... and runs on over these
_OPENING_MARKS = ("“", '"', "‘", "'", "«", "„", "`")
_TRANSCRIPT_TURN = re.compile(r"\s*([A-Z][A-Z.'\- ]{1,30}[A-Z]):\s")  # “WALLACE: Let's start ...”
_DASH_AFTER = re.compile(r"\s*[―—–-]\s*")
_WORD_BEFORE_DOT = re.compile(r"([\w.]+)$")
_PHRASE_ENDS = frozenset((",", ";", ":", "(", ")", "“", "”", '"', "—", "–"))
_TERMINATOR = re.compile(r"[.!?]+[\"”’')\]]*(?=\s)")


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
        token = self._made[i]
        if token is None:
            m = self._matches[i]
            token = self._made[i] = Token(m.group(0), m.start(), m.end())
        return token

    def __iter__(self):
        return (self[i] for i in range(len(self._matches)))

    def positions(self, text: str, within: int) -> list[int]:
        """Indexes of the tokens among the first `within` that are exactly `text`."""
        return [i for i, m in enumerate(self._matches[:within]) if m.group() == text]


@dataclass
class Speaker:
    """A speaker mention, resolved."""
    mention: Mention
    names: list[str]  # resolved names; several for a coordination or an ambiguous pronoun
    method: str  # explicit | pronoun | description
    confidence: float
    kind: str  # name | pronoun | description


@dataclass
class Cue:
    start: int
    end: int
    text: str
    subject: Speaker | None = None
    paragraph: int = 0
    inverted: bool = False  # the speaker stands after the cue ("said Tokayev")


@dataclass
class _Entity:
    name: str
    titles: set[str] = field(default_factory=set)
    gender: str | None = None
    mentions: list[int] = field(default_factory=list)  # offsets of the name or its surname, in order

    def last_before(self, at: int) -> int:
        """Offset of the last mention before at, or -1."""
        from bisect import bisect_left
        i = bisect_left(self.mentions, at)
        return self.mentions[i - 1] if i else -1


# ---------------------------------------------------------------- lexicon access

@lru_cache(maxsize=1)
def cue_regex() -> re.Pattern:
    """Every speech cue, as one regex built as a trie so each position is tried once."""
    single, multi = lexicon.speech_cues()
    phrases = set(single) | {" ".join(words) for words in multi}
    phrases |= {p[0].upper() + p[1:] for p in phrases}  # "Said Ellis:", "According to"
    return re.compile(r"(?<![\w’'-])" + _trie_pattern(sorted(phrases)) + r"(?![\w’'-])")


def _trie_pattern(words: list[str]) -> str:
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + build(child)
                    for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return "(?:" + build(trie) + ")"


def _honorifics() -> dict[str, str]:
    return lexicon.table("honorifics")


@lru_cache(maxsize=1)
def _abbreviated() -> frozenset[str]:
    """Honorifics as they stand before their period ("Col", "Gov", "Mr")."""
    return frozenset(k.rstrip(".") for k in _honorifics()) | lexicon.words("abbreviations")


def _pronoun_gender(word: str) -> str | None:
    return lexicon.table("pronouns").get(word.lower())


_CONTRACTION = re.compile(r"[’'](?:s|re|m|ve|ll|d)$")


def _pronoun_mention(token: "Token") -> Mention | None:
    """The pronoun a token is or opens ("he", "He’s" -> "He"), as a mention."""
    word = _CONTRACTION.sub("", token.lower)
    if word not in lexicon.table("pronouns"):
        return None
    end = token.start + len(word)
    return Mention(token.text[:len(word)], token.start, end)


# ---------------------------------------------------------------- public entry

class _Attributor:
    def __init__(self, doc: Document, quotations: list[Quotation], people) -> None:
        self.text = doc.text
        self.quotes = quotations
        self.people = people
        self.top = [q for q in quotations if q.depth == 0]
        self.paragraph_starts = paragraph_starts(self.text)
        self.entities: dict[str, _Entity] = {}
        self.surnames: dict[str, list[str]] = {}
        self._quote_bounds = [(q.start, q.end) for q in self.top]
        self.capitalised: dict[str, int] = {}  # how often a capitalised word occurs, when asked
        self._all_capitalised: Counter | None = None  # every capitalised word, once asked often

    # -------------------------------------------------------------- driver
    def run(self) -> list[Attribution]:
        self._collect_names()
        cues = self.cues = self._find_cues()
        self._resolve_cues(cues)
        self.cues = cues  # kept for reported_speech
        result: list[Attribution] = [
            Attribution(q.index, None, None, None, "none", 0.0) for q in self.quotes
        ]
        previous: Attribution | None = None
        previous_quote: Quotation | None = None
        self._cue_starts = [c.start for c in cues]
        self._quote_paragraph = {q.index: self._paragraph_of(q.start) for q in self.top}
        for k, q in enumerate(self.top):
            self._neighbours = (self.top[k - 1] if k else None, self.top[k + 1] if k + 1 < len(self.top) else None)
            a = self._attribute_quote(q, cues, previous, previous_quote)
            result[q.index] = a
            if a.method != "none":
                previous, previous_quote = a, q
        # Nested quotations belong to the speaker of the quotation around them.
        for q in self.quotes:
            if q.depth and q.parent is not None:
                outer = result[q.parent]
                result[q.index] = Attribution(q.index, outer.speaker, outer.mention, outer.cue,
                                              outer.method, outer.confidence, list(outer.candidates))
        return result

    # -------------------------------------------------------------- geometry
    def _paragraph_of(self, offset: int) -> int:
        from bisect import bisect_right
        return bisect_right(self.paragraph_starts, offset) - 1

    def _inside_quote(self, offset: int) -> bool:
        from bisect import bisect_right
        i = bisect_right(self._quote_bounds, (offset, float("inf"))) - 1
        return i >= 0 and self._quote_bounds[i][0] < offset < self._quote_bounds[i][1]

    def _sentence_start(self, pos: int, floor: int) -> int:
        """Start of the sentence holding pos, searching back no further than floor."""
        for m in reversed(list(_TERMINATOR.finditer(self.text, floor, pos))):
            if not self._is_abbreviation(m.start()) and not self._inside_quote(m.start()):
                return m.end()  # the last sentence end before pos
        return floor

    def _sentence_end(self, pos: int, ceil: int) -> int:
        for m in _TERMINATOR.finditer(self.text, pos, ceil):
            if not self._is_abbreviation(m.start()) and not self._inside_quote(m.start()):
                return m.start()
        return ceil

    def _is_abbreviation(self, dot: int) -> bool:
        if self.text[dot] != ".":
            return False
        m = _WORD_BEFORE_DOT.search(self.text[max(0, dot - 12):dot])
        if not m:
            return False
        word = m.group(1)
        return word in lexicon.words("abbreviations") or (len(word) == 1 and word.isupper()) or "." in word

    def _tokens(self, start: int, end: int) -> "Tokens":
        return Tokens(list(_WORD.finditer(self.text, start, end)))

    # -------------------------------------------------------------- names
    def _collect_names(self) -> None:
        """Full names in the document, with the titles written before them."""
        stop = _name_breakers()
        titled_surnames = []  # ("Tokayev", {"president"}) from "President Tokayev"
        parsed: dict[str, list] = {}  # a name run recurs ("Donald Trump"): split it once
        starts = self.paragraph_starts
        para, para_end = 0, -1  # the runs come in order: each paragraph is tested once, walking on
        for m in _NAME_RUN.finditer(self.text):
            at = m.start()
            if at >= para_end:
                para = _walk_to_paragraph(starts, para, at)
                para_end = starts[para + 1] if para + 1 < len(starts) else len(self.text)
                headline = self._is_headline(starts[para], para_end)
            if headline:
                continue  # headline case capitalises every word
            run = m.group(0)
            parts = parsed.get(run)
            if parts is None:
                parts = parsed[run] = [(titles, words, _looks_like_org(words)) for titles, words in
                                       (_split_titles(w) for w in _split_at_stopwords(run.split(), stop))]
            for titles, name_words, org in parts:
                if 2 <= len(name_words) <= 4 and not org:
                    surname = _strip_possessive(name_words[-1])
                    name = " ".join(name_words[:-1] + [surname])  # "Ivanka Trump’s" is Ivanka Trump
                    ent = self.entities.setdefault(name, _Entity(name))
                    ent.titles.update(titles)
                    ent.mentions.append(at)
                    if name not in self.surnames.get(surname, []):
                        self.surnames.setdefault(surname, []).append(name)
                elif len(name_words) == 1 and titles:
                    titled_surnames.append((_strip_possessive(name_words[0]), titles))
        name_words = {w for name in self.entities for w in name.split()}
        for surname, titles in titled_surnames:
            if surname not in self.surnames and surname not in name_words \
                    and surname.lower() not in lexicon.table("first_names") and surname not in _abbreviated():
                # "President Obama" with no full name in the text: the surname is the name (not
                # "Mayor Bill" of Bill de Blasio, nor "Prince Alwaleed" of Alwaleed Bin Talal).
                self.entities[surname] = _Entity(surname)
                self.surnames[surname] = [surname]
            for name in self.surnames.get(surname, []):
                self.entities[name].titles.update(titles)
        for ent in self.entities.values():
            ent.gender = _gender_of(ent.name, ent.titles)
        # Mentions by surname alone ("Tokayev told ...") count for recency.
        surnames = self.surnames
        single = [word for word, names in surnames.items() if len(names) == 1]
        if single:
            for word, offsets in _whole_word_offsets(self.text, single).items():
                self.entities[surnames[word][0]].mentions.extend(offsets)
            for ent in self.entities.values():
                ent.mentions.sort()
        if self.people is not None:
            for person in getattr(self.people, "persons", []):
                ent = self.entities.setdefault(person.name, _Entity(person.name))
                ent.titles.update(t.lower() for t in person.titles)
                ent.gender = person.gender
                for alias in [person.name, *person.aliases]:
                    last = alias.split()[-1]
                    if person.name not in self.surnames.get(last, []):
                        self.surnames.setdefault(last, []).append(person.name)

    def _capitalised_count(self, word: str) -> int:
        """How often a capitalised word occurs as a whole word, counted when first asked (most
        documents ask about a few words, if any); past _FEW_WORDS words, all are counted in
        one pass, which keeps a name-heavy text linear."""
        if self._all_capitalised is not None:
            return self._all_capitalised[word]
        count = self.capitalised.get(word)
        if count is None:
            if len(self.capitalised) >= _FEW_WORDS:
                self._all_capitalised = Counter(_CAP_WORD.findall(self.text))
                return self._all_capitalised[word]
            count = self.capitalised[word] = len(_whole_word_offsets(self.text, [word])[word])
        return count

    def _is_headline(self, start: int, end: int) -> bool:
        """Whether the paragraph text[start:end] is a headline, in title case."""
        if end - start > 300:
            return False  # headlines are short
        # Title case: every lowercase word is a small function word ("for", "and", "the").
        small = lexicon.words("title_case_small_words")
        # Most paragraphs fail at their first lowercase word ("said"): test that first.
        return all(m.group() in small for m in _LOWER_WORD.finditer(self.text, start, end)) \
            and len(_LONG_CAP_WORD.findall(self.text, start, end)) >= 3

    def _resolve_name(self, words: list[str], at: int) -> tuple[str, set[str]]:
        """The full name a written name stands for, and the titles written with it."""
        titles, words = _split_titles([_strip_possessive(w) for w in words])
        name = " ".join(words)
        if self.people is not None:
            person = self.people.find(name)
            if person is not None:
                return person.name, titles
        if name in self.entities:
            return name, titles
        candidates = self.surnames.get(words[-1], [])
        if len(words) == 1 and candidates:
            # The latest full name introduced before this point, else the first after it.
            ranked = sorted(candidates, key=lambda c: self.entities[c].last_before(at + 1) if c in self.entities else -1)
            return ranked[-1], titles
        return name, titles

    # -------------------------------------------------------------- cues
    def _find_cues(self) -> list[Cue]:
        # Only the text between quotations is scanned (a cue inside one is no cue), each gap
        # together with the opening mark after it, which the pattern's lookahead may need to
        # see. The cues come in order: the paragraph of each is found by walking forward.
        cues = []
        text, starts, pattern = self.text, self.paragraph_starts, cue_regex()
        para = 0
        gap_start = 0
        for start, end in [*self._quote_bounds, (len(text), len(text))]:
            if gap_start <= start:
                for m in pattern.finditer(text, gap_start, start + 1):
                    para = _walk_to_paragraph(starts, para, m.start())
                    cues.append(Cue(m.start(), m.end(), m.group(), paragraph=para))
            gap_start = max(gap_start, end)
        return cues

    def _resolve_cues(self, cues: list[Cue]) -> None:
        last_people: list[str] = []
        self._timeline: list[tuple[int, list[str]]] = []
        self._last_cue = None
        for cue in cues:
            speaker = self._subject_of(cue)
            if speaker is not None:
                if speaker.kind == "pronoun":
                    subject = self._subject_before(speaker.mention.start,
                                                   organisations=speaker.mention.text.lower() in ("it", "they"))
                    if subject is not None and _pronoun_gender(speaker.mention.text) in ("m", "f", "n") \
                            and subject.names and len(subject.names) == 1:
                        # "Ban Ki-moon condemned what he called ...": the sentence's own subject.
                        speaker = Speaker(speaker.mention, subject.names, "pronoun", 0.8, "pronoun")
                    else:
                        speaker = self._resolve_pronoun(speaker, last_people, cue.start)
                elif speaker.names and speaker.kind in ("name", "description"):
                    last_people = list(speaker.names)
                    self._timeline.append((cue.start, last_people))
            cue.subject = speaker
            self._last_cue = cue

    def _subject_before(self, pos: int, organisations: bool = False) -> Speaker | None:
        """The subject of the sentence holding pos, when it is a name standing before pos (or,
        for "it" and "they", a named body: "The United Nations Security Council ... what it called")."""
        para_start = self.paragraph_starts[self._paragraph_of(pos)]
        start = self._sentence_start(pos, max(para_start, pos - 300))
        if start >= pos:
            return None
        sp = self._sentence_subject(start, pos, organisations=organisations)
        if sp is not None and organisations and sp.kind == "organisation":
            return sp
        return sp if sp is not None and sp.kind == "name" else None

    def _resolve_pronoun(self, speaker: Speaker, last_people: list[str], at: int) -> Speaker:
        gender = _pronoun_gender(speaker.mention.text)
        if gender in ("n", "s"):
            return Speaker(speaker.mention, [], "pronoun", 0.6, "pronoun")
        names = [n for n in last_people if self._gender_ok(n, gender)]
        if not names:
            recent = self._recent_person(at, gender) or self._recent_person(at)
            names = [recent] if recent else []
        confidence = 0.8 if len(names) == 1 else 0.4
        return Speaker(speaker.mention, names, "pronoun", confidence, "pronoun")

    def _gender_ok(self, name: str, gender: str | None) -> bool:
        ent = self.entities.get(name)
        return ent is None or ent.gender is None or gender is None or ent.gender == gender

    def _recent_person(self, at: int, gender: str | None = None) -> str | None:
        best = None
        for ent in self.entities.values():
            if gender is not None and ent.gender != gender:
                continue  # first a person known to fit the pronoun
            if ent.last_before(at) >= 0 and (best is None or ent.last_before(at) > best.last_before(at)):
                best = ent
        return best.name if best else None

    def _subject_of(self, cue: Cue) -> Speaker | None:
        para_start = self.paragraph_starts[cue.paragraph]
        # Most subjects stand within a few words of their cue: read a short window first,
        # and a long one when an appositive, a parenthesis or a first verb comes between.
        window_start = max(para_start, cue.start - 60)
        before = self._tokens(window_start, cue.start)
        k = len(before)
        while k > 0 and before[k - 1].lower in lexicon.words("adverbs"):
            k -= 1
        if window_start > para_start and (k < 8 or before[k - 1].text in (",", ")", "and", "but", "then")):
            before = self._tokens(max(para_start, cue.start - 300), cue.start)
        words_cue = cue.text.lower().split()
        if words_cue[0].endswith("ing") and len(words_cue) == 1:
            # "he said, adding ...": the subject of the speech verb just before.
            last = self._last_cue
            if last is not None and last.subject is not None \
                    and re.fullmatch(r"[\w ]{0,30},\s*", self.text[last.end:cue.start]):
                return last.subject
            # "footage of Trump saying", "He’s claiming", "Trump is saying": the words right before.
            i = len(before)
            if i and (before[i - 1].lower in ("is", "was", "are", "were") or _CONTRACTION.search(before[i - 1].lower)):
                # the subject before "is", or the pronoun the contraction holds
                sp = self._np_backward(before, i - 1 if before[i - 1].lower in ("is", "was", "are", "were") else i)
                if sp is not None:
                    return sp
            elif i and before[i - 1].is_word and before[i - 1].capitalized \
                    and before[i - 1].lower not in lexicon.words("time_words") \
                    and before[i - 1].lower not in lexicon.words("stopwords"):
                j = i - 1
                while j > 0 and before[j - 1].capitalized and before[j - 1].lower not in lexicon.words("stopwords"):
                    j -= 1
                sp = self._make_speaker([before[m] for m in range(j, i)])
                if sp is not None and sp.kind == "name":
                    return sp
            # "..., saying", "telling reporters:": the subject of the sentence's main verb.
            return self._sentence_subject(self._sentence_start(cue.start, max(para_start, cue.start - 400)),
                                          cue.start)
        if words_cue[0] in ("according", "in"):  # "according to X", "in the words of X"
            cue.inverted = True
            return self._forward_np(cue.end)
        i = len(before)
        while i > 0 and (before[i - 1].lower in lexicon.words("adverbs") or _ly_adverb_after_subject(before, i - 1)):
            i -= 1
        i = _skip_time_phrase(before, i)
        if i == 0 or before[i - 1].text in (".", "!", "?"):
            cue.inverted = True  # the cue opens its sentence: "Said Ellis: ..."
            return self._forward_np(cue.end)
        prev = before[i - 1]
        if prev.lower == "to" and i >= 2 and before[i - 2].is_word:
            # "He went on to say", "Trump wanted to tell reporters": the sentence's subject.
            return self._sentence_subject(self._sentence_start(cue.start, max(para_start, cue.start - 300)),
                                          prev.start)
        if prev.lower in ("who", "which") and i >= 2:
            # "Sanders, who says ...": the relative pronoun is the mention, Sanders the speaker.
            antecedent = self._np_backward(before, i - 2 if before[i - 2].text == "," else i - 1)
            if antecedent is not None and antecedent.kind == "description" and not antecedent.names:
                # "McConnell, now the Senate majority leader, who ...": the name before the appositive.
                k = next(n for n in range(len(before)) if before[n].start == antecedent.mention.start)
                while k > 0 and before[k - 1].lower in lexicon.words("adverbs"):
                    k -= 1
                if k > 1 and before[k - 1].text == ",":
                    named = self._np_backward(before, k - 1)
                    if named is not None and named.kind == "name":
                        antecedent = named
            if antecedent is not None and antecedent.names and antecedent.kind == "name":
                return Speaker(Mention(prev.text, prev.start, prev.end), antecedent.names,
                               antecedent.method, antecedent.confidence, antecedent.kind)
            return antecedent
        if prev.lower in ("and", "then", "but") and i >= 3 and before[i - 2].is_word \
                and before[i - 2].lower not in lexicon.words("stopwords"):
            # "I laughed and said": the subject of the first verb; "X outlined his plan and vowed":
            # the sentence's subject.
            # A name right before "and" is the first verb's object ("respects Clinton and calls").
            first_subject = None if before[i - 2].capitalized else self._np_backward(before, i - 2)
            if first_subject is not None and first_subject.kind in ("pronoun", "name"):
                return first_subject
            return self._sentence_subject(self._sentence_start(cue.start, max(para_start, cue.start - 300)),
                                          before[i - 1].start)
        if prev.text == ")":
            return self._np_backward(before, i)
        if prev.text == "," and self._inverted_context(before, i):
            cue.inverted = True
            return self._forward_np(cue.end)
        if prev.text == ",":
            # "X, an expert on ..., said" / "X, who ..., said": the subject is before the appositive.
            np = self._np_before_appositive(before, i - 1)
            if np is not None:
                return np
            if self._inverted_context(before, i):
                cue.inverted = True
                return self._forward_np(cue.end)
            return None
        if prev.text in ("”", '"', "’", "'", "''", ":", "—", "–", "―") or prev.text in ("“",):
            cue.inverted = True
            return self._forward_np(cue.end)
        return self._np_backward(before, i)

    def _inverted_context(self, before: list[Token], i: int) -> bool:
        """A quotation (or its comma) right before the cue: "…,” said the president."""
        j = i
        while j > 0 and before[j - 1].text in (",", "—", "–"):
            j -= 1
        return j > 0 and before[j - 1].text in ("”", '"', "’", "'", "''")

    def _np_before_appositive(self, tokens: list[Token], comma: int) -> Speaker | None:
        sentence_floor = self._sentence_start(tokens[comma].start, tokens[0].start)
        for j in range(comma - 1, -1, -1):
            tok = tokens[j]
            if tok.start < sentence_floor:
                break
            if tok.text == "," and j > 0:
                segment = tokens[j + 1:comma]
                if 1 <= len(segment) <= 2 and all(t.capitalized for t in segment) and tokens[j - 1].capitalized:
                    comma = j  # "in Columbus, Ohio, said": a place, look further back
                    continue
                if segment and segment[0].is_word and segment[0].capitalized \
                        and segment[0].lower not in lexicon.words("determiners"):
                    # "after the primary, Gov. John Kasich (R-OH), said": the name sits between the
                    # commas, and is all of it; "X, Professor of ... in Washington, argues" is an
                    # appositive whose last words are no subject.
                    np = self._np_backward(tokens, comma)
                    if np is not None and np.mention.start <= segment[0].start:
                        return np
                np = self._np_backward(tokens, j)
                if np is not None and np.kind != "pronoun":
                    return np
                return None
        # No earlier comma: the sentence opens with the subject ("X, who ..., said").
        first = next((k for k, t in enumerate(tokens) if t.start >= sentence_floor), None)
        if first is None:
            return None
        return self._np_forward_tokens(tokens[first:comma])

    def _np_backward(self, tokens: list[Token], end: int) -> Speaker | None:
        """The noun phrase ending right before tokens[end] ("Tokayev", "the ad’s narrator")."""
        if end > 0 and tokens[end - 1].text == ")":
            # "Rep. Gwen Moore (D-Wis.) said": step over the parenthesis.
            depth, j = 0, end - 1
            while j >= 0:
                depth += {")": 1, "(": -1}.get(tokens[j].text, 0)
                if depth == 0:
                    break
                j -= 1
            end = j
        if end <= 0 or not tokens[end - 1].is_word:
            return None
        last = tokens[end - 1]
        pronoun = _pronoun_mention(last)
        if pronoun is not None:
            return Speaker(pronoun, [], "pronoun", 0.8, "pronoun")
        stop, determiners = lexicon.words("stopwords"), lexicon.words("determiners")
        if last.lower in stop or last.lower in determiners:
            return None
        j, words = end - 1, 1
        while j > 0 and words < 8:
            tok = tokens[j - 1]
            if tok.text == "." and j > 1 and (tokens[j - 2].text in _abbreviated() or len(tokens[j - 2].text) == 1):
                j -= 1  # "Mr." "J."
                continue
            if not tok.is_word or tok.lower in stop:
                break
            j -= 1
            words += 1
            if tok.lower in determiners:
                # "a spokesman for the campaign": go on over "for/of the ...".
                if j >= 2 and tokens[j - 1].lower in ("of", "for", "at") and tokens[j - 2].is_word \
                        and tokens[j - 2].lower not in stop:
                    j -= 1
                    continue
                break
        phrase = tokens[j:end]
        first_index = j  # index in tokens of phrase[0], kept as the phrase is trimmed
        if phrase and phrase[0].lower not in determiners:
            # Without a determiner, lowercase words other than roles belong to the clause before:
            # "Swanson praised evangelist Franklin Graham" -> "Franklin Graham".
            titles = lexicon.words("titles")
            loose = [k for k, t in enumerate(phrase) if t.is_word and not t.capitalized and t.lower not in titles
                     and not t.lower.endswith(("’s", "'s")) and "-" not in t.lower]
            if loose:
                phrase = phrase[loose[-1] + 1:]
                first_index += loose[-1] + 1
        while phrase and (phrase[0].lower in ("of", "for", "at", "and") or phrase[0].lower in lexicon.words("name_particles")):
            phrase = phrase[1:]
            first_index += 1
        if not phrase:
            return None
        speaker = self._make_speaker(phrase)
        if speaker is None:
            return None
        k = first_index
        if speaker.kind == "description" and not speaker.names and k >= 3 \
                and tokens[k - 1].lower in lexicon.words("place_prepositions"):
            # "Protesters marching through the streets chanted": the noun the participle follows.
            for m in range(k - 2, max(0, k - 5), -1):
                if tokens[m].lower.endswith("ing") and tokens[m - 1].is_word \
                        and tokens[m - 1].lower not in stop:
                    head = self._np_backward(tokens, m)
                    if head is not None and head.kind in ("name", "description"):
                        return head
                    break
        # Coordination: "Putin and Tokayev said".
        if k >= 2 and tokens[k - 1].lower == "and" and tokens[k - 2].is_word and tokens[k - 2].capitalized:
            other = self._np_backward(tokens, k - 1)
            if other is not None and other.kind == "name" and speaker.kind == "name":
                mention = Mention(self.text[other.mention.start:speaker.mention.end],
                                  other.mention.start, speaker.mention.end)
                names = list(dict.fromkeys(other.names + speaker.names))
                return Speaker(mention, names, "explicit", 0.5, "name")
        return speaker

    def _forward_np(self, pos: int) -> Speaker | None:
        # The tokens up to the first that ends the phrase, read one by one up to there.
        kept: list = []
        for m in _WORD.finditer(self.text, pos, min(len(self.text), pos + 200)):
            word = m.group()
            if word in _PHRASE_ENDS or (word in ".!?" and not (
                    kept and (kept[-1].group() in _abbreviated() or len(kept[-1].group()) == 1))):
                break
            kept.append(m)
        return self._np_forward_tokens(Tokens(kept))

    def _np_forward_tokens(self, tokens: list[Token]) -> Speaker | None:
        """The noun phrase that opens tokens ("Tokayev", "the Kazakh president", "he")."""
        if not tokens:
            return None
        first = tokens[0]
        pronoun = _pronoun_mention(first)
        if pronoun is not None:
            return Speaker(pronoun, [], "pronoun", 0.8, "pronoun")
        titles = lexicon.words("titles")
        particles = lexicon.words("name_particles")
        stop = lexicon.words("stopwords")
        verbs = lexicon.speech_cues()[0]
        k = 1 if first.lower in lexicon.words("determiners") else 0
        end = k
        while end < len(tokens) and end - k < 7:
            tok = tokens[end]
            low = tok.lower
            if tok.text == "." and end > 0 and (tokens[end - 1].text in _abbreviated() or len(tokens[end - 1].text) == 1):
                end += 1
                continue
            if not tok.is_word or low in stop:
                break
            nxt_cap = end + 1 < len(tokens) and tokens[end + 1].capitalized
            if low == "of":
                if nxt_cap and end > k:
                    end += 1
                    continue
                break
            if k == 0 and not tok.capitalized and not (low in particles and nxt_cap):
                if low in verbs or low.endswith("ing"):
                    # "Mayor Jennifer Roberts said Friday": the verb ends the subject;
                    # "regarding Muslims" is no modifier of a name.
                    break
                # Lowercase modifiers before a name: "said former Utah governor Michael Leavitt".
                ahead = tokens[end + 1:end + 5]
                stopper = next((t for t in ahead if not t.is_word or t.lower in stop or t.capitalized), None)
                if stopper is not None and stopper.is_word and stopper.capitalized:
                    end += 1
                    continue
                # Without a determiner, a lowercase word is a speaker only as a bare role: "said officials".
                if end == 0 and (low in titles or (low.endswith("s") and low[:-1] in titles)):
                    end += 1
                break
            end += 1
        phrase = tokens[:end]
        while phrase and (phrase[-1].lower == "of" or phrase[-1].lower in particles):
            phrase = phrase[:-1]
        if len(phrase) <= k:
            return None
        return self._make_speaker(phrase)

    def _make_speaker(self, phrase: list[Token]) -> Speaker | None:
        start, end = phrase[0].start, phrase[-1].end
        mention = Mention(self.text[start:end], start, end)
        words = [t.text for t in phrase if t.is_word]
        titles = lexicon.words("titles")
        determiners = lexicon.words("determiners")
        honor = _honorifics()
        head = phrase[-1].lower.rstrip(".")
        first = words[0].lower()
        lowered = [w.lower() for w in words]
        # "the President of Kazakhstan" is a description; "Secretary of State John F. Kerry" a name.
        after_of = words[len(lowered) - lowered[::-1].index("of"):] if "of" in lowered else []
        described = first in determiners or (first in titles and "of" in lowered and len(after_of) <= 2)
        if described and first not in determiners:
            of_at = next(k for k, t in enumerate(phrase) if t.lower == "of")
            if of_at >= 2 and phrase[of_at - 1].capitalized and phrase[of_at - 1].lower not in titles:
                # "Representative Charles B. Rangel of New York": the name stands before "of".
                return self._make_speaker(phrase[:of_at])
        if not phrase[-1].capitalized or described or head in titles:
            # A description: "the Kazakh president", "officials", "the President of Kazakhstan".
            plural = head.endswith("s") and len(head) > 3
            possessive = any(w.endswith(("’s", "'s")) for w in words[:-1])
            if not (first in determiners or head in titles or plural or possessive):
                return None
            names = self._resolve_description(words, start)
            return Speaker(mention, names, "description", 0.7 if names else 0.5, "description")
        # Keep the trailing name: "Clinton’s spokesman Brian Fallon" -> "Brian Fallon".
        name_words: list[str] = []
        dot = False
        for t in reversed(phrase):
            if not t.is_word:
                dot = t.text == "."  # belongs to the word before it: "Rep." "J."
                continue
            if t.capitalized or t.lower in lexicon.words("name_particles"):
                name_words.insert(0, t.text + ("." if dot else ""))
                dot = False
            else:
                break
        if not name_words or all(w.rstrip(".") in honor for w in name_words):
            return None
        word_tokens = [t for t in phrase if t.is_word]
        if len(name_words) >= 3 and len(word_tokens) > len(name_words) \
                and word_tokens[-len(name_words) - 1].lower == "of":
            name_words = name_words[1:]  # "... of State John F. Kerry": the office's domain is no name
        resolved, _ = self._resolve_name(name_words, start)
        return Speaker(mention, [resolved], "explicit", 0.95, "name")

    def _resolve_description(self, words: list[str], at: int) -> list[str]:
        titles = lexicon.words("titles")
        lowered = [w.lower().rstrip(".") for w in words]
        heads = [w for w in lowered if w in titles]
        if not heads:
            return []
        head = heads[-1]
        modifiers = {w for w in lowered if w not in titles and w not in lexicon.words("determiners")
                     and w not in ("of", "for")}
        best, best_score = None, 0.0
        for ent in self.entities.values():
            if head not in ent.titles:
                continue
            last = ent.last_before(at)
            if last < 0 and not self._in_people(ent.name):
                continue
            score = 1.0 + 0.001 * max(last, 0) / max(1, len(self.text))
            for mod in modifiers:
                if any(_same_stem(mod, t) for title in ent.titles for t in title.split()):
                    score += 1.0
            if score > best_score:
                best, best_score = ent, score
        return [best.name] if best else []

    def _in_people(self, name: str) -> bool:
        return self.people is not None and self.people.find(name) is not None

    # -------------------------------------------------------------- quotations
    def _attribute_quote(self, q: Quotation, cues: list[Cue], previous: Attribution | None,
                         previous_quote: Quotation | None) -> Attribution:
        text = self.text
        para = self._quote_paragraph[q.index]
        para_start = self.paragraph_starts[para]
        para_end = self.paragraph_starts[para + 1] if para + 1 < len(self.paragraph_starts) else len(text)
        before_q, after_q = self._neighbours
        prev_end = before_q.end if before_q is not None and before_q.start >= para_start else para_start
        prev_end = max(prev_end, para_start) if prev_end <= q.start else para_start
        next_start = after_q.start if after_q is not None and q.end <= after_q.start < para_end else para_end
        sent_start = self._sentence_start(q.start, prev_end)
        inner_tail = text[q.inner_start:q.inner_end].rstrip()
        ends_sentence = inner_tail.endswith(".") and not inner_tail.endswith("...")
        after_end = self._sentence_end(q.end, next_start)

        # Transcript style: “WALLACE: Let's start ...” names its speaker inside.
        m = _TRANSCRIPT_TURN.match(text, q.inner_start, q.inner_end)
        if m:
            s, e = m.start(1), m.end(1)
            return Attribution(q.index, m.group(1).title(), Mention(text[s:e], s, e),
                               Mention(":", e, e + 1), "explicit", 0.9)

        before_cues = [c for c in self._cues_between(cues, sent_start, q.start) if c.end <= q.start]
        after_cues = [c for c in self._cues_between(cues, q.end, after_end) if c.end <= after_end]
        before_text = text[sent_start:q.start]
        intro = before_text.rstrip().endswith((":", ","))
        if intro and before_cues:
            # "X said in a statement Monday: “…”" — the cue stands close to the quotation.
            intro = len(text[before_cues[-1].end:q.start].split()) <= 8

        # Dash attribution after the quotation: “…” ― Sonya Herridge
        m = _DASH_AFTER.match(text, q.end, after_end)
        if m:
            sp = self._forward_np(m.end())
            if sp is not None and sp.kind == "name":
                return self._from_speaker(q, sp, None)

        after = after_cues[0] if after_cues else None
        adjacent_after = after is not None and self._adjacent_after(q, after)
        if ends_sentence and re.match(r"\s*[A-Z]", text[q.end:q.end + 3]):
            adjacent_after = False  # “… attack.” He said ...: a new sentence, not an attribution
        before = before_cues[-1] if before_cues else None

        choice = None
        if before is not None and intro and before.subject is not None:
            choice = before
        elif adjacent_after and after.subject is not None:
            choice = after
        elif before is not None and before.subject is not None:
            choice = before
        elif after is not None and after.subject is not None and not ends_sentence:
            choice = after
        if choice is not None:
            return self._from_speaker(q, choice.subject, choice)
        if not ends_sentence:
            # “…,” Hannity started. — any verb right after "quotation, speaker" reports it.
            found = self._speaker_then_verb(q.end, after_end)
            if found is not None:
                sp, verb = found
                return self._from_speaker(q, sp, Cue(verb.start, verb.end, verb.text), confidence=0.8)

        # "Kasich resisted: “…”" — a colon introduces the quotation without a speech verb.
        if before_text.rstrip().endswith(":") and not before_cues:
            sp = self._sentence_subject(sent_start, q.start)
            if sp is not None:
                return self._from_speaker(q, sp, None, confidence=0.6)
        # A quotation opening a sentence after "..., Schiff said." in the same paragraph:
        # the speaker of the sentence before, when that came after any earlier quotation.
        if not before_cues and not after_cues and not before_text.strip():
            earlier = [c for c in self._cues_between(cues, para_start, sent_start) if c.subject is not None
                       and c.subject.names]
            if earlier and (previous_quote is None or previous_quote.end <= earlier[-1].start):
                found = self._from_speaker(q, earlier[-1].subject, earlier[-1], confidence=0.7)
                found.method = "continuation"
                return found
        # Same sentence as the previous quotation ("“A,” he said, “B.”" already handled;
        # “A” and “B” both after one cue).
        if previous is not None and previous_quote is not None and previous_quote.end <= q.start:
            same_paragraph = self._quote_paragraph[previous_quote.index] == para
            # Searched in place, and only within one paragraph: the last attributed quotation
            # may lie far back, and copying the text between for every quotation adds up.
            same_sentence = same_paragraph and not _TERMINATOR.search(text, previous_quote.end, q.start) \
                and text.find("\n", previous_quote.end, q.start) == -1
            starts_para = _blank(text, para_start, q.start)
            if same_sentence and same_paragraph:
                return _copy(previous, q.index, previous.method, previous.confidence)
            if same_paragraph and not before_cues and not after_cues:
                return _copy(previous, q.index, "continuation", min(previous.confidence, 0.75))
            if starts_para and not before_cues and not after_cues and para >= 1:
                prev_para = self._quote_paragraph[previous_quote.index]
                if prev_para == para - 1:
                    return _copy(previous, q.index, "continuation", min(previous.confidence, 0.7))
        # A quotation paragraph after a paragraph that ends on someone speaking.
        if not before_cues and not after_cues and _blank(text, para_start, q.start) and para >= 1 \
                and (previous_quote is None or self._quote_paragraph[previous_quote.index] < para - 1):
            prev_start = self.paragraph_starts[para - 1]
            earlier = [c for c in self._cues_between(cues, prev_start, para_start) if c.subject is not None
                       and c.subject.names and c.subject.kind != "description"]
            if earlier:
                found = self._from_speaker(q, earlier[-1].subject, earlier[-1], confidence=0.6)
                found.method = "continuation"
                return found
        # A quotation paragraph after "X said:" closing the previous paragraph.
        if _blank(text, para_start, q.start) and para >= 1:
            prev_cues = [c for c in self._cues_between(cues, self.paragraph_starts[para - 1], para_start)
                         if c.subject is not None]
            prev_text = text[self.paragraph_starts[para - 1]:para_start].rstrip()
            if prev_cues and prev_text.endswith(":"):
                return self._from_speaker(q, prev_cues[-1].subject, prev_cues[-1])
            if prev_text.endswith(":"):
                # "Trump issued the following statement:" — the subject of that sentence.
                prev_start = self.paragraph_starts[para - 1]
                colon = prev_start + len(prev_text) - 1
                sp = self._sentence_subject(self._sentence_start(colon, prev_start), colon)
                if sp is not None:
                    return self._from_speaker(q, sp, None, confidence=0.6)
        # A partial quotation inside the writer's sentence ("Obama condemned the test as
        # “provocative”"): the sentence's subject is the one quoted.
        object_quote = _ends_on_verb(before_text)  # "Trump attacked “…”"
        if re.search(r"\w", before_text) and (not ends_sentence or len(inner_tail.split()) <= 6 or object_quote):
            sp = self._sentence_subject(sent_start, q.start)
            if sp is not None:
                return self._from_speaker(q, sp, None, confidence=0.5)
        return Attribution(q.index, None, None, None, "none", 0.0)

    def _speaker_then_verb(self, start: int, end: int):
        tokens = self._tokens(start, min(end, start + 120))
        k = 1 if tokens and tokens[0].text in (",", "—", "–") else 0
        for v in range(k + 1, min(len(tokens), k + 6)):
            verb = tokens[v]
            if not verb.is_word or verb.capitalized:
                if verb.is_word or verb.text == ".":
                    continue
                return None
            low = verb.lower
            if low in lexicon.words("stopwords") or not (low.endswith("ed") or low.endswith("s")):
                continue
            sp = self._np_forward_tokens(tokens[k:v])
            if sp is not None and sp.mention.end <= verb.start and not self.text[sp.mention.end:verb.start].strip():
                if sp.kind == "pronoun":
                    sp = self._resolve_pronoun(sp, self._people_at(sp.mention.start), sp.mention.start)
                return sp, verb
            return None
        return None

    def _sentence_subject(self, start: int, end: int, organisations: bool = False) -> Speaker | None:
        """Who a partial quotation belongs to: the subject opening its sentence (a name, a
        role or a pronoun), read after an opening adverbial phrase when there is one."""
        head_start, head = start, self.text[start:end]
        dateline = _DATELINE.match(head)
        if dateline:
            start += dateline.end()  # "FLINT, Mich., Oct. 4 (UPI) — Former President ..."
        colon = head.find(": ")
        # The character after ": " is read from the text: head may end right there, before a quotation.
        if 0 <= colon and head_start + colon + 2 < end and self.text[head_start + colon + 2] not in _OPENING_MARKS:
            # "WASHINGTON: Trump said ..." opens after the colon; "X scolded him: “…” she said" and
            # "X delivered a message to Trump: “…”" do not.
            start = max(start, head_start + colon + 2)
        # Only the first 41 tokens are read: commas among the first 25, then 16 tokens on.
        tokens = Tokens(list(islice(_WORD.finditer(self.text, start, end), 25 + 16)))
        commas = tokens.positions(",", 25)[:3]
        comma = commas[0] if commas else None
        # "On July 6, 2015, Sanders made ...": the subject may follow a second comma.
        starts = [0] + [c + 1 for c in commas]
        if tokens and tokens[0].lower.endswith(("ing", "ed")) and tokens[0].text not in self.surnames:
            starts = starts[1:]  # "Following the debate, ...", "Asked about it, ...": an opening phrase
        for k in starts:
            sp = self._np_forward_tokens(tokens[k:k + 16])
            if sp is None:
                continue
            if sp.kind == "pronoun":
                if sp.mention.text.lower() in ("it", "they", "we") and k == 0 and comma is not None:
                    continue
                return self._resolve_pronoun(sp, self._people_at(sp.mention.start), sp.mention.start)
            if sp.kind == "name" and sp.mention.text.isupper() and len(sp.mention.text) > 4:
                continue  # a headline in capitals ("INDIANA’S DEMOGRAPHICS FAVOR CRUZ:"), not a name
            if sp.kind == "name" and (sp.mention.end - sp.mention.start) > 2:
                # A lone capitalised word ("Preys on our fears") counts only as a known name.
                if " " in sp.mention.text or _strip_possessive(sp.mention.text) in self.surnames \
                        or self._in_people(sp.mention.text) or self._capitalised_count(sp.mention.text) >= 3:
                    return sp
                continue
            if sp.kind == "description" and sp.names:
                return sp
            if organisations and sp.kind == "description":
                body = _proper_body(sp.mention.text)
                if body:
                    return Speaker(sp.mention, [body], "explicit", 0.7, "organisation")
            if sp.kind == "description" and _role_head(sp.mention.text):
                return sp
        return None

    def _people_at(self, offset: int) -> list[str]:
        from bisect import bisect_right
        i = bisect_right(self._timeline, (offset, chr(0x10FFFF))) - 1
        return self._timeline[i][1] if i >= 0 else []

    def cues_near(self, start: int, end: int, floor: int, ceil: int) -> list[Cue]:
        """The cues with a subject in [floor, ceil) outside [start, end)."""
        from bisect import bisect_left
        cues = self.cues
        lo, hi = bisect_left(self._cue_starts, floor), bisect_left(self._cue_starts, ceil)
        return [c for c in cues[lo:hi] if c.subject is not None and not start <= c.start < end]

    def _cues_between(self, cues: list[Cue], start: int, end: int) -> list[Cue]:
        """The cues starting in [start, end), by bisection over their sorted starts."""
        from bisect import bisect_left
        return cues[bisect_left(self._cue_starts, start):bisect_left(self._cue_starts, end)]

    def _adjacent_after(self, q: Quotation, cue: Cue) -> bool:
        """Only punctuation and the speaker's own words stand between quotation and cue."""
        gap = self.text[q.end:cue.start]
        if cue.subject is not None and not cue.inverted:
            gap = self.text[q.end:cue.subject.mention.start] + self.text[cue.subject.mention.end:cue.start]
        words = [w for w in re.findall(r"[\w’'-]+", gap)]
        return all(w.lower() in lexicon.words("adverbs") for w in words)

    def _from_speaker(self, q: Quotation, sp: Speaker, cue: Cue | None,
                      confidence: float | None = None) -> Attribution:
        cue_mention = Mention(cue.text, cue.start, cue.end) if cue is not None else None
        confidence = sp.confidence if confidence is None else min(confidence, sp.confidence)
        if len(sp.names) > 1:
            return Attribution(q.index, None, sp.mention, cue_mention, sp.method, min(confidence, 0.5),
                               list(sp.names))
        name = sp.names[0] if sp.names else None
        return Attribution(q.index, name, sp.mention, cue_mention, sp.method, confidence)


def _walk_to_paragraph(starts, para: int, at: int) -> int:
    """The paragraph holding offset at, walking forward from paragraph para: offsets that come
    in order (cues, name runs) are placed in one pass instead of a bisect each."""
    while para + 1 < len(starts) and starts[para + 1] <= at:
        para += 1
    return para


_SPACES = re.compile(r"\s*")


def _blank(text: str, start: int, end: int) -> bool:
    """Only whitespace in text[start:end], tested without copying it."""
    return _SPACES.match(text, start, end).end() == end


def _ends_on_verb(text: str) -> bool:
    """Whether text ends (before spaces) on a lowercase word in -s or -ed ("attacked",
    "says"). Read backwards without a regex: a regex for it backtracks on long letter runs."""
    tail = text.rstrip()
    j = len(tail)
    while j > 0 and "a" <= tail[j - 1] <= "z":
        j -= 1
    word = tail[j:]
    if j > 0 and (tail[j - 1].isalnum() or tail[j - 1] == "_"):
        return False
    return (len(word) >= 2 and word.endswith("s")) or (len(word) >= 3 and word.endswith("ed"))


def _whole_word_offsets(text: str, words: list[str]) -> dict[str, list[int]]:
    """Where each capitalised word stands whole in text ("Trump", not "Trumpet" or "Trump’s").
    A few words: str.find per word, in C. Many: one pass over every capitalised word, so
    the work stays linear in the text."""
    found: dict[str, list[int]] = {word: [] for word in words}
    if len(words) > _FEW_WORDS:
        for m in _CAP_WORD.finditer(text):
            offsets = found.get(m.group())
            if offsets is not None:
                offsets.append(m.start())
        return found
    for word, offsets in found.items():
        at = text.find(word)
        while at != -1:
            end = at + len(word)
            if (at == 0 or not _WORD_CHAR.match(text, at - 1)) and not _NAME_CHAR.match(text, end):
                offsets.append(at)
            at = text.find(word, end)
    return found


def _ly_adverb_after_subject(tokens, j: int) -> bool:
    """"Trump jokingly said": a lowercase -ly word right after a name or a pronoun (not "the
    family said", where the -ly word is the noun)."""
    word = tokens[j]
    if j == 0 or not word.is_word or word.capitalized or len(word.lower) < 5 or not word.lower.endswith("ly"):
        return False
    subject = tokens[j - 1]
    return subject.is_word and (subject.capitalized or _pronoun_gender(subject.text) is not None)


def _skip_time_phrase(tokens, i: int) -> int:
    """Index before "on Monday", "in 2010", "in a statement" ending at tokens[i - 1], else i."""
    if i < 3 or not tokens[i - 1].is_word:
        return i
    last = tokens[i - 1].lower
    if last not in lexicon.words("time_words") and not (last.isdigit() and len(last) == 4):
        return i
    openers = lexicon.words("time_openers")
    for j in range(i - 1, max(0, i - 5), -1):
        tok = tokens[j - 1]
        if not tok.is_word:
            return i
        if tok.lower in openers:
            # The opener must follow the speaker's own words, not a verb's object clause.
            return j - 1 if j >= 2 and tokens[j - 2].is_word else i
    return i


def _proper_body(phrase: str) -> str | None:
    """"The United Nations Security Council" -> "United Nations Security Council"; None for
    "the Kazakh president" or "The President"."""
    words = phrase.split()
    if len(words) < 2 or words[0].lower() not in lexicon.words("determiners"):
        return None
    rest = words[1:]
    if not all(w[0].isupper() for w in rest) or rest[-1].lower().rstrip(".") in lexicon.words("titles"):
        return None
    return " ".join(rest)


@lru_cache(maxsize=1)
def _gendered_titles() -> dict[str, str]:
    genders = {k.lower().rstrip("."): g for k, g in _honorifics().items() if g in ("m", "f")}
    genders.update(lexicon.table("gendered_roles"))
    return genders


def _gender_of(name: str, titles: set[str]) -> str | None:
    """m or f from a gendered title ("Mrs.", "congresswoman") or a common first name."""
    gendered = _gendered_titles()
    genders = {gendered[title] for title in titles if title in gendered}
    if len(genders) == 1:
        return genders.pop()
    # No gendered title, or both ("Mr. Clinton" and "Mrs. Clinton" give their titles to
    # every Clinton): the first name decides.
    first = name.split()[0].lower()
    return lexicon.table("first_names").get(first)


def _role_head(phrase: str) -> bool:
    head = phrase.split()[-1].lower().rstrip(".,")
    titles = lexicon.words("titles")
    return head in titles or (head.endswith("s") and head[:-1] in titles)


def _copy(a: Attribution, index: int, method: str, confidence: float) -> Attribution:
    return Attribution(index, a.speaker, a.mention, a.cue, method, confidence, list(a.candidates))


def _split_titles(words: list[str]) -> tuple[set[str], list[str]]:
    """("Russian President Vladimir Putin") -> ({"russian", "president"}, ["Vladimir", "Putin"])."""
    honor = _honorifics()
    role_words = lexicon.words("titles")

    def is_title(word: str) -> bool:
        return word in honor or word.rstrip(".") in honor or word.lower() in role_words

    titles = set()
    words = list(words)
    while len(words) > 1:
        if is_title(words[0]):
            titles.add(words.pop(0).rstrip(".").lower())
        elif len(words) > 2 and words[1].rstrip(".") in honor:
            # A nationality or state before a title ("Russian President", "former Florida Gov.",
            # "Australian Prime Minister") belongs to the title.
            titles.add(words.pop(0).lower())
        else:
            break
    # A title inside the run, after its own modifiers: "Senate Majority Leader Mitch McConnell",
    # "Justice Department Spokesman Peter Carr" (not "Martin Luther King Jr.": a suffix follows).
    for i in range(len(words) - 2, 0, -1):
        if is_title(words[i]) and words[-1].rstrip(".") not in _NAME_SUFFIXES:
            titles.update(w.rstrip(".").lower() for w in words[:i + 1])
            words = words[i + 1:]
            break
    return titles, words


_NAME_SUFFIXES = frozenset(("Jr", "Sr", "II", "III", "IV"))


@lru_cache(maxsize=1)
def _name_breakers() -> frozenset[str]:
    """Words no name runs over: stopwords, determiners ("The Francis versus Trump dynamic")
    and the prepositions that open a sentence ("For Clinton’s campaign")."""
    return lexicon.words("stopwords") | lexicon.words("determiners") | lexicon.words("name_openers")


def _split_at_stopwords(words: list[str], stop) -> list[list[str]]:
    parts, current = [], []
    for w in words:
        if w.lower() in stop:
            if current:
                parts.append(current)
            current = []
        elif w.endswith(("’s", "'s")):
            parts.append(current + [w])  # "Ted Cruz’s Super PAC": the name ends at the possessive
            current = []
        elif w.endswith(".") and len(w) > 2 and w[:-1] not in _abbreviated():
            parts.append(current + [w[:-1]])  # "Ted Cruz. An ...": the sentence, and the name, end
            current = []
        else:
            current.append(w)
    if current:
        parts.append(current)
    return parts


def _strip_possessive(word: str) -> str:
    if word.endswith(("’s", "'s")):
        return word[:-2]
    return word[:-1] if word.endswith(("’", "'")) else word


def _same_stem(a: str, b: str) -> bool:
    n = min(len(a), len(b))
    return n >= 4 and a[:max(4, n - 3)] == b[:max(4, n - 3)]


_ORG_WORDS = None


def _looks_like_org(words: list[str]) -> bool:
    global _ORG_WORDS
    if _ORG_WORDS is None:
        _ORG_WORDS = lexicon.words("org_words")
    return any(_strip_possessive(w).lower() in _ORG_WORDS for w in words)
