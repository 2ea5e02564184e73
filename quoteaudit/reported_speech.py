"""Every statement the article attributes: direct, mixed and indirect speech.

Runs after attribution and kinds. Each statement is a cue, a source and a content:

- direct: a speech quotation (all its paragraph parts), with the quotation's speaker;
- indirect: a speech cue outside quotation marks with the clause it reports: after the
  cue ("Tokayev said (that) ...", "X told Y that ...", "he said, adding that ..."), or
  before it when nothing follows ("..., Tokayev said.", "..., said the president.",
  "..., according to X."); "according to X, ..." reports what follows the comma;
- mixed: that clause when quotation marks cover part of it ("He said that the CTSO will
  not allow “color revolutions” to occur"), or the sentence of a partial quotation that
  no cue clause holds.

A clause ends where a coordinated statement of its own begins (", and Clinton said ...",
"... but pledged ..."); a cue in the passive reports its sentence, its source the agent
after "by" or nobody; a paragraph opening with a speaker's label ("Q:", "Lynch:") is the
label's statement; a quotation right after its statement's cue sentence goes on with that
statement (“A,” Clinton said. “B.”).

The cues are the attribution stage's speech cues and the words the trained cue tagger
(``cue_model.py``) takes for cues outside the lexicon ("criticized", "vowed", "shows",
"his claim"); who speaks each is ``cue_subjects.py``'s step (the attribution stage's parser
and pronoun resolution, else the cue before: "..., noting that", "... and urged", else a
plain noun phrase before the cue); ``source_of`` is the one step that decides between that
subject and an unnamed source, kept apart so a better speaker model can replace it.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from functools import lru_cache

from . import lexicon
from .attribution.resolution import source_type_of
from .attribution.common import Speaker
from .cue_model import CueModel, Scanner
from .cue_subjects import (AFTER_CONJUNCTION, PREPOSITION_BEFORE, CueSubjects, _participle, _phrase_stopwords,
                           anonymous_source, with_tagged_cues)
from .model import Attribution, Mention, Quotation, Span
from .regexes import regex
from .wordchars import NOT_AFTER_WORD

DIRECT_COVER = 0.9  # quotation marks over this share of a clause make it direct (the scorer's rule)
MIN_WORDS = 3  # a reported clause has at least this many words
MIN_WORDS_BEFORE_A_CUT = 2  # or two, when a later statement cuts it (called it “shameful” and called on ...)
MAX_LATER_CUES = 8  # the cues inside a clause looked at for one that opens a statement of its own
_WORDS = regex(r"[\w’'\-]+")
_LEAD = regex(r"[\s,:;—–-]*")
_TRAIL_CHARS = " \t\n\r\f\v\u00a0,:;.—–-"
_OPENS_ON_A_SUBJECT = regex(r"(?:I|[Hh]e|[Ss]he|[Ii]t|[Ww]e|[Tt]hey|[Yy]ou)(?:[’'][a-z]+)?[ \t\u00a0]")
_THAT = regex(r"(?:[^\s.!?;:“”\"]+[ \t\u00a0]+){0,8}?(that)\b")  # "told reporters Monday that", "said, however, that"


@dataclass(slots=True)
class ReportedSpeech:
    """One attributed statement. ``content`` holds its spans (several for a quotation
    running over paragraphs); ``quotations`` the indexes of the quotations inside it."""
    kind: str  # direct | mixed | indirect
    content: list[Span]
    cue: Mention | None
    speaker: str | None
    mention: Mention | None
    method: str
    confidence: float
    candidates: list[str] = field(default_factory=list)
    quotations: list[int] = field(default_factory=list)
    anonymous: Mention | None = None  # the words that leave the source unnamed ("sources", "a person familiar with")
    probability: float | None = None  # the speaker ranker's, for a direct statement
    source_type: str | None = None  # person | organisation | document | anonymous | group
    # The index of the statement this one is reported inside ("he would have fired him" in
    # "Kasich said he would have fired him, according to press reports"); None: top level
    parent: int | None = None

    @property
    def start(self) -> int:
        return self.content[0].start

    @property
    def end(self) -> int:
        return self.content[-1].end


def find_reported_speech(text: str, quotations: list[Quotation], attributions: list[Attribution],
                         attributor, cue_model: CueModel | None = None) -> list[ReportedSpeech]:
    """All statements, in document order. ``attributor`` is the attribution stage's
    worker (attribution.attribute_with_cues): its cues, subjects and sentence bounds;
    ``cue_model`` the cue tagger (None: the shipped one)."""
    scan = Scanner(text, attributor._quote_bounds)  # the tagger's reading, and where quotations stand
    cues = with_tagged_cues(scan, attributor, cue_model)
    finder = _Finder(text, quotations, attributions, attributor, scan, cues)
    subjects = finder.subjects
    # A cue whose subject no parser found (it may be guessed: a participle's, a plain noun
    # phrase's) claims its clause after the others: "X called for ..., sources said" is the sources'.
    ordered = sorted(cues, key=subjects.may_guess)  # stable: each group keeps its order
    found = [r for r in (finder.statement_of_cue(cue, id(cue) in finder.speech_cues) for cue in ordered)
             if r is not None]
    finder.add_quotations(found)
    found.extend(finder.labelled_lines(found))
    found.sort(key=lambda r: (r.start, r.end))
    for r in found:
        if r.source_type is None:
            r.source_type = source_type_of(attributor, r)
    _link_nested(found, finder.enclosing)
    return found


def _link_nested(found: list[ReportedSpeech], enclosing: set[int]) -> None:
    """Each statement's parent: the enclosing statement (one reported over a clause that holds
    another's cue, ``_Finder.enclosing``) it lies in, the direct statement of a quotation that
    opens the clause included."""
    if not enclosing:
        return
    starts = [r.start for r in found]
    for i, outer in enumerate(found):
        if id(outer) in enclosing:
            for k in range(bisect_left(starts, outer.start), bisect_left(starts, outer.end)):
                if found[k].parent is None and found[k] is not outer and (
                        found[k].start > outer.start or found[k].end < outer.end):
                    found[k].parent = i


def holding_others(statements: list[ReportedSpeech]) -> set[int]:
    """The indexes of the statements that another one is reported inside (its parent)."""
    return {st.parent for st in statements if st.parent is not None}


# Between a mixed statement's source and the speaker of the quotation inside it, the
# surer one stands for both (5-fold CV over PolNeAR train, docs/measurements.md):
DOUBTED_SPEAKER = 0.5  # a quotation's ranked speaker less likely than this yields to the statement's source
SURE_SPEAKER = 0.9  # a statement takes the speaker of its surest quotation from this probability


def agree_sources(attributions: list[Attribution], statements: list[ReportedSpeech]
                  ) -> tuple[list[Attribution], list[ReportedSpeech]]:
    """The quotations' speakers and the statements, where a mixed statement and its quotations
    disagree on who speaks. A doubted quotation speaker is replaced by the statement's source:
    in "Hillary Clinton went on offense ..., saying he would ..., his world view is “dangerously
    wrong”" the clause's cue was parsed for its subject, while the ranker only weighs the names
    near the quotation. A statement takes the speaker of a quotation the ranker is sure of,
    when it has no source of its own (a passive, a verb of seeming) or another one ("Holding
    signs calling Christie “…,” the protesters chanted" read "Holding signs" for the subject
    of "calling"). A statement open between people leaves its quotations alone."""
    attributions, statements = list(attributions), list(statements)
    holding = holding_others(statements)  # ("“…,” X said, according to Y")
    for k, st in enumerate(statements):
        if st.kind != "mixed" or len(st.candidates) > 1 or k in holding:
            continue
        sure = max((attributions[i] for i in st.quotations), key=lambda a: a.confidence, default=None)
        if sure is not None and sure.mention is not None and sure.confidence >= SURE_SPEAKER \
                and (st.mention is None or st.mention.start != sure.mention.start):
            st = statements[k] = replace(st, speaker=sure.speaker, mention=sure.mention, method=sure.method,
                                         confidence=sure.confidence, probability=sure.probability,
                                         source_type=sure.source_type)
        if st.mention is None or st.method == "none":
            continue
        for i in st.quotations:
            a = attributions[i]
            if a.confidence < DOUBTED_SPEAKER and (a.mention is None or a.mention.start != st.mention.start):
                attributions[i] = Attribution(i, st.speaker, st.mention, st.cue, st.method, st.confidence,
                                              source_type=st.source_type)
    return attributions, statements


class _Finder:
    """What the steps share for one document: its quotations and their cues, the sentence
    ends, every cue with who speaks it, and the clauses already reported."""

    def __init__(self, text: str, quotations: list[Quotation], attributions: list[Attribution], attributor,
                 scan: Scanner, cues: list) -> None:
        self.text, self.attributions, self.attributor = text, attributions, attributor
        self.top = [q for q in quotations if q.depth == 0]
        self.quote_starts = [q.start for q in self.top]
        self.top_position = {q.index: i for i, q in enumerate(self.top)}
        self.sentences = _Sentences(text, attributor, scan)
        self.subjects = CueSubjects(text, attributor, self.sentences, cues)
        self.claimed = _Claimed()  # clauses reported: one statement a clause
        self.enclosing: set[int] = set()  # ids of the statements reported over another one
        self.opening_sources = _Claimed()  # the clauses of "According to X, ...", with their statements
        self.speech_cues = {id(c) for c in attributor.cues}  # the lexicon's, not the tagger's
        self.quotation_cues: dict[int, list[Quotation]] = {}  # cue offset -> the quotations it attributes
        for q in self.top:
            cue = attributions[q.index].cue
            if cue is not None and attributions[q.index].method != "continuation":
                self.quotation_cues.setdefault(cue.start, []).append(q)

    def before_next_cue(self, start: int, end: int, min_words: int) -> tuple[int, int]:
        """A clause cut before the first later cue inside it that opens a clause of its own
        after a coordination ("... regulations, and Clinton is promising to ...", "... the
        test and warned North Korea ..."): two statements, not one. An embedded one ("said
        Clinton told him ...") leaves too few words before it and the clause whole."""
        text = self.text
        cues, starts = self.subjects.cues, self.subjects.cue_starts
        i = bisect_right(starts, start)
        last = min(bisect_left(starts, end), i + MAX_LATER_CUES)  # a text of nothing but cues stays linear
        while i < last:
            later = cues[i]
            i += 1
            if later.inverted:
                if _ACCORDING_TO.match(text, later.start) and text[start:later.start].rstrip().endswith(","):
                    # "told aides that he viewed Sanders as a threat, according to someone in
                    # attendance": the source's phrase is no part of what was told
                    clause = _trim(text, start, text.rindex(",", start, later.start), min_words)
                    if clause is not None:
                        return clause
                continue
            subject = self.subjects.parsed(later)
            if subject is None:  # "..., while nine in 10 said they ...": a guessed subject
                subject = self.subjects.of(later, id(later) in self.speech_cues)[0]
            own_subject = subject is not None and start < subject.mention.start < later.start
            cut = subject.mention.start if own_subject else later.start
            joint = _COORDINATION_BEFORE.search(text, max(start, cut - 60), cut)
            if joint is None and later.text.endswith("ing"):
                # "an organization that endorsed Sanders before backing Clinton": two statements
                joint = PREPOSITION_BEFORE.search(text, max(start, cut - 30), cut)
            if joint is None and own_subject and id(later) in self.speech_cues:
                # "they wanted a nominee from outside ..., compared with four in 10 who said they
                # preferred ...": a speech verb with a subject of its own after a comma
                comma = max(text.rfind(",", start, cut), text.rfind(";", start, cut))
                if comma > start and not _overlapping(self.top, self.quote_starts, comma, comma + 1):
                    joint = _AT_COMMA.match(text, comma)  # not a comma inside quotation marks
            if joint is None or _RELATIVE_CUE.match(later.text):
                continue  # "..., which refers to": a relative clause belongs to the clause before
            clause = _trim(text, start, joint.start(), min_words)
            if clause is not None:
                return clause
        return start, end

    def statement_of_cue(self, cue, speech: bool) -> ReportedSpeech | None:
        """The statement a cue reports, or None (no source, no clause, a quotation's own cue,
        a clause already reported)."""
        text, top, attributions = self.text, self.top, self.attributions
        if cue.text == "asked" or cue.text == "Asked":
            question = self.question_statement(cue)
            if question is not None:
                return question
        if cue.text.endswith("ed") and " " not in cue.text and _BY_AGENT.match(text, cue.end):
            reduced = self.reduced_passive_statement(cue)
            if reduced is not None:
                return reduced
        if _reports_nothing(text, cue):
            return None
        if _participle(cue.text):
            opening = self.opening_participle_statement(cue, speech)
            if opening is not None:
                return opening
        if not cue.inverted and (cue.text.lower() in lexicon.words("unsourced_cues") or (
                cue.text.endswith(_PARTICIPLE_ENDINGS) and _passive().search(text, max(0, cue.end - 60), cue.end)
                and not _feels(cue.text))):
            return self.passive_statement(cue)
        subject, inverted = self.subjects.of(cue, speech)
        # A tagged cue's source is unnamed only when its head is "source(s)": near "spoke on
        # condition of anonymity to discuss ..." the tagged word is the justification, not the
        # claim (precision first).
        anonymous = anonymous_source(text, cue.start, cue.end, subject, inverted, self.subjects.hints if speech else [])
        source_words = subject.mention if subject is not None else anonymous
        clause = _reported_clause(text, cue, inverted, self.attributor, self.sentences, source_words, speech)
        if clause is None:
            return None
        start, end = clause
        whole_end = end  # before a later statement's cut: the cue's own quotations stand in it
        if not inverted and start >= cue.end:
            start, end = clause = self.before_next_cue(start, end, MIN_WORDS_BEFORE_A_CUT if speech else 1)
        inside = _overlapping(top, self.quote_starts, start, end)
        # "“…,” Walker said, according to an AP account.": a trailing source reports the quotation
        # with its own cue
        trailing = inverted and end <= cue.start and self.ends_its_sentence(cue, source_words.end)
        for q in inside:
            if q.kind == "speech" and not q.partial \
                    and attributions[q.index].cue is not None and attributions[q.index].cue.start != cue.start \
                    and not (trailing and start <= attributions[q.index].cue.start < end):
                # A full quotation with a cue of its own ends the clause: it is a statement apart
                # (and one that opens the clause leaves none: “…,” he added, referring to X named ...).
                clause = _trim(text, start, q.start) if start < q.start else None
                break
        if clause is None:
            return None
        if clause != (start, end):  # cut before a quotation: the quotations inside it are fewer
            start, end = clause
            inside = _overlapping(top, self.quote_starts, start, end)
        own = self.quotation_cues.get(cue.start)
        if own:
            # a quotation after the cue's sentence, given this cue by the ranker, leaves the clause alone
            own = [q for q in own if q.start < self.sentences.end(cue.end, q.start + 1)]
        if own:
            inside_indexes = {q.index for q in _overlapping(top, self.quote_starts, start, whole_end)}
            if not any(q.partial and q.index in inside_indexes for q in own):
                # “…,” Tokayev told the CSTO / Kasich told reporters: “…”: the cue of a full
                # quotation (reported as direct speech), not of the words after it.
                return None
        reports_a_quotation = trailing and any(q.kind == "speech" and not q.partial for q in inside) and all(
            attributions[q.index].cue is not None and start <= attributions[q.index].cue.start < end
            for q in inside)
        if _mostly_quoted(inside, start, end) and not _opens_on_a_fragment(inside, start) \
                and not reports_a_quotation:
            return None  # the quotation itself: reported as direct speech
        speaker = source_of(subject, anonymous)
        if speaker is not None and subject is not None and subject.kind == "pronoun" and not subject.names \
                and speaker.mention is not None and speaker.mention.text.lower() in ("they", "their"):
            group = self.plural_subject_before(speaker.mention.start)
            if group is not None:  # "Clinton insiders told POLITICO they planned to ...": the insiders
                speaker = replace(speaker, speaker=group)
        encloses = False
        if speaker is not None and self.claimed.overlaps(start, end):
            # A clause before its cue may hold one reported already: "Kasich said he would have
            # fired him, according to press reports" is the reports' claim about what Kasich said.
            encloses = end <= cue.start and self.claimed.all_after_start(start, end) \
                and self.ends_its_sentence(cue, speaker.mention.end if speaker.mention is not None else cue.end)
            if not encloses:
                # "According to Reuters, Putin said the measures ...": Reuters reports "Putin said
                # ...", and Putin's own statement stands inside it
                holders = self.opening_sources_around(start, end, subject)
                if not holders:
                    return None
                self.enclosing.update(id(h) for h in holders)
        if speaker is None:
            return None
        if anonymous is None and subject is not None and not subject.names and self.subjects.may_guess(cue) \
                and _names_a_time(subject.mention.text):
            # A guessed subject that is only a time ("who has in the past described", "Last week
            # proved that"): the claim stands, with no source.
            speaker = _unsourced()
        elif subject is not None and not inverted and subject.kind == "pronoun" and _expletive_it(text, subject, cue):
            speaker = _unsourced()
        elif anonymous is None and speaker.method == "description" and _names_nobody(speaker.mention.text):
            speaker = _unsourced()  # "Pressed again about ...", "the debunked claim": no noun names a source
        relative = None
        if not inverted and text.find("wh", max(0, cue.start - 40), cue.start) >= 0:  # most cues: no "who"/"which"
            relative = _RELATIVE_BEFORE.search(text, max(0, cue.start - 40), cue.start)
        if relative is not None and speaker.mention is not None \
                and speaker.mention.end <= relative.start(1):
            # "Trump, who has talked about ...": the relative pronoun is the mention (as "he" is
            # for a pronoun), the name it stands for stays the speaker.
            speaker = replace(speaker, mention=Mention(relative.group(1), relative.start(1), relative.end(1)))
        if not speech and speaker.candidates:
            # A tagged cue's pronoun open between people is left unresolved, not reported as
            # ambiguous: the tagger's cues are less sure than the lexicon's (precision first).
            speaker = replace(speaker, candidates=[])
        statement = self.claim(start, end, cue, speaker, inside, anonymous)
        if encloses or reports_a_quotation:
            self.enclosing.add(id(statement))
        return statement

    def plural_subject_before(self, at: int) -> str | None:
        """What a "they" at offset at stands for: the plural subject opening its sentence before it
        ("Organizers of the push said they are worried", "Thirty percent said the reason they
        ..."), its name or its words; None when the sentence opens otherwise."""
        sentence_start = self.sentences.start(at, max(0, at - 400))
        sp = self.attributor._sentence_subject(sentence_start, at)
        if sp is None or sp.kind == "pronoun" or sp.mention.end > at or len(sp.names) > 1:
            return None
        words = sp.mention.text.split()
        last = words[-1].lower() if words else ""
        plural = (last.endswith("s") and not last.endswith(("’s", "'s", "ss"))) or last in ("percent", "%") \
            or last in lexicon.words("quantity_subjects")
        if not plural:
            return None
        return sp.names[0] if sp.names else sp.mention.text

    def ends_its_sentence(self, cue, source_end: int) -> bool:
        """Whether a cue and its source (ending at source_end) close their sentence (", according
        to press reports.", ", people familiar with the session said."), as a trailing
        attribution does."""
        after = max(cue.end, source_end)
        sentence_end = self.sentences.end(after, after + 300)
        tail = self.text[after:sentence_end].strip(" \t\u00a0.!?;”’\"')]")
        if not tail or tail.startswith(","):  # (", a spokesman for the campaign, who ...")
            return True
        first = tail.split(None, 1)[0].lower()  # "reported Monday", "said in a statement"
        return first in lexicon.words("time_words") or first in lexicon.words("circumstance_prepositions") \
            or _AGENT_PHRASE.match(tail) is not None  # "according to audio provided by ..."

    def claim(self, start: int, end: int, cue, source: Attribution, inside: list[Quotation],
              anonymous: Mention | None = None) -> ReportedSpeech:
        """The statement of cue over text[start:end], its clause reported from now on (one
        statement a clause: callers check claimed.overlaps first)."""
        self.claimed.add(start, end)
        statement = _clause_statement(start, end, Mention(cue.text, cue.start, cue.end), source, inside, anonymous)
        if cue.inverted and cue.end <= start:
            self.opening_sources.add(start, end, statement)
        return statement

    def opening_sources_around(self, start: int, end: int, subject) -> list[ReportedSpeech]:
        """The statements of a source before their clause ("According to Reuters, ...") that
        every statement over text[start:end] meets lies in, the subject of its cue included;
        none when another does not."""
        if subject is None or subject.mention.end > start:
            return []
        holders = self.opening_sources.meeting(start, end)
        if not holders or not all(a <= subject.mention.start and end <= b for a, b, _ in holders):
            return []
        # every reported clause that meets this one must be such a holder
        return [r for _, _, r in holders] if len(self.claimed.meeting(start, end)) == len(holders) else []

    def split_by_its_cue(self, last: ReportedSpeech, q: Quotation, a: Attribution) -> bool:
        """Whether quotation q is the second piece of the direct statement before it, around
        their one cue in the same paragraph (“A,” he said, “and B.”)."""
        return last.kind == "direct" and a.cue is not None and last.cue is not None \
            and last.cue.start == a.cue.start and a.method != "continuation" \
            and last.cue.start < q.start and self.text.find("\n", last.end, q.start) == -1

    def goes_on(self, last: ReportedSpeech, q: Quotation, a: Attribution) -> bool:
        """Whether quotation q goes on with the direct statement before it: the next quotation
        in the same paragraph, right after the sentence holding that statement's cue, with the
        same speaker (“A,” Clinton said. “B.”: PolNeAR annotates the two as one attribution)."""
        text = self.text
        if last.kind != "direct" or last.cue is None or not last.quotations or q.partial \
                or not last.end <= last.cue.start < q.start or text.find("\n", last.end, q.start) != -1:
            return False
        position = self.top_position.get(last.quotations[-1])
        if position is None or position + 1 >= len(self.top) or self.top[position + 1] is not q:
            return False
        if a.method != "continuation" and not (a.speaker and a.speaker == last.speaker):
            return False
        end = self.sentences.end(last.cue.end, q.start)  # where the cue's sentence ends
        return end < q.start and _TERMINATOR_TO_QUOTE.fullmatch(text, end, q.start) is not None

    def question_statement(self, cue) -> ReportedSpeech | None:
        """The question put to someone in "Asked whether he would support Trump, Rubio ...",
        "when asked why, Sembler responded": the question is the statement (from "whether",
        "what", "about" ... to the comma), and who asked it is unsaid."""
        text = self.text
        start = self.sentences.start(cue.start, max(0, cue.start - 200))
        opens_sentence = not text[start:cue.start].strip(" \t\r\n\u00a0“\"‘'")
        if not opens_sentence and not _ASKED_AFTER.search(text, start, cue.start):
            return None
        question = _QUESTION.match(text, cue.end, self.sentences.end(cue.end, cue.end + 300))
        if question is None:
            return None
        start, end = question.span(1)
        end = start + len(text[start:end].rstrip(_TRAIL_CHARS))
        if self.claimed.overlaps(start, end):
            return None
        asker = _agent().match(text, cue.end, question.end(1))  # "Asked by Matt Lauer whether ..."
        if asker is not None and asker.end(1) > question.start(1):
            asker = None
        return self.claim(start, end, cue, self.agent_source(asker) if asker else _unsourced(),
                          _overlapping(self.top, self.quote_starts, start, end))

    def opening_participle_statement(self, cue, speech: bool) -> ReportedSpeech | None:
        """The clause of a participle that opens its sentence, spoken by the subject after its
        comma: "Declaring that he alone can fix it, the billionaire real estate mogul ...",
        "After thanking the raucous crowd, he touted ..."."""
        text = self.text
        sent_start = self.sentences.start(cue.start, max(0, cue.start - 60))
        if not _OPENS_ON_A_PARTICIPLE.fullmatch(text, sent_start, cue.start):
            return None
        sent_end = self.sentences.end(cue.end, cue.end + 400)
        comma = text.find(",", cue.end, sent_end)
        if comma < 0 or _overlapping(self.top, self.quote_starts, cue.end, comma):
            return None
        subject = self.attributor._forward_np(comma + 1)
        if subject is None or not _APPOSITION_AT_MOST.fullmatch(text, comma + 1, subject.mention.start):
            return None  # the subject right after the comma, or a name in apposition ("her lawyer, David Kendall")
        clause = _clause_after(text, cue.end, comma, speech)
        speaker = source_of(subject)
        if clause is None or speaker is None or self.claimed.overlaps(*clause):
            return None
        return self.claim(clause[0], clause[1], cue, speaker, [])

    def passive_statement(self, cue) -> ReportedSpeech | None:
        """A cue in the passive ("The sale is expected to ...", "Kelsey Atkinson was
        identified as the protester") or a verb of seeming ("the shift in tone seemed so
        stark"): its subject is what is said, not who says it; the sentence is the statement,
        its source the agent ("was first reported by the Miami Herald") or nobody."""
        text = self.text
        para_start = self.attributor.paragraph_starts[cue.paragraph]
        start = self.sentences.start(cue.start, max(para_start, cue.start - 600))
        end = self.sentences.end(cue.end, cue.end + 1500)
        clause = _trim(text, start, end)
        if clause is None or self.claimed.overlaps(*clause):
            return None
        start, end = clause
        agent = _agent_after(text, cue.end, end + 1)  # the clause's end is trimmed of its period
        inside = _overlapping(self.top, self.quote_starts, start, end)
        if _mostly_quoted(inside, start, end):
            return None
        return self.claim(start, end, cue, self.agent_source(agent) if agent else _unsourced(), inside)

    def agent_source(self, agent: re.Match) -> Attribution:
        """The source named by a passive's agent ("was first reported by the Miami Herald"): the
        person its words name ("by former rival Carly Fiorina"), or the words."""
        sp = self.attributor._forward_np(agent.start(1))
        if sp is not None and sp.kind == "name" and len(sp.names) == 1 and sp.mention.end <= agent.end(1):
            return Attribution(-1, sp.names[0], Mention(agent.group(1), agent.start(1), agent.end(1)), None,
                               "explicit", 0.5)
        return Attribution(-1, None, Mention(agent.group(1), agent.start(1), agent.end(1)), None, "description", 0.5)

    def reduced_passive_statement(self, cue) -> ReportedSpeech | None:
        """A participle with its agent after a noun ("a call echoed by Japan", "The immigration
        bill, opposed by House Republicans, never became law", "Starr's remarks, first reported by
        The New York Times"): the noun phrase is what was said, the agent who said it. None when a
        form of "be" or "have" comes before the participle (a passive clause or a perfect)."""
        text = self.text
        phrase = _phrase_before_participle(text, self.sentences.start(cue.start, max(0, cue.start - 300)), cue.start)
        if phrase is None:
            return None
        agent = _agent().match(text, cue.end, self.sentences.end(cue.end, cue.end + 300) + 1)
        if agent is None:
            return None
        start, end = phrase
        if self.claimed.overlaps(start, end):
            return None
        return self.claim(start, end, cue, self.agent_source(agent),
                          _overlapping(self.top, self.quote_starts, start, end))

    def labelled_lines(self, found: list[ReportedSpeech]) -> list[ReportedSpeech]:
        """Paragraphs that open with a speaker's label and a colon: a transcript's turns
        ("Q: ...", "KATE BOULDUAN: Why not debate?") and headlines ("Lynch: No outside
        influence on FBI probe"). The rest of the paragraph is the label's statement, unless
        a quotation or a statement found already holds it."""
        text, out = self.text, []
        starts = self.attributor.paragraph_starts
        spans = sorted((r.start, r.end) for r in found)
        for k, para_start in enumerate(starts):
            if text.find(":", para_start, para_start + 48) == -1:
                continue  # most paragraphs: no label (the pattern is compiled only for a text that may have one)
            label = _label_line().match(text, para_start)
            if label is None or label.group(1).lower() in lexicon.words("non_speaker_labels"):
                continue
            para_end = starts[k + 1] if k + 1 < len(starts) else len(text)
            clause = _trim(text, label.end(), para_end)
            if clause is None:
                continue
            start, end = clause
            inside = _overlapping(self.top, self.quote_starts, start, end)
            if _mostly_quoted(inside, start, end):
                continue  # "PENCE: “…”": the quotation's own statement
            i = bisect_left(spans, (start, -1))
            if any(_overlap(start, end, a, b) >= 0.9 * (end - start) for a, b in spans[max(0, i - 2):i + 3]):
                continue
            mention = Mention(label.group(1), label.start(1), label.end(1))
            source = Attribution(-1, label.group(1), mention, None, "explicit", 0.9)
            out.append(_clause_statement(start, end, Mention(":", label.end(1), label.end(1) + 1), source, inside))
        return out

    def add_quotations(self, found: list[ReportedSpeech]) -> None:
        """The speech quotations that no cue's clause holds: direct statements (a quotation
        split by its cue joins the piece before), or mixed over their sentence."""
        text, attributor, sentences = self.text, self.attributor, self.sentences
        in_clause = {i for r in found if id(r) not in self.enclosing for i in r.quotations}
        by_sentence: dict[tuple[int, int], ReportedSpeech] = {}  # the mixed statement over a sentence
        for q in self.top:
            if q.kind != "speech" or q.index in in_clause:
                continue
            a = self.attributions[q.index]
            anonymous = None
            if a.mention is not None and a.cue is not None and not a.speaker:
                inverted = a.mention.start > a.cue.start
                anonymous = anonymous_source(text, a.cue.start, a.cue.end, a, inverted, self.subjects.hints)
            parts = list(q.parts) or [Span(q.start, q.end)]
            last = found[-1] if found else None
            if last is not None and id(last) not in self.enclosing \
                    and (self.split_by_its_cue(last, q, a) or self.goes_on(last, q, a)):
                last.content.extend(parts)
                last.quotations.append(q.index)
            elif q.partial and not _opens_sentence(text, q, attributor, sentences):
                # A fragment in the writer's sentence that no cue clause holds: the sentence is the
                # claim, its subject the source when the quotation has none ("Trump branded Cruz a “liar”").
                start, end = _sentence(text, q, attributor, sentences)
                same = by_sentence.get((start, end))
                if same is not None:  # another fragment of that sentence: one claim with both
                    same.quotations.append(q.index)
                    continue
                if a.mention is None and start < q.start:
                    a = source_of(attributor._sentence_subject(start, q.start)) or a
                found.append(_statement("mixed", [Span(start, end)], a.cue, a, [q.index], anonymous))
                by_sentence[start, end] = found[-1]
            else:
                found.append(_statement("direct", parts, a.cue, a, [q.index], anonymous))


_TERMINATOR_TO_QUOTE = regex(r"[.!?]+\s+")  # a sentence's end, then the next quotation


def _phrase_before_participle(text: str, floor: int, at: int) -> tuple[int, int] | None:
    """The span of the noun phrase before a participle at offset at (over a comma and an adverb
    between): up to six words back to a punctuation mark, a preposition or a conjunction. None
    when a form of "be" or "have" stands right before (a passive clause, a perfect)."""
    gap = _ADVERB_BEFORE.search(text, floor, at)
    end = gap.start() if gap is not None else at
    end = len(text[floor:end].rstrip()) + floor
    words = [m for m in _PHRASE_WORD.finditer(text, floor, end)]
    kept = []
    for m in reversed(words[-7:]):
        if text[m.end():(kept[-1].start() if kept else end)].strip():
            break  # punctuation between
        if m.group().lower() in _PHRASE_ENDS:
            break
        kept.append(m)
    if not kept or len(kept) > 6 or kept[0].group().lower() in _AUXILIARIES:
        return None
    return kept[-1].start(), kept[0].end()


def _reports_nothing(text: str, cue) -> bool:
    """A cue word used for something else than reporting: going on with something ("Sanders
    continues to trail Clinton", "Trump continued his push"), "found" of oneself or of a
    founding ("the candidates found themselves targeted", "Nega helped found the movement"),
    "pledged delegates", adding to or up ("Trump added to his portfolio of courses"), keeping
    something ("maintained their lead"), and a name given to a thing ("a website called Real
    News Right Now"; not "a group of rabbis called for a boycott")."""
    word = cue.text
    if word.lower() in _GOING_ON:
        return _WORD_AFTER.match(text, cue.end) is not None
    if word == "found":
        return _REFLEXIVE_AFTER.match(text, cue.end) is not None \
            or _HELP_BEFORE.search(text, max(0, cue.start - 12), cue.start) is not None
    if word == "pledged":
        return _DELEGATES_AFTER.match(text, cue.end) is not None
    if word.lower() in _ADDING:
        return _TO_OR_UP_AFTER.match(text, cue.end) is not None  # "added to his portfolio", "added up to"
    if word.lower() in _KEEPING:
        return _NOUN_PHRASE_AFTER.match(text, cue.end) is not None  # "maintained their battle", "maintains a lead"
    return word in _NAMING_VERBS and _A_THING_BEFORE.search(text, max(0, cue.start - 80), cue.start) is not None \
        and not _CALL_FOR.match(text, cue.end)


def _expletive_it(text: str, subject: Speaker, cue) -> bool:
    """Whether the subject is the "it" that holds a clause's place: "It is not clear whether
    ...", "It's important to note that ...". The claim is then the writer's (PolNeAR gives it
    no source). Not before a participle cue: in "It's denouncing what ..." "it" is someone."""
    be = _EXPLETIVE_IT.match(text, subject.mention.start, cue.start)
    return be is not None and not (cue.text.endswith("ing") and not text[be.end():cue.start].strip())


_ARTICLES = frozenset(("a", "an", "the"))


def _names_nobody(phrase: str) -> bool:
    """Whether a guessed noun phrase is no noun phrase: a lone participle or adverb ("Pressed",
    "pointing", "grudgingly"), or words ending on a determiner or on the participle a noun cue
    follows ("the", "the debunked", "his oft-stated")."""
    words = phrase.split()
    last = words[-1].lower()
    if last in _ARTICLES:
        return True
    if len(words) == 1:
        return last.endswith(("ing", "ed", "ly")) and words[0][1:].islower()
    return len(words) == 2 and last.endswith("ed") and (
        words[0].lower() in _ARTICLES or words[0].endswith(("’s", "'s")))


def _names_a_time(phrase: str) -> bool:
    """Whether a phrase is a time and nothing else: words of a time ("the past", "Last week",
    "two years ago"), with determiners and numbers beside them ("Some", "Both" alone are people)."""
    words = phrase.lower().split()
    times, determiners = lexicon.words("time_phrase_words"), lexicon.words("determiners")
    return any(w in times for w in words) and all(w in times or w in determiners or w.isdigit() for w in words)


@lru_cache(maxsize=1)
def _passive() -> re.Pattern:
    """A verb in the passive at the end of a cue: "is expected", "was formally introduced",
    "was first reported", "are listed"."""
    adverbs = "|".join(sorted(map(re.escape, lexicon.words("adverbs")), key=lambda w: (-len(w), w)))
    return regex(r"\b(?:is|was|are|were|been|be|being)\s+(?:(?:%s|[a-z]+ly)\s+)*[a-z]+(?:ed|en|wn)$" % adverbs)


_PARTICIPLE_ENDINGS = ("ed", "en", "wn")


def _feels(cue_text: str) -> bool:
    """Whether a cue ends on a participle of feeling or belief ("are convinced", "was
    worried"): its subject holds the view, as for an active verb."""
    return cue_text[cue_text.rfind(" ") + 1:].lower() in lexicon.words("experiencer_participles")


@lru_cache(maxsize=1)
def _agent() -> re.Pattern:
    """The agent after a passive cue: "by the Miami Herald", "by a reporter whether ..."."""
    return regex(r"\s+by\s+((?:[\w’'&.-]+\s+){0,5}?[\w’'&-]+)"
                 r"(?=\s*[,.;:]|\s+(?:in|on|at|for|as|to|and|that|whether|if|why|what|how|about)\b)")


# Up to four words between a passive cue and its agent ("endorsed the day before by", "were
# described to him by"), none of them a participle that would take the agent for itself
# ("asked during an interview published Monday by")
_WORDS_BEFORE_AGENT = regex(r"(?:[ \t\u00a0]+(?!by\b)(?![\w’'-]*(?:ed|en)\b)[\w’'-]+){1,4}?"
                            r"(?=[ \t\u00a0]+by[ \t\u00a0])")


def _agent_after(text: str, start: int, end: int) -> re.Match | None:
    """The agent of the passive cue ending at start, right after it or a few words on."""
    agent = _agent().match(text, start, end)
    if agent is None:
        words = _WORDS_BEFORE_AGENT.match(text, start, end)
        if words is not None:
            agent = _agent().match(text, words.end(), end)
    return agent


@lru_cache(maxsize=1)
def _label_line() -> re.Pattern:
    """A speaker's label opening a paragraph: upper-case words ("Q:", "KATE BOULDUAN:") or one
    to four capitalised words ("Bernie Sanders:")."""
    return regex(r"[ \t]*([A-Z][A-Z.'’ -]{0,40}?|(?:[A-Z][\w.'’-]*[ \t]+){0,3}[A-Z][\w'’-]+)[ \t]*:[ \t]+(?=\S)")


_AGENT_PHRASE = regex(r"[a-z]+ed by\b")  # a source's words going on: "audio provided by ..."
_RELATIVE_CUE = regex(r"(?:which|who|that)\s", re.IGNORECASE)
# "continue" reports speech only before what was said ("He continued: ...", "“...,” she continued")
_GOING_ON = frozenset(("continue", "continues", "continued", "continuing"))
_ADDING = frozenset(("add", "adds", "added", "adding"))
_KEEPING = frozenset(("maintain", "maintains", "maintained", "maintaining"))
_WORD_AFTER = regex(r"[ \t\u00a0]+[\w(]")
_REFLEXIVE_AFTER = regex(r"[ \t\u00a0]+(?:themselves|himself|herself|itself|ourselves|myself|yourself)\b")
_HELP_BEFORE = regex(r"\b(?:help|helps|helped|helping|to)[ \t\u00a0]+$")
_TO_OR_UP_AFTER = regex(r"[ \t\u00a0]+(?:to|up)\b")
_NOUN_PHRASE_AFTER = regex(r"[ \t\u00a0]+(?:a|an|the|his|her|their|its|some|this)[ \t\u00a0]")
_DELEGATES_AFTER = regex(r"[ \t\u00a0]+(?:delegates?\b|and[ \t\u00a0]+(?:super|unpledged))")
# A participle's agent right after it ("opposed by House Republicans"), not a means ("responded by saying")
_BY_AGENT = regex(r"[ \t\u00a0]+by[ \t\u00a0]+(?![\w’'-]+ing\b)")
_AUXILIARIES = frozenset(("is", "was", "are", "were", "be", "been", "being", "has", "have", "had"))
_ADVERB_BEFORE = regex(r"(?:,[ \t\u00a0]*)?(?:(?:first|also|later|widely|strongly|originally|[a-z]+ly)[ \t\u00a0]+)?$")
_PHRASE_ENDS = frozenset(("of", "in", "on", "to", "for", "with", "from", "at", "by", "about", "and", "or", "but",
                          "that", "which", "who", "as", "than"))
_PHRASE_WORD = regex(r"[\w’'$%-]+")
_NAMING_VERBS = frozenset(("called", "named", "titled", "entitled", "dubbed"))
# "a company", "an impressive reading campaign", "a Facebook group": a thing or a person brought
# in by "a"/"an" right before the naming verb
_A_THING_BEFORE = regex(NOT_AFTER_WORD + r"(?i:an?)[ \t\u00a0]+(?:[\w’'#-]+[ \t\u00a0]+){0,4}"
                        r"(?!(?:has|have|had|was|were|is|are|also|then)[ \t\u00a0])[a-z][\w’'-]*[ \t\u00a0]+$")
_CALL_FOR = regex(r"[ \t\u00a0]+(?:for|on|upon|out)\b")  # "a group of rabbis called for a boycott": a demand made
# "it" and a form of "be" (a modal or an adverb between): the "it" that holds a clause's place
_EXPLETIVE_IT = regex(r"(?i:it)(?:[’']s|[ \t\u00a0]+(?:(?:would|will|could|may|might|has|had|does|did)[ \t\u00a0]+)?"
                      r"(?:is|was|be|been|seems|seemed|remains|remained|appears|appeared))\b")
_RELATIVE_BEFORE = regex(NOT_AFTER_WORD + r"(who|which)[ \t\u00a0]+(?:(?:also|has|have|had|was|is|[a-z]+ly)[ \t\u00a0]+){0,3}$")


class _Claimed:
    """Clauses already reported (with what reported each, when given), sorted by start. A
    clause spans one sentence (at most MAX_CLAUSE characters), so only the few that start
    just before or inside a new one are compared: a long paragraph of statements stays linear."""
    MAX_CLAUSE = 2200  # the sentence window of _reported_clause: 600 back, 1500 on, and the cue

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._spans: list[tuple[int, int, object]] = []

    def meeting(self, start: int, end: int) -> list[tuple[int, int, object]]:
        """(start, end, item) of every reported clause that text[start:end] overlaps."""
        lo = bisect_left(self._starts, start - self.MAX_CLAUSE)
        hi = bisect_left(self._starts, end)
        return [span for span in self._spans[lo:hi] if span[1] > start]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a reported clause covers more than half of the shorter of it and this one."""
        return any(_overlap(start, end, a, b) > 0.5 * min(end - start, b - a) for a, b, _ in self.meeting(start, end))

    def all_after_start(self, start: int, end: int) -> bool:
        """Whether every reported clause that meets text[start:end] starts inside it, after its
        start (the clause of a verb whose subject text[start:end] holds)."""
        return all(start < a for a, _, _ in self.meeting(start, end))

    def add(self, start: int, end: int, item: object = None) -> None:
        i = bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._spans.insert(i, (start, end, item))


class _Sentences:
    """The sentence ends of a document as the attribution stage reads them (not after an
    abbreviation, not inside a quotation), found once and then looked up by bisection:
    asking the attribution stage again for every cue cost a fifth of this stage.
    A quotation's own terminator ends the sentence when the quotation closes with it and a
    new sentence opens (“… the answer.” Birchers viewed ...); any other inside a quotation is
    none."""

    def __init__(self, text: str, attributor, scan: Scanner) -> None:
        kept = []
        for start, end in attributor.terminators(0, len(text)):
            if not scan.quoted(start):
                if not attributor._is_abbreviation(start):
                    kept.append((start, end))
            elif _closes_sentence(text, scan, start, end):
                kept.append((end, end))  # the sentence keeps its closing mark
        self._starts = [start for start, _ in kept]
        self._ends = [end for _, end in kept]

    def start(self, pos: int, floor: int) -> int:
        """Start of the sentence holding pos, no further back than floor."""
        i = bisect_right(self._ends, pos) - 1
        return self._ends[i] if i >= 0 and self._starts[i] >= floor else floor

    def end(self, pos: int, ceil: int) -> int:
        """Where the sentence holding pos ends (its terminator), no further than ceil."""
        i = bisect_left(self._starts, pos)
        return self._starts[i] if i < len(self._starts) and self._ends[i] <= ceil else ceil


def _closes_sentence(text: str, scan: Scanner, start: int, end: int) -> bool:
    """Whether the terminator text[start:end], inside a quotation, closes it and a capital opens
    what follows ("... the answer.” Birchers", not "... leaving.” he said")."""
    if scan.quotation_end(start) > end:
        return False
    after = _NEXT_WORD.match(text, end)
    return after is not None and after.group(1).isupper()


_NEXT_WORD = regex(r"\s+[\"“‘']?(\w)")


def _opens_on_a_fragment(inside: list[Quotation], start: int) -> bool:
    """Whether a clause's speech quotations are fragments with words of the clause before
    them ('noting that "nobody's been arrested ..."'): the clause is the statement, not the
    fragment's sentence."""
    speech = [q for q in inside if q.kind == "speech"]
    return bool(speech) and all(q.partial for q in speech) and start < speech[0].start


def _mostly_quoted(inside: list[Quotation], start: int, end: int) -> bool:
    """Whether quotation marks cover text[start:end] as a direct statement's (DIRECT_COVER)."""
    return sum(min(q.end, end) - max(q.start, start) for q in inside) >= DIRECT_COVER * (end - start)


def _overlapping(top: list[Quotation], starts: list[int], start: int, end: int) -> list[Quotation]:
    """The quotations (in text order, starts given) that overlap text[start:end]."""
    i = max(0, bisect_left(starts, start) - 1)
    out = []
    while i < len(top) and top[i].start < end:
        if top[i].end > start:
            out.append(top[i])
        i += 1
    return out


def source_of(sp: Speaker | None, anonymous: Mention | None = None) -> Attribution | None:
    """Who makes the statement of a cue: its subject as the attribution stage resolved it
    (the replaceable step; a trained ranker can take its place), or the unnamed source
    that the words around the cue describe."""
    if anonymous is not None and (sp is None or not sp.names):
        # "Officials, who spoke on condition of anonymity, said": the subject names them; "a
        # person familiar with the matter said": the subject parser stops at "the matter".
        named_before = sp is not None and sp.mention.start < anonymous.start
        return Attribution(-1, None, sp.mention if named_before else anonymous, None, "description", 0.7)
    if sp is None:
        return None
    sp = _before_its_verb(sp)
    if len(sp.names) > 1:
        return Attribution(-1, None, sp.mention, None, sp.method, min(sp.confidence, 0.5), list(sp.names))
    name = sp.names[0] if sp.names else None
    return Attribution(-1, name, sp.mention, None, sp.method, sp.confidence)


_VERB_INSIDE = regex(r"[ \t\u00a0]+[a-z]+ed(?:[ \t\u00a0]+\S|$)")  # "Trump attacked Romney", "the KGB planted articles"


def _before_its_verb(sp: Speaker) -> Speaker:
    """A source read as a noun phrase that ran over its clause's verb ("Mr. Carson endorsed Mr.
    Trump", "The town released a statement") ends before that verb. An -ed word is that verb only
    after a noun: "the retired neurosurgeon", "the most engaged rally-goers", "the Party’s presumed
    nominee", "a textbook just published" and "those surveyed say" stay whole, and so does a
    mention whose name the cut would leave out ("Alabama beat undefeated Clemson")."""
    m = sp.mention
    found = _VERB_INSIDE.search(m.text)
    if found is None:
        return sp
    kept = m.text[:found.start()]
    if not _ends_a_noun(kept.split()[-1]) or any(name.split()[-1] not in kept for name in sp.names):
        return sp
    return replace(sp, mention=Mention(kept, m.start, m.start + len(kept)))


def _ends_a_noun(word: str) -> bool:
    """Whether a word can end a noun phrase before its verb ("Trump", "town", "he", "Tuesday"): not
    a determiner, a stopword that no subject ends on ("after", "into"), a quantity ("most"), an
    adverb or a possessive."""
    low = word.lower()
    return not (low in lexicon.words("determiners") or low in _phrase_stopwords()
                or low in lexicon.words("quantity_subjects") or low in lexicon.words("adverbs")
                or low.endswith("ly") or word.endswith(("’s", "'s")))


def _unsourced() -> Attribution:
    """The source of a claim that names none: a passive without an agent, a question put to
    someone, a guessed subject that is only a time."""
    return Attribution(-1, None, None, None, "none", 0.0)


def _clause_statement(start: int, end: int, cue: Mention, a: Attribution, inside: list[Quotation],
                      anonymous: Mention | None = None) -> ReportedSpeech:
    """The statement over the clause text[start:end]: mixed when quotation marks stand inside
    it (any kind, as the scorer counts them), indirect otherwise; it lists its speech quotations."""
    return _statement("mixed" if inside else "indirect", [Span(start, end)], cue, a,
                      [q.index for q in inside if q.kind == "speech"], anonymous)


def _statement(kind, content, cue, a: Attribution, quotations, anonymous) -> ReportedSpeech:
    return ReportedSpeech(kind, content, cue, a.speaker, a.mention, a.method, a.confidence,
                          list(a.candidates), quotations, anonymous, a.probability,
                          "anonymous" if anonymous is not None else a.source_type)


def _reported_clause(text: str, cue, inverted: bool, attributor, sentences: "_Sentences",
                     source: Mention | None, speech: bool = True) -> tuple[int, int] | None:
    """The span of the clause a cue reports, trimmed of the punctuation around it; None
    when the cue reports no clause of MIN_WORDS words (a question, "Tokayev said.").
    ``source`` is the words naming the speaker; ``speech``: a cue of the lexicon, not a tagged one."""
    if source is None or (not inverted and source.start >= cue.end):
        return None
    para = cue.paragraph
    starts = attributor.paragraph_starts
    para_start = starts[para]
    para_end = starts[para + 1] if para + 1 < len(starts) else len(text)
    sent_start = sentences.start(cue.start, max(para_start, cue.start - 600))
    sent_end = sentences.end(cue.end, min(para_end, cue.end + 1500))
    if inverted:
        # "..., said the president." / "..., according to X." report what stands before;
        # "According to X, ..." what follows the source and its comma.
        before = _trim(text, sent_start, cue.start)
        if before is not None:
            return before
        start = max(source.end, cue.end)
        comma = text.find(",", start, min(sent_end, start + 100))
        return _trim(text, comma + 1 if comma >= 0 else start, sent_end)
    if _PARENTHETICAL_END.match(text, cue.end) and not _NEXT_PARTICIPLE.match(text, cue.end) \
            and text[sent_start:source.start].rstrip().endswith(",") and sent_start < source.start:
        # "This campaign, he says, is different.": the sentence around the parenthesis.
        return _trim(text, sent_start, sent_end)
    participle = _NEXT_PARTICIPLE.search(text, cue.end, sent_end)
    while participle is not None and not _is_cue(participle.group(1)):
        participle = _NEXT_PARTICIPLE.search(text, participle.end(), sent_end)
    # "..., Manafort said, adding that ...": the participle opens a statement of its own.
    stop = participle.start() if participle else sent_end
    opening = _NON_SPACE_WORD.match(text, sent_start)
    if opening is not None and opening.group(1).lower() in lexicon.words("subordinators") \
            and text.find(",", sent_start, cue.start) == -1:
        # "Though media reports described the push as nearly impossible to pull off, protesting
        # delegates nevertheless made their point": the opening clause ends at its comma
        comma = text.find(",", cue.end, stop)
        if comma >= 0:
            stop = comma
    after = _clause_after(text, cue.end, stop, speech)
    if after is not None and not (speech and _only_a_circumstance(text, cue, after)) \
            and not _ACCORDING_TO.match(text, after[0]):  # "Clinton said, according to the AP": a source, no clause
        return after
    # "..., Tokayev said." / "..., a person familiar with the matter said." — the clause
    # before the subject's phrase, ending on a comma a few words before the subject.
    comma = text.rfind(",", sent_start, source.start)
    if comma >= 0 and len(_WORDS.findall(text, comma, source.start)) <= 6:
        return _trim(text, sent_start, comma)
    return None


_NON_SPACE_WORD = regex(r"[\s“\"‘']*(\w+)")
_ACCORDING_TO = regex(r"[Aa]ccording[ \t\u00a0]+to\b")
_PARENTHETICAL_END = regex(r"\s*,\s*\w")
_NEXT_PARTICIPLE = regex(r",\s+([a-z]+ing)\b")
# What stands between two coordinated clauses: "..., and", "... but", "; ", "..., while".
_AT_COMMA = regex(r"[,;]")
_APPOSITION_AT_MOST = regex(r"\s*(?:[^,.;:!?]+,\s*)?")
# What may stand between a sentence's start and a participle that opens it
_OPENS_ON_A_PARTICIPLE = regex(r"[\s“\"‘']*(?:(?:After|Before|While|By|In|On|Upon|Since|When|Besides|Without)[ \t\u00a0]+)?")
_COORDINATION_BEFORE = regex(r"(?:[,;—–]\s*(?:(and|but|while|yet|whereas|or|though|although|even though)\s+)?"
                             r"|\s(and|but|yet)\s+)" + AFTER_CONJUNCTION + "$")


CIRCUMSTANCE_WORDS = 8  # "said in an interview on Saturday": a circumstance is short


def _only_a_circumstance(text: str, cue, clause: tuple[int, int]) -> bool:
    """Whether the words after a cue are where or when it was said, not what: "said in a
    statement", "responded on Twitter", "reported from Washington, D.C." (no "that" clause)."""
    start, end = clause
    first = _WORDS.match(text, start)
    return first is not None and first.group().lower() in lexicon.words("circumstance_prepositions") \
        and cue.text.lower() in lexicon.words("circumstance_verbs") \
        and len(_WORDS.findall(text, start, end)) <= CIRCUMSTANCE_WORDS


def _is_cue(word: str) -> bool:
    return word in lexicon.speech_cues()[0] or word in lexicon.words("stance_verbs")


def _clause_after(text: str, start: int, end: int, speech: bool = True) -> tuple[int, int] | None:
    """The clause after a cue; after a speech cue, from "that" when it comes within a few
    words ("told reporters on Monday that ..."). A tagged cue's clause starts right after it
    ("Gulf sources believe Erdogan has joined an axis that ...": that "that" is a relative
    pronoun) and may be an object of one word ("mocked the complaint")."""
    span = _trim(text, start, end, MIN_WORDS if speech else 1)
    if span is None or not speech:
        return span
    if _OPENS_ON_A_SUBJECT.match(text, span[0], span[1]):
        return span  # "said she was not going to jump to that conclusion": "that" is inside the clause
    that = _THAT.match(text, span[0], span[1])
    return (_trim(text, that.start(1), span[1]) or span) if that else span


# "Asked" after "when", "if", "after being" (or opening its sentence): the asker unsaid
_ASKED_AFTER = regex(r"\b(?:[Ww]hen|[Ii]f|[Aa]fter being|[Oo]nce)[ \t]+\Z")
# A few words ("in Iowa recently", "by reporters"), then the question to the comma or the sentence's end
_QUESTION_WORDS = "whether|if|what|why|how|who|whom|which|where|when|about"
_QUESTION = regex(r"(?:[ \t]+(?!%s)[\w’'.-]+){0,4}?[ \t]+"
                  r"((?:%s)\b[^,;:?!\n“”\"]{0,200})"
                  r"(?=[,;:?!]|\s*[“\"]|\Z)" % (_QUESTION_WORDS, _QUESTION_WORDS))


def _trim(text: str, start: int, end: int, min_words: int = MIN_WORDS) -> tuple[int, int] | None:
    if start >= end:
        return None  # the source runs to the sentence's end ("according to X.")
    start = _LEAD.match(text, start, end).end()
    end = start + len(text[start:end].rstrip(_TRAIL_CHARS))
    if _words_in_a_row(min_words).search(text, start, end) is None:
        return None
    return start, end


@lru_cache(maxsize=None)
def _words_in_a_row(n: int) -> re.Pattern:
    """n words (as _WORDS reads them) with anything between: found iff a span holds n words."""
    return regex(r"[\w’'\-]+(?:[^\w’'\-]+[\w’'\-]+){%d}" % (n - 1))


def _sentence(text: str, q: Quotation, attributor, sentences: "_Sentences") -> tuple[int, int]:
    starts = attributor.paragraph_starts
    para = attributor._paragraph_of(q.start)
    para_start = starts[para]
    para_end = starts[para + 1] if para + 1 < len(starts) else len(text)
    start = sentences.start(q.start, max(para_start, q.start - 600))
    end = sentences.end(q.end, min(para_end, q.end + 1500))
    trimmed = _trim(text, start, end)
    return trimmed if trimmed is not None else (q.start, q.end)


def shortened(text: str, head: int = 6, tail: int = 3) -> str:
    """A long clause as its first and last words ("that the military alliance of the … Kazakhstan’s
    power base"), for listings; a short one whole."""
    words = text.split()
    if len(words) <= head + tail + 1:
        return " ".join(words)
    return " ".join(words[:head]) + " … " + " ".join(words[-tail:])


def _opens_sentence(text: str, q: Quotation, attributor, sentences: "_Sentences") -> bool:
    """A short quotation standing first in its sentence (“I think it's coming,” said ...) is a
    statement of its own, not a fragment of the writer's."""
    para_start = attributor.paragraph_starts[attributor._paragraph_of(q.start)]
    return not _WORDS.search(text, sentences.start(q.start, max(para_start, q.start - 600)), q.start)


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))
