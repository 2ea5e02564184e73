"""How the matching thresholds were chosen: scores of real variant pairs.

From PolNeAR train quotations (six words or more), three kinds of pair:
- benign: the same words with what normalisation must ignore (case, straight vs
  curly marks, a dash, a [bracketed] insertion, an ellipsis cut);
- altered: one to three words changed, dropped or swapped (what translation and
  retyping do);
- unrelated: a quotation against the best-scoring *other* quotation of the corpus
  (brute force), i.e. the score a wrong match would get.
Prints percentiles of each and the share on the right side of the thresholds.

    python benchmarks/thresholds.py [--pairs 300]
"""
from __future__ import annotations

import argparse
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from rapidfuzz import process  # noqa: E402

import refgen  # noqa: E402
from quoteaudit.matching import MATCH_OPTIONS, similarity  # noqa: E402
from quoteaudit.normalize import normalize, segments  # noqa: E402


def benign(text: str, rng: random.Random) -> list[str]:
    """Variants that differ only in what normalisation ignores; an ellipsis cut gives two segments."""
    words = text.split()
    k = rng.randrange(4)
    if k == 0:
        return [text.upper().replace("'", "’")]
    if k == 1:
        i = rng.randrange(1, len(words))
        return [" ".join(words[:i] + ["[the]"] + words[i:])]
    if k == 2:
        return ['"' + text.replace(",", " —") + '"']
    cut = text.replace(" ", " … ", 1) if len(words) > 8 else text
    return [cut[a:b] for a, b in segments(cut)]


def altered(text: str, rng: random.Random, vocabulary: list[str]) -> str:
    for _ in range(rng.randint(1, 3)):
        text = refgen.mutate(text, rng, vocabulary) if len(text.split()) > 6 else text
    return text


SEED_PAIRS = [
    ("Under the guise of spontaneous protests, a wave of unrest broke out",
     "A wave of massive riots unfolded under the guise of spontaneous protests, since religious radicals, "
     "criminal elements, notorious bandits, looters and thugs appeared at a single command,"),
    ("It is clear that the main goal is to disrupt the constitutional order and seize power. We are talking "
     "about an attempted coup,",
     "It became clear that the main goal was to undermine the constitutional order and to seize power. We are "
     "talking about an attempted coup d'état,"),
    ("Of course, we understand that the incident in Kazakhstan is not the first, and it is far from the last "
     "attempt to interfere in our country’s internal affairs from the outside,",
     "Of course, we understand the events in Kazakhstan are not the first and far from the last attempt to "
     "interfere in the internal affairs of our states from the outside,"),
    ("The measures taken by the Collective Security Treaty Organization clearly show that we will not allow "
     "turbulence in the domestic situation.",
     "The measures taken by the CSTO have clearly shown that we will not allow the situation to be rocked at "
     "home and will not allow the scenario of the so-called colour revolutions to be implemented."),
    ("The main attack is on Almaty. The fall of this city will pave the way for the takeover of the densely "
     "populated southern part and the entire country,",
     "The main blow was directed against (the city of) Almaty. The fall of this city would have paved the way "
     "for a takeover of the densely populated south and then the whole country,"),
    ("Then they plan to occupy the capital,", "Then they planned to seize the capital,"),
]


def seed_variant_scores() -> list[float]:
    return [similarity(normalize(a), normalize(b)) for a, b in SEED_PAIRS]


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(p / 100 * len(values)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pairs", type=int, default=300)
    args = ap.parse_args()
    rng = random.Random(3)
    quotes, sentences, _ = refgen.pools(refgen.corpus_texts())
    quotes = [q for q in quotes if len(q.split()) >= 6]
    vocabulary = sorted({w for s in sentences[:5000] for w in s.split() if w.isalpha()})
    norms = [normalize(q) for q in quotes]
    picks = rng.sample(range(len(quotes)), args.pairs)
    b_scores, a_scores, u_scores = [], [], []
    for i in picks:
        original = norms[i]
        for part in benign(quotes[i], rng):
            if len(normalize(part).split()) >= MATCH_OPTIONS["min_words"]:
                b_scores.append(similarity(normalize(part), original))
        a_scores.append(similarity(normalize(altered(quotes[i], rng, vocabulary)), original))
        others = norms[:i] + norms[i + 1:]
        best = process.extractOne(original, others, scorer=lambda a, b, **_: similarity(a, b))
        u_scores.append(best[1])
    # The seed's machine-translated quotations against their published wording: the
    # real variants this tool exists to catch.
    seed_pairs = seed_variant_scores()
    print("seed MT pairs: " + ", ".join(f"{s:.1f}" for s in seed_pairs))
    print("match threshold sweep (altered kept as a match / unrelated kept out / seed MT pairs kept):")
    for t in (55, 60, 62, 65, 68, 70, 72, 75, 80):
        print(f"  {t:>3}: {sum(s >= t for s in a_scores) / len(a_scores):6.1%}  "
              f"{sum(s < t for s in u_scores) / len(u_scores):6.1%}  {sum(s >= t for s in seed_pairs)}/{len(seed_pairs)}")
    match, verbatim = MATCH_OPTIONS["match_threshold"], MATCH_OPTIONS["verbatim_threshold"]
    for name, scores in (("benign", b_scores), ("altered", a_scores), ("unrelated (best other)", u_scores)):
        print(f"{name:24} n={len(scores):4}  p1={pct(scores, 1):5.1f}  p5={pct(scores, 5):5.1f}  "
              f"median={pct(scores, 50):5.1f}  p95={pct(scores, 95):5.1f}  p99={pct(scores, 99):5.1f}")
    print(f"thresholds: match >= {match}, verbatim >= {verbatim}")
    print(f"benign read as verbatim:        {sum(s >= verbatim for s in b_scores) / len(b_scores):.1%}")
    print(f"altered read as a match:        {sum(s >= match for s in a_scores) / len(a_scores):.1%}")
    print(f"altered read as altered (<verbatim): {sum(match <= s < verbatim for s in a_scores) / len(a_scores):.1%}")
    print(f"unrelated read as no match:     {sum(s < match for s in u_scores) / len(u_scores):.1%}")


if __name__ == "__main__":
    main()
