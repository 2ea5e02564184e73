"""Attribute speakers: who says each quotation. One step a module:

- the cue rules: ``names.py`` (people, titles, surnames, genders), ``cues.py`` (speech
  cues and their subjects: "X said", "said X", "according to X"), ``frames.py`` (the
  rules' own choice for each quotation: a colon, a transcript label, ...), joined in
  ``rules.py``;
- ``candidates.py``: every mention near a quotation that could be its source;
- ``features.py``: what describes a (quotation, candidate) pair;
- ``ranker.py``: the trained model that scores the candidates (plain Python);
- ``resolution.py``: the best candidate made into the quotation's speaker;
- ``sources.py``: what kind of source it is (person, organisation, document, anonymous, group).

Telling speech from scare quotes and titles (``kinds.py``) runs between the rules and
the ranker: only speech is ranked.
"""
from __future__ import annotations

from dataclasses import replace

from ..document import Document
from ..kinds import classify
from ..model import Attribution, Quotation
from .candidates import CandidateFinder
from .ranker import SpeakerModel, rank, shipped_model
from .resolution import decide, finish
from .cues import cue_regex
from .rules import _Attributor

__all__ = ["attribute", "attribute_with_cues", "cue_regex", "person_names"]


def attribute(doc: Document, quotations: list[Quotation], people=None,
              model: SpeakerModel | None = None) -> list[Attribution]:
    """One Attribution per quotation (by index); sets each quotation's kind and partial flag."""
    return attribute_with_cues(doc, quotations, people, model)[0]


def rules_pass(doc: Document, quotations: list[Quotation], people=None) -> tuple[_Attributor, list[Attribution]]:
    """The first steps: the cue rules' worker and its choice for each quotation, and each
    quotation's kind (only speech is ranked). Training and the tests start from here too."""
    rules = _Attributor(doc, quotations, people)
    chosen = rules.run()
    classify(doc.text, quotations, chosen)
    return rules, chosen


def attribute_with_cues(doc: Document, quotations: list[Quotation], people=None,
                        model: SpeakerModel | None = None) -> tuple[list[Attribution], _Attributor]:
    """attribute(), and the rules' worker itself: its resolved speech cues (``.cues``) and
    sentence geometry serve reported_speech, which finds the statements outside marks."""
    rules, chosen = rules_pass(doc, quotations, people)
    model = model or shipped_model()
    if not model.rules_only:
        finder = CandidateFinder.over_speech(rules)
        for index, ranked in rank(rules, finder, chosen, model):
            chosen[index] = decide(finder, ranked, chosen[index])
    finish(rules, chosen, doc.text)
    for q in quotations:  # a nested quotation belongs to the speaker of the one around it
        if q.depth and q.parent is not None:
            outer = chosen[q.parent]
            chosen[q.index] = replace(outer, quote=q.index, candidates=list(outer.candidates))
    return chosen, rules


def person_names(doc: Document) -> list[str]:
    """The full names of people a document names, as the cue rules collect them: two to four
    capitalised words, no organisation, outside headlines, and known to be a person by a
    title or a gender ("Prime Minister Kiri Tautahi"). A capitalised run
    with neither ("African Americans", "Northern Europe") is left out: such runs would
    make variants of each other."""
    names = _Attributor(doc, [], None)
    names._collect_names()
    return [name for name, entity in names.entities.items()
            if len(name.split()) >= 2 and (entity.titles or entity.gender in ("m", "f"))]
