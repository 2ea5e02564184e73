"""Articles and transcripts as references: the original a copy was made from.

An editor taking wire copy has the original article or the transcript in hand, not a
curated list of quotations. Such a file (.txt, .md, .html) becomes reference rows:

- an article: each of its quotations with the speaker ``extract`` finds for it
  (kind "quotation"; words in marks that are no statement, such as a title or a
  scare quote, are kind "marked"), and its narration, the writer's own sentences,
  as kind "narration" (nobody's quotation);
- a transcript, speaker-labelled ("PUTIN: ...", "MR. PESKOV: ...", "Q:" / "A:") or
  plain with a speaker given (``--reference-speaker`` or the config's
  ``reference_speakers``): every sentence as the words of its turn's speaker.

Rows are windows of consecutive sentences, each window starting at a sentence and
staying inside its paragraph or turn, so that a quotation running over two or three
sentences finds one row holding all of it and a partial quotation matches inside a
row; a long transcript becomes many short rows, which the reference index finds in
milliseconds. Each row keeps the line and column where it starts in the file.
"""
from __future__ import annotations

import os
import re

from . import lexicon
from .document import Document, _append_trimmed
from .inputs import HTML_EXTENSIONS, MARKDOWN_EXTENSIONS, TEXT_EXTENSIONS, make_document
from .model import InputError
from .references import Reference
from .regexes import regex
from .wordchars import NOT_AFTER_WORD

DOCUMENT_EXTENSIONS = TEXT_EXTENSIONS + MARKDOWN_EXTENSIONS + HTML_EXTENSIONS
READER_VERSION = "2"  # part of the index key: a change in how rows are cut is a new index
ARTICLE_WINDOW = 2  # sentences a narration row spans
TRANSCRIPT_WINDOW = 3  # sentences a transcript row spans
UNKNOWN_SPEAKERS = {"Q", "QUESTION", "REPORTER", "AUDIENCE MEMBER", "UNIDENTIFIED MALE", "UNIDENTIFIED FEMALE",
                    "MODERATOR", "VOICE", "CROSSTALK"}
ANSWER_LABELS = {"A", "ANSWER"}

# A turn label opens a line: upper-case words ("PUTIN:", "MR. PESKOV:", "Q:"), or one
# to four capitalised words ("Vladimir Putin:") when most paragraphs open that way.
_UPPER_LABEL = regex(r"^[ \t]*([A-Z][A-Z.'’ -]{0,40}?)[ \t]*:[ \t]+(?=\S)", re.M)
_NAME_LABEL = regex(r"^[ \t]*((?:[A-Z][\w.'’-]*[ \t]+){0,3}[A-Z][\w'’-]+)[ \t]*:[ \t]+(?=\S)", re.M)
_POSSESSIVE = regex(r"[’']s?$")
# A lookahead, so "Senator Robert Menendez" also yields "Robert Menendez".
_FULL_NAME = regex(NOT_AFTER_WORD + r"(?=([A-Z][a-z]+)[ \t]+([A-Z][a-z][\w’'-]*)(?![\w-]))")
_SENTENCE_END = regex(r"[.!?…]+[\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])|[.!?…]+[\"”’')\]]*\s*$")


def is_document(path: str) -> bool:
    return path.lower().endswith(DOCUMENT_EXTENSIONS)


def reader_key(path: str, speakers: dict[str, str] | None) -> str:
    """What besides the file's bytes decides its rows ('' for a quotation file)."""
    if not is_document(path):
        return ""
    return f"|doc{READER_VERSION}|{speaker_for(path, speakers) or ''}"


def speaker_for(path: str, speakers: dict[str, str] | None) -> str | None:
    if not speakers:
        return None
    return speakers.get(path) or speakers.get(os.path.abspath(path)) or speakers.get("*")


def document_paths(paths: list[str], errors: list[InputError]) -> list[str]:
    """Reference paths with directories replaced by the articles and transcripts in
    them (sorted); a directory holding none is an error naming it."""
    out = []
    for path in paths:
        if not os.path.isdir(path):
            out.append(path)
            continue
        found = sorted(os.path.join(root, name) for root, dirs, files in os.walk(path)
                       for name in files if is_document(name) and not name.startswith("."))
        if not found:
            errors.append(InputError(path, "is a directory with no " + ", ".join(DOCUMENT_EXTENSIONS) + " files"))
        out.extend(found)
    return out


def named_people(path: str, source: str) -> list[str]:
    """Full names a reference document mentions, speaking or not: a common first name
    and a capitalised surname ("Robert Menendez", "Megan Woods"), possessives dropped, and
    every full name the speaker stage collects from the document with a title or a gender
    ("Prime Minister Jacinda Ardern": a first name in no list)."""
    from .attribution import person_names  # the speaker stage's own collection
    doc = make_document(path, source)
    firsts = lexicon.table("first_names")
    found: dict[str, None] = {}
    for m in _FULL_NAME.finditer(doc.text):
        if m.group(1).lower() in firsts:
            found.setdefault(m.group(1) + " " + _POSSESSIVE.sub("", m.group(2)), None)
    for name in person_names(doc):
        found.setdefault(name, None)
    return list(found)


def read_reference_document(path: str, source: str, speakers: dict[str, str] | None = None) -> list[Reference]:
    doc = make_document(path, source)
    speaker = speaker_for(path, speakers)
    turns = transcript_turns(doc.text)
    if turns or speaker:
        return transcript_rows(doc, turns, speaker)
    return article_rows(doc)


# ---------------------------------------------------------------- articles

def article_rows(doc: Document, ctx=None) -> list[Reference]:
    """The article's quotations (speech with its speaker, other marked words as
    "marked") and its narration sentences."""
    if ctx is None:
        from .pipeline import analyse
        ctx = analyse(doc)
    rows = []
    for q in ctx.quotations:
        if q.depth or q.inner_end <= q.inner_start:
            continue
        a = ctx.attributions[q.index]
        speech = q.kind == "speech"
        # An open choice between people is no speaker on record.
        speaker = a.speaker if speech and not a.candidates else None
        rows.append(_row(doc, q.inner_start, q.inner_end, "quotation" if speech else "marked", speaker))
    for start, end in narration_stretches(doc, ctx.quotations):
        rows.extend(_windows(doc, sentence_spans(doc.text, start, end), ARTICLE_WINDOW, "narration", None))
    return rows


def narration_stretches(doc: Document, quotations) -> list[tuple[int, int]]:
    """The parts of each paragraph outside its speech quotations (marks included):
    the writer's words. Scare quotes, titles and fragments worked into the writer's
    sentence stay in it (their own rows win a tie: see matching.best_reference)."""
    cuts = sorted((q.start, q.end) for q in quotations if q.kind == "speech" and not q.partial and not q.depth)
    out = []
    for start, end in doc.paragraphs():
        pos = start
        for q_start, q_end in cuts:
            if q_end <= pos or q_start >= end:
                continue
            if q_start > pos:
                out.append((pos, q_start))
            pos = max(pos, q_end)
        if pos < end:
            out.append((pos, end))
    return out


# ---------------------------------------------------------------- transcripts

def transcript_turns(text: str) -> list[tuple[int, int, str]]:
    """(label start, text start, label) of each speaker turn, or [] when the text is
    no labelled transcript (fewer than two labelled paragraphs, or, for capitalised
    rather than upper-case labels, fewer than half the paragraphs)."""
    upper = [m for m in _UPPER_LABEL.finditer(text) if _upper_label(m.group(1))]
    if len(upper) >= 2:
        return [(m.start(1), m.end(), m.group(1).strip()) for m in upper]
    named = list(_NAME_LABEL.finditer(text))
    paragraphs = max(1, len(re.findall(r"\S[^\n]*(?:\n|$)", text)))
    if len(named) >= 2 and len(named) * 2 >= paragraphs:
        return [(m.start(1), m.end(), m.group(1).strip()) for m in named]
    return []


def _upper_label(label: str) -> bool:
    letters = [c for c in label if c.isalpha()]
    return bool(letters) and len(label.split()) <= 5 and all(c.isupper() for c in letters)


def transcript_rows(doc: Document, turns: list[tuple[int, int, str]], speaker: str | None) -> list[Reference]:
    """Each turn's sentences as its speaker's words; a plain transcript's (no labels)
    as the given speaker's. Text before the first label (a heading, a date) is
    narration."""
    text = doc.text
    if not turns:
        spans = [(start, end, speaker) for start, end in doc.paragraphs()]
    else:
        spans = [(0, turns[0][0], None)] if text[:turns[0][0]].strip() else []
        for i, (label_start, start, label) in enumerate(turns):
            end = turns[i + 1][0] if i + 1 < len(turns) else len(text)
            spans.append((start, end, label_speaker(label, speaker)))
    rows = []
    for start, end, who in spans:
        kind = "quotation" if who is not None or turns and start > turns[0][0] else "narration"
        for p_start, p_end in _paragraphs_within(doc, start, end):
            rows.extend(_windows(doc, sentence_spans(text, p_start, p_end), TRANSCRIPT_WINDOW, kind, who))
    return rows


def label_speaker(label: str, given: str | None) -> str | None:
    """ "MR. PUTIN" -> "Putin"; "Q" and "REPORTER" -> None (someone unnamed); "A" ->
    the given speaker, if any."""
    upper = label.upper()
    if upper in ANSWER_LABELS:
        return given
    if upper in UNKNOWN_SPEAKERS:
        return None
    words = label.split()
    honorifics = {h.casefold().rstrip(".") for h in lexicon.table("honorifics")}
    titles = {w for t in lexicon.words("titles") for w in t.split()}
    while len(words) > 1 and (words[0].casefold().rstrip(".") in honorifics or words[0].casefold() in titles):
        words = words[1:]
    name = " ".join(words)
    return name.title() if name.isupper() else name


def _paragraphs_within(doc: Document, start: int, end: int) -> list[tuple[int, int]]:
    return [(max(a, start), min(b, end)) for a, b in doc.paragraphs() if a < end and b > start
            and doc.text[max(a, start):min(b, end)].strip()]


# ---------------------------------------------------------------- sentences and rows

def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the sentences of text[start:end], white space trimmed; a period
    after an abbreviation ("Mr.", "U.S.") ends no sentence."""
    from .prose import is_abbreviation
    out = []
    pos = start
    for m in _SENTENCE_END.finditer(text, start, end):
        dot = m.start()
        if text[dot] == "." and m.group(0).startswith(".") and not m.group(0).startswith("..") \
                and is_abbreviation(text, dot):
            continue
        _append_trimmed(text, pos, m.end(), out)
        pos = m.end()
    _append_trimmed(text, pos, end, out)
    return out


def sentence_windows(sentences: list[tuple[int, int]], size: int) -> list[tuple[int, int]]:
    """(start, end) of one window per sentence: it and up to size - 1 sentences after it."""
    return [(start, sentences[min(i + size, len(sentences)) - 1][1]) for i, (start, _) in enumerate(sentences)]


def _windows(doc: Document, sentences: list[tuple[int, int]], size: int, kind: str,
             speaker: str | None) -> list[Reference]:
    return [_row(doc, start, end, kind, speaker) for start, end in sentence_windows(sentences, size)]


def _row(doc: Document, start: int, end: int, kind: str, speaker: str | None) -> Reference:
    while start < end and doc.text[start].isspace():  # a blanked entity or tag before the words
        start += 1
    line, column = doc.position(start)
    # The analysis text: markup (HTML tags, Markdown link targets) blanked, offsets kept.
    return Reference(text=doc.text[start:end], speaker=speaker, source=doc.path, kind=kind, line=line,
                     column=column)


def position_in(reference: Reference, words_text: str) -> tuple[int, int]:
    """(line, column) in the reference's file where words_text (a piece of the row,
    as word_diff aligned it) starts; the row's own start when it cannot be found."""
    first = words_text.split()[:3]
    found = re.search(r"\W+".join(map(re.escape, first)), reference.text) if first else None
    at = found.start() if found else 0
    newline = reference.text.rfind("\n", 0, at)
    if newline == -1:
        return reference.line, reference.column + at
    return reference.line + reference.text.count("\n", 0, at), at - newline
