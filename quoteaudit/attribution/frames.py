"""The rules' choice of a speaker for each quotation: the cue of its own sentence (right
after it, right before it, around it), a transcript label, a dash, a colon, the subject of
the writer's sentence for a partial quotation, or the previous paragraph's speaker (a mixin
of the rules' worker, ``rules._Attributor``)."""
from __future__ import annotations

import re
from itertools import islice

from .. import lexicon
from ..model import Attribution, Mention, Quotation
from ..regexes import regex
from .common import Cue, Speaker, Tokens, _TERMINATOR, _WORD, _blank, _role_head, _strip_possessive, headline_label
from .cues import _proper_body


_DATELINE = regex(r"[A-Z][A-Z .'-]{2,40}(?:,[^—–\n]{1,40})?\s*(?:\([A-Za-z]+\))?\s*[—–-]{1,2}\s*")
_OPENING_MARKS = ("“", '"', "‘", "'", "«", "„", "`")
_TRANSCRIPT_TURN = regex(r"\s*([A-Z][A-Z.'\- ]{1,30}[A-Z]):\s")  # “WALLACE: Let's start ...”
_DASH_AFTER = regex(r"\s*[―—–-]\s*")
# a paragraph of only a hyphen and a name: "- Hillary Clinton.", "-Michelle Marks, Philadelphia."
# (the hyphen is its cue, one the ranker leaves alone: resolution.is_certain)
DASH_LINE_CUE = "-"
_NAME_VERB_COLON = regex(r"(?<![\w’'.-])([A-Z][\w’'.-]+(?:[ \t][A-Z][\w’'.-]+){0,3})[ \t]+([a-z]+ed)"
                         r"(?:[ \t]+(?:back|out|up|[a-z]+ly)){0,2}:[ \t\u00a0]*\Z")  # "fired back forcefully:"
_PLACE_PHRASE = regex(r"[ \t\u00a0]+(?:in|of|for|from|at|on)[ \t\u00a0]+(?:(?:the|a|an|his|her|its|their)[ \t\u00a0]+)?"
                      r"[\w’'-]+(?:[ \t\u00a0]+[\w’'-]+)?[ \t\u00a0]+")
_PLURAL_SUBJECT = regex(r"two|three|both|[a-z]{3,}s")  # a subject's last word before a verb's plural form
# "Sanders shot back, “…”": a name, a verb and "back" before a comma and the quotation
_NAME_VERB_BACK = regex(r"(?<![\w’'.-])([A-Z][\w’'.-]+(?:[ \t][A-Z][\w’'.-]+){0,3})[ \t]+([a-z]+)[ \t]+back,"
                        r"[ \t\u00a0]*\Z")
LABEL_COLON_CUE = ":"  # "HEADLINE - Carl Bialik: “…”", another label the ranker leaves alone
_DASH_NAME_COLON = regex(r"[ \t][-–—][ \t]+([A-Z][\w.’' ]{1,40}?(?: and [A-Z][\w.’' ]{1,30}?)?):[ \t\u00a0]*\Z")
_DASH_LINE = regex(r"[ \t]*-[ \t]*([A-Z][\w.’' -]{1,40}?)(?:,[^\n]{1,80}?)?\.?[ \t]*(?:\n|\Z)")


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


def _copy(a: Attribution, index: int, method: str, confidence: float) -> Attribution:
    return Attribution(index, a.speaker, a.mention, a.cue, method, confidence, list(a.candidates))


class QuoteFrames:
    """Methods of ``rules._Attributor`` (which holds the text, the quotations and the state
    they read)."""

    def _attribute_quote(self, q: Quotation, cues: list[Cue], previous: Attribution | None,
                         previous_quote: Quotation | None) -> Attribution:
        text = self.text
        para = self._quote_paragraph[q.index]
        para_start = self.paragraph_starts[para]
        para_end = self.paragraph_starts[para + 1] if para + 1 < len(self.paragraph_starts) else len(text)
        end_para_end = self.end_paragraph_end(q, para_end)
        before_q, after_q = self._neighbours
        prev_end = before_q.end if before_q is not None and before_q.start >= para_start else para_start
        prev_end = max(prev_end, para_start) if prev_end <= q.start else para_start
        next_start = after_q.start if after_q is not None and q.end <= after_q.start < end_para_end else end_para_end
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

        # A fact check's dash line under a quotation that fills its paragraph: “…” / - Sanders.
        if para + 1 < len(self.paragraph_starts) and q.end <= para_end \
                and _blank(text, para_start, q.start) and _blank(text, q.end, para_end):
            m = _DASH_LINE.match(text, self.paragraph_starts[para + 1])
            if m:
                sp = self._forward_np(m.start(1))
                if sp is not None and sp.kind == "name":
                    dash = text.index(DASH_LINE_CUE, m.start())
                    return self._from_speaker(q, sp, Cue(dash, dash + 1, DASH_LINE_CUE))

        # "..., to which O'Malley interjected: “…”": a person named right before a verb and a colon
        colon_before = before_text.rstrip().endswith(":")
        m = _NAME_VERB_COLON.search(text, max(sent_start, q.start - 80), q.start) if colon_before else (
            _NAME_VERB_BACK.search(text, max(sent_start, q.start - 80), q.start) if before_text.rstrip().endswith(",")
            else None)
        if m:
            sp = self._forward_np(m.start(1))
            if sp is not None and sp.kind == "name" and sp.mention.end == m.end(1) and sp.names \
                    and sp.names[0] in self.entities:
                return self._from_speaker(q, sp, Cue(m.start(2), m.end(2), m.group(2)), confidence=0.8)

        label = headline_label(text, q.start) if not before_cues and not after_cues else None
        if label is not None:
            # "Graham: Trump’s ‘Incredibly Hateful Rhetoric’ Destroying GOP’s Chance": the label speaks it
            sp = self._forward_np(label.start(1))
            if sp is not None and sp.kind == "name" and sp.mention.end <= label.end(1):
                return self._from_speaker(q, sp, Cue(label.end(1), label.end(1) + 1, LABEL_COLON_CUE), confidence=0.9)

        after = after_cues[0] if after_cues else None
        adjacent_after = after is not None and self._adjacent_after(q, after)
        if ends_sentence and re.match(r"\s*[A-Z]", text[q.end:q.end + 3]):
            adjacent_after = False  # “… attack.” He said ...: a new sentence, not an attribution
        before = before_cues[-1] if before_cues else None

        if adjacent_after and before is not None and before.subject is not None \
                and text[after.end:after.end + 2].lstrip().startswith(":"):
            # 'After Scalia said that ... "less advanced schools," Trump said: "…"': a cue before a
            # colon introduces the quotation after it, this one is the earlier cue's
            adjacent_after = False
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

        # A roundup's "HEADLINE - Carl Bialik: “…”": the name between the dash and the colon.
        m = _DASH_NAME_COLON.search(text, max(sent_start, q.start - 60), q.start) if colon_before else None
        if m:
            sp = self._forward_np(m.start(1))
            if sp is not None and sp.kind == "name" and sp.mention.end <= m.end(1):
                return self._from_speaker(q, sp, Cue(m.end(1), m.end(1) + 1, LABEL_COLON_CUE), confidence=0.9)
        # "Kasich resisted: “…”" — a colon introduces the quotation without a speech verb.
        if colon_before and not before_cues:
            sp = self._sentence_subject(sent_start, q.start)
            if sp is not None:
                return self._from_speaker(q, sp, None, confidence=0.6)
        # A quotation opening a sentence after "..., Schiff said." in the same paragraph:
        # the speaker of the sentence before, when that came after any earlier quotation.
        if not before_cues and not after_cues and not before_text.strip():
            last = self._last_named_cue(para_start, sent_start)
            if last is not None and (previous_quote is None or previous_quote.end <= last.start):
                found = self._from_speaker(q, last.subject, last, confidence=0.7)
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
            # "the two write", "the Saudis state": a plural subject opened by a determiner takes the
            # plain form ("a New York Times report" is no subject "Times" and its verb "report")
            plural_before = v - 1 > k and _PLURAL_SUBJECT.fullmatch(tokens[v - 1].lower) is not None \
                and tokens[k].lower in lexicon.words("determiners")
            if low in lexicon.words("stopwords") or not (low.endswith("ed") or low.endswith("s") or low == "read"
                                                          or (plural_before and low.isalpha())):
                continue  # ("“…,” the editorial read.": a past tense without -ed)
            sp = self._np_forward_tokens(tokens[k:v])
            # (a place phrase may stand between: "a voice-over in the ad states")
            if sp is not None and sp.mention.end <= verb.start and (
                    not self.text[sp.mention.end:verb.start].strip()
                    or _PLACE_PHRASE.fullmatch(self.text, sp.mention.end, verb.start)):
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
