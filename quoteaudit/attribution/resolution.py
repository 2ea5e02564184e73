"""From the ranked candidates to the speaker of each quotation.

The best candidate becomes the quotation's speaker: its resolved name (a surname to
the full name, a description to a titled person, a pronoun to the person it stands
for), the mention in the text, the cue it is the subject of, and the model's
probability as the confidence. Several names ("Putin and Tokayev said", or "he"
after them) leave the speaker open between them: the quotation is ambiguous.
"""
from __future__ import annotations

from .. import lexicon
from ..model import Attribution, Mention
from ..regexes import regex
from .candidates import _POSSESSIVE, _RELATIVE, CandidateFinder
from .common import _role_head
from .frames import DASH_LINE_CUE, LABEL_COLON_CUE
from .ranker import Ranked
from .sources import source_type

_METHOD = {"name": "explicit", "organisation": "explicit",
           "pronoun": "pronoun", "possessive": "pronoun", "relative": "pronoun",
           "description": "description"}


def is_certain(rule: Attribution, quote, text: str) -> bool:
    """Rules that stay rules: a transcript label inside the quotation ("PUTIN: ..."), a fact
    check's line under it ("- Sanders."), a roundup's label before it ("- Carl Bialik: “…”")
    and a speaker before "according to" the outlet that reported the words ("“…,” Sanders said,
    according to CNN": Sanders spoke, CNN reported it)."""
    return rule.mention is not None and (quote.start <= rule.mention.start < quote.end or (
        rule.cue is not None and ((rule.cue.text == DASH_LINE_CUE and rule.cue.start > quote.end)
                                  or (rule.cue.text == LABEL_COLON_CUE and rule.cue.end <= quote.start)
                                  or (quote.end <= rule.mention.start and rule.cue.start > quote.end
                                      and _ACCORDING_TO_AFTER.match(text, rule.cue.end) is not None))))


_ACCORDING_TO_AFTER = regex(r",[ \t\u00a0]+according[ \t\u00a0]+to\b")


# Chosen by 5-fold cross-validation over PolNeAR train (benchmarks/speakers.py, README): "nobody"
# wins only when the model is this sure, and two different people whose probabilities are this
# close make the quotation ambiguous. Each costs little accuracy and keeps alarms rare.
NOBODY_MIN = 0.95
AMBIGUITY_RATIO = 0.98


def decide(finder: CandidateFinder, ranked: Ranked, rule: Attribution) -> Attribution:
    q = ranked.quote
    if is_certain(rule, q, finder.text):
        return rule
    real = [(c, p) for c, p in zip(ranked.candidates, ranked.probabilities) if c is not None]
    nobody = next((p for c, p in zip(ranked.candidates, ranked.probabilities) if c is None), 0.0)
    if not real or (nobody >= NOBODY_MIN and ranked.rule is None):
        # Nobody near the quotation is plausibly its source, and the cue rules found none either.
        out = Attribution(q.index, None, None, None, "none", 0.0)
        out.probability = round(nobody, 6)
        return out
    best, probability = real[0]
    if nobody >= NOBODY_MIN:  # the model doubts every candidate: the rules' own choice, with its probability
        best, probability = next((c, p) for c, p in real if c is ranked.rule)
    if best is ranked.rule:
        # The rules' own reading of this mention (its cue, method and resolution) stands.
        out = Attribution(q.index, rule.speaker, rule.mention, rule.cue, rule.method, probability,
                          list(rule.candidates))
    else:
        names = finder.speaker_names(best)
        if len(names) == 1 and _modifies_a_role(names[0], best.text):
            names = []  # "a Clinton supporter" is not Hillary Clinton
        cue = Mention(best.cue.text, best.cue.start, best.cue.end) if best.cue is not None else None
        method = _METHOD.get(best.kind, "explicit")
        if len(names) > 1:
            out = Attribution(q.index, None, best.mention, cue, method, probability, list(names))
        else:
            out = Attribution(q.index, names[0] if names else None, best.mention, cue, method, probability)
    if len(real) > 1 and not out.candidates and out.speaker:
        second, p2 = real[1]
        other = finder.resolve(second)
        if p2 >= AMBIGUITY_RATIO * probability and len(other) == 1 and other[0] != out.speaker:
            out.candidates = [out.speaker, other[0]]  # two people, and the model cannot tell which
            out.speaker = None
    out.probability = probability
    if len(out.candidates) > 1:  # the mention is sure, the person is not: share it between them
        out.confidence = probability / len(out.candidates)
    return out


def _modifies_a_role(name: str, mention: str) -> bool:
    """Whether the mention is a role that a word of the name only modifies ("Clinton supporter",
    "Senator Cruz's mother"): the role speaks, not the person named."""
    words = mention.split()
    if len(words) < 2 or not words[-1][0].islower() or not _role_head(mention):
        return False  # ("Dan Backer", "the State Department": the name is the whole)
    inside = {w.strip(".,").removesuffix("’s").removesuffix("'s") for w in words[:-1]}
    return any(part in inside for part in name.split())


def finish(att, attributions: list[Attribution], text: str) -> None:
    """The last step for every quotation: a coordination before a writing cue is one joint
    source ("Cummings and Conyers wrote"), not an ambiguity; each source gets its type."""
    joint_words = lexicon.words("joint_cues")
    pronouns = lexicon.table("pronouns")
    for a in attributions:
        plural = a.mention is not None and a.mention.text.lower() in ("they", "we")
        if plural and not a.speaker and not a.candidates:
            # "Cummings and Conyers wrote ... “…,” they wrote": they are the coordination before.
            people = att._people_at(a.mention.start)
            if len(people) > 1:
                a.speaker, a.source_type = " and ".join(people), "group"
                continue
        if len(a.candidates) > 1 and a.cue is not None and a.mention is not None \
                and a.mention.text.lower() not in pronouns:
            around = text[a.cue.start:a.cue.end + 40].lower().split()
            if any(w.strip(".,:;") in joint_words for w in around[:6]):
                a.speaker, a.candidates = " and ".join(a.candidates), []  # one joint source
                a.source_type = "group"
                continue
        a.source_type = source_type_of(att, a)


def source_type_of(att, a) -> str | None:
    """The type of the source an Attribution (or a statement's speaker) names, read from its
    mention and resolution; is a name a person's is asked of the document's people."""
    mention = a.mention.text if a.mention is not None else None
    words = (mention or "").split()
    first = words[0].lower() if words else ""
    kind = "pronoun" if first in lexicon.table("pronouns") or first in _RELATIVE or first in _POSSESSIVE \
        else "description" if first in lexicon.words("determiners") or a.method == "description" else "name"
    names = list(a.candidates) or ([a.speaker] if a.speaker else [])
    return source_type(mention, names, kind, lambda name: name in att.entities or att._in_people(name))
