"""The trained cue tagger: its shipped weights, cues outside the speech lexicon found on
real sentences (PolNeAR train, the seed; the written ones say so) with their clause and
source, and words it leaves alone."""
from __future__ import annotations

import hashlib
import json
import re
from importlib import resources
from pathlib import Path

import pytest

from quoteaudit import cue_model
from quoteaudit.document import Document
from quoteaudit.pipeline import analyse

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed" / "kazakhstan-csto-mt.txt"


def test_model_card_records_the_shipped_weights():
    package = resources.files("quoteaudit")
    weights = package.joinpath("data", "cue_model.json").read_bytes()
    card = package.joinpath("data", "cue_model.md").read_text(encoding="utf-8")
    recorded = re.search(r"SHA-256 of `cue_model.json`: `([0-9a-f]{64})`", card)
    assert recorded, "the model card names the weights' hash"
    assert recorded.group(1) == hashlib.sha256(weights).hexdigest()



def test_weights_file_round_trips_exactly_and_old_files_still_load(tmp_path):
    # The shipped file stores weights as integers in units of 0.0001; reading them back must
    # give the very floats the trainer rounded to (a sum of weights decides each cue).
    from quoteaudit.cue_training import dump_model
    shipped = cue_model.shipped_model()
    out = tmp_path / "model.json"
    dump_model(shipped, str(out))
    assert out.read_bytes() == resources.files("quoteaudit").joinpath("data", "cue_model.json").read_bytes()
    model = cue_model.CueModel({"w=said": 1.2345, "p1=he": -0.0001, "n1=that": 0.1}, -0.7361, 0.25,
                               frozenset({"said"}), "v")
    dump_model(model, str(out))
    assert cue_model.model_from_json(json.loads(out.read_text(encoding="utf-8"))) == model
    gated = cue_model.CueModel({"w=of": -1.0, "p1w=criticism|of": 2.0}, -0.7361, 0.25, frozenset({"said", "of"}),
                               "v", {"of": frozenset({"criticism"})}, frozenset({"he"}))
    dump_model(gated, str(out))
    assert cue_model.model_from_json(json.loads(out.read_text(encoding="utf-8"))) == gated != model
    old_format = {"version": "v", "bias": -0.7361, "threshold": 0.25, "vocabulary": ["said"],
                  "weights": {"w=said": 1.2345, "p1=he": -0.0001, "n1=that": 0.1}}
    assert cue_model.model_from_json(old_format) == model

def statements(text: str):
    ctx = analyse(Document(path="t.txt", source=text))
    return [(r.kind, r.cue.text, text[r.start:r.end], r.mention.text if r.mention else None, r.speaker)
            for r in ctx.reported_speech]


@pytest.mark.parametrize("text, expected", [
    # PolNeAR train (politico_2016-05-19): "insist" with a bare plural subject, no "that".
    ("EXCLUSIVE: In memo to Congress, Saudis insist they’re fighting terror.",
     ("indirect", "insist", "they’re fighting terror", "Saudis", "Saudis")),
    # PolNeAR train (usa-today_2015-12-07): a perfect-tense verb with an object, no clause.
    ("Since that attack, Republicans have criticized various aspects of the strategy Obama trumpeted "
     "during Sunday's prime-time address from the Oval Office.",
     ("indirect", "criticized", "various aspects of the strategy Obama trumpeted during Sunday's prime-time "
                                "address from the Oval Office", "Republicans", None)),
    # PolNeAR train (breitbart_2016-08-08): the participle after it reports a statement of its own.
    ("Obama also addressed Trump’s general concerns last Thursday, stating state and local authorities – "
     "and not the federal government – are in charge of the election process.",
     ("indirect", "addressed", "Trump’s general concerns last Thursday", "Obama", "Obama")),
    # Written for this test: a titled name before "has accused".
    ("Sen. Elizabeth Warren has accused Wells Fargo of defrauding its customers for years.",
     ("indirect", "accused", "Wells Fargo of defrauding its customers for years", "Sen. Elizabeth Warren",
      "Elizabeth Warren")),
    # Written for this test: the subject stands before the cue's first word ("laid *out*"),
    # and a tagged cue may report a short object.
    ("At the rally on Tuesday, Sanders laid out his plan to make public colleges free.",
     ("indirect", "laid out", "his plan to make public colleges free", "Sanders", "Sanders")),
    ("Yesterday, Sanders laid out a plan.",
     ("indirect", "laid out", "a plan", "Sanders", "Sanders")),
    # Written for this test: a relative pronoun is the mention, the name it stands for the speaker.
    ("Among the speakers was Bernie Sanders, who has long criticized the trade deal.",
     ("indirect", "long criticized", "the trade deal", "who", "Bernie Sanders")),
])
def test_cue_outside_the_speech_lexicon(text, expected):
    assert expected in statements(text)


def test_a_speech_lexicon_cue_stays_the_lexicons():
    # PolNeAR train (usa-today_2016-07-22): "according to" is read by the cue rules, not tagged again.
    text = ("The Rock and Roll Hall alone opened its doors to some 40  events, according to  spokesman Todd "
            "Mesek. The museum also waived its $23.50 admission fee during the convention.")
    found = statements(text)
    assert [(kind, cue, content, speaker) for kind, cue, content, _, speaker in found] == [
        ("indirect", "according to", "The Rock and Roll Hall alone opened its doors to some 40  events",
         "Todd Mesek")]


def test_possessive_noun_cue_credits_the_person_the_pronoun_stands_for():
    # The seed: "his claim that ..." after a paragraph about Tokayev.
    text = SEED.read_text(encoding="utf-8")
    found = [s for s in statements(text) if s[1] == "claim"]
    assert found == [("indirect", "claim", "that outside actors were involved in the riots", "his",
                      "Kassym-Jomart Tokayev")]


def test_words_that_are_no_cue_here_report_nothing():
    # Written for this test: "to", "for", "about", "on" are in the tagger's vocabulary.
    text = ("The chef moved to Ohio in 2010. She cooks for about forty guests a night "
            "and opened a second restaurant on Main Street last spring.")
    scan = cue_model.Scanner(text, [])
    model = cue_model.shipped_model()
    assert [w for _, _, w in scan.candidates(model)], "the sentence has candidates to reject"
    assert list(cue_model.tag(scan)) == []
    assert statements(text) == []


def test_words_inside_quotation_marks_are_no_candidates():
    text = "“We said it would work, and it did,” Smith told reporters on Monday."
    bounds = [(0, text.index("”") + 1)]
    scan = cue_model.Scanner(text, bounds)
    words = [w for _, _, w in scan.candidates(cue_model.shipped_model())]
    assert "said" not in words and "told" in words


def test_sentence_bounds_skip_abbreviations():
    text = "Mr. Smith said so. Then he left."
    scan = cue_model.Scanner(text, [])
    assert scan.sentence(4, 9) == (0, 18)
    start, end = scan.sentence(text.index("Then"), text.index("Then") + 4)
    assert text[start:end].strip() == "Then he left."


def test_short_windows_read_the_tokens_the_whole_window_holds():
    # The tagger reads fewer characters where the window cuts the sentence: the first four
    # tokens after a word, the last three before it. They must be the whole window's.
    text = SEED.read_text(encoding="utf-8") + " a_b __ c’d ’ '' -x- 1_2 é.ü U.S.-based “quoted” end"
    for at in range(0, len(text), 7):
        for width in (0, 3, 30, 60):
            window = cue_model._TOKEN.findall(text, at, at + width)
            assert cue_model._tokens_after(text, at, at + width, at + width + 1)[:4] == window[:4]
            assert cue_model._tokens_after(text, at, at + width, at + width) == window
            before = cue_model._tokens_before(text, max(0, at - width), -1, at)
            assert before[-3:] == cue_model._TOKEN.findall(text, max(0, at - width), at)[-3:]


def test_a_seldom_tagged_word_is_scored_only_after_a_word_that_favours_a_cue():
    # "of" ends a cue in 466 of its 11,871 occurrences in PolNeAR train ("criticism of"): it is
    # scored after such a word, after a mark or at a gap's start, never after "city".
    model = cue_model.shipped_model()
    assert "of" in model.gates
    text = "Their criticism of the plan grew. The city of Boston voted. Of course, \"they said\" of it."
    found = [(text[:start].split()[-1] if text[:start].split() else "", word)
             for start, _, word in cue_model.Scanner(text, [(72, 83)]).candidates(model) if word.lower() == "of"]
    assert found == [("criticism", "of"), ("voted.", "Of"), ('said"', "of")]


def test_the_gates_read_the_previous_word_as_the_trainer_does():
    # The scan keeps the run before each word; the trainer reads back from the word: the same word.
    text = "Democrats’ criticism  of it; Trump's attack\non the press, the man - of the hour, X-ray of."
    runs = [m for m in cue_model._RUN.finditer(text)]
    for before, m in zip(runs, runs[1:]):
        read_back = cue_model.previous_word(text, m.start())
        kept = before.group().lower() if before.group()[-1].isalnum() \
            and text[before.end():m.start()].isspace() else None
        assert read_back == kept, m.group()
