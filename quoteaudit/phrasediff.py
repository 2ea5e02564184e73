"""What changed between a quotation and the record, as phrases a reader follows.

A word-by-word diff of a reordered sentence is noise: “Under the guise of
spontaneous protests, a wave of unrest broke out” against “A wave of massive riots
unfolded under the guise of spontaneous protests” pairs words that have nothing to
do with each other. Here the two texts are aligned by tokens in three steps:

1. the words in the same order in both (difflib's matching blocks, over the part
   of the record the quotation lines up with) anchor the alignment;
2. a run of at least two words, one of them not a stopword, that the quotation has
   between two anchors and the record has between two other anchors has moved:
   the quotation's stretch and the record's stretch around it are one "move";
3. the other stretches between anchors are compared word by word, and edits with
   only one unchanged word between them are merged into one phrase.

Edits are listed in the quotation's reading order. The record's words before the
quotation's first anchor or after its last are left out unless the quotation has
words there too (a partial quotation starts and ends where it likes).
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass

from .normalize import STOPWORDS, normalize


@dataclass
class Piece:
    """A run of words the article and the reference share, changed or moved."""
    op: str  # equal | edit | move
    a: tuple[int, int]  # article word range
    r: tuple[int, int]  # reference word range


def phrase_diff(a_words: list[str], a_keys: list[str], r_words: list[str], r_keys: list[str],
                lo: int, hi: int) -> tuple[str, list[dict]]:
    """(the record's words aligned with the article, edits in reading order), the
    record searched in r_words[lo:hi] for anchors and a little around it for moves."""
    blocks = [b for b in difflib.SequenceMatcher(None, a_keys, r_keys[lo:hi], autojunk=False).get_matching_blocks()
              if b.size]
    if not blocks:
        return " ".join(r_words[lo:hi]), _edit_dicts([Piece("edit", (0, len(a_words)), (lo, hi))], a_words, r_words)
    anchors = [(b.a, lo + b.b, b.size) for b in blocks]
    span = max(4, len(a_words))
    region = (max(0, lo - span), min(len(r_words), hi + span))
    a_gaps, r_gaps = _gaps(anchors, len(a_words), region)
    moves = _moves(a_keys, r_keys, a_gaps, r_gaps, anchors)
    pieces: list[Piece] = []
    moved_r = {m[1] for m in moves}
    for k in range(len(a_gaps)):
        a_gap = a_gaps[k]
        move = next((m for m in moves if m[0] == k), None)
        if move is not None:
            pieces.append(Piece("move", a_gap, _move_stretch(r_gaps[move[1]], move, len(anchors))))
            if k not in moved_r and 0 < k < len(anchors) and r_gaps[k][0] < r_gaps[k][1]:
                pieces.append(Piece("edit", (a_gap[1], a_gap[1]), r_gaps[k]))  # the record's words here, missing
        else:
            r_gap = (r_gaps[k][0], r_gaps[k][0]) if k in moved_r else _edge(r_gaps[k], k, len(anchors), a_gap)
            pieces.extend(_gap_pieces(a_keys, r_keys, a_gap, r_gap))
        if k < len(anchors):
            a, r, size = anchors[k]
            pieces.append(Piece("equal", (a, a + size), (r, r + size)))
    pieces = _merge(_trim_edges(pieces))
    spans = [p.r for p in pieces if p.r[0] < p.r[1]]
    window = (min(s[0] for s in spans), max(s[1] for s in spans))
    return " ".join(r_words[window[0]:window[1]]), _edit_dicts(pieces, a_words, r_words)


def _gaps(anchors, a_len: int, region: tuple[int, int]):
    """The article's and the record's stretches before, between and after anchors
    (the record's first and last reaching to the edges of the searched region)."""
    a_gaps, r_gaps = [], []
    a_pos, r_pos = 0, region[0]
    for a, r, size in anchors:
        a_gaps.append((a_pos, a))
        r_gaps.append((r_pos, r))
        a_pos, r_pos = a + size, r + size
    a_gaps.append((a_pos, a_len))
    r_gaps.append((r_pos, region[1]))
    return a_gaps, r_gaps


def _moves(a_keys, r_keys, a_gaps, r_gaps, anchors) -> list[tuple[int, int, int, int]]:
    """(article gap, record gap, run start, run end in the record) where a run of
    words stands in different places."""
    out = []
    taken_r: set[int] = set()
    for k, (a_start, a_end) in enumerate(a_gaps):
        best = None
        for kr, (r_start, r_end) in enumerate(r_gaps):
            if kr == k or kr in taken_r:
                continue
            size, at = _longest_run(a_keys[a_start:a_end], r_keys[r_start:r_end])
            if size >= 2 and (best is None or size > best[0]):
                best = (size, kr, r_start + at)
        if best is not None:
            out.append((k, best[1], best[2], best[2] + best[0]))
            taken_r.add(best[1])
    return out


def _longest_run(a: list[str], r: list[str]) -> tuple[int, int]:
    """(size, start in r) of the longest run of words both share, counted only if it
    holds a word that is not a stopword ("of the" moves nothing)."""
    if not a or not r:
        return 0, 0
    m = difflib.SequenceMatcher(None, a, r, autojunk=False).find_longest_match(0, len(a), 0, len(r))
    words = a[m.a:m.a + m.size]
    return (m.size, m.b) if any(w and w not in STOPWORDS for w in words) else (0, 0)


def _move_stretch(r_gap, move, anchor_count: int) -> tuple[int, int]:
    """The record's stretch a moved phrase comes from: its gap between two anchors,
    or, before the first anchor or after the last, from the run to that anchor."""
    start, end = r_gap
    kr, run_start, run_end = move[1], move[2], move[3]
    if kr == 0:
        return run_start, end
    if kr == anchor_count:
        return start, run_end
    return start, end


def _edge(r_gap, k: int, anchor_count: int, a_gap) -> tuple[int, int]:
    """The record's stretch matched with the article's before the first anchor or
    after the last: as many words as the article has there (none if it has none)."""
    start, end = r_gap
    length = a_gap[1] - a_gap[0]
    if k == 0:
        return max(start, end - length), end
    if k == anchor_count:
        return start, min(end, start + length)
    return r_gap


def _gap_pieces(a_keys, r_keys, a_gap, r_gap) -> list[Piece]:
    (a0, a1), (r0, r1) = a_gap, r_gap
    if a0 == a1 and r0 == r1:
        return []
    out = []
    matcher = difflib.SequenceMatcher(None, a_keys[a0:a1], r_keys[r0:r1], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        out.append(Piece("equal" if op == "equal" else "edit", (a0 + i1, a0 + i2), (r0 + j1, r0 + j2)))
    return out


def _trim_edges(pieces: list[Piece]) -> list[Piece]:
    """Drop the record's words before the article's first word or after its last
    (an edit with no article words at either end of the alignment)."""
    while pieces and pieces[0].op == "edit" and pieces[0].a[0] == pieces[0].a[1]:
        pieces = pieces[1:]
    while pieces and pieces[-1].op == "edit" and pieces[-1].a[0] == pieces[-1].a[1]:
        pieces = pieces[:-1]
    return pieces


def _merge(pieces: list[Piece]) -> list[Piece]:
    """Edits with a single unchanged word between them become one phrase."""
    out: list[Piece] = []
    for piece in pieces:
        if piece.op == "equal" and piece.a[1] - piece.a[0] == 0 and piece.r[1] - piece.r[0] == 0:
            continue
        if (piece.op == "edit" and len(out) >= 2 and out[-1].op == "equal" and out[-2].op == "edit"
                and out[-1].a[1] - out[-1].a[0] == 1):
            out[-2:] = [Piece("edit", (out[-2].a[0], piece.a[1]), (out[-2].r[0], piece.r[1]))]
        else:
            out.append(piece)
    return out


def _edit_dicts(pieces: list[Piece], a_words, r_words) -> list[dict]:
    diff = []
    for piece in pieces:
        if piece.op == "equal":
            continue
        a_part = " ".join(a_words[piece.a[0]:piece.a[1]])
        r_part = " ".join(r_words[piece.r[0]:piece.r[1]])
        if piece.op == "move":
            diff.append({"op": "move", "article": a_part, "reference": r_part})
            continue
        if normalize(a_part) == normalize(r_part):
            continue  # an editorial insertion or punctuation only
        op = "insert" if not a_part else "delete" if not r_part else "replace"
        diff.append({"op": op, "article": a_part, "reference": r_part})
    return diff
