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


def ranked(text: str, which: int = 0):
    """For the first (or which-th) speech quotation: (candidate or None, probability, features),
    best first."""
    att, chosen = rules_pass(Document(path="t.txt", source=text), find_quotations(text).quotations)
    finder = CandidateFinder.over_speech(att)
    q = [q for q in att.top if q.kind == "speech"][which]
    cands, rows, _, common = ranker.candidate_features(att, finder, q, chosen[q.index],
                                                       ranker.sentence_ends(att, finder.spans),
                                                       [x.start for x in att.top],
                                                       ranker.previous_speakers(att, chosen)[q.index])
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
    # PolNeAR train: "police" is a force, not a person (it was typed as a role's person).
    ("“We are asking anyone with information about the shooting to come forward,” Cleveland police said.",
     "Cleveland police", "organisation"),
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


# ---------------------------------------------------------------- candidate families: descriptions, organisations

def pool(text: str):
    att, _ = rules_pass(Document(path="t.txt", source=text), find_quotations(text).quotations)
    return {c.text: c for c in CandidateFinder.over_speech(att).pool}


def test_a_description_opening_its_sentence_is_a_candidate():
    # PolNeAR train (wash-post, 2016-03-03): the gold source of the second quotation is "The agency".
    text = ("In a letter filed last month, the FBI confirmed that it was “working on matters related to former "
            "Secretary Clinton's use of a private email server.” The agency declined to publicly detail the "
            "investigation's “specific focus, scope or potential targets.”")
    found = pool(text)
    assert found["The agency"].kind == "description"  # cut before the verb
    (_, first), (_, second) = speech(text)
    assert first.mention.text == "the FBI"
    assert second.mention.text == "The agency" and second.source_type == "organisation"


@pytest.mark.parametrize("sentence, phrase", [
    ("The Florida senator has said", "The Florida senator"),
    # (the words before the verb are its subject whole: "the report" is the preposition's object)
    ("A footnote in the report says", "A footnote in the report"),
    ("The 30-second video pans around and asks", "The 30-second video"),
])
def test_an_opening_description_stops_at_its_verb(sentence, phrase):
    text = f"It began.\n\n{sentence}: “We are not going to stop now, and we will win.”"
    assert pool(text)[phrase].kind == "description"


def test_an_organisation_named_by_an_outlet_word_or_acronym_is_a_candidate():
    # PolNeAR train (usa-today, 2015-11-09): the gold source is "Politico".
    text = ("And on Friday, it was a report by Politico that he “fabricated” the story of an offer to attend "
            "West Point; NAACP leaders disagreed.")
    found = pool(text)
    assert found["Politico"].kind == "organisation" and found["Politico"].names == ["Politico"]
    assert found["NAACP"].kind == "organisation"  # an acronym
    assert found["West Point"].kind == "name"  # a capitalised run with no organisation word


# ---------------------------------------------------------------- features: position, previous speaker, colon label

def test_position_and_neighbouring_words_tell_a_subject_from_an_object():
    text = ("Marco Rubio is taking heat from Ted Cruz over his membership in the bipartisan group, which he "
            "called “a mistake I would not repeat.”")
    rows = {c.text: feats for c, _, feats in ranked(text) if c is not None}
    assert "position=opensnameB0" in rows["Marco Rubio"] and "next_side=isB0" in rows["Marco Rubio"]
    assert "prev_side=fromB0" in rows["Ted Cruz"]


def test_the_previous_speaker_carries_a_quotation_paragraph():
    text = ("“We cannot ignore the fact,” Rubio said at a discussion here Thursday.\n\n"
            "“We need a president who understands the threat.”")
    att, chosen = rules_pass(Document(path="t.txt", source=text), find_quotations(text).quotations)
    assert ranker.previous_speakers(att, chosen)[att.top[1].index] == ("Rubio",)
    (_, first), (_, second) = speech(text)
    assert second.speaker == "Rubio"
    rows = {c.text: feats for c, _, feats in ranked(text, 1) if c is not None}
    assert "previous_speakerB_alone" in rows["Rubio"]


def test_a_name_before_a_colon_speaks_the_quotation_after_it():
    # PolNeAR train (huff-post, 2016-02-03): a HuffPollster item, headline in capitals, then the author.
    text = ("RED STATES OUTNUMBER BLUE STATES FOR THE FIRST TIME - Jeffrey M. Jones: “Gallup’s analysis of political "
            "party affiliation at the state level in 2015 finds that 20 states are solidly Republican.”")
    best, p, feats = ranked(text)[0]
    assert best.text == "Jeffrey M. Jones" and "colon_intro_name" in feats and "before_colon_name" in feats
    (_, a), = speech(text)
    assert a.speaker == "Jeffrey M. Jones"


def test_how_often_a_person_is_among_the_candidates():
    # PolNeAR train (wash-post, 2016-01-20), shortened.
    text = ("Carly Fiorina tossed “cold water on the idea immediately,” she wrote in her memoir. She was adamant "
            "that she keep the upper hand, telling Walter Keyworth they wouldn't “have to make the first move.”")
    rows = [(c, feats) for c, _, feats in ranked(text) if c is not None]
    fiorina = next(f for c, f in rows if c.text == "Carly Fiorina")
    assert "entity_mentions=3" in fiorina
    assert any("nearer_same_entity_pronoun" in f for c, f in rows if c.text == "She")


def test_another_speakers_cue_between_a_mention_and_the_quotation():
    text = ("Donald Trump released an ad on Monday. The ad uses footage of Hillary Clinton asking, “Why aren’t I "
            "50 points ahead, you might ask?”")
    rows = {c.text: feats for c, _, feats in ranked(text) if c is not None}
    assert "intervening_cue_B" in rows["The ad"] and "intervening_cue_B" not in rows["Hillary Clinton"]


@pytest.mark.parametrize("mention, expected", [
    ("the leader of Kazakhstan", "person"),  # the seed's headline: the head is before "of"
    ("a spokesman for the campaign", "anonymous"),
    ("the Department of Justice", "organisation"),
])
def test_the_head_of_a_description_comes_before_of_or_for(mention, expected):
    from quoteaudit.attribution.sources import source_type
    assert source_type(mention, [], "description", lambda name: False) == expected
