"""The trained speaker ranker: its shipped weights, one test per feature family on real
sentences from PolNeAR train, source types, the appositive cases and joint sources."""
from __future__ import annotations

import hashlib
import re
from importlib import resources

import pytest

from quoteaudit.attribution import ranker, rules_pass
from quoteaudit.attribution.candidates import CandidateFinder
from quoteaudit.attribution.features import QuoteContext
from quoteaudit.attribution.rules import _Attributor
from quoteaudit.document import Document
from quoteaudit.pipeline import analyse
from quoteaudit.quotes import find_quotations


def speech(text: str):
    ctx = analyse(Document(path="t.txt", source=text))
    return [(q, ctx.attributions[q.index]) for q in ctx.quotations if q.depth == 0 and q.kind == "speech"]


def ranked(text: str):
    """For the first speech quotation: (candidate or None, probability, features), best first."""
    att, chosen = rules_pass(Document(path="t.txt", source=text), find_quotations(text).quotations)
    finder = CandidateFinder.over_speech(att)
    q = next(q for q in att.top if q.kind == "speech")
    cands, rows, _, common = ranker.candidate_features(att, finder, q, chosen[q.index],
                                                       ranker.sentence_ends(att, finder.spans),
                                                       [x.start for x in att.top])
    model = ranker.shipped_model()
    rows = ranker.all_features(cands, rows, common)
    probs = model.probabilities([model.score(r) for r in rows])
    order = sorted(range(len(cands)), key=lambda i: -probs[i])
    return [(cands[i], probs[i], rows[i]) for i in order]


def test_model_card_records_the_shipped_weights():
    package = resources.files("quoteaudit.attribution")
    weights = package.joinpath("speaker_model.json").read_bytes()
    card = package.joinpath("MODEL_CARD.md").read_text(encoding="utf-8")
    recorded = re.search(r"SHA-256 of `speaker_model.json`: `([0-9a-f]{64})`", card)
    assert recorded, "the model card names the weights' hash"
    assert recorded.group(1) == hashlib.sha256(weights).hexdigest()


# ---------------------------------------------------------------- feature families, real sentences

CLINTON = ("Rattling off promises to lower student debt, reform the immigration system, combat systemic racism "
           "and improve education, Clinton promised a country of new opportunities.\n\n"
           "“There’s so much more to be done,” she said. “The truth is we aren’t a single issue country.”")


def test_cue_and_geometry_features_pick_the_adjacent_pronoun():
    best, p, feats = ranked(CLINTON)[0]
    assert best.text == "she" and p > 0.5
    assert {"cue_adjacent_A", "sent=A0", "order=A0", "kind=pronoun", "ends=comma"} <= set(feats)
    (q, a), _ = speech(CLINTON)
    assert a.speaker == "Clinton" and a.mention.text == "she" and a.source_type == "person"
    assert 0.5 < a.probability <= 1.0


def test_according_to_frame_and_an_organisation_source():
    text = ("According to the Trump campaign, “The speech will be delivered at the New Hampshire Institute of "
            "Politics at St. Anselm’s College.”")
    best, p, feats = ranked(text)[0]
    assert "cue_according" in feats and "side=B" in feats
    (_, a), = speech(text)
    assert a.mention.text == "the Trump campaign" and a.source_type == "organisation"


@pytest.mark.parametrize("text, mention, source_type", [
    ("“This election season, we are laser focused on furthering that mission,” the group said.",
     "the group", "organisation"),
    ("“The PM has made his views on Donald Trump‘s comments very clear. He disagrees with them,” the spokesman said.",
     "the spokesman", "person"),
    ("“Nobody seems to be preoccupied by it,” the insider said.", "the insider", "anonymous"),
    ("Holding signs calling Christie “New Jersey’s Biggest Loser,” the protesters chanted “Chris Christie: Bad for "
     "New Jersey, bad for you.”", "the protesters", "group"),
])
def test_mention_features_and_source_types(text, mention, source_type):
    found = speech(text)
    a = found[-1][1]
    assert a.mention is not None and a.mention.text == mention
    assert a.source_type == source_type


def test_quotation_features_partial_and_closing_punctuation():
    text = ("Rubio, who he dubbed “the little senator.” He mocked Rubio for not having won a single state.")
    doc = Document(path="t.txt", source=text)
    scan = find_quotations(text)
    att = _Attributor(doc, scan.quotations, None)
    att.run()
    ctx = QuoteContext(att, att.top[0])
    assert ctx.partial and ctx.ends == "period" and not ctx.starts_para


def test_nobody_wins_when_no_one_is_near():
    text = "The rally ended.\n\n“This is the most important election of our lifetime.”\n"
    best, p, feats = ranked(text)[0]
    assert best is None and "null" in feats and p >= 0.8
    (_, a), = speech(text)
    assert a.speaker is None and a.mention is None and a.method == "none"


# ---------------------------------------------------------------- the appositives, joint sources

def test_a_long_appositive_with_a_place_is_no_speaker():
    text = ("Analysts were divided.\n\nJohn Harlow, Professor of International Relations at the Catholic "
            "University of America in Washington, argues that the alliance has changed. “This is not the "
            "organisation it was ten years ago,” he said.")
    (_, a), = speech(text)
    assert a.speaker == "John Harlow" and a.source_type == "person"


def test_an_appositive_naming_a_firm_is_no_speaker():
    text = ("Analysts were divided.\n\nMaria Lindqvist, Chief Economist at London-based consultancy Prism, "
            "said on Tuesday: “Nobody expected a deal this week, and nobody got one.”")
    (_, a), = speech(text)
    assert a.speaker == "Maria Lindqvist"


def test_a_joint_source_is_not_ambiguous():
    text = ("Elijah Cummings and John Conyers wrote to the committee chairman on Monday. “We request an "
            "immediate hearing on these allegations,” they wrote.\n\nElijah Cummings and John Conyers wrote: "
            "“We will not wait for the committee.”")
    found = speech(text)
    assert len(found) == 2
    for _, a in found:
        assert a.speaker == "Elijah Cummings and John Conyers" and a.source_type == "group"
        assert a.candidates == []
