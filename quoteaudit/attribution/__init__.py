"""Attribute speakers: who says each quotation. One step a module:

- ``rules.py``: speech cues and their frames ("X said", "said X", "according to X", a
  colon, a transcript label), the subject of each cue, names, descriptions and
  pronouns resolved to people; the rules' own choice for each quotation;
- ``candidates.py``: every mention near a quotation that could be its source;
- ``features.py``: what describes a (quotation, candidate) pair;
- ``ranker.py``: the trained model that scores the candidates (plain Python);
- ``resolution.py``: the best candidate made into the quotation's speaker;
- ``sources.py``: what kind of source it is (person, organisation, document, anonymous, group).

Telling speech from scare quotes and titles (``kinds.py``) runs between the rules and
the ranker: only speech is ranked.
"""
from __future__ import annotations

from ..document import Document
from ..kinds import classify
from ..model import Attribution, Quotation
from .candidates import CandidateFinder
from .ranker import SpeakerModel, rank, shipped_model
from .resolution import decide, finish
from .cues import cue_regex
from .rules import _Attributor

__all__ = ["attribute", "attribute_with_cues", "cue_regex"]


def attribute(doc: Document, quotations: list[Quotation], people=None,
              model: SpeakerModel | None = None) -> list[Attribution]:
    """One Attribution per quotation (by index); sets each quotation's kind and partial flag."""
    return attribute_with_cues(doc, quotations, people, model)[0]


def attribute_with_cues(doc: Document, quotations: list[Quotation], people=None,
                        model: SpeakerModel | None = None) -> tuple[list[Attribution], _Attributor]:
    """attribute(), and the rules' worker itself: its resolved speech cues (``.cues``) and
    sentence geometry serve reported_speech, which finds the statements outside marks."""
    rules = _Attributor(doc, quotations, people)
    chosen = rules.run()
    classify(doc.text, quotations, chosen)
    model = model or shipped_model()
    if not model.rules_only:
        finder = CandidateFinder(rules, [q for q in rules.top if q.kind == "speech"])
        for index, ranked in rank(rules, finder, chosen, model).items():
            chosen[index] = decide(finder, ranked, chosen[index])
    finish(rules, chosen, doc.text)
    for q in quotations:  # a nested quotation belongs to the speaker of the one around it
        if q.depth and q.parent is not None:
            outer = chosen[q.parent]
            chosen[q.index] = Attribution(q.index, outer.speaker, outer.mention, outer.cue, outer.method,
                                          outer.confidence, list(outer.candidates), outer.probability,
                                          outer.source_type)
    return chosen, rules
