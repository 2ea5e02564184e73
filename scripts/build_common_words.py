"""Build quoteaudit/data/common_lowercase_words.txt from PolNeAR train.

A word goes in when professionally edited news writes it lowercase in the middle of
a sentence at least MIN_LOWER times and capitalises it there at most MAX_CAP_SHARE
of the time: such a word, capitalised mid-sentence, is a machine-translation or
scraping artefact ("people died In the", "maybe This is"), not a name.

    python scripts/build_common_words.py
"""
from __future__ import annotations

import collections
import glob
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "corpora", "polnear", "train", "text")
OUT = os.path.join(ROOT, "quoteaudit", "data", "common_lowercase_words.txt")
MIN_LOWER = 3
MAX_CAP_SHARE = 0.02
# A word right after a lowercase word (or a comma) and a space is mid-sentence.
MID = re.compile(r"(?<=[a-z,;] )([A-Za-z][a-z]+)\b")


def main() -> None:
    lower, cap = collections.Counter(), collections.Counter()
    for path in sorted(glob.glob(os.path.join(CORPUS, "*.txt"))):
        text = open(path, encoding="utf-8").read()
        for m in MID.finditer(text):
            word = m.group(1)
            (cap if word[0].isupper() else lower)[word.lower()] += 1
    words = sorted(w for w, n in lower.items()
                   if n >= MIN_LOWER and cap[w] <= MAX_CAP_SHARE * (n + cap[w]))
    with open(OUT, "w", encoding="utf-8") as fh:
        fh.write("# Words edited news writes lowercase mid-sentence (built by scripts/build_common_words.py\n")
        fh.write(f"# from PolNeAR train: >= {MIN_LOWER} lowercase uses, <= {MAX_CAP_SHARE:.0%} capitalised).\n")
        fh.write("\n".join(words) + "\n")
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main()
