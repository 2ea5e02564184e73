"""Names in a document: the people it introduces (with the titles written before them),
their surnames and genders, and the resolution of a written name or description to one
of them (a mixin of the rules' worker, ``rules._Attributor``)."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from .. import lexicon
from ..regexes import regex
from ..wordchars import NOT_AFTER_WORD_ONE_BACK, NOT_BEFORE_WORD
from .sources import names_a_body
from .common import (_abbreviated, _honorifics, _is_state, _is_title, _opens_no_name, _same_stem,
                     _strip_possessive, _walk_to_paragraph, fills_quotation, place_apposition)


@lru_cache(maxsize=1)
def name_run() -> re.Pattern:
    """Capitalised words in a row, with the particles a name holds ("Bill de Blasio", "Ursula von
    der Leyen"; data/name_particles.txt)."""
    # A word of a run is read for at most 40 characters: a word must end in a space for the run
    # to go on, and an unbounded read backtracked over a whole hyphenated run ("A-A-A-...")
    # from each of its capitals (quadratic: 4,000 characters of it took 1.5 s).
    particle = r"(?:(?:%s)[ \t\u00a0]+){0,2}" % "|".join(sorted(lexicon.words("name_particles")))
    word = r"(?:[a-z]{0,3}\.|[\w’'\-]{0,40})[ \t\u00a0]+"
    # (a run opens on no letter of an abbreviation: "U.S. Rep. Gwen Graham" is no "S. Rep. Gwen Graham")
    return regex(r"[A-Z](?<!\w.)(?<![A-Z]\..)" + word + particle + r"(?:[A-Z]" + word + particle + r"){0,4}[A-Z][\w’'\-]*")


_LOWER_WORD = regex(r"[a-z]" + NOT_AFTER_WORD_ONE_BACK + r"[a-z]{2,}" + NOT_BEFORE_WORD)
_LONG_CAP_WORD = regex(r"[A-Z](?<!\w.)[^\W\d_]{3,}")
_CAP_WORD = regex(r"[A-Z](?<![\w-].)[\w’'-]*")
_FEW_WORDS = 40  # up to this many words, str.find per word; beyond, one pass over the text
_WORD_CHAR = regex(r"[\w-]")  # a capitalised word starts after none of these
_NAME_CHAR = regex(r"[\w’'-]")  # ... and runs on over these


@dataclass(slots=True)
class _Entity:
    """A person the text names: the full name, titles, gender and where each mention stands."""
    name: str
    titles: set[str] = field(default_factory=set)
    gender: str | None = None
    mentions: list[int] = field(default_factory=list)  # offsets of the name or its surname, in order

    def last_before(self, at: int) -> int:
        """Offset of the last mention before at, or -1."""
        i = bisect_left(self.mentions, at)
        return self.mentions[i - 1] if i else -1


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


@lru_cache(maxsize=1)
def _gendered_titles() -> dict[str, str]:
    genders = {k.lower().rstrip("."): g for k, g in _honorifics().items() if g in ("m", "f")}
    genders.update(lexicon.table("gendered_roles"))
    return genders


def _gender_of(name: str, titles: set[str]) -> str | None:
    """m or f from a gendered title ("Mrs.", "congresswoman") or a common first name; n for a
    state: "he" and "she" never stand for "New York"."""
    if _is_state(name):
        return "n"
    gender = _title_gender(titles)
    if gender is not None:
        return gender
    # No gendered title, or both ("Mr. Clinton" and "Mrs. Clinton" give their titles to
    # every Clinton): the first name decides.
    first = name.split()[0].lower()
    return lexicon.table("first_names").get(first)


def _title_gender(titles: set[str]) -> str | None:
    """m or f when the gendered titles among these agree ("mrs", "congresswoman"); else None."""
    gendered = _gendered_titles()
    genders = {gendered[title] for title in titles if title in gendered}
    return genders.pop() if len(genders) == 1 else None


def _titles_fit(name: str, titles: set[str]) -> set[str]:
    """The titles, less a gendered one that the first name of the name contradicts."""
    first = lexicon.table("first_names").get(name.split()[0].lower())
    gendered = _gendered_titles()
    return {t for t in titles if first is None or gendered.get(t, first) == first}


def _split_titles(words: list[str]) -> tuple[set[str], list[str]]:
    """("Russian President Vladimir Putin") -> ({"russian", "president"}, ["Vladimir", "Putin"])."""
    honor = _honorifics()
    titles = set()
    words = list(words)
    while len(words) > 1:
        if _is_title(words[0]):
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
        if _is_title(words[i]) and words[-1].rstrip(".") not in _NAME_SUFFIXES:
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
    last = len(words) - 1
    for k, w in enumerate(words):
        if w.lower() in stop and not (k == last == 1 and w[:1].isupper() and w[1:].islower() and current
                                      and current[0].lower() in lexicon.table("first_names")
                                      and w.lower() not in lexicon.table("pronouns")):
            # (a first name and one such word are a person: "Al From", "George Will")
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
_ORG_WORDS = None


def _looks_like_org(words: list[str]) -> bool:
    global _ORG_WORDS
    if _ORG_WORDS is None:
        _ORG_WORDS = lexicon.words("org_words")
    return any(_strip_possessive(w).lower() in _ORG_WORDS for w in words)


@lru_cache(maxsize=4096)  # a name run recurs ("Donald Trump"), in a text and across texts: split it once
def _name_parts(run: str) -> tuple[tuple[frozenset[str], tuple[str, ...], bool], ...]:
    """A capitalised run's parts between stopwords, each as (its titles, the name's words,
    whether it looks like an organisation)."""
    return tuple((frozenset(titles), tuple(words), _looks_like_org(words)) for titles, words in
                 (_split_titles(w) for w in _split_at_stopwords(run.split(), _name_breakers())))


class NameIndex:
    """Methods of ``rules._Attributor`` (which holds the text, the quotations and the state
    they read)."""

    def _collect_names(self) -> None:
        """Full names in the document, with the titles written before them."""
        titled_surnames = []  # ("Tokayev", {"president"}) from "President Tokayev"
        starts = self.paragraph_starts
        para, para_end = 0, -1  # the runs come in order: each paragraph is tested once, walking on
        for m in name_run().finditer(self.text):
            at = m.start()
            if at >= para_end:
                para = _walk_to_paragraph(starts, para, at)
                para_end = starts[para + 1] if para + 1 < len(starts) else len(self.text)
                headline = self._is_headline(starts[para], para_end)
            if headline or fills_quotation(self.text, at, m.end()):
                continue  # headline case capitalises every word; “Going Viral,” is a title
            for titles, name_words, org in _name_parts(m.group(0)):
                while len(name_words) >= 3 and _opens_no_name(name_words[0]):
                    name_words = name_words[1:]  # "Comedian Sarah Silverman" is Sarah Silverman
                if 2 <= len(name_words) <= 4 and not org:
                    if m.group(0) == " ".join(name_words) and place_apposition(self.text, at, m.end()):
                        continue  # "Salem, New Hampshire,": a place
                    if len(name_words[-1]) == 1:
                        continue  # a name ends on no initial: "Assistant U" of "Assistant U.S. Attorney"
                    surname = _strip_possessive(name_words[-1])
                    name = " ".join([*name_words[:-1], surname])  # "Ivanka Trump’s" is Ivanka Trump
                    ent = self.entities.setdefault(name, _Entity(name))
                    ent.titles.update(titles)
                    ent.mentions.append(at)
                    if name not in self.surnames.get(surname, []) and not _is_state(name):
                        # (a state has no surname: "Hampshire", "Carolina" alone name no one)
                        self.surnames.setdefault(surname, []).append(name)
                elif len(name_words) == 1 and titles:
                    titled_surnames.append((_strip_possessive(name_words[0]), titles))
        self._merge_capitalised_by_place()
        self._surnames_without_particles()
        name_words = {w for name in self.entities for w in name.split()}
        for surname, titles in titled_surnames:
            if surname not in self.surnames and surname not in name_words \
                    and surname.lower() not in lexicon.table("first_names") and surname not in _abbreviated():
                # "President Obama" with no full name in the text: the surname is the name (not
                # "Mayor Bill" of Bill de Blasio, nor "Prince Alwaleed" of Alwaleed Bin Talal).
                self.entities[surname] = _Entity(surname)
                self.surnames[surname] = [surname]
            sharing = self.surnames.get(surname, [])
            for name in sharing:
                # "Mrs. Schlafly" beside Phyllis and John Schlafly: a gendered title is not
                # given to one whose first name is of the other gender.
                self.entities[name].titles.update(titles if len(sharing) == 1 else _titles_fit(name, titles))
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

    def _merge_capitalised_by_place(self) -> None:
        """A two-word "name" whose first word is capitalised only by its place ("Maybe Trump",
        "Said Comey", "Fascist Trump", a particle: "De Blasio") is the one person of that surname
        the text names in full: its mentions go to that person, and the surname no longer
        points at it."""
        particles = lexicon.words("name_particles")
        for name in [n for n in self.entities if n.count(" ") == 1]:
            first, surname = name.split()
            others = [o for o in self.surnames.get(surname, []) if o != name]
            if first.lower() in particles:
                # "De Blasio" opening a sentence is Bill de Blasio
                others = [o for o in others if o.endswith(f" {first.lower()} {surname}")]
            elif not _opens_no_name(first):
                continue
            if not others and first.lower() not in particles:
                others = [surname]  # no one of that surname in full: the surname alone names them
                self.entities.setdefault(surname, _Entity(surname))
                self.surnames[surname].append(surname)
            if len(others) != 1:
                continue
            ent = self.entities.pop(name)
            self.surnames[surname].remove(name)
            person = self.entities[others[0]]
            person.titles.update(ent.titles)
            person.mentions = sorted(person.mentions + ent.mentions)

    def _surnames_without_particles(self) -> None:
        """A surname after a particle goes to the name that has it without one ("Los Hijos de
        Trump" beside Donald Trump)."""
        particles = lexicon.words("name_particles")
        for names in self.surnames.values():
            plain = [n for n in names if not any(w.lower() in particles for w in n.split()[:-1])]
            if plain and len(plain) < len(names):
                names[:] = plain

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
        if len(words) > 1 and all(w.lower() in lexicon.words("name_particles") for w in words[:-1]):
            # "de Blasio" / "De Blasio": the surname with its particle, as the full name ends
            tail = " " + " ".join(w.lower() for w in words[:-1]) + " " + words[-1]
            candidates = [c for c in candidates if c.endswith(tail)]
            words = words[-1:]
        if len(words) == 1 and len(candidates) > 1:
            # "Mrs. Schlafly" beside John and Phyllis Schlafly: the one of the title's gender.
            gender = _title_gender(titles)
            if gender is not None:
                candidates = [c for c in candidates if self._gender_ok(c, gender)] or candidates
        if len(words) == 1 and candidates:
            # The latest full name introduced before this point, else the first after it.
            ranked = sorted(candidates, key=lambda c: self.entities[c].last_before(at + 1) if c in self.entities else -1)
            return ranked[-1], titles
        return name, titles

    def _gender_ok(self, name: str, gender: str | None) -> bool:
        if gender in ("m", "f") and _is_state(name):
            return False  # also a state named alone, no entity ("Michigan was only doing ..., he told the court")
        ent = self.entities.get(name)
        if ent is None and gender in ("m", "f") and names_a_body(name):
            return False  # "WikiLeaks posted ... Although Assange was not charged, he has accused"
        return ent is None or ent.gender is None or gender is None or ent.gender == gender

    def _recent_person(self, at: int, gender: str | None = None, or_unknown: bool = False) -> str | None:
        """The person named last before at: of that gender (or, with or_unknown, of a gender
        nobody knows: never one known to be the other)."""
        best, best_at = None, -1
        for ent in self.entities.values():
            if gender is not None and ent.gender != gender and not (or_unknown and ent.gender is None):
                continue
            last = ent.last_before(at)  # -1: never named before at
            if last > best_at:
                best, best_at = ent, last
        return best.name if best else None

    def _resolve_description(self, words: list[str], at: int) -> list[str]:
        titles = lexicon.words("titles")
        lowered = [w.lower().rstrip(".") for w in words]
        # The head stands before "of", "for" or "to": "the President of Kazakhstan" is a president,
        # "the mother of Senator Cruz" and "a spokesman for the senator" are no senator.
        linked = next((i for i, w in enumerate(lowered) if i and w in ("of", "for", "to")), len(lowered))
        heads = [w for w in lowered[:linked] if w in titles]
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
