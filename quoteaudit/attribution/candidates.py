"""Candidate sources of a quotation: every mention near it that could be its speaker.

The speech-cue pass (``rules.py``) has already parsed the subject of each cue and
resolved names, descriptions and pronouns. Around each quotation this module
gathers, from the previous paragraph (at most 400 characters back) to the end of the
quotation's paragraph (at most 200 characters on), the nearest 5 before and 3 after:

- the subject of every cue (``Tokayev told``, ``said the president``, ``according to X``),
- every mention of a person named in the document (full name or surname alone),
- every pronoun that can stand for a speaker (``he``, ``she``, ``they``, ``who``) and
  possessive (``his campaign``),
- a description opening a sentence ("The agency declined ...", "The Florida senator has
  said"): sources the cue rules miss when no speech verb follows;
- an organisation named by a run of capitalised words with an outlet or organisation word
  or an acronym in it ("Politico", "Economic Policy Institute", "NAACP"),
- the mention the rules chose, when they chose one.

Every capitalised word that nothing else accounts for was tried as a candidate too: it
lowered cross-validated accuracy (0.928 -> 0.925), so only the organisation-like runs are
offered (5-fold CV speaker accuracy 0.9216 -> 0.9234 with them).

Mentions that overlap are one candidate (a cue's subject "Russian President Vladimir
Putin" and the name "Vladimir Putin" in it). The ranker (``ranker.py``) picks one.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from .. import lexicon
from ..model import Attribution, Mention, Quotation
from ..regexes import regex
from ..wordchars import NOT_AFTER_WORD_ONE_BACK
from .common import Speaker, _is_role, _strip_possessive, opens_a_clause, outside_quotations
from .names import name_run


def _words_at_word_start(words: list[str]) -> str:
    """A regex of the words, each where no word character ("’", "'" or "-" either) stands
    before it: an alternative per first letter, written as that letter and then the
    lookbehind (two characters wide). The pattern then opens on literal letters, which the
    regex engine skips to in C (a lookahead or lookbehind first is tried at every position)."""
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[0], []).append(word[1:])
    return "(?:" + "|".join(f"{first}{NOT_AFTER_WORD_ONE_BACK}(?:{'|'.join(rest)})" for first, rest in rests.items()) + ")"


# A pronoun that can stand for a speaker, outside quotation marks ("he", "She’s", "who").
_PRONOUN = regex(_words_at_word_start(
    ["He", "he", "She", "she", "They", "they", "We", "we", "It", "it", "I", "Who", "who", "Which", "which",
     "His", "his", "Her", "her", "Its", "its", "Their", "their"]) + r"(?![\w-])")
_POSSESSIVE = frozenset(("his", "her", "its", "their"))
_RELATIVE = frozenset(("who", "which"))
# A noun phrase opening a sentence with a determiner ("The agency declined ...", "The Florida
# senator has ...", "A footnote in the report says"): what a description speaks through.
_OPENING_DESCRIPTION = regex(
    _words_at_word_start(["The", "This", "That", "These", "Those", "A", "An", "Another", "One"])
    + r"\s+[\w’'-]+(?:\s+[\w’'-]+){0,3}")
# A run of capitalised words, "of", "for" and "and" between them ("Center for Economic and
# Policy Research", "The Washington Post", "CNN"): an organisation when an organisation or
# outlet word or an acronym is in it. The capital is matched before the lookbehind (two
# characters wide) tests what stands before it: most positions then fail at once.
_CAPITALISED_RUN = regex(
    r"[A-Z](?<![\w’'].)(?<![&.-].)[\w’'&-]*(?:[ \t\u00a0]+(?:(?:of|for|and|on)[ \t\u00a0]+)?[A-Z][\w’'&-]*){0,5}")
_ACRONYM = regex(r"[A-Z]{2,5}(?:[’']s)?")
WINDOW_BACK = 400  # characters before a quotation that candidates are sought in
WINDOW_AHEAD = 200  # ... and after it, within its paragraph
MAX_BEFORE = 5  # the nearest mentions before a quotation that are ranked
MAX_AFTER = 3  # ... and after it


class Candidate:
    """One mention that could be a quotation's source, found once per document."""
    __slots__ = ("start", "end", "text", "names", "kind", "cue", "static", "static_score", "paragraph",
                 "position", "prev_word", "next_word", "resolved", "pronoun_names")

    def __init__(self, start: int, end: int, text: str, names: list[str], kind: str, cue=None) -> None:
        self.start, self.end, self.text = start, end, text
        self.names = names  # resolved name(s); several for "Putin and Tokayev"
        self.kind = kind  # name | pronoun | possessive | relative | description | organisation
        self.cue = cue  # rules.Cue whose subject this mention is
        self.static: list[str] | None = None  # features that do not depend on the quotation
        self.static_score: dict | None = None  # per model, made when first scored (most candidates never are)
        self.paragraph = -1  # set with the static features
        self.position = ""  # ... and where it stands: "opens" its sentence, "comma" after a comma
        self.prev_word = self.next_word = ""  # ... and the classes of the words either side
        self.resolved: str | None = None  # the one person it stands for ("": none), once asked
        self.pronoun_names: list[str] | None = None  # whom a pronoun found without names stands for, once asked

    @property
    def mention(self) -> Mention:
        return Mention(self.text, self.start, self.end)

    def __repr__(self) -> str:
        return f"Candidate({self.text!r}, {self.kind}, {self.names})"


def pronoun_words() -> frozenset[str]:
    return frozenset(lexicon.table("pronouns")) | _RELATIVE


class CandidateFinder:
    """Candidates for each quotation of one document, from a finished rules pass. The
    document's mentions are gathered and merged once; each quotation takes those in its
    window by bisection."""

    def __init__(self, attributor, quotations: list[Quotation]) -> None:
        self.att = attributor
        text = self.text = attributor.text
        # Mentions are sought only in the windows of the quotations to rank, merged.
        spans: list[list[int]] = []
        for q in quotations:
            start, end = self.window(q)
            if spans and start <= spans[-1][1]:
                spans[-1][1] = max(spans[-1][1], end)
            else:
                spans.append([start, end])
        self.spans = spans
        span_starts = [s for s, _ in spans]

        def wanted(at: int) -> bool:
            i = bisect_right(span_starts, at) - 1
            return i >= 0 and at < spans[i][1]

        found: list[Candidate] = []
        for cue in attributor.cues:
            sp = cue.subject
            if sp is None or not wanted(sp.mention.start):
                continue
            m = sp.mention
            kind = "relative" if m.text.lower() in _RELATIVE else sp.kind
            found.append(Candidate(m.start, m.end, m.text, list(sp.names), kind, cue))
        for name, ent in attributor.entities.items():
            names = [name]  # one list for all of an entity's mentions (never changed in place)
            for at in ent.mentions:
                if wanted(at):
                    length = _written_length(text, at, name)
                    found.append(Candidate(at, at + length, text[at:at + length], names, "name"))
        # Pronouns are sought outside quotations only: text that is nearly all quotation
        # (nested or unclosed marks) would otherwise cost a Candidate per pronoun in it.
        pronouns = pronoun_words()
        for start, end in outside_quotations(spans, attributor._quote_bounds):
            for m in _PRONOUN.finditer(text, start, end):
                word = m.group().lower()
                if word in pronouns or word in _POSSESSIVE:
                    kind = "relative" if word in _RELATIVE else "possessive" if word in _POSSESSIVE else "pronoun"
                    found.append(Candidate(m.start(), m.end(), m.group(), [], kind))
        for start, end in spans:
            for m in _OPENING_DESCRIPTION.finditer(text, start, end):
                if _opens_sentence(text, m.start()):
                    found.extend(_description(attributor, m))
            for m in _CAPITALISED_RUN.finditer(text, start, end):
                if _is_organisation(m.group()):
                    at, name = _without_opener(m.start(), _strip_possessive(m.group()))
                    found.append(Candidate(at, at + len(name), name, [name], "organisation"))
        self.pool = [c for c in _merge(found) if not attributor._inside_quote(c.start)]
        self.starts = [c.start for c in self.pool]

    @classmethod
    def over_speech(cls, attributor) -> "CandidateFinder":
        """The finder for the quotations the ranker ranks: the top-level speech ones."""
        return cls(attributor, [q for q in attributor.top if q.kind == "speech"])

    def window(self, q: Quotation) -> tuple[int, int]:
        att = self.att
        para = att._quote_paragraph[q.index]
        starts = att.paragraph_starts
        start = starts[para - 1] if para >= 1 else starts[para]
        start = max(start, q.start - WINDOW_BACK)
        end = starts[para + 1] if para + 1 < len(starts) else len(self.text)
        return start, min(att.end_paragraph_end(q, end), q.end + WINDOW_AHEAD)

    def find(self, q: Quotation, chosen: Attribution) -> tuple[list[Candidate], Candidate | None]:
        """The candidates in q's window, and which of them the rules chose (None: none)."""
        start, end = self.window(q)
        pool = self.pool
        lo, hi = bisect_left(self.starts, start), bisect_left(self.starts, end)
        inside = bisect_left(self.starts, q.start, lo, hi)
        after = bisect_left(self.starts, q.end, inside, hi)
        # The nearest mentions on each side: a source farther off is rare, and each costs time.
        found = pool[max(lo, inside - MAX_BEFORE):inside] + pool[after:min(hi, after + MAX_AFTER)]
        rule = None
        m = chosen.mention
        if m is not None and not q.start <= m.start < q.end:
            rule = next((c for c in found if c.start < m.end and m.start < c.end), None)
            if rule is None:  # a mention only the rules read ("the leader of Kazakhstan")
                names = list(chosen.candidates) or ([chosen.speaker] if chosen.speaker else [])
                rule = Candidate(m.start, m.end, m.text, names, _kind_of_method(chosen))
                found.append(rule)
                found.sort(key=lambda c: c.start)
        return found, rule

    def entity(self, cand: Candidate) -> str | None:
        """The person a candidate stands for, resolved once per candidate (None: nobody known)."""
        if cand.resolved is None:
            names = self.resolve(cand)
            cand.resolved = names[0] if len(names) == 1 else ""
        return cand.resolved or None

    def resolve(self, cand: Candidate) -> list[str]:
        """Names for a candidate found without them (a pronoun outside any cue), resolved once:
        the ranker's features and the decision both ask."""
        if cand.names or cand.kind not in ("pronoun", "possessive"):
            return cand.names
        if cand.pronoun_names is None:
            cand.pronoun_names = self._resolve_pronoun(cand)
        return cand.pronoun_names

    def speaker_names(self, cand: Candidate) -> list[str]:
        """Whom the chosen candidate names: ``resolve``, and for a relative pronoun the name
        it stands for ("Beck, who has described Trump as “…”"). Only the decision asks this:
        the ranker's features read ``resolve``, as the shipped model was trained."""
        names = self.resolve(cand)
        if not names and cand.kind == "relative":
            return self.att.relative_antecedent(cand.start, cand.end)
        return names

    def _resolve_pronoun(self, cand: Candidate) -> list[str]:
        att = self.att  # the rules' own resolution, for the same answer
        word = {"his": "he", "her": "she", "its": "it", "their": "they"}.get(cand.text.lower(), cand.text)
        mention = Mention(word, cand.start, cand.end)
        sp = att._resolve_pronoun(Speaker(mention, [], "pronoun", 0.8, "pronoun"),
                                  att._people_at(cand.start), cand.start)
        return sp.names


def _opens_sentence(text: str, at: int) -> bool:
    """After a line break, or after a sentence's end and a space (a closing mark between)."""
    if at < 1:
        return False
    if text[at - 1] == "\n":
        return True
    if at < 2 or not text[at - 1].isspace():
        return False
    end = text[at - 2]
    return end in ".!?" or (at >= 3 and end in "”\"’'" and text[at - 3] in ".!?")


def _description(att, m: re.Match) -> list[Candidate]:
    """The description a sentence opens with, cut at the first word that cannot be part of
    the noun phrase (a function word, a speech verb, a verb's -s or -ed after the noun), then
    after its last word that can speak; none when no such word follows the determiner."""
    stop = _phrase_breakers()
    words = m.group().split()
    kept = words[:1]
    for w in words[1:]:
        low = w.lower()
        if low in stop or (len(kept) > 1 and w[0].islower() and low.endswith(("s", "ed"))):
            break
        kept.append(w)
    # The phrase ends at its last word that can speak ("The billionaire businessman began").
    while len(kept) > 1 and not _speaking_head(kept[-1]):
        kept.pop()
    if len(kept) < 2:
        return []
    phrase = " ".join(kept)
    if not m.group().startswith(phrase):  # words split by more than one space
        return []
    names = att._resolve_description(kept, m.start())
    return [Candidate(m.start(), m.start() + len(phrase), phrase, names, "description")]


@lru_cache(maxsize=4096)  # the same runs recur ("White House", "Trump"), within a text and across texts
def _is_organisation(run: str) -> bool:
    words = _organisation_words()
    return any(_ACRONYM.fullmatch(w) or _strip_possessive(w).lower() in words for w in run.split())


_ORGANISATION_WORDS = None


def _organisation_words() -> frozenset:
    global _ORGANISATION_WORDS
    if _ORGANISATION_WORDS is None:
        _ORGANISATION_WORDS = lexicon.words("org_words") | lexicon.words("outlets")
    return _ORGANISATION_WORDS


def _speaking_head(word: str) -> bool:
    """A head noun that can speak: a role ("senator"), a source ("report", "agency", "crowd"),
    or a name ("The Wall Street Journal"). "The summit ended." offers no source."""
    low = _strip_possessive(word).lower()
    if word[0].isupper() or low in lexicon.table("source_types") or low in lexicon.table("gendered_roles"):
        return True
    return _is_role(low)


def _without_opener(at: int, run: str) -> tuple[int, str]:
    """A capitalised run without the preposition or conjunction that opens its sentence ("While
    Republicans have ...", "For Democrats"), and where it then starts."""
    first, _, rest = run.partition(" ")
    rest = rest.lstrip()
    if rest and first.lower() in opens_a_clause():
        return at + len(run) - len(rest), rest
    return at, run


_BREAKERS = None


def _phrase_breakers() -> frozenset:
    global _BREAKERS
    if _BREAKERS is None:
        _BREAKERS = (lexicon.words("stopwords") | lexicon.speech_cues()[0]) - {"the"}
    return _BREAKERS


def _kind_of_method(a: Attribution) -> str:
    if a.method == "pronoun":
        return "pronoun"
    if a.method == "description":
        return "description"
    return "name"


def _written_length(text: str, at: int, name: str) -> int:
    if text.startswith(name, at):
        return len(name)
    surname = name.split()[-1]
    if text.startswith(surname, at):
        return len(surname)
    run = name_run().match(text, at)  # "Sen. John McCain": the whole run
    if run:
        return run.end() - at
    end = at
    while end < len(text) and (text[end].isalnum() or text[end] in "-’'."):
        end += 1
    return max(1, end - at)


def _merge(found: list[Candidate]) -> list[Candidate]:
    """One candidate per group of overlapping mentions, keeping the richest reading:
    a cue's subject, else a named person, else the mention itself."""
    found.sort(key=lambda c: (c.start, -c.end))
    out: list[Candidate] = []
    for c in found:
        last = out[-1] if out else None
        if last is not None and c.start < last.end:
            keep, other = (last, c) if _rank(last) >= _rank(c) else (c, last)
            if keep.cue is None:
                keep.cue = other.cue
            if not keep.names and other.names:
                keep.names = other.names
            out[-1] = keep
        else:
            out.append(c)
    return out


def _rank(c: Candidate) -> int:
    return (2 if c.cue is not None else 0) + (1 if c.kind == "name" else 0)
