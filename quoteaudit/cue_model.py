"""The trained cue tagger: which words outside quotation marks attribute a statement.

PolNeAR's attributions hang on thousands of cue words ("endorsed", "is expected",
"criticism", "found") that no speech lexicon lists. A logistic model over sparse word
features (the word, its ending, its neighbours, what follows it, where it stands in its
sentence) scores each candidate word: the last word of a cue ("said", "has *said*",
"according *to*"). Candidates are the words the model knows as cue words (seen as one in
training), so most tokens cost one dict look-up.

The weights ship in ``data/cue_model.json`` (trained by ``scripts/train_cue_model.py``,
described in ``data/cue_model.md``) and are applied here in plain Python: a word's score is
the bias plus the weights of its features, a cue when the logistic of that passes the
model's threshold. No runtime dependency.
"""
from __future__ import annotations

import json
import math
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from . import lexicon
from .document import offset_array
from .attribution.common import _abbreviated, _word_before, outside_quotations
from .regexes import regex

MODEL_FILE = "cue_model.json"
# Words, or a single punctuation mark; "U.S." stays one word, "said." is "said" and "."
_TOKEN = regex(r"[^\W_](?:[\w’'\-]*[^\W_])?|[^\w\s]")
# The first four tokens from a point, as findall reads them: between tokens stand only white
# space and "_" (every other character opens a token)
_FIRST_TOKENS = regex(r"[\s_]*({0})(?:[\s_]*({0})(?:[\s_]*({0})(?:[\s_]*({0}))?)?)?".format(_TOKEN.pattern))
_OPENERS = frozenset("“\"‘")
_RUN = regex(r"[\w’'-]+")  # a word as the vocabulary's words are delimited


@dataclass(frozen=True)
class CueModel:
    """The cue tagger's weights, bias, threshold and vocabulary, applied in plain Python."""
    weights: dict  # feature name -> weight
    bias: float
    threshold: float  # probability from which a word is a cue
    vocabulary: frozenset  # the words scored at all (lowercase)
    version: str = ""
    # A word training seldom tagged ("of", "with", "as") is scored only after a word whose
    # weights favour a cue ("criticism of"): gate_words, for any such word, or one of its
    # gates[word]; the words not in gates are always scored.
    gates: dict = field(default_factory=dict)
    gate_words: frozenset = frozenset()
    _gates_as_written: dict = field(default_factory=dict, init=False, repr=False, compare=False, hash=False)
    # word -> the summed weights of its own features, filled as words are met (a few hundred)
    _word_scores: dict = field(default_factory=dict, init=False, repr=False, compare=False, hash=False)

    @property
    def cased(self) -> frozenset:
        """The vocabulary, lowercase and capitalised ("Said", "According")."""
        return _cased(self.vocabulary)

    def probability(self, names: list[str], score: float = 0.0) -> float:
        """The logistic of the bias, score and the weights of names."""
        get = self.weights.get
        score += self.bias
        for name in names:
            score += get(name, 0.0)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    def word_score(self, word: str) -> float:
        """The summed weights of a word's own features, worked out once per word and model."""
        score = self._word_scores.get(word)
        if score is None:
            get = self.weights.get
            score = self._word_scores[word] = sum(get(name, 0.0) for name in word_features(word))
        return score


@lru_cache(maxsize=1)
def shipped_model() -> CueModel:
    return _model(lexicon.parsed(MODEL_FILE, _model_fields))


@lru_cache(maxsize=8)
def _cased(vocabulary: frozenset) -> frozenset:
    return frozenset(vocabulary) | {w[0].upper() + w[1:] for w in vocabulary}


WEIGHT_UNIT = 10_000  # weights are stored as whole multiples of 1/WEIGHT_UNIT (4 decimals)


def model_from_json(data: dict) -> CueModel:
    """The model of a weights file's JSON: "features" and "weights_e4" (the weights as
    integers in units of 0.0001, two plain lists: 4x faster to read at start-up than a
    dict of 20,000 floats), or an older file's "weights" dict."""
    return _model(_fields(data))


def _model(fields: tuple) -> CueModel:
    weights, bias, threshold, vocabulary, version, gates, gate_words = fields
    return CueModel(weights, bias, threshold, frozenset(vocabulary), version,
                    {word: frozenset(before) for word, before in gates.items()}, frozenset(gate_words))


def _model_fields(text: str) -> tuple:
    return _fields(json.loads(text))


def _fields(data: dict) -> tuple:
    """CueModel's arguments, as plain data (the vocabulary a sorted list)."""
    if "weights" in data:
        weights = dict(data["weights"])
    else:  # n / 10_000 is the float that "0.nnnn" reads as: the same weights, exactly
        weights = dict(zip(data["features"], [n / WEIGHT_UNIT for n in data["weights_e4"]]))
    return (weights, float(data["bias"]), float(data["threshold"]), sorted(set(data["vocabulary"])),
            data.get("version", ""), dict(data.get("gates", {})), list(data.get("gate_words", [])))


class Scanner:
    """One text as the tagger reads it: its candidate words (each word between quotations
    looked up in the model's vocabulary), its sentence breaks (. ! ? not after an
    abbreviation such as "Mr.", and line breaks) and its quotations, looked up by
    bisection. Only the few words around a candidate are ever tokenised."""

    def __init__(self, text: str, quote_bounds: list[tuple[int, int]]) -> None:
        self.text = text
        self.quote_bounds = quote_bounds
        self._quote_starts = [s for s, _ in quote_bounds]
        abbreviated = _abbreviated()
        breaks = offset_array(text)  # a text of short lines has a break every few characters
        for m in _BREAK.finditer(text):
            if m.group() == "." and m.start() and text[m.start() - 1].isalpha() \
                    and _word_before(text, m.start(), max(0, m.start() - 20)) in abbreviated:
                continue
            breaks.append(m.end())
        self.breaks = breaks

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """Where the sentence holding text[start:end] starts and ends."""
        i = bisect_right(self.breaks, start)
        return (self.breaks[i - 1] if i else 0), (self.breaks[i] if i < len(self.breaks) else len(self.text))

    def quoted(self, offset: int) -> bool:
        i = bisect_right(self._quote_starts, offset) - 1
        return i >= 0 and self.quote_bounds[i][0] < offset < self.quote_bounds[i][1]

    def quotation_end(self, offset: int) -> int:
        """The end of the last quotation opening before offset (0 when none)."""
        i = bisect_right(self._quote_starts, offset) - 1
        return self.quote_bounds[i][1] if i >= 0 else 0

    def candidates(self, model: "CueModel"):
        """(start, end, word) of every vocabulary word outside quotation marks: the text
        between quotations is scanned, never the words inside them."""
        # Each run of word characters is looked up in the vocabulary (a set): a trie regex of
        # the vocabulary scanned faster, but took 35 ms to compile, a tenth of a one-article
        # check. A run that goes on from before the gap (a closing ’ then letters) is no word.
        words, text, gates, gate_words = model.cased, self.text, _cased_gates(model), model.gate_words
        for gap_start, gap_end in outside_quotations([(0, len(text))], self.quote_bounds):
            last = None  # the run before, as previous_word reads it, without reading back
            for m in _RUN.finditer(text, gap_start, gap_end):
                word = m.group()
                if word in words and not (m.start() == gap_start and gap_start
                                          and _RUN.match(text, gap_start - 1)):
                    gate = gates.get(word)
                    if gate is not None and last is not None:
                        before = last.group()
                        if before[-1].isalnum() and text[last.end():m.start()].isspace() \
                                and (before := before.lower()) not in gate and before not in gate_words:
                            last = m
                            continue
                    yield m.start(), m.end(), word
                last = m


def _cased_gates(model: "CueModel") -> dict:
    """The model's gates by the word as written ("of", "Of"): one look-up per candidate."""
    cased = model._gates_as_written
    if not cased and model.gates:
        for word, gate in model.gates.items():
            cased[word] = cased[word[0].upper() + word[1:]] = gate
    return cased


def previous_word(text: str, start: int) -> str | None:
    """The word (lowercase) right before text[start], across white space only; None when a
    mark or the text's start stands there instead."""
    i = start - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    if i < 0 or not text[i].isalnum():
        return None
    j = i
    while j >= 0 and (text[j].isalnum() or text[j] in "’'-"):
        j -= 1
    return text[j + 1:i + 1].lower()


# [.!?]+ and closing marks before white space, or a line break; written to open on one
# character class, which the regex engine skips to in C (twice as fast as "...|\n")
_BREAK = regex(r"[.!?\n](?:(?<=\n)|[.!?]*[\"”’')\]]*(?=\s))")
_WINDOW = 60  # characters read on each side of a candidate
_NEAR = 20  # characters first read before it when the sentence starts beyond the window


def _bucket(n: int) -> str:
    return str(n) if n < 3 else "3-5" if n < 6 else "6-10" if n < 11 else "11+"


# The features of a word's place in its sentence, by words before / after it (11: 11 or more)
_POSITION = tuple("pos=" + _bucket(n) for n in range(12))
_REMAINING = tuple("rem=" + _bucket(n) for n in range(12))


def features(scan: Scanner, start: int, end: int, word: str) -> list[str]:
    """The sparse features of the word at text[start:end] as a cue's last word."""
    return word_features(word) + context_features(scan, start, end, word)


def word_features(word: str) -> list[str]:
    """The features of the word alone (the same wherever it stands: summed once per word)."""
    w = word.lower()
    out = ["w=" + w, "suf=" + w[-3:], "stem=" + _stem(w)]
    if word[0].isupper():
        out.append("cap")
    if w in _speech():
        out.append("speech_cue")
    if w in _stance():
        out.append("stance")
    if w.endswith("ed"):
        out.append("-ed")
    elif w.endswith("ing"):
        out.append("-ing")
    elif w.endswith("s"):
        out.append("-s")
    return out


def context_features(scan: Scanner, start: int, end: int, word: str) -> list[str]:
    """The features of the words around it in its sentence."""
    text = scan.text
    sent_start, sent_end = scan.sentence(start, end)
    left_from = max(sent_start, start - _WINDOW)
    right_to = min(sent_end, end + _WINDOW)
    left = _tokens_before(text, left_from, sent_start, start)
    right = _tokens_after(text, end, right_to, sent_end)
    w = word.lower()
    p1 = left[-1] if left else "<s>"
    p2 = left[-2] if len(left) > 1 else "<s>"
    n1 = right[0] if right else "</s>"
    n2 = right[1] if len(right) > 1 else "</s>"
    lp1, lp2, ln1, ln2 = p1.lower(), p2.lower(), n1.lower(), n2.lower()
    before = min(len(left), 11) if left_from == sent_start else 11
    after = min(len(right), 11) if right_to == sent_end else 11
    out = ["p1=" + lp1, "n1=" + ln1, "p2=" + lp2, "n2=" + ln2,
           f"p1w={lp1}|{w}", f"wn1={w}|{ln1}", f"p2p1w={lp2}|{lp1}|{w}",
           _POSITION[before], _REMAINING[after]]
    if "that" in right[:4]:
        out.append("that_near")
        out.append("stem_that=" + _stem(w))
    if right and n1[0].isupper():
        out.append("n1cap")
    pronouns = _pronouns()
    for t in left[-3:]:
        if t[0].isupper() or t.lower() in pronouns:
            out.append("subject_near")
            break
    if left and p1[0].isupper():
        out.append("p1cap")
    if lp1 in pronouns:
        out.append("p1pron")
    if n1 in _OPENERS or n2 in _OPENERS:
        out.append("quote_next")
    if right and scan.quoted(text.find(n1, end) + 1):
        out.append("quoted_next")
    return out


def _tokens_before(text: str, left_from: int, sent_start: int, start: int) -> list[str]:
    """The tokens of text[left_from:start], or, when the window cuts the sentence (their
    count then reads as "11 or more"), at least its last three: the tokens after a space
    some way back (no token runs over a space) when there are three."""
    if left_from > sent_start:
        space = text.rfind(" ", left_from, start - _NEAR)
        if space >= 0:
            near = _TOKEN.findall(text, space + 1, start)
            if len(near) >= 3:
                return near
    return _TOKEN.findall(text, left_from, start)


def _tokens_after(text: str, end: int, right_to: int, sent_end: int) -> list[str]:
    """The tokens of text[end:right_to], or, when the window cuts the sentence, its first
    four (one match of four tokens instead of every token of the window)."""
    if right_to == sent_end:
        return _TOKEN.findall(text, end, right_to)
    first = _FIRST_TOKENS.match(text, end, right_to)
    return [t for t in first.groups() if t is not None] if first else []


def _stem(word: str) -> str:
    """A crude lemma: "warned", "warns", "warning" -> "warn"."""
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[:-len(suffix)]
    return word


@lru_cache(maxsize=1)
def _pronouns() -> frozenset[str]:
    return frozenset(lexicon.table("pronouns"))


@lru_cache(maxsize=1)
def _speech() -> frozenset[str]:
    return lexicon.speech_cues()[0] | {words[-1] for words in lexicon.speech_cues()[1]}


@lru_cache(maxsize=1)
def _stance() -> frozenset[str]:
    return lexicon.words("stance_verbs")


def tag(scan: Scanner, model: CueModel | None = None, skip=None):
    """(start, end, word, probability) of every word the model takes for a cue's last
    word, in text order, one at a time (the caller may stop early); ``skip(start)`` leaves
    out candidates another step already reads (speech cues)."""
    model = model or shipped_model()
    for start, end, word in scan.candidates(model):
        if skip is not None and skip(start):
            continue
        p = model.probability(context_features(scan, start, end, word), model.word_score(word))
        if p >= model.threshold:
            yield start, end, word, p
