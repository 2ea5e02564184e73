"""Generate reference sets and variant pairs from PolNeAR train (deterministic).

The base pool is every quoted segment of PolNeAR train (what people said) and
every sentence of its articles (so a million references can be distinct). A
reference set of N rows draws from the pool and applies realistic variation:
a dropped word, two words swapped, a word replaced by another from the corpus,
a shortened excerpt. Speakers come from the corpus's own capitalised names.
"""
from __future__ import annotations

import glob
import json
import os
import random
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "corpora", "polnear", "train", "text")
QUOTED = re.compile(r"[“\"]([^”\"\n]{20,400})[”\"]")
SENTENCE = re.compile(r"[A-Z][^.!?\n“”\"]{30,300}[.!?]")
NAME = re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]{2,}\b")


def corpus_texts() -> list[str]:
    return [open(p, encoding="utf-8").read() for p in sorted(glob.glob(os.path.join(CORPUS, "*.txt")))]


def pools(texts: list[str]) -> tuple[list[str], list[str], list[str]]:
    """(quotations, sentences, speaker names) of the corpus, without duplicates, in order."""
    quotes = list(dict.fromkeys(m.group(1).strip() for t in texts for m in QUOTED.finditer(t)))
    sentences = list(dict.fromkeys(m.group(0).strip() for t in texts for m in SENTENCE.finditer(t)))
    names = list(dict.fromkeys(m.group(0) for t in texts for m in NAME.finditer(t)))
    return quotes, sentences, names


def mutate(text: str, rng: random.Random, vocabulary: list[str]) -> str:
    words = text.split()
    if len(words) < 4:
        return text
    kind = rng.randrange(4)
    i = rng.randrange(len(words) - 1)
    if kind == 0:
        del words[i]
    elif kind == 1:
        words[i], words[i + 1] = words[i + 1], words[i]
    elif kind == 2:
        words[i] = rng.choice(vocabulary)
    else:
        start = rng.randrange(max(1, len(words) // 3))
        words = words[start:start + max(4, len(words) * 2 // 3)]
    return " ".join(words)


def reference_rows(n: int, seed: int = 7):
    """n reference rows (dicts in Quotebank's shape): every corpus quotation once, then
    sentences and variants of both until n."""
    rng = random.Random(seed)
    texts = corpus_texts()
    quotes, sentences, names = pools(texts)
    vocabulary = sorted({w for s in sentences[:5000] for w in s.split() if w.isalpha()})
    base = quotes + sentences
    for i in range(n):
        if i < len(base):
            text = base[i]
        else:
            text = mutate(rng.choice(base), rng, vocabulary)
        yield {"quoteID": f"gen-{i:07d}", "quotation": text, "speaker": rng.choice(names),
               "date": "2016-01-01", "urls": []}


def write_jsonl(path: str, n: int, seed: int = 7) -> str:
    if not os.path.exists(path):
        tmp = path + ".tmp"
        with open(tmp, "w", encoding="utf-8") as fh:
            for row in reference_rows(n, seed):
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
        os.replace(tmp, path)
    return path
