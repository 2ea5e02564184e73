"""Compare a copy with its original: the checks with the original as the only
reference, then what the copy lost of the original's quotations.

For each statement the original quotes (speech, at least ``min_words`` words), the
copy either still quotes it (some quotation of the copy holds its words), prints its
words without quotation marks, turns it into paraphrase (its content words in one
passage of the copy's narration), or drops it. The last three become findings of
the quote-unmarked and quote-paraphrased rules (at the passage in the copy) and of
quote-missing (at the quotation in the original). A speaker changed between the
two is misattributed-quote, as with any reference; so is a passage holding one
person's quoted words that names another person instead.

The original here is an article; a transcript original gives only the checks (a
copy quotes a few sentences of a transcript, and the rest is not "lost").
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from .config import Settings
from .document import Document, InputErrorException, read_file
from .inputs import make_document
from .matching import options_from, same_speaker
from .model import InputError
from .normalize import STOPWORDS, normalize
from .pipeline import FileReport, analyse, run_rules
from .refdocs import (ARTICLE_WINDOW, article_rows, named_people, narration_stretches, read_reference_document,
                      reader_key, sentence_spans, sentence_windows, speaker_for, transcript_turns)
from .references import People, Person, ReferenceSet, _add_reference_speakers, file_digest
from .suppress import apply_suppressions

UNMARKED_SCORE = 85.0  # the quotation's words stand (nearly) as they were in a passage of narration
PARAPHRASE_SHARE = 2 / 3  # of the quotation's content words found together in one passage
PARAPHRASE_WORDS = 3  # and at least this many of them
ORIGINAL_RULES = {"quote-missing"}  # the only findings placed in the original


@dataclass
class Lost:
    """A quotation of the original the copy no longer quotes, and where its words went."""
    status: str  # "missing" | "unmarked" | "paraphrased"
    start: int  # in the copy (unmarked, paraphrased) or in the original (missing)
    end: int
    quotation: str  # the original's words, without marks (or the comma closing them)
    speaker: str | None  # who the original says spoke them
    where: str  # "orig.txt:12:5": the quotation in the original
    score: float = 0.0
    credited: str | None = None  # unmarked or paraphrased: the other person the copy's passage names instead


def compare_files(original_path: str, copy: Document, settings: Settings,
                  speakers: dict[str, str] | None = None) -> tuple[list[FileReport], list[InputError]]:
    """The copy's report (checks and what it lost) and the original's (quotations the
    copy dropped); input errors instead when the original cannot be read."""
    try:
        original = make_document(original_path, read_file(original_path))
    except InputErrorException as exc:
        return [], [exc.error]
    original_ctx = analyse(original, dataclasses.replace(settings, references=None))
    transcript = _is_transcript(original, speakers)
    # The original is read once: its quotations and speakers here are its reference rows.
    rows = read_reference_document(original_path, original.source, speakers) if transcript \
        else article_rows(original, original_ctx)
    people = People(list(settings.people.persons) if settings.people is not None else [])
    for name in named_people(original_path, original.source):
        if people.find(name) is None:
            people.add(Person(name, named_only=True))
    _add_reference_speakers(people, [(r.speaker, r.line) for r in rows])

    def digest() -> str:  # the index's key: an original hashed only when long enough to be indexed
        return file_digest(original_path) + reader_key(original_path, speakers)

    references = ReferenceSet([original_path], digest, rows) if rows else None
    settings = dataclasses.replace(settings, references=references, people=people if len(people) else None)
    copy_ctx = analyse(copy, settings)
    lost = [] if transcript else lost_quotations(original_ctx, copy_ctx, settings)
    copy_ctx.lost = [item for item in lost if item.status != "missing"]
    original_ctx.lost = [item for item in lost if item.status == "missing"]
    copy_report = FileReport(path=copy.path, record_id=copy.record_id, context=copy_ctx,
                             findings=apply_suppressions(run_rules(copy_ctx, settings), copy.source))
    only_missing = dataclasses.replace(settings, select={r for r in ORIGINAL_RULES if settings.enabled(r)})
    original_report = FileReport(path=original.path, context=original_ctx,
                                 findings=apply_suppressions(run_rules(original_ctx, only_missing), original.source))
    return [copy_report, original_report], []


def _is_transcript(original: Document, speakers) -> bool:
    return bool(speaker_for(original.path, speakers) or transcript_turns(original.text))


def lost_quotations(original_ctx, copy_ctx, settings: Settings) -> list[Lost]:
    """For each checkable statement the original quotes and the copy does not, where
    its words went: a passage of the copy's narration (unmarked or paraphrased), or
    nowhere (missing)."""
    min_words = options_from(settings)["min_words"]
    threshold = options_from(settings)["match_threshold"]
    copy_quotes = [normalize(copy_ctx.doc.text[q.inner_start:q.inner_end]) for q in copy_ctx.quotations if not q.depth]
    passages = _passages(copy_ctx)
    out = []
    doc = original_ctx.doc
    for q in original_ctx.quotations:
        if q.kind != "speech" or q.depth:
            continue
        norm = normalize(doc.text[q.inner_start:q.inner_end])
        if len(norm.split()) < min_words or any(_kept(norm, c, threshold) for c in copy_quotes):
            continue
        a = original_ctx.attributions[q.index]
        line, column = doc.position(q.inner_start)
        found = _best_passage(norm, passages)
        lost = Lost("missing", q.start, q.end, " ".join(doc.text[q.inner_start:q.inner_end].split()).rstrip(","),
                    a.speaker if not a.candidates else None, f"{doc.path}:{line}:{column}")
        if found is not None:
            lost.status, lost.start, lost.end, lost.score = found
            lost.credited = _other_person_named(copy_ctx, lost)
        out.append(lost)
    return out


def _other_person_named(copy_ctx, lost: Lost) -> str | None:
    """The person of the registry that the copy's passage names, when it names one
    and not the original's speaker ("Ardern said it was the biggest build" for
    Woods's words): the speaker changed along with the marks."""
    people = copy_ctx.people
    if lost.speaker is None or people is None:
        return None
    passage = copy_ctx.doc.text[lost.start:lost.end]
    named = {p.name for p in people.persons if any(_names_word(passage, n.split()[-1]) for n in p.names)}
    if not named or any(same_speaker(n, lost.speaker, people) for n in named):
        return None
    return sorted(named)[0] if len(named) == 1 else None


def _names_word(text: str, word: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


def _kept(norm: str, copy_norm: str, threshold: float) -> bool:
    """Some quotation of the copy holds these words (or part of them, for a copy that
    cut the statement short)."""
    if len(copy_norm.split()) < 2:
        return False
    return fuzz.partial_ratio(norm, copy_norm) >= threshold


def _passages(ctx) -> list[tuple[int, int, str, set[str]]]:
    """The copy's narration, as windows of sentences: (start, end, normalised text,
    its words)."""
    out = []
    text = ctx.doc.text
    for start, end in narration_stretches(ctx.doc, ctx.quotations):
        for s_start, s_end in sentence_windows(sentence_spans(text, start, end), ARTICLE_WINDOW):
            norm = normalize(text[s_start:s_end])
            out.append((s_start, s_end, norm, set(norm.split())))
    return out


def _best_passage(norm: str, passages) -> tuple[str, int, int, float] | None:
    """(status, start, end, score) of the passage that holds the quotation's words
    best, or None. Unmarked: the words stand nearly as quoted. Paraphrased: most of
    its content words stand in one passage."""
    content = {w for w in norm.split() if w not in STOPWORDS and len(w) > 2}
    best = None
    for start, end, passage, passage_words in passages:
        shared = len(content.intersection(passage_words))
        if shared * 2 < len(content) or not shared and content:
            continue  # neither unmarked nor paraphrased: most content words are elsewhere
        score = fuzz.partial_ratio(norm, passage)
        if score >= UNMARKED_SCORE and len(passage) >= 0.6 * len(norm):
            if best is None or best[0] != "unmarked" or score > best[3]:
                best = ("unmarked", start, end, score)
            continue
        if best is not None and best[0] == "unmarked":
            continue
        share = shared / len(content) if content else 0.0
        if shared >= PARAPHRASE_WORDS and share >= PARAPHRASE_SHARE and (best is None or share * 100 > best[3]):
            best = ("paraphrased", start, end, share * 100)
    return best


def lost_issues(ctx, status: str, describe):
    """Issues for the quotations the comparison found in this state (rules call it)."""
    from .model import Issue
    for item in ctx.lost or []:
        if item.status == status:
            yield Issue(item.start, item.end, describe(item),
                        data={"original": item.where, "quotation": item.quotation, "speaker": item.speaker,
                              "score": round(item.score, 1)})


def said_by(item: Lost, capital: bool = False) -> str:
    words = f"the words of {item.speaker}" if item.speaker else "the words"
    return words[0].upper() + words[1:] if capital else words
