"""Reported speech (direct, mixed, indirect), on real sentences from PolNeAR train and the
seed; anonymous-source and ambiguous-speaker on statements outside quotation marks."""
from __future__ import annotations

from pathlib import Path

import pytest

from quoteaudit.config import Settings
from quoteaudit.document import Document
from quoteaudit.pipeline import analyse, check_document

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed" / "kazakhstan-csto-mt.txt"


def statements(text: str):
    ctx = analyse(Document(path="t.txt", source=text))
    return [(r.kind, text[r.start:r.end], r.speaker or (r.mention.text if r.mention else None))
            for r in ctx.reported_speech]


def quotation_kinds(text: str) -> list[str]:
    """The kind of each top-level quotation in text (speech, scare, title)."""
    return [q.kind for q in analyse(Document(path="t.txt", source=text)).quotations if not q.depth]


def cue_statements(text: str, cue: str):
    """The analysis of text, and the statements whose cue is the word cue."""
    ctx = analyse(Document(path="t.txt", source=text))
    return ctx, [r for r in ctx.reported_speech if r.cue is not None and r.cue.text == cue]


@pytest.mark.parametrize("text, expected", [
    # "X told Y (when) that ...": the clause from "that".
    ("Rubio told reporters Tuesday that the president’s new executive actions on guns undermine "
     "Americans’ constitutional right to bear arms.",
     ("indirect", "that the president’s new executive actions on guns undermine Americans’ constitutional "
                  "right to bear arms", "Rubio")),
    # "..., X said." after a clause: the clause before.
    ("Any action by China to reclaim land in the Scarborough Shoal, an outcrop in the disputed sea, "
     "would have consequences, Carter said.",
     ("indirect", "Any action by China to reclaim land in the Scarborough Shoal, an outcrop in the disputed "
                  "sea, would have consequences", "Carter")),
    # A reporting verb with a complement clause.
    ("Sanders argued that the breach was jointly the fault of the data vendor and a staffer who made a "
     "bad decision to try to exploit the vendor error.",
     ("indirect", "that the breach was jointly the fault of the data vendor and a staffer who made a bad "
                  "decision to try to exploit the vendor error", "Sanders")),
    ("He denied that the exchange would encourage more Americans to be taken.",
     ("indirect", "that the exchange would encourage more Americans to be taken", "He")),
    # "according to X, ...": what follows the source.
    ("According to the results, Clinton increases her lead by one point in a match up with Rubio and "
     "Bloomberg.",
     ("indirect", "Clinton increases her lead by one point in a match up with Rubio and Bloomberg",
      "the results")),
    # PolNeAR train: stance and belief verbs, cues of reported speech only.
    ("Carter believes his use of personal email for work-related business was a mistake.",
     ("indirect", "his use of personal email for work-related business was a mistake", "Carter")),
    ("But opponents say the rapid wage increase will push companies to leave the state or lay off workers en masse.",
     ("indirect", "the rapid wage increase will push companies to leave the state or lay off workers en masse",
      "opponents")),
    # Any verb before "that" with a subject: "Trump insisted that" is in no list.
    ("France guaranteed that the attackers would not be facing gunfire as they methodically moved through.",
     ("indirect", "that the attackers would not be facing gunfire as they methodically moved through", "France")),
    # PolNeAR train: a share of a poll's respondents as the subject.
    ("About 9 percent said they had no preference.",
     ("indirect", "they had no preference", "About 9 percent")),
    # PolNeAR train: a law or a count after "according to" is the source.
    ("According to state law, no one may solicit a person’s vote within 150 feet of a polling location.",
     ("indirect", "no one may solicit a person’s vote within 150 feet of a polling location", "state law")),
    # PolNeAR train: a parenthetical cue inside the clause.
    ("This campaign, he says, is different.",
     ("indirect", "This campaign, he says, is different", "he")),
])
def test_indirect_speech(text, expected):
    assert statements(text) == [expected]


@pytest.mark.parametrize("text, speaker, mention", [
    # PolNeAR train: the name after a sentence's opening preposition ("For Trump" was the speaker).
    ("Donald Trump spoke in Detroit. For Trump, the topic provided an opening to circle back to his acceptance "
     "speech at the Republican convention and to more recent rhetoric about what he sees as the conditions "
     "for black Americans.", "Donald Trump", "Trump"),
    # ... and the mention a possessive's name ("Despite Mr. Trump's" was the mention).
    ("Despite Mr. Trump's claims that he would win the state, his campaign spent little there.",
     "Trump", "Mr. Trump's"),
])
def test_no_source_opens_on_a_preposition(text, speaker, mention):
    ctx = analyse(Document(path="t.txt", source=text))
    assert [(r.speaker, r.mention.text) for r in ctx.reported_speech] == [(speaker, mention)]


@pytest.mark.parametrize("text, speaker, mention", [
    # PolNeAR train: the person before "of", not the state or the employer after it ("Vermont" was
    # the speaker).
    ("Sen. Bernie Sanders of Vermont called on the Obama administration to block the deal.",
     "Bernie Sanders", "Sen. Bernie Sanders"),
    ("Another pollster, David Woodard of Clemson University, said his survey of Republicans showed "
     "Mr. Trump's support holding steady after the debate.", "David Woodard", "David Woodard"),
    # ... and an office's last word is no part of the name ("State Jon Husted" was the speaker).
    ("Republican Secretary of State Jon Husted said the state would appeal the ruling.", "Jon Husted", "Jon Husted"),
    # "of" a person known by a longer name is "about" that person: who stays Christie.
    ("Chris Christie ended his campaign. \"It just was never meant to be,\" said political scientist Patrick "
     "Murray of Christie, who opted to suspend his campaign after a sixth-place finish in the primary.",
     "Chris Christie", "who"),
])
def test_a_person_of_a_place_or_an_office(text, speaker, mention):
    ctx = analyse(Document(path="t.txt", source=text))
    indirect = [(r.speaker, r.mention.text) for r in ctx.reported_speech if r.kind == "indirect"]
    assert indirect == [(speaker, mention)]


@pytest.mark.parametrize("text, mention", [
    # PolNeAR train: a plural noun that opens its sentence is a group, not a person's name ("Others",
    # "Polls" and "Authorities" were speakers' names).
    ("Obama has described the dinner as Washington celebrating itself. Others call it the nerd prom.", "Others"),
    ("Polls show Clinton with a narrow lead in the state.", "Polls"),
    ("Authorities said the suspect had been arrested on Monday.", "Authorities"),
])
def test_a_capitalised_common_word_names_nobody(text, mention):
    ctx = analyse(Document(path="t.txt", source=text))
    last = ctx.reported_speech[-1]
    assert (last.speaker, last.mention.text) == (None, mention)


@pytest.mark.parametrize("text, expected", [
    # PolNeAR train: "Rival Hillary Clinton" and "Journalist Jorge Ramos" were names.
    ("Rival Hillary Clinton had mocked the complaint, saying anybody who complains about a microphone "
     "“is not having a good night.”", "Hillary Clinton"),
    ("Journalist Jorge Ramos corrected the GOP candidate by tweeting back at him. “Your facts are wrong,” "
     "Ramos wrote.", "Jorge Ramos"),
])
def test_a_word_capitalised_by_its_place_opens_no_name(text, expected):
    ctx = analyse(Document(path="t.txt", source=text))
    quoted = [r.speaker for r in ctx.reported_speech if r.quotations]
    assert quoted == [expected]


def test_mixed_speech_holds_its_quoted_fragment():
    text = "Ryan said that “we need more information” about how the FBI came to its bizarre conclusion Tuesday."
    ctx = analyse(Document(path="t.txt", source=text))
    [r] = ctx.reported_speech
    assert r.kind == "mixed" and r.speaker == "Ryan"
    assert text[r.start:r.end] == "that “we need more information” about how the FBI came to its bizarre conclusion Tuesday"
    assert r.quotations == [0] and r.cue.text == "said"


def test_direct_speech_is_the_quotation_with_its_speaker():
    # The first from PolNeAR train; the second written for the test.
    text = ("“I think it's coming,” said a strategist for one of the campaigns.\n\n"
            "Kasich told reporters: “We are going to go all the way to the convention.”\n")
    found = statements(text)
    assert [(k, c) for k, c, _ in found] == [
        ("direct", "“I think it's coming,”"),
        ("direct", "“We are going to go all the way to the convention.”")]
    assert found[1][2] == "Kasich"


def test_a_quotation_cue_reports_no_clause_of_its_own():
    # The seed: “…,” Tokayev told the Collective Security Treaty Organization — the words after
    # the cue name the audience, they are no statement.
    found = statements("“The main attack is on Almaty,” Tokayev told the Collective Security Treaty Organization.")
    assert [k for k, _, _ in found] == ["direct"]


def test_multi_paragraph_quotation_is_one_statement_with_every_part():
    # The seed's words, as a quotation over two paragraphs.
    text = ("Tokayev said:\n\n“Under the guise of spontaneous protests, a wave of unrest broke out.\n\n"
            "“We are talking about an attempted coup.”\n")
    ctx = analyse(Document(path="t.txt", source=text))
    [r] = ctx.reported_speech
    assert r.kind == "direct" and len(r.content) == 2 and r.speaker == "Tokayev"


def test_seed_statements():
    text = SEED.read_text(encoding="utf-8")
    ctx = analyse(Document(path=str(SEED), source=text))
    by_start = {text[r.start:r.end][:40]: r for r in ctx.reported_speech}
    said = by_start["that this vast Central Asian country has"]
    assert said.kind == "indirect" and said.speaker == "Kassym-Jomart Tokayev"
    coordination = by_start["that the military alliance of the former"]
    assert coordination.kind == "mixed"
    assert coordination.candidates == ["Vladimir Putin", "Kassym-Jomart Tokayev"]
    colour = next(r for r in ctx.reported_speech if text[r.start:r.end].startswith("that the CTSO will not"))
    assert colour.kind == "mixed" and colour.mention.text == "He" and len(colour.candidates) == 2
    # “Of course, ...,” he said. “The measures taken by ...”: the quotation after the cue's sentence
    # goes on with the same statement.
    assert [r.quotations for r in ctx.reported_speech if r.kind == "direct"] == [[3], [7, 8], [10], [11], [12]]


def findings(text: str, rule: str):
    report = check_document(Document(path="t.txt", source=text), Settings(select={rule}))
    return [(f.line, f.column, f.rule) for f in report.findings], report.findings


def test_ambiguous_speaker_on_the_seeds_statement_without_marks():
    # The seed's sentence as a translation round trip leaves it: no quotation marks at all.
    text = ("Russian President Vladimir Putin and Kassym-Jomart Tokayev met on Monday.\n\n"
            "Putin and Tokayev said in a speech that the military alliance of the former Soviet Union "
            "prevented terrorists, criminals, predators and other criminals from destroying Kazakhstan’s "
            "power base.\n")
    got, found = findings(text, "ambiguous-speaker")
    assert got == [(3, 36, "ambiguous-speaker")]
    assert found[0].data["candidates"] == ["Vladimir Putin", "Kassym-Jomart Tokayev"]


def test_joint_source_is_not_ambiguous():
    # PolNeAR train: two people who say the same thing together.
    text = "Khizr and Ghazala Khan said they felt compelled to speak out against this year's presidential campaign.\n"
    assert findings(text, "ambiguous-speaker")[0] == []


def test_tagged_cue_pronoun_is_not_reported_ambiguous():
    # PolNeAR train (breitbart_2016-02-08): "He" is Rubio; the resolver also offers the two
    # governors named since. "dismissed" is a tagged cue: no ambiguous-speaker on it.
    text = ("Speaking to “CBS This Morning” Monday, Rubio refrained from attacking his rivals, particularly "
            "Govs. Jeb Bush and Chris Christie, who say the freshman senator doesn’t have the experience "
            "needed to be president.\n\n"
            "He dismissed critique of his performance at Saturday’s debate.\n")
    ctx = analyse(Document(path="t.txt", source=text))
    dismissed = [r for r in ctx.reported_speech if r.cue is not None and r.cue.text == "dismissed"]
    assert [(text[r.start:r.end], r.mention.text, r.candidates) for r in dismissed] == [
        ("critique of his performance at Saturday’s debate", "He", [])]
    assert findings(text, "ambiguous-speaker")[0] == []


@pytest.mark.parametrize("text, expected", [
    # PolNeAR train sentences.
    ("Law enforcement sources have said he said no more baby parts in comments to officials after the shooting.",
     [(1, 35, "anonymous-source")]),
    ("Sources told POLITICO, however, that she did chime in and the conversation flowed both ways.",
     [(1, 33, "anonymous-source")]),
    ("“It's the nominee's party,” one Trump campaign source said.", [(1, 1, "anonymous-source")]),
    # Written for the test, on the patterns the rule is for.
    ("The talks have stalled, a person familiar with the matter said.", [(1, 1, "anonymous-source")]),
    ("Officials, who spoke on condition of anonymity, said the strike hit a depot.",
     [(1, 54, "anonymous-source")]),
    ("According to people familiar with the plans, the company will cut 300 jobs.",
     [(1, 46, "anonymous-source")]),
    # Named sources, and "officials said" alone, are not reported.
    ("Rubio told reporters Tuesday that the president’s new executive actions on guns undermine "
     "Americans’ constitutional right to bear arms.", []),
    ("French officials said a truck rammed into a crowd celebrating Bastille Day.", []),
    ("The software is open source, the company said.", []),
    # PolNeAR train: a tagged cue ("believe") whose subject's head is "sources" is reported ...
    ("Therefore, Gulf sources believe Erdogan has joined an axis that comprises Iran, Russia, and a new Syria.",
     [(1, 33, "anonymous-source")]),
    # ... but not a tagged cue ("discuss") in the anonymity clause of a quotation's source.
    ("''This is not a combat mission,'' one senior administration official said, speaking on the condition "
     "of anonymity to discuss internal directives to the Pentagon.", []),
])
def test_anonymous_source(text, expected):
    assert findings(text, "anonymous-source")[0] == expected


REFERENCES = Path(__file__).resolve().parent.parent / "fixtures" / "seed" / "references.yml"


def test_seed_colour_revolutions_statement_is_putins_record():
    from quoteaudit.cli import build_settings
    settings, errors, _ = build_settings(None, "misattributed-quote", None, [str(REFERENCES)], False)
    assert errors == []
    text = SEED.read_text(encoding="utf-8")
    report = check_document(Document(path=str(SEED), source=text), settings)
    statements_found = [f for f in report.findings if "gives this statement" in f.message]
    assert [(f.line, f.column) for f in statements_found] == [(21, 9)]
    assert statements_found[0].data["record_speaker"] == "Vladimir Putin"
    assert statements_found[0].data["candidates"] == ["Vladimir Putin", "Kassym-Jomart Tokayev"]


def test_paraphrase_score_counts_content_words_with_spelling_variants():
    from quoteaudit.matching import _clauses, paraphrase_score
    from quoteaudit.references import Reference
    record = Reference(text="The measures taken by the CSTO have clearly shown that we will not allow the scenario "
                            "of the so-called colour revolutions to be implemented.", speaker="Vladimir Putin")
    [said, aside] = _clauses("that the CTSO will not allow “color revolutions” to occur, which refers to the "
                             "several popular revolutions in the former Soviet Union")
    assert paraphrase_score(said, record) == (80.0, 4)  # ctso~csto, allow, color~colour, revolutions; not "occur"
    assert paraphrase_score(aside, record)[0] < 70


def test_stance_verbs_leave_quotation_speakers_alone():
    # Written for the test: "thinks" is no speech cue for a quotation, the speaker stays who said it.
    text = "“We will win,” Cruz said. Trump thinks the race is over."
    ctx = analyse(Document(path="t.txt", source=text))
    assert ctx.attributions[0].speaker == "Cruz"
    assert [(r.kind, r.speaker) for r in ctx.reported_speech] == [("direct", "Cruz"), ("indirect", "Trump")]


def test_participle_cue_opens_its_own_statement():
    # PolNeAR train: "..., Mr. Manafort said, adding that ...": two statements.
    text = ("Mr. Trump intends to deliver a foreign policy address at the National Press Club in Washington "
            "this month, Mr. Manafort said, adding that he would also hold similar events.")
    assert [(k, c[:30]) for k, c, _ in statements(text)] == [
        ("indirect", "Mr. Trump intends to deliver a"), ("indirect", "that he would also hold simila")]


def test_speaker_after_the_verb_at_the_end_of_a_clause():
    # PolNeAR train: ", predicted X, the former ..." — no quotation before, the speaker after the verb.
    text = ("Bernie Sanders will throw his support behind Hillary Clinton before the Democratic Party's "
            "nominating convention, predicted Madeleine Kunin, the former Vermont Democratic governor.")
    assert statements(text) == [
        ("indirect", "Bernie Sanders will throw his support behind Hillary Clinton before the Democratic Party's "
                     "nominating convention", "Madeleine Kunin")]


def test_quotation_split_by_its_cue_is_one_statement():
    # PolNeAR train: “A,” Trump said, “B.” — one statement in two pieces.
    text = ("“And while I’m at it, I hold in the highest esteem Sen. John McCain,” Trump said, "
            "“and I fully support and endorse his re-election.”")
    ctx = analyse(Document(path="t.txt", source=text))
    [r] = ctx.reported_speech
    assert r.kind == "direct" and r.speaker == "Trump" and r.quotations == [0, 1]
    assert [text[p.start:p.end][:12] for p in r.content] == ["“And while I", "“and I fully"]


def test_mixed_statement_takes_its_sentence_subject():
    # PolNeAR train: no speech cue for the fragment; the sentence's subject is the source.
    text = "Dr. Muhammad Babar pondered who, without Ali, might “testify for our innocence in this season of witch hunting.”"
    ctx = analyse(Document(path="t.txt", source=text))
    # The cue rules leave the quotation open; the speaker ranker takes the sentence's subject.
    assert ctx.attributions[0].speaker == "Muhammad Babar"
    [r] = ctx.reported_speech
    assert r.kind == "mixed" and r.speaker == "Muhammad Babar" and r.quotations == [0]


@pytest.mark.parametrize("text, expected", [
    # PolNeAR train: a second subject and verb after ", and": two statements, each with its source
    # (the first clause used to run on over the second, which then went unreported).
    ("Senator Marco Rubio, Republican of Florida, has talked about embedding Special Operations troops with "
     "Iraqi soldiers on the front lines, and Hillary Clinton said she would consider sending more special "
     "operators to Syria than the 50 that Mr. Obama recently authorized to assist rebels fighting the Islamic State.",
     [("indirect", "embedding Special Operations troops with Iraqi soldiers on the front lines", "Marco Rubio"),
      ("indirect", "she would consider sending more special operators to Syria than the 50 that Mr. Obama "
                   "recently authorized to assist rebels fighting the Islamic State", "Hillary Clinton")]),
    # PolNeAR train: the second verb shares the first one's subject ("..., and urged", "but said").
    ("RNC spokesman Sean Spicer on Thursday evening said the Republican Party was not in a crisis, and urged "
     "that everyone take a deep breath and relax.",
     [("indirect", "the Republican Party was not in a crisis", "Sean Spicer"),
      ("indirect", "that everyone take a deep breath and relax", "Sean Spicer")]),
    # ... also when the subject parser takes the noun before "but" for the second verb's subject.
    ("She said she had met with Manafort twice but said neither Manafort nor Gates played a role in its "
     "lobbying activities.",
     [("indirect", "she had met with Manafort twice", "She"),
      ("indirect", "neither Manafort nor Gates played a role in its lobbying activities", "She")]),
    # PolNeAR train: a quotation's closing period ends the sentence when a capital follows.
    ("Melania Trump tells Trump supporters that “he loves you.” She says they are going ahead to the next "
     "contest in Nevada and will see what happens.",
     [("mixed", "that “he loves you.”", "Melania Trump"),
      ("indirect", "they are going ahead to the next contest in Nevada and will see what happens",
       "Melania Trump")]),
])
def test_coordinated_statements_are_apart(text, expected):
    assert statements(text) == expected


@pytest.mark.parametrize("text, expected", [
    # PolNeAR train: a participle after a comma, its clause opened by a plain noun phrase that
    # no name parser takes for a subject (the opening "In May," read past).
    ("Both parents stiffened their denunciation of Mr. Trump, saying that he lacked the moral character and "
     "basic empathy to be president.",
     # (the possessive of "their denunciation of", a cue of the tagger, names nobody: not the participle's)
     [("indirect", "Mr. Trump", "their"),
      ("indirect", "that he lacked the moral character and basic empathy to be president", "Both parents")]),
    ("In May, a U.S. District Court judge sided with the Democrats, saying the law violated the Constitution "
     "and the Voting Rights Act.",
     # ("sided with", a cue of the tagger: its subject ends before the verb)
     [("indirect", "the Democrats", "a U.S. District Court judge"),
      ("indirect", "the law violated the Constitution and the Voting Rights Act", "a U.S. District Court judge")]),
    # A second participle speaks for the verb before the first.
    ("His campaign sued the DNC in federal court on Friday, seeking an injunction to immediately overturn the "
     "DNC’s denial of access, claiming the party’s move would cost the campaign $600,000 a day.",
     [("indirect", "the DNC in federal court on Friday", "His campaign"),
      ("indirect", "an injunction to immediately overturn the DNC’s denial of access", "His campaign"),
      ("indirect", "the party’s move would cost the campaign $600,000 a day", "His campaign")]),
    # A speech verb coordinated with the clause's first verb.
    ("The Arizona Republican survived 5 ½ years in a Vietnamese prison and says such techniques are inhumane "
     "and compromise the nation’s values.",
     [("indirect", "such techniques are inhumane and compromise the nation’s values", "The Arizona Republican")]),
    # PolNeAR train: a cue after a pair of dashes; its subject stands before them ("said Ali’s
    # death" is no inverted "said Ali").
    ("Many speakers at the service — including Muslims, Christians, Catholics, Jews — said Ali’s death is "
     "particularly painful at a time when political rhetoric is dividing the country further.",
     [("indirect", "Ali’s death is particularly painful at a time when political rhetoric is dividing the "
                   "country further", "Many speakers at the service")]),
])
def test_participle_coordinated_verb_and_dashes_leave_the_clause_subject(text, expected):
    assert statements(text) == expected


@pytest.mark.parametrize("text, expected", [
    # PolNeAR train: "..., says NAME in PLACE." and "..., said several of his friends from Chicago.":
    # who speaks stands after the cue, the clause before it is the statement.
    ("Even India has more cultural resonance through Bollywood films, says political scientist Dossym "
     "Satpayev in Almaty.",
     [("indirect", "Even India has more cultural resonance through Bollywood films", "Dossym Satpayev")]),
    ("Obama’s rise may have been more surprising to the black community than to anyone else, said several of "
     "his friends from Chicago.",
     [("indirect", "Obama’s rise may have been more surprising to the black community than to anyone else",
       "several of his friends from Chicago")]),
])
def test_source_after_the_cue_at_the_sentence_end(text, expected):
    assert statements(text) == expected


@pytest.mark.parametrize("text, expected", [
    # PolNeAR train: "Asked whether ...", "when asked why": the question is a statement of its own,
    # its asker unsaid; the answer is the speaker's.
    ("Asked in Iowa recently whether he would support Donald Trump if Trump is the GOP nominee, Rubio gave "
     "a roundabout answer.",
     [("indirect", "whether he would support Donald Trump if Trump is the GOP nominee", None)]),
    # The same after a sentence of the paragraph (written): "Asked" opens its sentence, not the text.
    ("Rubio spoke in Des Moines. Asked in Iowa recently whether he would support Donald Trump if Trump is the "
     "GOP nominee, Rubio gave a roundabout answer.",
     [("indirect", "whether he would support Donald Trump if Trump is the GOP nominee", None)]),
    ("When asked why, Sembler responded in a text message: \"Trump will be the Republican Party's nominee.\"",
     [("indirect", "why", None), ("direct", "\"Trump will be the Republican Party's nominee.\"", "Sembler")]),
    # Written: an active "asked" keeps its subject.
    ("He asked whether the plan would work.", [("indirect", "whether the plan would work", "He")]),
])
def test_a_question_put_to_someone(text, expected):
    assert statements(text) == expected


def test_a_cue_clause_opening_on_a_fragment_is_the_statement():
    # PolNeAR train: 'noting that "…"' is the participle's statement, not the whole sentence's.
    text = ("Chief Williams later admitted that open-carry wasn't a problem, noting that \"nobody's been arrested or "
            "has challenged the things we asked them to do.\"")
    assert statements(text) == [
        ("indirect", "that open-carry wasn't a problem", "Williams"),
        ("mixed", "that \"nobody's been arrested or has challenged the things we asked them to do.\"", "Williams")]


def test_a_speech_verb_with_its_own_subject_after_a_comma_ends_the_clause_before():
    # PolNeAR train: "..., whom he called ..." is a statement of its own, not the end of the first.
    text = ("Rubio said that over the last five days he has begun “to unmask the true nature” of Trump, whom he "
            "called a “con artist.”")
    assert statements(text) == [
        ("mixed", "that over the last five days he has begun “to unmask the true nature” of Trump", "Rubio"),
        ("mixed", "a “con artist.”", "Rubio")]
    # PolNeAR train: the cut leaves the cue's own quotations to the later verb, and the clause
    # before them is still the cue's statement.
    text = ("With a vote for Trump ruled out, Cross said he is left with only two options: Vote for Clinton, whom "
            "he called “the most divisive political figure in the past 25 years,” or “throw away his vote” on the "
            "“kooky” libertarian ticket of Gov. Gary Johnson and Gov. Bill Weld.")
    assert ("indirect", "he is left with only two options: Vote for Clinton", "Cross") in statements(text)
    # PolNeAR train: two words before a coordinated verb are a statement of their own.
    text = 'He called it "shameful" and called on leaders "not to feed that dark impulse inside of us."'
    assert statements(text) == [("mixed", 'it "shameful"', "He"),
                                ("mixed", 'on leaders "not to feed that dark impulse inside of us."', "He")]


def test_relative_clause_stays_in_the_statement():
    # The seed: "..., which refers to ..." explains the statement, it is no statement of its own.
    text = SEED.read_text(encoding="utf-8")
    line = next(p for p in text.split("\n") if p.startswith("He said that the CTSO"))
    [(kind, content, _)] = statements(line)
    assert kind == "mixed" and content.endswith("in the past two decades")


@pytest.mark.parametrize("text, expected", [
    # PolNeAR train: a plain noun phrase before the cue is its source when the name parser finds none.
    ("In separate interviews, three current and former Podesta employees said disagreements broke out within "
     "the firm over the arrangement.",
     ("indirect", "disagreements broke out within the firm over the arrangement",
      "three current and former Podesta employees")),
    ("One potential bastion of Trump support is in the state’s 1st Congressional District, where local party "
     "leaders say the mogul has shown more strength than in the rest of the state.",
     ("indirect", "the mogul has shown more strength than in the rest of the state", "local party leaders")),
])
def test_noun_phrase_source(text, expected):
    assert statements(text) == [expected]


def test_participle_after_a_comma_takes_the_subject_of_the_cue_before():
    # PolNeAR train: "..., a charge that X strongly denied, noting that ...": X notes it.
    text = ('The GOP front-runner complained that the contest had been "rigged" against him, a charge that '
            'Colorado Republican leaders strongly denied, noting that they had been using the same system '
            'since the 2004 presidential election.')
    assert statements(text)[-1] == (
        "indirect", "that they had been using the same system since the 2004 presidential election",
        "Colorado Republican leaders")
    # PolNeAR train: after an opening "Though ..." clause the participle is an adjective of the main clause.
    text = ("Though media reports and party sources described the push as nearly impossible to pull off, "
            "protesting delegates nevertheless made their point.")
    assert [c for _, c, _ in statements(text)] == ["the push as nearly impossible to pull off"]


def test_quotation_after_the_cue_sentence_goes_on_with_the_statement():
    # PolNeAR train: “A,” said X, .... “B.”: one statement (PolNeAR annotates one attribution).
    text = ('"I think it\'s coming," said a strategist for one of these candidates, speaking on the condition '
            'of anonymity to offer a strategic assessment. "But it\'s not going to materialize until the field '
            'significantly winnows down."')
    ctx = analyse(Document(path="t.txt", source=text))
    [r] = [r for r in ctx.reported_speech if r.kind == "direct"]
    assert r.quotations == [0, 1] and len(r.content) == 2
    # Written for the test: another speaker's quotation after the cue's sentence is a statement of its own.
    text = "“We will win,” Cruz said. Trump replied: “You will lose.”"
    ctx = analyse(Document(path="t.txt", source=text))
    assert [(r.quotations, r.speaker) for r in ctx.reported_speech if r.kind == "direct"] == [
        ([0], "Cruz"), ([1], "Trump")]


@pytest.mark.parametrize("text, expected", [
    # PolNeAR train: a cue in the passive reports its sentence; the agent after "by" is the source.
    ("News of the PGA’s move was first reported by the Miami Herald.",
     ("indirect", "News of the PGA’s move was first reported by the Miami Herald", "the Miami Herald")),
    # Written for the test: no agent, no source (the subject is what is said, not who says it).
    ("The walk-off is considered one of the largest in the company's history.",
     ("indirect", "The walk-off is considered one of the largest in the company's history", None)),
    # PolNeAR train (its sentence's second half): a verb of seeming is read as the passive is.
    ("The shift in tone seemed so stark that it prompted Anderson Cooper to accuse Bondi of hypocrisy on air.",
     ("indirect", "The shift in tone seemed so stark that it prompted Anderson Cooper to accuse Bondi of hypocrisy "
                  "on air", None)),
])
def test_passive_cue_reports_its_sentence(text, expected):
    assert statements(text) == [expected]


def test_labelled_lines_are_the_labels_statements():
    # PolNeAR train: a headline and a transcript's turns; a byline's label is no speaker.
    text = ("Lynch: No outside influence on FBI probe into Clinton emails.\n\n"
            "KATE BOULDUAN: Why not debate?\n\n"
            "Contributing: Nicole Gaudiano, Todd Spangler\n")
    assert statements(text) == [
        ("indirect", "No outside influence on FBI probe into Clinton emails", "Lynch"),
        ("indirect", "Why not debate?", "KATE BOULDUAN")]


def test_fragments_of_one_sentence_are_one_mixed_statement():
    # PolNeAR train (breitbart_2016-01-10): two quoted fragments and no cue clause holding them
    # were the same sentence reported twice.
    text = ("Trump says “the whole game has become screwed up” because “football has become soft like the "
            "country has become soft.” He says referees are constantly throwing penalty flags just so their "
            "wives can see them on TV.")
    ctx = analyse(Document(path="t.txt", source=text))
    mixed = [r for r in ctx.reported_speech if r.kind == "mixed"]
    assert [(text[r.start:r.end], r.speaker, r.quotations) for r in mixed] == [
        ("Trump says “the whole game has become screwed up” because “football has become soft like the country "
         "has become soft.”", "Trump", [0, 1])]


@pytest.mark.parametrize("text, cue, source", [
    # PolNeAR train (breitbart_2016-05-03): the words before "described" that no parser took
    # for its subject are a time, not a source; the quotations inside the statement are Beck's
    # (the relative pronoun), and the ranker is sure of it: the statement takes that source.
    ("Beck, who has in the past described Trump as “a pathological narcissistic sociopath”\u00a0and “a narcissistic "
     "psychopath”\u00a0whose presidency “will lead to civil war or worst,” clearly intended the Indiana audience to "
     "“recognize” Trump in that passage and “turn away” from him.", "described", ("Beck", "who")),
    # PolNeAR train (usa-today_2016-07-29).
    ("Last week proved that the Second Amendment works.", "proved", (None, None)),
])
def test_a_guessed_subject_that_is_only_a_time_leaves_the_statement_unsourced(text, cue, source):
    ctx, found = cue_statements(text, cue)
    assert len(found) == 1
    assert (found[0].speaker, found[0].mention and found[0].mention.text) == source


@pytest.mark.parametrize("text, cue, source", [
    # PolNeAR train (usa-today_2016-02-11, nyt_2016-08-02): the "it" that holds the clause's
    # place is no source; the claim is the writer's, as PolNeAR annotates it.
    ("It's unclear whether that will be enough to overcome the former secretary of State's name recognition.",
     "unclear", (None, None)),
    ("It is not clear that Mr. Manafort's work in Ukraine ended with his work with Mr. Trump's campaign.",
     "clear", (None, None)),
    # PolNeAR train (west-journal_2016-08-11): "made it clear" is said by the subject of "made".
    ("Reagan's daughter wrote a column. Davis made it clear that she did not view the comment in isolation.",
     "clear", ("Davis", "Davis")),
    # An "it" that does speak stays the source, and so does one before a participle (PolNeAR dev).
    ("The lawsuit was filed on Tuesday. It says the state broke the law.", "says", (None, "It")),
    ("The Democratic National Committee released a report. But it is steering clear of criticizing Trump "
     "for taking advantage of legal tax breaks.", "steering clear of criticizing", (None, "it")),
])
def test_the_it_of_it_is_clear_is_no_source(text, cue, source):
    ctx, found = cue_statements(text, cue)
    assert len(found) == 1
    assert (found[0].speaker, found[0].mention and found[0].mention.text) == source


@pytest.mark.parametrize("text, statement", [
    # PolNeAR train (wash-post_2015-12-13, usa-today_2016-08-24): a name given to a thing
    # brought in by "a"/"an" is no statement.
    ("Politifact traced the story to a website called Real News Right Now, which posts fake news stories.", None),
    ("Bergen County land records indicate that a company called Sansun USA sold the car lot for $510,000.", None),
    # PolNeAR train: "called" with a subject of its own still reports, and so does "called for".
    ("In December, the prince called Trump a disgrace to the party.", ("Trump a disgrace to the party", "the prince")),
    ("In the days before, a group of rabbis called for a boycott of his speech.",
     ("for a boycott of his speech", "a group of rabbis")),
])
def test_a_thing_called_a_name_is_no_statement(text, statement):
    ctx = analyse(Document(path="t.txt", source=text))
    found = [(text[r.start:r.end], r.speaker or (r.mention and r.mention.text)) for r in ctx.reported_speech
             if r.cue is not None and r.cue.text.startswith("called")]
    assert found == ([statement] if statement else [])


@pytest.mark.parametrize("text, cue, source", [
    # PolNeAR train (west-journal_2015-11-13, breitbart_2016-07-27, usa-today_2015-12-14): a
    # noun before a preposition cue is what is said; the subject of the verb it follows says it.
    # (The article's "unleashed" is a cue of the tagger since 2026-11-30 and reports the clause.)
    ("Donald Trump made a harsh attack on Ben Carson last night.", "on", "Donald Trump"),
    ("Having fought his own primary against Clinton eight years ago, Obama could offer a potent testimony about "
     "how a rival became an ally.", "about", "Barack Obama"),
    ("Cruz and Trump have used the most aggressive language about the need for more intense bombing.", "about",
     "Cruz and Trump"),
])
def test_the_subject_of_the_verb_before_a_noun_cue_is_the_source(text, cue, source):
    text = "President Barack Obama spoke on Monday. " + text
    ctx, found = cue_statements(text, cue)
    assert len(found) == 1
    assert (found[0].speaker or found[0].mention.text) == source


@pytest.mark.parametrize("text, speaker", [
    # PolNeAR train: a state written after its city ("Huntsville, Ala.,", "Aurora, Colorado,") is a
    # place, and so is the city: the speaker stands before them ("Huntsville", "Colorado" and
    # "Wilmington" were the speakers).
    ("Brianne Stone, 29, of Huntsville, Ala., says her biggest concern is global warming.", "Brianne Stone"),
    ("Sandy Phillips, who lost her daughter Jessica Ghawi during the mass shooting in Aurora, Colorado, in July "
     "2012, said that Sanders had treated her family disrespectfully during a phone call.", "Sandy Phillips"),
    ("Donald Trump spoke on Tuesday. Trump, speaking at a rally in Wilmington, N.C., warned that Clinton opposes "
     "the Second Amendment.", "Donald Trump"),
    # ... but a day before the comma is no city: Texas is the source.
    ("Friday, Texas, leading a coalition of 13 states, asked a federal judge to block the rules in time for "
     "this school year.", "Texas"),
])
def test_a_place_written_city_state_is_no_speaker(text, speaker):
    assert [s for kind, _, s in statements(text) if kind == "indirect"][-1] == speaker


def test_a_state_after_in_is_where_the_source_is():
    # PolNeAR train: "Ohio" was the source.
    text = ("A judge in Ohio issued a ruling today that should make Democratic presidential candidate Bernie "
            "Sanders smile.")
    assert statements(text)[-1][2] == "A judge"


def test_a_possessive_noun_before_a_preposition_cue_is_its_possessors():
    # PolNeAR train: the tagged cue "against" took "his attacks" for its source.
    text = ("Donald Trump spoke to Jake Tapper on CNN.\n\nOn “The Lead with Jake Tapper,” on June 3, Trump continued "
            "his attacks against Curiel with the above statement.")
    ctx = analyse(Document(path="t.txt", source=text))
    found = [(r.mention.text, r.speaker) for r in ctx.reported_speech if r.cue is not None and r.cue.text == "against"]
    assert found == [("his", "Donald Trump")]


def quotation_speakers(text: str) -> list[tuple[str, str | None]]:
    ctx = analyse(Document(path="t.txt", source=text))
    return [(q.text, ctx.attributions[q.index].mention.text if ctx.attributions[q.index].mention else None)
            for q in ctx.quotations if q.kind == "speech" and not q.depth]


@pytest.mark.parametrize("text, expected", [
    # The ranker doubts the relative pronoun near the fragment ("which"); the clause of
    # "recognized" has its subject, the commission, and the fragment stands inside it.
    ("In rejecting a similar challenge to Cruz’s eligibility to appear on the ballot for the state primary, "
     "which is scheduled for next week, the commission recognized that a suitable court should settle the "
     "matter\u00a0— “so that all election officials and the American people know once and for all the "
     "definition of ‘natural born citizen.’”",
     [("“so that all election officials and the American people know once and for all the definition of "
       "‘natural born citizen.’”", "the commission")]),
    ("But Sen. Pat Toomey (R-Pa.) refused to entertain the possibility of campaigning alongside Cruz, "
     "responding that he’s “not going to go into what my campaign is doing.” And Sen. Rob Portman (R-Ohio), "
     "another vulnerable incumbent, said he hadn’t thought about enlisting Cruz.",
     [("“not going to go into what my campaign is doing.”", "Sen. Pat Toomey")]),
])
def test_a_doubted_speaker_yields_to_the_statement_around_the_quotation(text, expected):
    assert quotation_speakers(text) == expected


def test_a_sure_speaker_stays_and_gives_the_statement_its_source():
    # The statement of "calling" took the participle's words for its source ("Holding signs");
    # the ranker is sure of "the protesters" for the quotation inside it: both are theirs.
    text = ("Holding signs calling Christie “New Jersey’s Biggest Loser,” the protesters chanted “Chris Christie: "
            "Bad for New Jersey, bad for you.”")
    ctx = analyse(Document(path="t.txt", source=text))
    assert [(r.kind, r.mention.text) for r in ctx.reported_speech] == [("mixed", "the protesters"),
                                                                         ("direct", "the protesters")]
    assert quotation_speakers(text) == [("“New Jersey’s Biggest Loser,”", "the protesters"),
                                        ("“Chris Christie: Bad for New Jersey, bad for you.”", "the protesters")]


def test_a_statement_with_no_source_takes_the_speaker_of_its_quotation():
    # "appears" is a verb of seeming: its sentence is a claim with no source of its own, and
    # the quotation inside it has a speaker the ranker is sure of.
    text = ("Trump then appears in a clip from a stump speech,\u00a0saying, “Donald J. Trump is calling for a total "
            "and complete shutdown of Muslims entering the United States until our country’s representatives can "
            "figure out what the [censored] is going on.” The crowd enthusiastically cheers Trump.")
    (kind, _, speaker), *_ = statements(text)
    assert (kind, speaker) == ("mixed", "Donald J. Trump")


@pytest.mark.parametrize("text, sources", [
    # PolNeAR train: the subject of "calling" (and of "contrasted") ran over its clause's verb:
    # "Perez hammered Trump", "Mr. Carson endorsed Mr. Trump".
    ("Tom Perez spoke on Wednesday.\n\nPerez hammered Trump, calling him a \"train wreck\" and \"outsourcer in "
     "chief,\" and contrasted the Republican candidate with Clinton.", ["Perez", "Perez", "Perez"]),
    ("On Friday, Mr. Carson endorsed Mr. Trump at a news conference at Mar-a-Lago, Mr. Trump's private club, "
     "calling him ''actually a very intelligent man who cares deeply about America.''", ["Mr. Carson", "Mr. Carson"]),
])
def test_a_source_read_as_a_noun_phrase_ends_before_its_verb(text, sources):
    ctx = analyse(Document(path="t.txt", source=text))
    assert [r.mention.text for r in ctx.reported_speech] == sources


def test_the_possessor_of_a_noun_before_behind_is_the_source():
    # huff-post_2016-03-09 (PolNeAR train): "threw her support behind" gave the source "her support",
    # and the clause of "saying" the same description.
    text = ("Carly Fiorina threw her support behind Sen. Ted Cruz (R-Texas) Wednesday, saying it is time to have a "
            "“real constitutional conservative in the White House.”")
    ctx = analyse(Document(path="t.txt", source=text))
    assert [(r.cue.text, r.mention.text, r.speaker) for r in ctx.reported_speech] == [
        ("behind", "her", "Carly Fiorina"), ("saying", "her", "Carly Fiorina")]


@pytest.mark.parametrize("mention", [
    # an -ed word after no noun is an adjective, not the clause's verb (PolNeAR train mentions)
    "the most engaged rally-goers", "The Republican Party’s presumed White House nominee",
    "Bernie Sanders after leaked emails",
])
def test_a_source_keeps_an_adjective_in_ed(mention):
    from quoteaudit.attribution.common import Speaker
    from quoteaudit.model import Mention
    from quoteaudit.reported_speech import source_of
    sp = Speaker(Mention(mention, 0, len(mention)), [], "description", 0.5, "description")
    assert source_of(sp).mention.text == mention


def test_he_or_she_never_stands_for_an_organisation():
    # PolNeAR train (wash-post_2016-08-01): the cue before names WikiLeaks, but "he" is a man:
    # the man named before it, not the organisation.
    text = ("WikiLeaks founder Julian Assange was the subject of a U.S. investigation after WikiLeaks posted a cache "
            "of diplomatic cables. Although Assange was not charged, he has accused Clinton of pushing to indict him "
            "while she was secretary of state.")
    ctx = analyse(Document(path="t.txt", source=text))
    found = [r for r in ctx.reported_speech if r.cue is not None and r.cue.text == "accused"]
    assert [(r.mention.text, r.speaker, r.source_type) for r in found] == [("he", "Julian Assange", "person")]


@pytest.mark.parametrize("title, person", [("Mrs.", "Phyllis Schlafly"), ("Mr.", "John Schlafly")])
def test_a_title_picks_the_person_of_its_gender_among_a_family(title, person):
    # PolNeAR train (nyt_2016-09-07, Phyllis Schlafly’s obituary): "Mrs. Schlafly" is Phyllis, though
    # her son John Schlafly is named after her.
    text = ("Phyllis Schlafly, the conservative activist, died on Monday. Her son John Schlafly confirmed the death.\n\n"
            f"In 2016, {title} Schlafly endorsed Donald J. Trump for president, saying he had ''the courage and the "
            "energy'' to win.")
    ctx = analyse(Document(path="t.txt", source=text))
    found = [r for r in ctx.reported_speech if r.cue is not None and r.cue.text == "endorsed"]
    assert [r.speaker for r in found] == [person]


@pytest.mark.parametrize("text, reported", [
    # PolNeAR train (breitbart_2016-03-21, politico_2015-11-19): going on with something is no speech.
    ("Still, Sanders continues to trail Clinton by more than 300 delegates.", []),
    ("Trump continued his push on Twitter and Instagram.", []),
    # ... going on speaking is.
    ("Sanders spoke first. He continued: “We will win this nomination.”", [("direct", "“We will win this nomination.”")]),
])
def test_continue_reports_only_what_is_said_after_it(text, reported):
    found = [(kind, words) for kind, words, _ in statements(text)]
    assert found == reported


@pytest.mark.parametrize("text", [
    # PolNeAR train (usa-today_2016-01-04, nyt_2016-09-03, huff-post_2016-05-24): "found" and
    # "pledged" that report nothing.
    "With a week left before the caucuses, the leading candidates for president found themselves increasingly "
    "targeted by challengers.",
    "When Nega helped found the Ginbot 7 movement in 2008, he returned to teaching.",
    "Clinton currently leads Sanders by roughly 270 pledged delegates as the primary season ends.",
])
def test_found_and_pledged_that_report_nothing(text):
    assert [s for s in statements(text) if s[0] == "indirect"] == []


def test_a_poll_found_still_reports():
    text = "A Reuters/Ipsos poll found that the public is closely split on the question."
    assert statements(text) == [("indirect", "that the public is closely split on the question",
                                 "A Reuters/Ipsos poll")]


@pytest.mark.parametrize("text, expected", [
    # PolNeAR train (nyt_2016-03-15, huff-post_2016-06-04, politico_2015-11-30): a participle and its
    # agent after a noun phrase report the noun phrase, said by the agent.
    ("The immigration bill, opposed by House Republicans, never became law.",
     ("indirect", "The immigration bill", "House Republicans")),
    ("Leaders lobbied for the ruling to be binding, a call echoed by Japan on Saturday.",
     ("indirect", "a call", "Japan")),
    ("The administration allowed some states to combine those categories, a practice criticized by Miller.",
     ("indirect", "a practice", "Miller")),
    # A passive clause stays the sentence's statement, its agent the source.
    ("The bill was opposed by Democrats.", ("indirect", "The bill was opposed by Democrats", "Democrats")),
])
def test_a_participle_and_its_agent_report_the_noun_before(text, expected):
    assert expected in statements(text)


def test_responded_by_saying_is_no_agent():
    text = "Sullivan responded by explaining it was impossible to send the files."
    assert [s[2] for s in statements(text)] == ["Sullivan"]


@pytest.mark.parametrize("text, expected", [
    # PolNeAR train (breitbart_2016-03-09, breitbart_2016-05-25): a headline's quotation in title
    # case after its speaker's label is the label's speech, not a title.
    ("Hillary: Benghazi Victim Mother ‘Absolutely Wrong’ to Call Me a Liar.\n\nWednesday at the debate, "
     "Hillary Clinton answered.", [("‘Absolutely Wrong’", "Hillary")]),
    ("Hacker Guccifer: Clinton’s Server Unprotected, ‘Like an Open Orchid.’\n\nDuring an interview, the hacker "
     "spoke.", [("‘Like an Open Orchid.’", "Hacker Guccifer")]),
])
def test_a_headline_label_speaks_the_quotation_on_its_line(text, expected):
    ctx = analyse(Document(path="t.txt", source=text))
    assert [(q.text, ctx.attributions[q.index].speaker) for q in ctx.quotations if q.kind == "speech"] == expected


def test_a_correction_label_is_no_speaker():
    # PolNeAR dev: "Correction:" opens a line but names nobody (data/non_speaker_labels.txt).
    text = "Correction: An earlier version of this article incorrectly listed when the “War On Drugs” was introduced."
    assert quotation_kinds(text) == ["title"]


def test_a_label_far_back_in_a_long_first_paragraph_is_no_headline():
    text = ("Hillary: a long opening paragraph that runs on and on about the campaign, the debates, the polls and "
            "the money, well past any headline, until at last the “Peace Through Strength” slogan comes up.")
    assert quotation_kinds(text) == ["title"]


@pytest.mark.parametrize("text, kinds", [
    # PolNeAR train (politico_2015-12-11, a roundup): a headline and its author are a work, not speech.
    ("BROADWAY BEAT—\"Matthew Morrison is leaving ‘Neverland,’\" by Times' Michael Paulson: http://nyti.ms/1.",
     ["title"]),
    # PolNeAR train: a programme in title case after "told" or "to" is where one speaks, not what.
    ("\"We have to really increase the bombings,\" the presumptive Republican presidential nominee told "
     "\"Fox and Friends\" after he was asked about the Islamic State.", ["speech", "title"]),
    ("Michael Strahan left for \"Good Morning America.\"", ["title"]),
    # ... while a fragment before a passive's agent is speech (PolNeAR train, politico_2016-02-10).
    ("Sullivan appeared on several email chains recently labeled \"top secret\" by the State Department, "
     "according to multiple intelligence sources.", ["speech"]),
])
def test_a_work_by_its_author_or_after_told_is_a_title(text, kinds):
    assert quotation_kinds(text) == kinds


def test_another_opening_its_sentence_speaks():
    # PolNeAR train (wash-post_2016-03-04, breitbart 2016 debate tweets): "Another" stands for a person.
    text = ("“Trump is very cute with a big mouth,” one user wrote.\n\n"
            "Another tweeted, “Clinton thinks she is above the rules and the law.”")
    assert quotation_speakers(text)[1] == ("“Clinton thinks she is above the rules and the law.”", "Another")


def test_a_name_ending_in_s_before_a_noun_is_no_plural_subject():
    # PolNeAR dev: "features a New York Times report" is no "the Times report" speaking.
    text = "The 30-second spot, titled “Arrogant,” features a New York Times report from October on Trump's taxes."
    assert quotation_kinds(text) == ["title"]


def test_a_plural_subject_after_a_quotation_speaks_with_the_plain_verb():
    # PolNeAR train (politico_2016-07-11, politico_2016-05-19): "the two write", "the Saudis state".
    text = ("Two Republican senators sent a letter to the FBI director. “You seem to have picked a new standard out of "
            "thin air,” the two write.")
    assert quotation_speakers(text) == [("“You seem to have picked a new standard out of thin air,”", "the two")]


def test_a_speaker_with_a_place_phrase_after_a_quotation():
    # PolNeAR train (politico_2016-01-19): "a voice-over in the ad states".
    text = ("Here is the ad.\n\n“They know Hillary is the only one strong enough to stop Wall Street abuses,” "
            "a voice-over in the ad states.")
    assert [s for _, s in quotation_speakers(text)] == ["a voice-over"]


@pytest.mark.parametrize("text, cue, speaker", [
    # PolNeAR train (politico_2016-09-01): a name ends the noun phrase, and it speaks (the phrase
    # had been a description, "a way FBI Director James Comey", and its quotation Jennifer Palmieri's).
    ("Clinton communications director Jennifer Palmieri spoke on Tuesday.\n\n"
     "She passed around sensitive government emails in a way FBI Director James Comey slammed as “extremely "
     "careless,” and Clinton has gotten the contrition game down.", "slammed", "James Comey"),
    # ... but an outlet's name is no person's (PolNeAR dev: "as The New Yorker put it").
    ("Dr. Oz has been seen, as The New Yorker put it in a lengthy expose, “the operator.”", "put it",
     "The New Yorker"),
    # ... and a role for someone is the role's, not the someone's (PolNeAR train, nyt_2016-08-02).
    ("Mr. Serhiy Lyovochkin financed the work. A communications aide for Mr. Lyovochkin declined to say whether "
     "he was still on retainer.", "declined", "A communications aide for Mr. Lyovochkin"),
])
def test_a_name_ending_a_noun_phrase_is_the_speaker(text, cue, speaker):
    ctx, found = cue_statements(text, cue)
    assert len(found) == 1 and (found[0].speaker or found[0].mention.text) == speaker
    assert {ctx.attributions[i].speaker or ctx.attributions[i].mention.text for i in found[0].quotations} <= {speaker}


def test_a_surname_that_is_also_a_modal_speaks():
    # PolNeAR train (west-journal_2015-11-21): "Will" is George Will's name, not a modal.
    text = ("Conservative columnist George Will reignited his feud with Donald Trump this week.\n\n"
            "“This might hasten the eclipse of Donald Trump,” Will wrote.\n\n"
            "Will urged the Republican electorate to abandon all outsider candidates.")
    ctx = analyse(Document(path="t.txt", source=text))
    assert [ctx.attributions[q.index].speaker for q in ctx.quotations] == ["George Will"]
    assert [r.speaker for r in ctx.reported_speech if r.cue.text == "urged"] == ["George Will"]


def test_a_name_and_a_verb_back_before_a_quotation_is_the_rules_choice():
    # PolNeAR train (usa-today_2016-04-15): "Sanders shot back, “…”" (the ranker weighs it with the rest).
    from quoteaudit.attribution import rules_pass
    from quoteaudit.quotes import find_quotations
    text = ("Bernie Sanders and Hillary Clinton met in Brooklyn.\n\nWhen moderators accused Clinton of being too "
            "reliant on Wall Street, she said she had stood up to the banks. Sanders shot back, “Secretary Clinton "
            "called them out. Oh my goodness, they must have been really crushed by that.”")
    _, chosen = rules_pass(Document(path="t.txt", source=text), find_quotations(text).quotations)
    assert [a.speaker for a in chosen] == ["Bernie Sanders"]


@pytest.mark.parametrize("text, expected", [
    # PolNeAR train (huff-post_2016-07-31): "that" inside the clause is a determiner, not its opener
    # (the clause was "that conclusion", too short, and the statement was lost).
    ("Asked if she believed Putin wanted Trump to win the White House, Clinton said she was not going to "
     "jump to that conclusion.",
     ("indirect", "she was not going to jump to that conclusion", "Clinton")),
    # PolNeAR train (breitbart_2016-01-05): a clause opening on its subject is whole; the "that" of its
    # second half does not cut the first away.
    ("Rubio says he opposes gun violence but that the president’s plans won’t help prevent it.",
     ("indirect", "he opposes gun violence but that the president’s plans won’t help prevent it", "Rubio")),
])
def test_a_clause_opening_on_its_subject_keeps_its_that(text, expected):
    assert expected in statements(text)


def test_a_cue_the_ranker_gave_a_later_quotation_keeps_its_clause():
    # PolNeAR train (wash-post_2016-04-09): the ranker gave "several friends said" the quotation of the
    # next sentence; the clause before the cue is still theirs.
    text = ("Manafort spends his time in Florida, New York and Alexandria, Va., and travels internationally "
            "often, and for weeks or months at a time, consulting for foreign governments, several friends said. "
            "Corporate lobbyists describe such work as \"a different cup of tea\" than the typical contract "
            "lobbying.")
    _, found = cue_statements(text, "said")
    assert [(r.kind, text[r.start:r.end][:32], r.mention.text) for r in found] == [
        ("indirect", "Manafort spends his time in Flor", "several friends")]


@pytest.mark.parametrize("text", [
    # PolNeAR train: where or when the words were said is not what was said.
    "Sam Lau, the communications director for the Iowa Democratic Party, said in a statement.",
    "Associated Press writer Jill Colvin reported from Los Angeles.",
    "Clinton’s campaign responded on Twitter.",
    # PolNeAR train (huff-post_2016-02-07): "after a brief apology" is when, not what.
    '"Let me tell you the facts," Cruz said after a brief "I am sorry" to Carson.',
])
def test_a_circumstance_after_a_speech_verb_is_no_statement(text):
    assert [s for s in statements(text) if s[0] != "direct"] == []


def test_a_circumstance_before_that_keeps_the_clause():
    text = "Trump said in an interview on Saturday that the system was rigged against him."
    assert statements(text) == [("indirect", "that the system was rigged against him", "Trump")]


@pytest.mark.parametrize("text, expected", [
    # PolNeAR train (usa-today_2016-02-10): a later cue's guessed subject cuts the clause before it.
    ("Most said life would be worse than life today, while nine in 10 said they thought the economy favors "
     "the wealthy.",
     [("indirect", "life would be worse than life today", "Most"),
      ("indirect", "they thought the economy favors the wealthy", "nine in 10")]),
    # PolNeAR train (usa-today_2016-02-04): "..., but said" goes on with the clause's subject.
    ("She brought that down to $42,000 in five years, but said she couldn't fulfill her dream of teaching "
     "high school.",
     [("indirect", "she couldn't fulfill her dream of teaching high school", "She")]),
    # PolNeAR train (breitbart_2016-03-01): "who" is the source when no parser names its antecedent.
    ("Among those who said they cared most about a candidate being honest and trustworthy, most voted for "
     "Sanders.",
     [("indirect", "they cared most about a candidate being honest and trustworthy", "who")]),
])
def test_guessed_subjects_of_later_and_coordinated_cues(text, expected):
    found = statements(text)
    assert [s for s in found if s in expected] == expected


def test_a_guessed_subject_that_is_no_noun_phrase_names_no_source():
    # PolNeAR train (wash-post_2016-07-06): "Pressed" was the source of what Perez was asked about.
    text = "Pressed again about all the vice-president chatter, Perez just smiled."
    _, found = cue_statements(text, "about")
    assert [(text[r.start:r.end], r.mention) for r in found] == [
        ("all the vice-president chatter, Perez just smiled", None)]


def test_a_subject_before_a_pair_of_double_hyphens():
    # PolNeAR train (usa-today_2016-07-15): "--" stands for a dash; the subject is before the pair.
    text = ("The Supreme Court justice -- who has been involved in a scuffle with the presumptive Republican "
            "nominee over the past few days -- said she regretted her remarks.")
    assert statements(text) == [("indirect", "she regretted her remarks", "The Supreme Court justice")]


def test_a_participle_after_before_is_a_statement_of_its_own():
    # PolNeAR train (usa-today_2016-07-25): "endorsed Sanders before backing Clinton": two statements.
    text = "He launched Democracy for America, an organization that endorsed Sanders before backing Clinton."
    assert [(r.cue.text, text[r.start:r.end]) for r in analyse(Document(path="t.txt", source=text)).reported_speech
            ] == [("that endorsed", "Sanders"), ("backing", "Clinton")]


def test_a_long_plain_noun_phrase_before_its_cue_speaks():
    # PolNeAR train (breitbart_2016-03-15): eleven words before "say"; up to eight were read.
    text = ("Majorities of Democrats in five states going to the polls Tuesday say they would be satisfied with "
            "both candidates.")
    assert statements(text) == [("indirect", "they would be satisfied with both candidates",
                                 "Majorities of Democrats in five states going to the polls Tuesday")]


@pytest.mark.parametrize("text, cue, expected", [
    # PolNeAR train (wash-post_2016-07-22, wash-post_2016-07-13): a participle that opens its sentence
    # is spoken by the subject after its comma (the name in apposition to "her personal lawyer").
    ("Declaring that he alone has the leadership strength to secure the homeland, the billionaire real estate "
     "mogul promised a new era.", "Declaring",
     ("that he alone has the leadership strength to secure the homeland", "the billionaire real estate mogul")),
    ("In opposing the Clinton deposition request, her personal lawyer, David E. Kendall, wrote that it was "
     "unnecessary.", "opposing", ("the Clinton deposition request", "David E. Kendall")),
])
def test_an_opening_participle_is_spoken_by_the_subject_after_its_comma(text, cue, expected):
    _, found = cue_statements(text, cue)
    assert [(text[r.start:r.end], r.mention.text) for r in found] == [expected]


@pytest.mark.parametrize("text, expected", [
    # PolNeAR train (nyt_2016-08-17): the period of "Jr." ends the name, not the sentence.
    ("Vice President Joseph R. Biden Jr. warned this week that Donald J. Trump, even as a candidate, had "
     "elevated the dangers confronting American allies and military personnel overseas.",
     [("indirect", "that Donald J. Trump, even as a candidate, had elevated the dangers confronting American "
                   "allies and military personnel overseas", "Joseph R. Biden Jr")]),
    # Written for the pattern: "U.S." and "Inc." before the verb.
    ("The U.S. said that the talks would resume in March.",
     [("indirect", "that the talks would resume in March", "The U.S")]),
    ("Acme Inc. said that the plant would close.", [("indirect", "that the plant would close", "Acme Inc")]),
])
def test_a_source_ending_on_an_abbreviation_speaks(text, expected):
    assert statements(text) == expected


@pytest.mark.parametrize("text, expected", [
    # PolNeAR train (west-journal_2015-12-09): "even" between the subject and its verb.
    ("One reader even noted that Adolph Hitler was chosen as Time’s Person of the Year in 1938.",
     [("indirect", "that Adolph Hitler was chosen as Time’s Person of the Year in 1938", "One reader")]),
    # PolNeAR train (wash-post_2016-03-03): a bare plural, then "were" and the tagged adjective.
    ("But loyalists were adamant that he has no plans to run.",
     [("indirect", "that he has no plans to run", "loyalists")]),
    # PolNeAR train (huff-post_2016-01-28): "are convinced" tells what its subject believes; no passive.
    ("But they are convinced that the president could have accomplished much more if only he’d fought harder "
     "for his agenda.",
     [("indirect", "that the president could have accomplished much more if only he’d fought harder for his "
                   "agenda", "they")]),
    # PolNeAR train (nyt_2015-12-01): the participle's subject is that of the progressive before it,
    # and the role before "to" is that subject.
    ("But other advisers to the island's government have been urging the governor to default on the debt, "
     "saying that only a catastrophe would move Congress - especially Republicans - to help.",
     [("indirect", "the governor to default on the debt", "other advisers to the island's government"),
      ("indirect", "that only a catastrophe would move Congress - especially Republicans - to help",
       "other advisers to the island's government")]),
])
def test_subjects_past_even_were_and_a_progressive(text, expected):
    assert statements(text) == expected


def test_according_to_after_a_quotations_cue_is_a_source_not_a_clause():
    # PolNeAR train: "“…,” Sanders said, according to CNN." reported "according to CNN" as what was said.
    text = ("“I ask you as a personal courtesy to me not to engage in any kind of protest on the floor,” Sanders "
            "said, according to CNN.")
    assert [s for s in statements(text) if "according" in s[1]] == []


@pytest.mark.parametrize("text, cue, reported", [
    # PolNeAR train (nyt_2015-11-25, usa-today_2016-01-26): adding to something, keeping something.
    ("Looming over golf is the ubiquitous Donald J. Trump, who in 2012 added to his portfolio of 14 courses by "
     "purchasing two more in Florida.", "added", False),
    ("Among Republicans, Donald Trump and Ted Cruz maintained their battle as they sit atop most polls ahead of "
     "Monday's GOP caucuses.", "maintained", False),
    # PolNeAR train (huff-post_2016-02-07): adding a clause is still a statement; so is maintaining one.
    ("\"A leader doesn't do that,\" Christie said, adding that he had fought for bills in his time as governor "
     "of New Jersey.", "adding", True),
    ("Trump maintained that he had opposed the war from the start.", "maintained", True),
])
def test_adding_to_and_maintaining_a_thing_report_nothing(text, cue, reported):
    _, found = cue_statements(text, cue)
    assert bool(found) == reported


@pytest.mark.parametrize("text, expected", [
    # PolNeAR train (politico_2016-05-31): the noun phrase before the verb is the participle's object.
    ("Sen. Chuck Grassley, facing a spirited Democratic challenge in Iowa, a swing state, said he would "
     "welcome Cruz.", [("indirect", "he would welcome Cruz", "Chuck Grassley")]),
    # A preposition's object before the verb: the noun before the preposition speaks, with it.
    ("Officials in the state said the roads were closed.",
     [("indirect", "the roads were closed", "Officials in the state")]),
    ("Democrats on the committee said the report was flawed.",
     [("indirect", "the report was flawed", "Democrats on the committee")]),
    # PolNeAR train (wash-post_2016-09-07): "but (in a later interview) said" shares the subject of the
    # first "said", not that of the clause it reports ("he") nor the interview.
    ("The employee first said he did not recall it, but in a later interview said he had deleted the archive.",
     [("indirect", "he did not recall it", "The employee"),
      ("indirect", "he had deleted the archive", "The employee")]),
    ("The employee first said he did not recall it, but later said he had deleted the archive.",
     [("indirect", "he did not recall it", "The employee"),
      ("indirect", "he had deleted the archive", "The employee")]),
])
def test_a_subject_is_no_object_of_a_phrase_before_the_verb(text, expected):
    assert statements(text) == expected


@pytest.mark.parametrize("text, expected", [
    # PolNeAR train (politico_2016-03-10, wash-post_2016-01-16): the agent a few words after the passive cue.
    ("Cruz was also endorsed the day before by former rival Carly Fiorina.",
     [("indirect", "Cruz was also endorsed the day before by former rival Carly Fiorina", "Carly Fiorina")]),
    ("Scenes from the film were described to him by a Post reporter.",
     [("indirect", "Scenes from the film were described to him by a Post reporter", "a Post reporter")]),
    # PolNeAR train (wash-post_2016-07-20): who put the question.
    ("Asked by Matt Lauer whether she had practiced her speech, Melania Trump said she had.",
     [("indirect", "whether she had practiced her speech", "Matt Lauer")]),
    # Another participle between takes the agent for itself: the interview was published by the paper.
    ("The plan was announced in an interview published Monday by the Daily News.",
     [("indirect", "The plan was announced in an interview published Monday by the Daily News", None)]),
])
def test_a_passive_cues_agent_a_few_words_on_is_its_source(text, expected):
    assert statements(text) == expected


def test_a_statement_reported_inside_another_has_it_for_parent():
    # PolNeAR train (wash-post_2016-03-30, wash-post_2016-01-13): the trailing source reports what the
    # first speaker said; PolNeAR annotates it, and it stood unreported behind the inner statement.
    text = ("Ohio Gov. John Kasich said he would have fired Lewandowski if such an incident had happened in his "
            "campaign, according to press reports.\n\n"
            "Eggleston expressed concern about the letter and said it could hurt the administration's strategy, "
            "people familiar with the session said.\n")
    ctx = analyse(Document(path="t.txt", source=text))
    found = [(text[r.start:r.end][:30], r.mention.text, r.source_type, r.parent) for r in ctx.reported_speech]
    assert found == [
        ("Ohio Gov. John Kasich said he ", "press reports", "document", None),
        ("he would have fired Lewandowsk", "Ohio Gov. John Kasich", "person", 0),
        ("Eggleston expressed concern ab", "people familiar with", "anonymous", None),
        ("it could hurt the administrati", "Eggleston", "person", 2),
    ]
    # The claim rests on unnamed sources: an editor is told, where before it was Eggleston's.
    assert [f.rule for f in check_document(Document(path="t.txt", source=text), Settings()).findings] \
        == ["anonymous-source"]


def test_a_statement_holding_another_is_not_matched_against_the_record():
    # "X said ..., Reuters reported": the words are Putin's; the outer statement (Reuters') holds
    # them, and once gave an error that the record credits them to Putin, not Reuters.
    from quoteaudit.cli import build_settings
    settings, errors, _ = build_settings(None, "misattributed-quote", None, [str(REFERENCES)], False)
    assert errors == []
    text = ("Tokayev spoke at the summit.\n\nVladimir Putin said the measures taken by the CSTO have shown that it "
            "will not allow colour revolutions to be implemented, Reuters reported.\n")
    report = check_document(Document(path="t.txt", source=text), settings)
    [outer, inner] = report.context.reported_speech
    assert (outer.speaker, inner.speaker, inner.parent) == ("Reuters", "Vladimir Putin", 0)
    assert report.findings == []


def test_a_possessive_source_keeps_the_gender_of_its_pronoun():
    # PolNeAR train (politico_2016-07-02): "his criticism of" was resolved a second time without
    # the gender of "his", to the last speaker, an actress.
    text = ("LOS ANGELES — Actress Rosario Dawson took the stage at a Bernie Sanders rally here in late June, as "
            "hundreds of supporters cheered. Dawson smiled and lifted a sign of her own.\n\n"
            "\"All the way!\" Dawson shouted.\n\n"
            "The Democratic primary ended more than three weeks ago. Sanders himself, who wasn’t present at the "
            "rally, has toned down his criticism of Hillary Clinton, shifting his focus to defeating Donald Trump.\n")
    [(_, _, speaker)] = [s for s in statements(text) if s[0] == "indirect" and s[1].startswith("Hillary")]
    assert speaker == "Bernie Sanders"


def test_a_state_abbreviation_in_parentheses_ends_no_sentence():
    # PolNeAR train (huff-post_2016-04-08): "(I-Vt.)" ended the sentence, so its subject was lost
    # and the participle went to the name before its comma.
    text = ("Sen. Bernie Sanders (I-Vt.) visited NBC’s “Today” to discuss his recent remarks about his Democratic "
            "presidential rival, Hillary Clinton, saying “on her worst day” she’d be “an infinitely better "
            "president” than any of the Republican 2016 hopefuls.\n")
    [mixed] = [s for s in statements(text) if s[0] == "mixed"]
    assert mixed[2] == "Bernie Sanders"


@pytest.mark.parametrize("text, speaker", [
    # PolNeAR train (wash-post_2016-03-18, wash-post_2015-12-20): "they" stands for the plural subject
    # opening its sentence.
    ("Organizers of the push to boycott Trump's AIPAC speech said they are worried that Trump could gain "
     "legitimacy.", "Organizers"),
    ("Democrats also focused on what they said was the need to remain tolerant.", "Democrats"),
    # A singular subject: "they" stays unresolved.
    ("The senator met the workers, and they said the plant would close.", None),
])
def test_they_stands_for_the_plural_subject_of_its_sentence(text, speaker):
    ctx = analyse(Document(path="t.txt", source=text))
    [r] = [r for r in ctx.reported_speech if r.mention is not None and r.mention.text == "they"]
    assert r.speaker == speaker and r.source_type == "group"


def test_a_trailing_source_reports_a_quotation_with_its_own_cue():
    # PolNeAR train (politico_2016-06-22, politico_2016-04-05): the gold credits the account; the
    # quotation stays Walker's, as a direct statement inside the account's.
    text = ("\"Delegates are and should be able to vote the way they see fit,\" Walker said, according to an "
            "Associated Press account.\n\n"
            "\"She thinks they are just too much,\" Bill Clinton said Monday in Cheyenne, according to audio "
            "provided by Wyoming Public Radio.\n\n\"We will win,\" Smith said.\n")
    ctx = analyse(Document(path="t.txt", source=text))
    found = [(r.kind, r.mention.text, r.parent) for r in ctx.reported_speech]
    assert found == [("direct", "Walker", 1), ("mixed", "an Associated Press account", None),
                     ("direct", "Bill Clinton", 3), ("mixed", "audio", None), ("direct", "Smith", None)]
    assert [ctx.attributions[q.index].speaker for q in ctx.quotations] == ["Walker", "Bill Clinton", "Smith"]


def test_a_clause_ends_before_the_according_to_that_reports_it():
    # PolNeAR train (wash-post_2016-01-31): the inner clause ran on over ", according to someone in attendance".
    found = statements("Mook told aides that he viewed Sanders as a genuine threat, according to someone in attendance.")
    assert found == [("indirect", "Mook told aides that he viewed Sanders as a genuine threat", "someone in attendance"),
                     ("indirect", "that he viewed Sanders as a genuine threat", "Mook")]


def test_according_to_before_a_speaker_holds_the_speakers_statement():
    # "According to Reuters, Putin said ...": Reuters reports that Putin said it; the words are
    # Putin's, and the record credits them to him (once an error against Reuters).
    from quoteaudit.cli import build_settings
    settings, errors, _ = build_settings(None, "misattributed-quote", None, [str(REFERENCES)], False)
    text = ("Tokayev spoke at the summit.\n\nAccording to Reuters, Vladimir Putin said the measures taken by the CSTO "
            "have shown that it will not allow colour revolutions to be implemented.\n")
    report = check_document(Document(path="t.txt", source=text), settings)
    assert [(r.speaker or r.mention.text, r.parent) for r in report.context.reported_speech] \
        == [("Reuters", None), ("Vladimir Putin", 0)]
    assert report.findings == []
    # A source with no speaker inside its clause holds nothing.
    assert statements("According to the report, the company lost money last year.") \
        == [("indirect", "the company lost money last year", "the report")]
