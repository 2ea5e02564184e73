"""Speech cues and their subjects: every cue outside quotation marks ("said", "told",
"according to", ...) and the noun phrase that speaks it, before it ("Tokayev told"), after
it ("said the president"), past an appositive ("X, an expert on ..., said"), or a pronoun
resolved to the last speaker (a mixin of the rules' worker, ``rules._Attributor``)."""
from __future__ import annotations

import re
from functools import lru_cache

from .. import lexicon
from ..model import Mention
from ..regexes import regex
from ..wordchars import NOT_AFTER_WORD, NOT_BEFORE_WORD
from .common import (
    Cue, Speaker, Token, Tokens, _CONTRACTION, _WORD, _abbreviated, _honorifics, _is_role, _is_state, _is_title,
    _opens_no_name, _pronoun_gender, _pronoun_mention, _role_head, _strip_possessive, _walk_to_paragraph,
    fills_quotation, opens_a_clause, place_apposition, source_links)


@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    """Verb forms no role's noun phrase holds ("praised party leaders")."""
    return lexicon.words("verb_words") | lexicon.speech_cues()[0]


_WHOM_BEFORE = regex(r"\b[Ww]hom[ \t\u00a0]+\Z")


def cue_limit(length: int) -> int:
    """The most speech cues read in a text of this length: 1,000 and one per 100 characters
    (PolNeAR's densest article has one per 89 characters, and 141 at most)."""
    return 1000 + length // 100


_PHRASE_ENDS = frozenset((",", ";", ":", "(", ")", "“", "”", '"', "—", "–"))


@lru_cache(maxsize=1)
def cue_regex() -> re.Pattern:
    """Every speech cue, lowercase or capitalised ("Said Ellis:", "According to"), as one
    regex built as a trie so each position is tried once."""
    single, multi = lexicon.speech_cues()  # lowercase
    phrases = set(single) | {" ".join(words) for words in multi}
    return regex(NOT_AFTER_WORD + _trie_pattern(sorted(phrases)) + NOT_BEFORE_WORD)


def _trie_pattern(words: list[str]) -> str:
    """A regex matching exactly the words, each also with its first letter in upper case (a
    class such as [Ss] at the root: half the pattern, and half the compile time at
    start-up, of listing both forms)."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict, root: bool = False) -> str:
        ends = "" in node
        branches = [_char(ch, root) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if ends else body

    return "(?:" + build(trie, root=True) + ")"


def _char(ch: str, either_case: bool) -> str:
    if ch == " ":
        return r"\s+"
    if either_case and ch.upper() != ch:
        return f"[{ch.upper()}{ch}]"
    return re.escape(ch)


_BE = frozenset(("is", "was", "are", "were"))  # before a participle: "Trump is saying"
# A verb right after a noun phrase: the phrase is a clause's subject ("said the candidate could be")
_VERB_AFTER = regex(r"[ \t\u00a0]+(?:could|would|will|can|should|may|might|must|is|was|are|were|has|had|have"
                    r"|did|does|do)\b")
_DASHES = frozenset(("—", "–", "―", "-"))  # "-" stands alone only as a dash: " - " or "--"
_CLAUSE_MARKS = frozenset((".", ";", ":", ",", "—", "–", "!", "?"))
_MODALS = frozenset(("will", "would", "can", "could", "should", "may", "might", "must", "do", "does", "did", "not",
                     "won’t", "won't", "wouldn’t", "wouldn't", "can’t", "can't", "couldn’t", "couldn't", "didn’t",
                     "didn't", "doesn’t", "doesn't", "don’t", "don't"))


def _ly_adverb_after_subject(tokens, j: int) -> bool:
    """"Trump jokingly said", "which originally said", "who had previously endorsed": a lowercase
    -ly word right after a name, a pronoun, a relative pronoun or an auxiliary (not "the family
    said", where the -ly word is the noun)."""
    word = tokens[j]
    if j == 0 or not word.is_word or word.capitalized or len(word.lower) < 5 or not word.lower.endswith("ly"):
        return False
    subject = tokens[j - 1]
    return subject.is_word and (subject.capitalized or _pronoun_gender(subject.text) is not None
                                or subject.lower in ("who", "which") or subject.lower in lexicon.words("verb_words"))


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


class CueParser:
    """Methods of ``rules._Attributor`` (which holds the text, the quotations and the state
    they read)."""

    def _find_cues(self) -> list[Cue]:
        # Only the text between quotations is scanned (a cue inside one is no cue), each gap
        # together with the opening mark after it, which the pattern's lookahead may need to
        # see. The cues come in order: the paragraph of each is found by walking forward.
        # Past CUE_LIMIT (no news article comes near it) the rest of the text is not read for
        # cues: a text of nothing but "He said" would otherwise cost a subject parse per cue.
        cues = []
        text, starts, pattern = self.text, self.paragraph_starts, cue_regex()
        limit = cue_limit(len(text))
        para = 0
        gap_start = 0
        words: dict[str, str] = {}
        for start, end in [*self._quote_bounds, (len(text), len(text))]:
            if gap_start <= start:
                for m in pattern.finditer(text, gap_start, start + 1):
                    if len(cues) >= limit:
                        self.cues_stopped_at = m.start()
                        return cues
                    para = _walk_to_paragraph(starts, para, m.start())
                    word = m.group()
                    word = words.setdefault(word, word)  # one string per cue word, not per cue
                    cues.append(Cue(m.start(), m.end(), word, paragraph=para))
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
                            and subject.names and len(subject.names) == 1 \
                            and self._gender_ok(subject.names[0], _pronoun_gender(speaker.mention.text)) \
                            and subject.names[0] not in self._whom_antecedent(speaker.mention.start):
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
        whom = self._whom_antecedent(speaker.mention.start)
        if whom:  # "Clinton, whom he called ...": he is not Clinton
            names = [n for n in names if n not in whom]
        if not names:
            recent = self._recent_person(at, gender) or self._recent_person(at, gender, or_unknown=True)
            names = [recent] if recent and recent not in whom else []
        confidence = 0.8 if len(names) == 1 else 0.4
        return Speaker(speaker.mention, names, "pronoun", confidence, "pronoun")

    def _used_as_surname(self, tok: Token) -> bool:
        """Whether a capitalised word that is also an adverb, a modal or a stopword is a surname
        of this text: "Will wrote", "Will urged", "Will described Trump as" are George Will's."""
        return tok.capitalized and tok.text in self.surnames

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
            while i > 1 and before[i - 2].lower in _BE and (
                    before[i - 1].lower in lexicon.words("adverbs") or _ly_adverb_after_subject(before, i - 1)):
                i -= 1  # "are gently urging"
            if i and (before[i - 1].lower in _BE or _CONTRACTION.search(before[i - 1].lower)):
                # the subject before "is", or the pronoun the contraction holds
                sp = self._np_backward(before, i - 1 if before[i - 1].lower in _BE else i)
                if sp is not None:
                    return sp
            elif i and before[i - 1].is_word and before[i - 1].capitalized \
                    and before[i - 1].lower not in lexicon.words("time_words") \
                    and before[i - 1].lower not in lexicon.words("stopwords"):
                j = i - 1
                while j > 0 and ((before[j - 1].capitalized and before[j - 1].lower not in lexicon.words("stopwords"))
                                 or (before[j - 1].text == "." and j > 1 and len(before[j - 2].text) == 1)):
                    j -= 1  # (over an initial's full stop: "Loretta E. Lynch")
                # (not the one written to: "wrote a letter to Attorney General Loretta E. Lynch asking")
                sp = None if j > 0 and before[j - 1].lower == "to" else self._make_speaker(
                    [before[m] for m in range(j, i)])
                if sp is not None and sp.kind == "name":
                    return sp
            with_np = self._with_np_before(before, i)
            if with_np is not None:
                return with_np
            # "..., saying", "telling reporters:": the subject of the sentence's main verb.
            return self._sentence_subject(self._sentence_start(cue.start, max(para_start, cue.start - 400)),
                                          cue.start)
        if words_cue[0] in ("according", "in"):  # "according to X", "in the words of X"
            cue.inverted = True
            return self._forward_np(cue.end)
        i = len(before)
        while i > 0 and ((before[i - 1].lower in lexicon.words("adverbs") and not self._used_as_surname(before[i - 1]))
                         or _ly_adverb_after_subject(before, i - 1)):
            i -= 1
        i = _skip_time_phrase(before, i)
        while i > 1 and before[i - 2].is_word:  # the subject stands before a modal and its adverb
            word, prev = before[i - 1].lower, before[i - 2].lower
            if (word in _MODALS and not self._used_as_surname(before[i - 1])) \
                    or (prev in _MODALS and (word in lexicon.words("adverbs") or word.endswith("ly"))):
                i -= 1  # "the Florida Republican would only say", "Trump did not say"
            elif word == "since" and prev in ("has", "have", "had"):
                i -= 2  # "Mrs. Clinton has since said"
            else:
                break
        if i >= 2 and before[i - 1].text == "." and cue.text[0].islower() \
                and self._is_abbreviation(before[i - 1].start):
            i -= 1  # "Joseph R. Biden Jr. said", "The U.S. said": the period ends a name, not a sentence
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
            antecedent = self._antecedent(before, i - 1)
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
            after = self._inverted_name_after(cue)
            if after is not None:
                return after
            # "X, an expert on ..., said" / "X, who ..., said": the subject is before the appositive.
            np = self._np_before_appositive(before, i - 1)
            if np is not None:
                return np
            if self._inverted_context(before, i):
                cue.inverted = True
                return self._forward_np(cue.end)
            return None
        if prev.text in _DASHES:
            # "Many speakers at the service — including Muslims, ... — said", "The justice -- who
            # has been ... -- said": the subject stands before the pair of dashes, not after the cue.
            np = self._np_before_dashes(prev, max(para_start, cue.start - 300))
            if np is not None:
                return np
        if prev.text in ("”", '"', "’", "'", "''", ":", "—", "–", "―") or prev.text in ("“",):
            after = self._forward_np(cue.end)
            if after is not None and _VERB_AFTER.match(self.text, after.mention.end) and prev.text != ":":
                # "Mr. Manafort, citing ''the unique magic of Trump,'' said the candidate could be ...":
                # the words after the verb are what it says; its subject opens the sentence
                floor = self._sentence_start(cue.start, max(para_start, cue.start - 300))
                subject = self._sentence_subject(floor, prev.start)
                if subject is not None and subject.mention.end <= prev.start:
                    return subject
            cue.inverted = True
            return after
        np = self._np_backward(before, i)
        if np is not None and np.kind == "description" and _object_of_phrase(before, np):
            return self._owner_of_phrase(before, np) or np
        return np

    def _owner_of_phrase(self, tokens: list[Token], obj: Speaker) -> Speaker | None:
        """The subject of a verb whose last words are a preposition's object: the noun phrase
        before the preposition ("Sanders at the rally said"), with it when a description
        ("Officials in the state said"); None when none stands there ("..., but in a later
        interview said")."""
        k = _index_at(tokens, obj.mention.start)
        if not k or tokens[k - 1].lower not in lexicon.words("place_prepositions"):
            return None
        k -= 1
        owner = self._np_backward(tokens, k)
        if owner is None or owner.kind != "description":
            return owner
        start, end = owner.mention.start, obj.mention.end
        return Speaker(Mention(self.text[start:end], start, end), [], "description", owner.confidence, "description")

    def _inverted_name_after(self, cue: Cue) -> Speaker | None:
        """The name right after a speech verb that follows a comma, when the name ends there
        ("..., said Geert Wilders, founder of ...", "..., said Ohio State professor Paul Beck."):
        the speaker stands after the verb, as after a quotation."""
        if cue.text.lower() not in lexicon.words("inverting_verbs"):
            return None
        after = self._forward_np(cue.end)
        if after is None or after.kind != "name":
            return None
        if self.text[after.mention.end:after.mention.end + 1] not in (".", ",", ";", ""):
            return None
        cue.inverted = True
        return after

    def _np_before_dashes(self, closing: Token, floor: int) -> Speaker | None:
        """The noun phrase before the dash that opens a pair closed right before a cue, in
        the cue's sentence; None when there is no such pair."""
        tokens = self._tokens(floor, closing.start)
        sentence_floor = self._sentence_start(closing.start, floor)
        last = len(tokens) - 1
        while last > 0 and tokens[last].text in _DASHES:
            last -= 1  # the first "-" of a closing "--"
        for j in range(last, 0, -1):
            if tokens[j].start < sentence_floor:
                return None
            if tokens[j].text in _DASHES:
                while j > 0 and tokens[j - 1].text in _DASHES:
                    j -= 1  # an opening "--"
                return self._np_backward(tokens, j) if j > 0 else None
        return None

    def _inverted_context(self, before: list[Token], i: int) -> bool:
        """A quotation (or its comma) right before the cue: "…,” said the president."""
        j = i
        while j > 0 and before[j - 1].text in (",", "—", "–"):
            j -= 1
        return j > 0 and before[j - 1].text in ("”", '"', "’", "'", "''")

    def _np_before_appositive(self, tokens: list[Token], comma: int) -> Speaker | None:
        sentence_floor = self._sentence_start(tokens[comma].start, tokens[0].start)
        # "Mr. Slinker, whose latest start-up, Paradata, uses big data ..., said": the name before
        # ", who(se)" is the subject, whatever commas the relative clause holds
        for r in range(comma - 1, 1, -1):
            if tokens[r].start < sentence_floor:
                break
            if tokens[r].lower in ("who", "whose") and tokens[r - 1].text == ",":
                np = self._np_backward(tokens, r - 1)
                if np is not None and np.kind == "name":
                    return np
                break
        for j in range(comma - 1, -1, -1):
            tok = tokens[j]
            if tok.start < sentence_floor:
                break
            if tok.text == "," and j > 0 and not self._inside_quote(tok.start):
                segment = tokens[j + 1:comma]
                if (1 <= len(segment) <= 2 and all(t.capitalized for t in segment) and tokens[j - 1].capitalized) \
                        or (segment and place_apposition(self.text, segment[0].start, segment[-1].end)):
                    comma = j  # "in Columbus, Ohio, said": a place, look further back
                    continue
                if segment and segment[0].is_word and segment[0].capitalized \
                        and segment[0].lower not in lexicon.words("determiners"):
                    # "after the primary, Gov. John Kasich (R-OH), said": the name sits between the
                    # commas, and is all of it; "X, Professor of ... in Washington, argues" is an
                    # appositive whose last words are no subject.
                    np = self._np_backward(tokens, comma)
                    if np is not None and np.mention.start <= segment[0].start:
                        return self._named_before_description(tokens, j, sentence_floor) or np
                if self._place_ends(tokens, j):
                    comma = j  # "in Aurora, Colorado, in July 2012, said": a place, look further back
                    continue
                np = self._np_backward(tokens, j)
                if np is None or _object_of_phrase(tokens, np):
                    # "Sen. Lindsey Graham, R-S.C., a ... candidate, said", "Roxana M. Leon, 63, an
                    # independent voter ..., said": no noun phrase ends at this comma, the subject
                    # stands before an earlier one (or opens the sentence); "Sen. Chuck Grassley,
                    # facing a spirited challenge in Iowa, a swing state, said": an object
                    continue
                return np if np.kind != "pronoun" else None
        # No earlier comma: the sentence opens with the subject ("X, who ..., said").
        first = next((k for k, t in enumerate(tokens) if t.start >= sentence_floor), None)
        if first is None:
            return None
        return self._np_forward_tokens(tokens[first:comma])

    def _named_before_description(self, tokens: list[Token], comma: int, floor: int) -> Speaker | None:
        """The name before a description in apposition that the name between the next commas
        completes ("Giovanni Maria Vian, the editor in chief of the Vatican's newspaper,
        L'Osservatore Romano, said": Vian, not the newspaper); None when no such description
        stands before tokens[comma]."""
        for k in range(comma - 1, 0, -1):
            if tokens[k].start < floor:
                return None
            if tokens[k].text == ",":
                description = tokens[k + 1:comma]
                # (not "a country that the previous nominee, Mitt Romney, called": a role before the
                # name makes the name its holder, and a relative clause is no apposition)
                if description and description[0].lower in ("the", "a", "an") \
                        and not _is_role(description[-1].lower) \
                        and not any(t.lower in ("that", "who", "which", "whom") for t in description):
                    np = self._np_backward(tokens, k)
                    return np if np is not None and np.kind == "name" else None
                return None
        return None

    def _place_ends(self, tokens: list[Token], j: int) -> bool:
        """Whether the capitalised words right before tokens[j] are a place written "City, STATE"."""
        k = j
        while k > 0 and (tokens[k - 1].capitalized or (tokens[k - 1].text == "." and k > 1)):
            k -= 1
        return k < j and place_apposition(self.text, tokens[k].start, tokens[j - 1].end)

    def _antecedent(self, before: list[Token], k: int) -> Speaker | None:
        """What the relative pronoun before[k] ("who", "which") stands for: the noun phrase
        right before it (or before a comma or a dash: "Graham—who had ..."), or the name before
        an appositive ("McConnell, now the Senate majority leader, who ...")."""
        if k < 1:
            return None
        antecedent = self._np_backward(before, k - 1 if before[k - 1].text in (",", "—", "–") else k)
        if antecedent is not None and antecedent.kind == "description" and not antecedent.names:
            n = next(n for n in range(len(before)) if before[n].start == antecedent.mention.start)
            while n > 0 and before[n - 1].lower in lexicon.words("adverbs"):
                n -= 1
            if n > 1 and before[n - 1].text == ",":
                named = self._np_backward(before, n - 1)
                if named is not None and named.kind == "name":
                    antecedent = named
        elif antecedent is not None and antecedent.kind == "name" and _is_state(antecedent.mention.text):
            # "Senator Jeff Flake, Republican of Arizona, who ...": the name before the affiliation
            n = next(n for n in range(len(before)) if before[n].start == antecedent.mention.start)
            comma = next((m for m in range(n - 1, max(0, n - 4), -1) if before[m].text == ","), None)
            if comma is not None:
                named = self._np_backward(before, comma)
                if named is not None and named.kind == "name":
                    antecedent = named
        return antecedent

    def _with_np_before(self, before: list[Token], i: int) -> Speaker | None:
        """The noun phrase between "with" and a participle at before[i] ("with Trump reportedly
        yelling: “…”", "ends with a voice over saying: “…”"): the participle's own subject."""
        adverbs = lexicon.words("adverbs")
        end = i
        while end > 0 and before[end - 1].lower in adverbs:
            end -= 1
        for w in range(end - 1, max(-1, end - 7), -1):
            tok = before[w]
            if not tok.is_word:
                return None
            if tok.lower == "with":
                sp = self._np_forward_tokens(before[w + 1:end])
                # the noun phrase right after "with" ("with many marchers and spectators chanting")
                if sp is not None and sp.kind in ("name", "description") and sp.mention.start == before[w + 1].start:
                    return sp
                return None
        return None

    def _whom_antecedent(self, at: int) -> list[str]:
        """Whom the "whom" right before offset at stands for: the subject of its clause is
        someone else ("Clinton, whom he called “…”", "the candidate, whom he described as")."""
        m = _WHOM_BEFORE.search(self.text, max(0, at - 12), at)
        if m is None:
            return []
        para_start = self.paragraph_starts[self._paragraph_of(m.start())]
        before = self._tokens(max(para_start, m.start() - 300), m.start() + 4)
        if not before or before[-1].start != m.start():
            return []
        antecedent = self._antecedent(before, len(before) - 1)
        return list(antecedent.names) if antecedent is not None else []

    def relative_antecedent(self, start: int, end: int) -> list[str]:
        """The person the relative pronoun text[start:end] stands for ("Beck, who has
        described Trump as “…”" gives Glenn Beck): [] when no name stands before it."""
        para_start = self.paragraph_starts[self._paragraph_of(start)]
        before = self._tokens(max(para_start, start - 300), end)
        if not before or before[-1].start != start:
            return []
        antecedent = self._antecedent(before, len(before) - 1)
        return list(antecedent.names) if antecedent is not None and antecedent.kind == "name" else []

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
        if end >= 3 and last.lower in ("them", "you", "us", "those") and tokens[end - 2].lower == "of" \
                and tokens[end - 3].lower in lexicon.words("quantity_subjects"):
            # "most of them said", "Many of you have questioned": the share of a group
            start = tokens[end - 3].start
            return Speaker(Mention(self.text[start:last.end], start, last.end), [], "description", 0.5, "description")
        pronoun = _pronoun_mention(last)
        if pronoun is not None:
            return Speaker(pronoun, [], "pronoun", 0.8, "pronoun")
        stop, determiners = lexicon.words("stopwords"), lexicon.words("determiners")
        if last.lower in lexicon.words("quantity_subjects") and (end == 1 or tokens[end - 2].text in _CLAUSE_MARKS):
            # "...; most said", "Several said": a quantity opening its clause stands for people
            return Speaker(Mention(last.text, last.start, last.end), [], "description", 0.5, "description")
        if (last.lower in stop and not self._used_as_surname(last)) or last.lower in determiners:
            return None  # (a stopword the text uses as a surname stays)
        j, words = end - 1, 1
        while j > 0 and words < 8:
            tok = tokens[j - 1]
            if tok.text == "." and j > 1 and (tokens[j - 2].text in _abbreviated() or len(tokens[j - 2].text) == 1):
                j -= 1  # "Mr." "J."
                continue
            if tok.lower == "and" and j >= 2 and tokens[j - 2].is_word and tokens[j - 2].lower not in stop \
                    and not tokens[j].capitalized and _is_role(last.lower):
                j -= 1  # "three current and former Podesta employees": two words for one role
                continue
            if not tok.is_word or (tok.lower in stop and not _links_a_source(tokens, j - 1)):
                break
            j -= 1
            words += 1
            if tok.lower in determiners:
                # "a spokesman for the campaign": go on over "for/of the ...".
                if j >= 2 and (tokens[j - 1].lower in ("of", "for", "at") or _links_a_source(tokens, j - 1)) \
                        and tokens[j - 2].is_word and tokens[j - 2].lower not in stop:
                    j -= 1
                    continue
                break
        phrase = tokens[j:end]
        first_index = j  # index in tokens of phrase[0], kept as the phrase is trimmed
        if phrase and phrase[0].lower not in determiners:
            # Without a determiner, lowercase words other than roles belong to the clause before:
            # "Swanson praised evangelist Franklin Graham" -> "Franklin Graham".
            particles = lexicon.words("name_particles")
            # the words from a link on are the source's complement: "Aides to Mr. Sanders"
            linked = next((k - 1 for k in range(1, len(phrase)) if _links_a_source(phrase, k)), len(phrase))
            loose = [k for k, t in enumerate(phrase[:linked]) if t.is_word and not t.capitalized
                     and not _is_role(t.lower)  # "officials", "prosecutors wrote"
                     and not t.lower.endswith(("’s", "'s")) and "-" not in t.lower
                     and not (t.lower in particles and k + 1 < len(phrase) and phrase[k + 1].capitalized)]
            if loose and loose[-1] == len(phrase) - 1 and len(phrase) >= 2 \
                    and phrase[-2].lower.endswith(("’s", "'s")) and phrase[-2].capitalized:
                # "Ryan’s office said", "Trump’s campaign said": a possessive and its noun
                loose = [k for k in loose if k < len(phrase) - 2]
            if loose and _is_role(phrase[-1].lower):
                # a role keeps the words before it ("local party leaders", "federal prosecutors") but
                # for a verb's ("praised party leaders")
                verbs = _verbs()
                loose = [k for k in loose if phrase[k].lower.endswith("ed") or phrase[k].lower in verbs]
            if loose == [0] and len(phrase) == 1 and phrase[0].lower.endswith("s") and len(phrase[0].lower) > 3 \
                    and (j == 0 or tokens[j - 1].text in (",", ":", ";", ".", "—", "–")):
                loose = []  # "Often, families did not understand": a bare plural opening its clause
            if loose:
                phrase = phrase[loose[-1] + 1:]
                first_index += loose[-1] + 1
        while phrase and (phrase[0].lower in ("of", "for", "at", "and") or (
                phrase[0].lower in lexicon.words("name_particles") and not (len(phrase) > 1 and phrase[1].capitalized))):
            phrase = phrase[1:]
            first_index += 1
        if not phrase:
            return None
        k = first_index
        if k >= 2 and tokens[k - 1].lower == "of" and tokens[k - 2].is_word:
            before_of = tokens[k - 2].lower.rstrip(".")
            if before_of in lexicon.words("titles") and len(phrase) >= 3 and phrase[1].capitalized \
                    and phrase[0].lower in lexicon.words("office_words"):
                # "Secretary of State John Kerry", "Chief of Staff Katie Walsh": the office's first
                # word opens the run, the person's name follows it.
                phrase = phrase[1:]
                first_index = k = k + 1
            elif tokens[k - 2].capitalized:
                person = self._person_of(self._np_backward(tokens, k - 1), phrase)
                if person is not None:
                    return person
        speaker = self._make_speaker(phrase)
        if speaker is None:
            return None
        if speaker.kind == "name" and k >= 2 and tokens[k - 1].lower in ("in", "of", "from") \
                and _is_state(speaker.mention.text):
            # "Legislative leaders in North Carolina noted", "G.K. Butterfield of North Carolina
            # said": the state names where the speaker is, the words before it who.
            # ("Republican of Florida" is an affiliation: a lone word before "of" is no speaker.)
            head = self._np_backward(tokens, k - 1)
            if head is not None and head.kind in ("name", "description") \
                    and (tokens[k - 1].lower != "of" or " " in head.mention.text):
                return head
            # no speaker found before it: the place stands for its people, no person's name
            return Speaker(speaker.mention, [], "description", 0.5, "description")
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
            else:
                # "a Democratic staffer in the room wondered": a role before the place
                head = self._np_backward(tokens, k - 1)
                if head is not None and head.kind == "description" and _role_head(head.mention.text):
                    return head
        if k >= 3 and tokens[k - 1].lower in ("to", "with") and tokens[k - 2].lower in ("speaking", "talking"):
            # "Another intelligence source speaking to Fox News said": the one speaking
            head = self._np_backward(tokens, k - 2)
            if head is not None and head.kind in ("name", "description"):
                return head
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
        speaker = self._np_forward_tokens(Tokens(kept))
        if speaker is not None and speaker.kind == "description" and not speaker.names:
            # "said Smith's lawyer, John Doe.": the name in apposition is the speaker
            named = _NAME_IN_APPOSITION.match(self.text, speaker.mention.end)
            if named is not None:
                person = self._make_speaker(self._tokens(named.start(1), named.end(1)))
                if person is not None and person.kind == "name":
                    return person
        return speaker

    def _np_forward_tokens(self, tokens: list[Token]) -> Speaker | None:
        """The noun phrase that opens tokens ("Tokayev", "the Kazakh president", "he")."""
        if not tokens:
            return None
        first = tokens[0]
        pronoun = _pronoun_mention(first)
        if pronoun is not None:
            return Speaker(pronoun, [], "pronoun", 0.8, "pronoun")
        if (first.lower == "one" or first.lower in lexicon.words("quantity_subjects")) \
                and (len(tokens) == 1 or not tokens[1].is_word):
            # "“…,” said one.", "tweeted another.": one of the people the text is about
            return Speaker(Mention(first.text, first.start, first.end), [], "description", 0.5, "description")
        particles = lexicon.words("name_particles")
        stop = lexicon.words("stopwords")
        verbs = lexicon.speech_cues()[0]
        determiners = lexicon.words("determiners")
        k = 1 if first.lower in determiners else 0
        end = k
        longest = 7  # words of a phrase, and three more past a link ("a top aide to President George W. Bush")
        while end < len(tokens) and end - k < longest:
            tok = tokens[end]
            low = tok.lower
            if tok.text == "." and end > 0 and (tokens[end - 1].text in _abbreviated() or len(tokens[end - 1].text) == 1):
                end += 1
                continue
            if low in stop and _links_a_source(tokens, end):
                longest = 10
            elif not tok.is_word or (low in stop and not (
                    low in determiners and _links_a_source(tokens, end - 1))  # "a person close to the campaign"
                    and not (tok.capitalized and end > k and tokens[end - 1].capitalized)):  # "George Will"
                break
            nxt_cap = end + 1 < len(tokens) and tokens[end + 1].capitalized
            if low == "of":
                if nxt_cap and end > k:
                    end += 1
                    continue
                break
            if k == 0 and not tok.capitalized and not (low in particles and nxt_cap):
                if low in verbs or low.endswith("ing") \
                        or (low.endswith("ed") and end > 0 and tokens[end - 1].capitalized):
                    # "Mayor Jennifer Roberts said Friday": the verb ends the subject;
                    # "regarding Muslims" is no modifier of a name; "Kasich bemoaned America's
                    # reputation" is a verb after a name ("retired Gen." opens the phrase).
                    break
                # Lowercase modifiers before a name: "said former Utah governor Michael Leavitt".
                ahead = tokens[end + 1:end + 5]
                stopper = next((t for t in ahead if not t.is_word or t.lower in stop or t.capitalized), None)
                if stopper is not None and stopper.is_word and stopper.capitalized:
                    end += 1
                    continue
                # Without a determiner, a lowercase word is a speaker only as a bare role: "said officials",
                # or the role of a possessive: "said Smith's lawyer", "said Trump's campaign manager".
                if end == 0 and _is_role(low):
                    end += 1
                elif end > 0 and tokens[end - 1].lower.endswith(("’s", "'s")):
                    role = _role_within(tokens, end, stop)
                    if role is not None:
                        end = role + 1
                        continue
                break
            end += 1
        phrase = tokens[:end]
        while phrase and (phrase[-1].lower == "of" or phrase[-1].lower in particles):
            phrase = phrase[:-1]
        if len(phrase) <= k:
            return None
        return self._make_speaker(phrase)

    def _person_of(self, person: Speaker | None, after: list[Token]) -> Speaker | None:
        """The person of "PERSON of PLACE" ("Sen. Bernie Sanders of Vermont", "Jason Gilbert of
        Cheyenne", "Joel Pollak of Breitbart California"); None when the words before "of" name
        no person, or "of" is "about" a person known by a longer name ("said Patrick Murray of
        Christie, who ...")."""
        if person is None or person.kind != "name" or not after:
            return None
        words = person.mention.text.split()
        lower = [k for k, w in enumerate(words) if w[:1].islower() and w not in lexicon.words("name_particles")]
        # the capitalised words after any lowercase ones: "undecided Republican voter Stephanie Hooton"
        if not _a_person_before_of(" ".join(words[lower[-1] + 1:] if lower else words)):
            return None
        other = self._make_speaker(after)
        if other is not None and other.names and other.names[0] != other.mention.text:
            return None
        return person

    def _make_speaker(self, phrase: list[Token]) -> Speaker | None:
        openers = opens_a_clause()
        while phrase and phrase[0].lower in openers:
            # "Despite challenging ..., Cruz said", "While Republicans have ...": a preposition or
            # a conjunction names nobody
            phrase = phrase[1:]
        if not phrase or fills_quotation(self.text, phrase[0].start, phrase[-1].end) or (
                all(t.capitalized or not t.is_word for t in phrase)
                and place_apposition(self.text, phrase[0].start, phrase[-1].end)):
            return None  # “Going Viral,”: a title; "in Salem, New Hampshire, Trump ...": a place
        for of_at in range(len(phrase) - 2, 0, -1):  # the last "of" with words on both sides
            if phrase[of_at].lower == "of":
                if phrase[of_at - 1].capitalized:
                    person = self._person_of(self._make_speaker(phrase[:of_at]), phrase[of_at + 1:])
                    if person is not None:
                        return person
                break
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
        # "Aides to Mr. Sanders", "a letter to Facebook": the words before the link speak
        described = described or any(_links_a_source(phrase, k) for k in range(1, len(phrase) - 1))
        # One capitalised word that news writes lowercase mid-sentence opens its sentence, it
        # names nobody: "Prosecutors said", "Others call it", "Photos show".
        common = len(words) == 1 and _strip_possessive(phrase[-1].lower) in lexicon.words("common_lowercase_words") \
            and _strip_possessive(phrase[-1].text) not in self.surnames  # ("Will wrote": George Will)
        if first in determiners and phrase[-1].capitalized and not {"of", "for", "to"} & set(lowered):
            # "a way FBI Director James Comey slammed as": the person named at the phrase's end,
            # not a description to resolve by its title
            j = len(phrase)
            while j > 1 and (phrase[j - 1].capitalized or phrase[j - 1].text == "."):
                j -= 1
            if j < len(phrase) - 1:
                person = self._make_speaker(phrase[j:])
                entity = self.entities.get(person.names[0]) if person is not None and person.names else None
                if entity is not None and person.kind == "name" and " " in entity.name \
                        and (entity.titles or entity.gender in ("m", "f")):  # a person's, not "The New Yorker"
                    return person
        if not phrase[-1].capitalized or common or described or head in titles:
            # A description: "the Kazakh president", "officials", "the President of Kazakhstan".
            plural = head.endswith("s") and len(head) > 3
            possessive = any(w.endswith(("’s", "'s")) for w in words[:-1])
            if not (first in determiners or head in titles or plural or possessive):
                return None
            names = self._resolve_description(words, start)
            return Speaker(mention, names, "description", 0.7 if names else 0.5, "description")
        # Keep the trailing name: "Clinton’s spokesman Brian Fallon", "NBC’s Dante Chinni" -> "Brian
        # Fallon", "Dante Chinni" (a possessive before the name is an employer or a patron).
        name_words: list[str] = []
        dot = False
        for t in reversed(phrase):
            if not t.is_word:
                dot = t.text == "."  # belongs to the word before it: "Rep." "J."
                continue
            if name_words and t.text.endswith(("’s", "'s")):
                break
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
        firsts = lexicon.table("first_names")
        while len(name_words) > 1 and _opens_no_name(name_words[0]):
            # "Comedian Sarah Silverman", "Said Comey", "Maybe Trump": a word news writes lowercase,
            # capitalised only by its place, opens no name when the words after it are a person's:
            # a known first name, someone the text names in full, or words the text writes alone.
            rest = name_words[1:]
            rest_resolved, _ = self._resolve_name(rest, start)
            written = " ".join(rest)
            if rest_resolved == resolved or not (
                    (len(rest) >= 2 and rest[0].lower() in firsts) or rest_resolved != written
                    or written in self.entities or (len(rest) >= 2 and _written_alone(self.text, written, start))):
                break
            name_words, resolved = rest, rest_resolved
            first = self.text.find(rest[0], start, end)
            if first >= 0:
                mention = Mention(self.text[first:end], first, end)
        return Speaker(mention, [resolved], "explicit", 0.95, "name")


def _a_person_before_of(phrase: str) -> bool:
    """Whether the words before an "of" name a person: a title or a known first name opens two
    capitalised words or more ("Senator Bernie Sanders", "Melissa Cronin"), none of them an
    organisation's word ("United Federation of Teachers", "Bank of America")."""
    words = phrase.split()
    titled = False
    while words and _is_title(words[0]):
        words, titled = words[1:], True
    titles, org = lexicon.words("titles"), lexicon.words("org_words")
    words = [w.rstrip(".").lower() for w in words]
    return len(words) >= 2 and not any(w in org or w in titles for w in words) \
        and (titled or words[0] in lexicon.table("first_names"))


_ALONE_WINDOW = 5000  # characters read on each side: a text of such names stays linear


def _written_alone(text: str, words: str, elsewhere_than: int) -> bool:
    """Whether text holds words (a name) near elsewhere_than but not there, after no capitalised word."""
    hi = min(len(text), elsewhere_than + _ALONE_WINDOW)
    at = text.find(words, max(0, elsewhere_than - _ALONE_WINDOW), hi)
    while at >= 0:
        if abs(at - elsewhere_than) >= len(words) + 40:
            before = text[max(0, at - 30):at].split()
            if not before or not before[-1][:1].isupper():
                return True
        at = text.find(words, at + len(words), hi)
    return False


# ", John Doe." after a description: a name of two to four capitalised words, then the clause's end
_NAME_IN_APPOSITION = regex(r",[ \t\u00a0]+([A-Z][\w’'-]*\.?(?:[ \t\u00a0]+[A-Z][\w’'-]*\.?){0,2}[ \t\u00a0]+[A-Z][\w’'-]+)"
                            r"(?=[ \t\u00a0]*(?:[,;]|\.(?:\s|$))|[ \t\u00a0]+of[ \t\u00a0])")


def _object_of_phrase(tokens: list[Token], np: Speaker) -> bool:
    """Whether a noun phrase is the object of a participle or a preposition ("facing *a
    spirited challenge*", "at *a rally*"): no subject of the verb after it."""
    k = _index_at(tokens, np.mention.start)
    if not k:  # (None, or the first token)
        return False
    prev = tokens[k - 1]
    return prev.is_word and not prev.capitalized and (
        (prev.lower.endswith("ing") and len(prev.lower) > 4) or prev.lower in lexicon.words("place_prepositions"))


def _index_at(tokens: list[Token], start: int) -> int | None:
    """The index of the token starting at offset start, read back from the end (the phrases
    asked about end there); None when no token starts there."""
    for k in range(len(tokens) - 1, -1, -1):
        if tokens[k].start <= start:
            return k if tokens[k].start == start else None
    return None


def _role_within(tokens: list[Token], start: int, stop: frozenset) -> int | None:
    """The index of the last role among the (up to three) lowercase words from tokens[start]
    ("campaign *manager*", "press *secretary*"), or None."""
    found = None
    for r in range(start, min(len(tokens), start + 3)):
        tok = tokens[r]
        if not tok.is_word or tok.capitalized or tok.lower in stop:
            break
        if _is_role(tok.lower):
            found = r
    return found


def _links_a_source(tokens: list[Token], at: int) -> bool:
    """Whether tokens[at] is a preposition that ties a source to whom or what it serves or
    knows: the "to" of a role ("an adviser to Mr. Cruz", "the ambassador to Russia"), or of
    "close to", "familiar with", "briefed on" ("a person familiar with Trump's thinking").
    The words before it speak, not the name after it."""
    pairs, linking = source_links()
    word = tokens[at].lower
    if at < 1 or word not in linking:
        return False
    before = tokens[at - 1].lower
    if word == "to" and _is_role(before):
        return True
    # a noun stands before "close to": "Close to half of ..." is a quantity
    return at >= 2 and (before, word) in pairs and tokens[at - 2].is_word \
        and tokens[at - 2].lower not in lexicon.words("stopwords")
