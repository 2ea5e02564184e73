"""Who speaks each cue of reported speech.

``reported_speech`` finds the statements; this module finds their speakers, in the order
a reader would:

1. the cue's subject as the attribution stage parsed and resolved it (``Cue.subject``);
2. the subject of the cue before, for a second verb ("..., but pledged to remain civil") and
   for a participle after a comma ("..., noting that ..."); else, for a participle or a verb
   coordinated with the clause's first one ("... survived ... and says"), the sentence's
   subject or the plain noun phrase opening it ("Both parents stiffened ..., saying");
3. failing those, a guess: a bare plural ("But opponents say"), a plain noun phrase before the
   cue ("In separate interviews, three current and former Podesta employees said").

``anonymous_source`` finds the words that leave a source unnamed ("sources said", "a person
familiar with the matter"); ``reported_speech.source_of`` chooses between them and the subject.

``with_tagged_cues`` adds the cue tagger's words to the lexicon's cues, each with the subject
the attribution stage's parser finds for it.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from . import lexicon
from .attribution.common import Cue, Speaker, _role_head
from .attribution.cues import cue_limit
from .cue_model import CueModel, Scanner, tag
from .model import Mention
from .regexes import regex
from .wordchars import NOT_AFTER_WORD


class CueSubjects:
    """The cues of one document in text order, and who speaks each. ``sentences`` is the
    statement finder's sentence index (``start(pos, floor)``)."""

    def __init__(self, text: str, attributor, sentences, cues: list) -> None:
        self.text, self.attributor, self.sentences = text, attributor, sentences
        self.hints = anonymity_hints(text)
        self.cues = sorted(cues, key=lambda c: c.start)
        self.cue_starts = [c.start for c in self.cues]
        self.shared_subjects = {}  # id(cue) -> the subject it shares with the cue before it
        previous = None  # the last cue not inverted, or the cue whose complement holds its subject
        for cue in self.cues:
            joint = None
            if not cue.inverted and previous is not None and previous.subject is not None \
                    and cue.start - previous.end < 300:
                joint = _SHARED_SUBJECT.match(text, previous.end, cue.start)
            if joint is not None and (cue.subject is None or cue.subject.mention.end <= joint.start(1) or (
                    joint.group("circumstance") and cue.subject.mention.start >= joint.start("circumstance"))):
                # "Demonstrators said they want ..., but pledged to remain civil", "She said she had
                # met with Manafort twice but said ...": the second verb shares the first one's
                # subject (not a noun before the "but", nor "a later interview" after it).
                self.shared_subjects[id(cue)] = previous.subject
            if cue.inverted:
                continue
            if previous is not None and previous.subject is not None and cue.subject is not None \
                    and cue.subject.mention.start >= previous.end and id(cue) not in self.shared_subjects \
                    and _SENTENCE_BREAK.search(text, previous.end, cue.start) is None:
                # "The employee said he did not recall it, but in a later interview said": "he"
                # is the subject of "recall", inside what "said" reports; the "but" clause shares
                # the subject of "said"
                continue
            previous = cue

    def parsed(self, cue) -> Speaker | None:
        """The subject a parser gave the cue, or the one it shares with the cue before it."""
        return self.shared_subjects.get(id(cue)) or cue.subject

    def may_guess(self, cue) -> bool:
        """Whether no parser gave the cue a subject, so that one may be guessed (a participle's,
        a plain noun phrase's, ...)."""
        if cue.subject is not None or cue.inverted or id(cue) in self.shared_subjects:
            return False
        # "Federal officials ..., speaking on the condition of anonymity, said": unnamed, not guessed
        return anonymous_source(self.text, cue.start, cue.end, None, False, self.hints) is None

    def of(self, cue, speech: bool):
        """The cue's subject (as the attribution stage found it, or one it leaves alone) and
        whether it stands after the cue."""
        text, subject, inverted = self.text, self.parsed(cue), cue.inverted
        comma_before = _COMMA_BEFORE.search(text, max(0, cue.start - 3), cue.start) is not None
        if not inverted and speech and comma_before:
            # "..., predicted Madeleine Kunin, the former governor": the speaker after the verb,
            # the clause before it (the attribution stage reads this order only after a quotation).
            after = self.attributor._forward_np(cue.end)
            if after is not None and (after.kind == "name" or after.names or _role_head(after.mention.text)) \
                    and (text[after.mention.end:after.mention.end + 1] in (".", ",", ";", "")
                         or _PLACE_AFTER.match(text, after.mention.end)):  # "says X in Almaty."
                return after, True
            tail = _SOURCE_TO_END.match(text, cue.end)
            if after is None and tail is not None and _plain_source(tail.group(1)):
                # "..., said several of his friends from Chicago.": the words to the sentence's end
                return Speaker(Mention(tail.group(1), tail.start(1), tail.end(1)), [], "description", 0.5,
                               "description"), True
        if subject is None and cue.text[:9].lower() == "according":
            # "According to state law, ...", "according to media trackers": a law, a document
            # or a count is a source as much as a person is.
            words = _SOURCE_PHRASE.match(text, cue.end)
            if words:
                subject = Speaker(Mention(words.group(1), words.start(1), words.end(1)), [], "description",
                                  0.5, "description")
        if subject is not None or inverted:
            return subject, inverted
        participle = cue.text.endswith("ing") and (
            comma_before or PREPOSITION_BEFORE.search(text, max(0, cue.start - 12), cue.start) is not None)
        if participle or _COORDINATED.search(text, max(0, cue.start - 20), cue.start):
            # "..., saying that ...", "... survived ... and says ...": the clause's subject speaks
            subject = self.clause_subject(cue)
            if subject is not None:
                return subject, inverted
        bare = _bare_plural_subject(text, cue) or self.noun_phrase_before(cue) or _relative_pronoun_before(text, cue)
        return (Speaker(bare, [], "description", 0.5, "description") if bare else None), inverted

    def clause_subject(self, cue) -> Speaker | None:
        """Who speaks a participle after a comma ("..., Mr. Brown said, recalling a visit", "...,
        a charge that Colorado Republican leaders denied, noting that ...") or a verb coordinated
        with the clause's first one ("The Arizona Republican survived ... and says"): the subject
        of the nearest cue before it in the sentence that is no participle, else the sentence's
        subject, else the plain noun phrase that opens the sentence; nobody when the comma
        closes an opening subordinate clause ("Though X described it as ..., protesting
        delegates")."""
        text = self.text
        start = self.sentences.start(cue.start, max(0, cue.start - 600))
        i = bisect_left(self.cue_starts, cue.start) - 1
        while i >= 0 and self.cues[i].start >= start and (
                _participle(self.cues[i].text) or self._unresolved_possessor(self.cues[i])):
            # "..., seeking an injunction ..., claiming": the verb before both; "Both parents
            # stiffened their denunciation of Mr. Trump, saying": not "their" but the clause's subject
            i -= 1
        if i >= 0 and self.cues[i].start >= start:
            before = self.cues[i]
            opening = _NON_SPACE.search(text, start, before.start)
            if opening is not None and opening.group().lower() in lexicon.words("subordinators") \
                    and text.find(",", start, text.rfind(",", before.end, cue.start)) == -1:
                return None  # "Though X described it as ..., protesting delegates": the main clause opens
            subject, inverted = self.of(before, True)
            return subject
        subject = self.attributor._sentence_subject(start, cue.start)
        if subject is None:
            opening = self.opening_noun_phrase(start, cue.start)
            subject = Speaker(opening, [], "description", 0.5, "description") if opening else None
        return subject if subject is not None and subject.mention.end < cue.start else None

    def _unresolved_possessor(self, cue) -> bool:
        """Whether a preposition cue's source is a possessive pronoun that names nobody ("their
        denunciation of")."""
        if cue.text.lower() not in lexicon.words("cue_particles"):
            return False
        subject = self.parsed(cue)
        return subject is not None and subject.kind == "pronoun" and not subject.names

    def opening_noun_phrase(self, start: int, end: int) -> Mention | None:
        """The plain noun phrase that opens a sentence, before its first verb ("Both parents
        stiffened ...", "In May, a U.S. District Court judge sided ..."): up to six words, the
        verb a lowercase word ending in -ed or an auxiliary."""
        found = _OPENING_NOUN_PHRASE.match(self.text, start, end)
        if found is None:
            return None
        words = found.group(1).split()
        if words[-1].lower() in _phrase_stopwords() or not _opens_like_a_source(words):
            return None
        return Mention(found.group(1), found.start(1), found.end(1))

    def noun_phrase_before(self, cue) -> Mention | None:
        """The words between a clause's opening and a cue that no parser took for its subject
        ("In separate interviews, three current and former Podesta employees said", "A survey by
        the organization in March found"): a plain noun phrase of a few words, read back to the
        sentence's start, a comma or a conjunction; up to twelve words ("Majorities of Democrats in
        five states going to the polls Tuesday say")."""
        text = self.text
        floor = self.sentences.start(cue.start, max(0, cue.start - 100))
        found = _NOUN_PHRASE_BEFORE.search(text, floor, cue.start)
        if found is None:
            return None
        stop = _phrase_stopwords()
        start, end = found.span(1)
        for word in _NON_SPACE.finditer(text, start, end):  # "where local party leaders say"
            if word.group().lower() not in stop:
                break
            start = word.end() + 1
        that = text.rfind(" that ", start, end)
        if that >= 0:
            start = that + 6  # "a charge that Colorado Republican leaders strongly denied"
        if cue.text.lower() in lexicon.words("cue_particles"):
            # "most of his competitors called for": a preposition's cue opens on the word before
            end = text.rfind(" ", start, end)
            end = len(text[start:end].rstrip()) + start if end > start else start
        phrase = text[start:end]
        words = phrase.lower().split()
        last = words[-1] if words else ""
        if not last or last in stop or last in lexicon.words("pronouns") or not (last[-1].isalnum() or last[-1] == "%") \
                or any(_looks_like_a_verb(w) for w in words):
            return None
        return Mention(phrase, start, end)


def with_tagged_cues(scan: Scanner, attributor, model: CueModel | None) -> list:
    """The attribution stage's speech cues, then the words the cue tagger takes for cues
    (outside quotations, not within a speech cue), their subjects parsed and resolved by
    the same machinery."""
    speech = sorted((c.start, c.end) for c in attributor.cues)
    starts = [s for s, _ in speech]

    def in_speech_cue(start: int) -> bool:
        j = bisect_right(starts, start) - 1
        return j >= 0 and speech[j][1] >= start

    extra = []
    # Tagged cues count against the speech cues' limit (1,000 and one per 100 characters):
    # a text of nothing but "criticized" would otherwise cost a subject parse per word.
    text = scan.text
    room = cue_limit(len(text)) - len(attributor.cues)
    for start, end, word, _ in tag(scan, model, in_speech_cue):
        if len(extra) >= room:
            if attributor.cues_stopped_at is None or start < attributor.cues_stopped_at:
                attributor.cues_stopped_at = start
            break
        cue = Cue(start, end, word, paragraph=attributor._paragraph_of(start))
        sp = attributor._subject_of(cue)
        if cue.inverted:
            sp = None
        if sp is not None and sp.kind == "pronoun":
            sp = _maker_of_it(text, sp, cue, attributor)
        if sp is None:
            sp = _possessive_source(text, start, attributor)
        else:
            sp = _pronoun_resolved(attributor, _governor_of_noun(text, _possessor_of_noun(text, sp, word, attributor),
                                                                 cue, attributor), cue)
        if sp is None:
            cue, sp = _longer_cue(text, cue, attributor)
            if sp is not None:
                sp = _pronoun_resolved(attributor, sp, cue)
        cue.subject = sp
        extra.append(cue)
    return [*attributor.cues, *extra]


_MADE_IT = regex(NOT_AFTER_WORD + r"(made|make|makes|making)[ \t\u00a0]+(?i:it)$")


def _maker_of_it(text: str, sp: Speaker, cue: Cue, attributor) -> Speaker | None:
    """The subject of "made" in "Jane Sanders made it clear that ...", where the tagged word
    ("clear") read "it" for its subject."""
    made = _MADE_IT.search(text, max(0, sp.mention.start - 8), sp.mention.end)
    if made is None:
        return sp
    return _cue_at(text, made.start(1), made.end(1), cue.paragraph, attributor)[1]


_WORD_BEFORE = regex(r"(?<![\w’'-])([a-z]+)[ \t\u00a0]+$")


def _governor_of_noun(text: str, sp: Speaker, cue: Cue, attributor) -> Speaker:
    """For a preposition cue right after a plain noun phrase that is the object of a verb
    ("Trump launched *a pre-emptive attack* against", "Obama could offer *a potent testimony*
    about"), the noun is what is said and the verb's subject who says it."""
    if sp.kind != "description" or sp.names or cue.text.lower() not in lexicon.words("cue_particles") \
            or text[sp.mention.end:cue.start].strip() or _role_head(sp.mention.text):
        return sp
    verb = _WORD_BEFORE.search(text, max(0, sp.mention.start - 30), sp.mention.start)
    if verb is None or verb.group(1) in _phrase_stopwords() or verb.group(1) in lexicon.words("determiners"):
        return sp
    subject = _cue_at(text, verb.start(1), verb.end(1), cue.paragraph, attributor)[1]
    return subject if subject is not None and subject.kind in ("name", "pronoun") else sp


def _possessor_of_noun(text: str, sp: Speaker, word: str, attributor) -> Speaker:
    """For a preposition that ends a cue ("Trump continued his attacks *against* Curiel", "after
    focusing her attention *on*"), a noun phrase opened by a possessive pronoun is what is
    said about, its possessor who says it."""
    if sp.kind != "description" or word.lower() not in lexicon.words("cue_particles"):
        return sp
    words = sp.mention.text.split(None, 1)
    if len(words) < 2 or words[0].lower() not in _POSSESSED_BY:
        return sp
    noun_at = sp.mention.start + sp.mention.text.index(words[1], len(words[0]))
    return _possessive_source(text, noun_at, attributor) or sp


def _pronoun_resolved(attributor, sp: Speaker, cue: Cue) -> Speaker:
    """A pronoun subject resolved to the people named before its cue; any other, or one
    resolved already (a possessive, as the pronoun it stands for: "his" as "he"), as it is."""
    if sp.kind != "pronoun" or sp.names:
        return sp
    return attributor._resolve_pronoun(sp, attributor._people_at(cue.start), cue.start)


_NON_SPACE = regex(r"\S+")
_LOWER_WORDS_BEFORE = regex(r"(?:(?<=\s)|^)((?:[a-z][\w’'-]*[ \t\u00a0]+){1,3})$")


def _longer_cue(text: str, cue: Cue, attributor) -> tuple[Cue, Speaker | None]:
    """A tagged word whose subject stands before the words of the cue that come first
    ("Clinton laid *out*", "Trump is raising questions *about*"): the cue from the nearest
    of up to three lowercase words before it that has a subject."""
    words = _LOWER_WORDS_BEFORE.search(text, max(0, cue.start - 40), cue.start)
    if words is None:
        return cue, None
    starts = [m.start() for m in _NON_SPACE.finditer(text, words.start(1), cue.start)]
    for start in reversed(starts):
        longer, sp = _cue_at(text, start, cue.end, cue.paragraph, attributor)
        if sp is not None:
            return longer, sp
    return cue, None


def _cue_at(text: str, start: int, end: int, paragraph: int, attributor) -> tuple[Cue, Speaker | None]:
    """A cue over text[start:end] and the subject the attribution stage parses for it standing
    before it (None when there is none, or when the cue reads as inverted)."""
    cue = Cue(start, end, text[start:end], paragraph=paragraph)
    subject = attributor._subject_of(cue)
    return cue, subject if not cue.inverted else None


# "his claim that ...", "their view": a noun cue's possessive is its source.
_POSSESSIVE = regex(NOT_AFTER_WORD + r"(his|her|their)[ \t\u00a0]+$", re.IGNORECASE)
_POSSESSED_BY = {"his": "he", "her": "she", "their": "they"}


def _possessive_source(text: str, cue_start: int, attributor) -> Speaker | None:
    m = _POSSESSIVE.search(text, max(0, cue_start - 8), cue_start)
    if m is None:
        return None
    mention = Mention(m.group(1), m.start(1), m.end(1))
    # resolved as the subject pronoun it stands for ("his" as "he")
    as_subject = Speaker(Mention(_POSSESSED_BY[m.group(1).lower()], mention.start, mention.end), [], "pronoun", 0.6,
                         "pronoun")
    sp = attributor._resolve_pronoun(as_subject, attributor._people_at(cue_start), cue_start)
    return Speaker(mention, sp.names, sp.method, sp.confidence, sp.kind)


# "But opponents say", "Many economists argue": a bare plural noun opening the clause, which
# the quotation attributor leaves alone (for a quotation it is rarely the speaker).
_BARE_PLURAL = regex(r"(?:^|(?<=[.!?;:]\s)|(?<=\n)|\b(?:[Bb]ut|[Aa]nd|[Yy]et|[Ss]o)\s+)"
                     r"((?:(?:[Mm]any|[Ss]ome|[Mm]ost|[Oo]ther|[Ss]everal|[Ff]ew|[Bb]oth|[Aa]ll)\s+)?"
                     r"(?:[a-z]+\s+)?[a-z]{3,}s"
                     # a share of a poll's respondents: "About 9 percent said", "52% say"
                     r"|(?:[Aa]bout\s+|[Nn]early\s+|[Oo]nly\s+|[Jj]ust\s+)?\d[\d.,]*(?:\s*percent|%)"
                     r"(?:\s+of\s+[a-z]+)?)\s+(?:(?:are|were|have|had|also|still|now|all|[a-z]+ly)\s+){0,2}$")


# A clause's opening (sentence start, a comma, a conjunction), then 1-8 words, then the words that
# may stand between a subject and its verb ("also", "have", "reportedly").
_NOUN_PHRASE_BEFORE = regex(
    r"(?:^|(?<=[,;:(—–\n])|(?<=[.!?][\"”’']\s)|(?<=[.!?]\s)"
    r"|\b(?:[Aa]nd|[Bb]ut|[Ss]o|[Yy]et)\s)\s*"
    r"((?:[\w’'&.%$-]+[ \t\u00a0]+){0,11}?[\w’'&.%$-]+)[ \t\u00a0]+"
    r"(?:(?:also|have|has|had|now|still|already|both|all|not|[a-z]+ly)[ \t\u00a0]+){0,3}$")


@lru_cache(maxsize=1)
def _phrase_stopwords() -> frozenset[str]:
    """The stopwords that neither open nor end a guessed subject ("those surveyed" may)."""
    return lexicon.words("stopwords") - lexicon.words("subject_openers")


def _looks_like_a_verb(word: str) -> bool:
    """A word that no noun phrase holds: an auxiliary or a speech verb ("retired generals", "those
    polled": an -ed word may be an adjective)."""
    return word in lexicon.words("verb_words") or word in lexicon.speech_cues()[0]


def _opens_like_a_source(words: list[str]) -> bool:
    """Words that can name who speaks: opened by a capital or a determiner, and no verb among them."""
    return (words[0][0].isupper() or words[0].lower() in lexicon.words("determiners")) \
        and not any(_looks_like_a_verb(w.lower()) for w in words)


def _plain_source(phrase: str) -> bool:
    """Words that can be who speaks after an inverted cue, to the sentence's end (no "that")."""
    words = phrase.split()
    return _opens_like_a_source(words) and not any(w.lower() == "that" for w in words)


def _relative_pronoun_before(text: str, cue) -> Mention | None:
    """The "who" right before a cue whose antecedent no parser named ("Among those who said
    they cared most", "four in 10 who said"): PolNeAR's source is the pronoun."""
    found = _WHO_BEFORE.search(text, max(0, cue.start - 40), cue.start)
    return Mention(found.group(1), found.start(1), found.end(1)) if found else None


_WHO_BEFORE = regex(r"(?<![\w’'])(who)[ \t\u00a0]+(?:(?:also|has|have|had|was|were|is|are|[a-z]+ly)[ \t\u00a0]+){0,3}$")


def _bare_plural_subject(text: str, cue) -> Mention | None:
    start = max(0, cue.start - 60)
    m = _BARE_PLURAL.search(text[start:cue.start])
    if m is None or m.group(1).split()[-1] in lexicon.words("stopwords"):
        return None
    return Mention(m.group(1), start + m.start(1), start + m.end(1))


@lru_cache(maxsize=1)
def _anonymity() -> re.Pattern:
    phrases = sorted(lexicon.words("anonymous_sources"), key=lambda p: (-len(p), p))  # longest first, then fixed
    return regex(r"\b(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases) + r")\b",
                 re.IGNORECASE)


_ANONYMITY_HINTS = ("familiar", "anonym", "Anonym", "authori", "named", "identified")


def anonymity_hints(text: str) -> list[int]:
    """Where the words that every anonymity phrase holds stand, found once per document
    (str.find runs in C; a regex over every cue's surroundings was a tenth of the stage)."""
    found = []
    for word in _ANONYMITY_HINTS:
        at = text.find(word)
        while at != -1:
            found.append(at)
            at = text.find(word, at + 1)
    return sorted(found)


_SOURCE_HEAD = regex(r"\bsources?$", re.IGNORECASE)
_SENTENCE_BREAK = regex(r"[.!?][\"”’']?\s+(?=[A-Z“\"])|\n")


def anonymous_source(text: str, cue_start: int, cue_end: int, subject, inverted: bool,
                      hints: list[int]) -> Mention | None:
    """The words that leave a statement's source unnamed, near its cue: a speaker whose
    head is "source(s)" ("sources said", "said a senior source"), or a phrase of the data
    list on the speaker's side of the cue ("people familiar with the matter said",
    "according to officials who spoke on condition of anonymity")."""
    mention = getattr(subject, "mention", None)
    if mention is not None and "ource" in mention.text and _SOURCE_HEAD.search(mention.text):
        return mention
    i = bisect_left(hints, cue_start - 160)
    if i == len(hints) or hints[i] > cue_end + 160:
        return None  # most cues: none of the words the phrases need nearby
    if inverted:
        window = text[cue_end:cue_end + 160]
        cut = _SENTENCE_BREAK.search(window)
        start, window = cue_end, window[:cut.start()] if cut else window
    else:
        start = max(0, cue_start - 160)
        window = text[start:cue_start]
        cuts = list(_SENTENCE_BREAK.finditer(window))
        if cuts:
            start, window = start + cuts[-1].end(), window[cuts[-1].end():]
    m = _anonymity().search(window)
    if m is None:
        return None
    s, e = start + m.start(), start + m.end()
    return Mention(text[s:e], s, e)


_SOURCE_PHRASE = regex(r"\s+([^\s,.;:“”\"]+(?:[ \t\u00a0]+[^\s,.;:“”\"]+){0,7})(?=\s*[,.;:])")
_COMMA_BEFORE = regex(r",\s*$")
PREPOSITION_BEFORE = regex(r"\s(?:before|after|while|without|besides|by)\s+$")  # "... before backing"
_PLACE_AFTER = regex(r"[ \t]+(?:in|at|of|from)[ \t]+[A-Z][\w’'.-]*(?:[ \t]+[A-Z][\w’'.-]*){0,2}[ \t]*[.;](?!\w)")
_SOURCE_TO_END = regex(r"[ \t]+([^\s,.;:!?“”\"]+(?:[ \t]+[^\s,.;:!?“”\"]+){0,7})[ \t]*\.(?:\s|$)")
_COORDINATED = regex(r"[^;:]\s(?:and|but)\s+(?:(?:also|then|later|now)\s+)?$")
# An opening phrase closed by a comma ("In May, "), then up to six words before a verb
_OPENING_NOUN_PHRASE = regex(
    r"\s*(?:(?:[Ii]n|[Oo]n|[Aa]t|[Aa]fter|[Bb]efore|[Ss]ince|[Ll]ast|[Tt]his|[Ee]arlier|[Ll]ater)\b[^,\n]{0,40},\s+)?"
    r"((?:[\w’'&.-]+[ \t\u00a0]+){0,5}?[\w’'&.-]+)[ \t\u00a0]+"
    r"(?:(?:also|then|later|now|[a-z]+ly)[ \t\u00a0]+)?(?:[a-z]+ed|has|had|have|is|was|were|are|will|would)\b")
_SENTENCE_BREAK = regex(r"[.!?;:\n]")
# What may stand between a conjunction and the verb it coordinates: "but later", "and then",
# "but in a later interview"
AFTER_CONJUNCTION = (r"(?:(?:also|then|later)\s+)?"
                     r"(?P<circumstance>(?:in|at|on|during|after|before)\s+(?:[\w’'-]+\s+){1,4})?")
# "..., but pledged", "... and then said", "..., but in a later interview said"
_SHARED_SUBJECT = regex(r"[^.!?;:\n]*\s(and|but)\s+" + AFTER_CONJUNCTION + "$")


def _participle(cue_text: str) -> bool:
    """Whether a cue is a participle alone ("seeking"), not a verb in the progressive ("have
    been urging"), whose subject stands before it."""
    return cue_text.endswith("ing") and " " not in cue_text
