"""Linear time on hostile input: 1 MB of adversarial text through every rule.

Builds 1 MB of text made to trip regular expressions — long runs of capitals,
punctuation, quotation marks, apostrophes, hyphens, repeated words, unclosed marks
— and times the whole pipeline on it beside a baseline measured in the same run on
the same text (one regex pass tokenising every word). Also checks that doubling
the input roughly doubles the time (a super-linear rule would show up as a ratio
well above 2).

    python benchmarks/adversarial.py
"""
from __future__ import annotations

import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from quoteaudit.document import Document  # noqa: E402
from quoteaudit.pipeline import check_document  # noqa: E402

BLOCKS = [
    "A" * 5000, "AB " * 2000, "." * 3000, ". " * 2000, ", ," * 1000, "“" * 2000, "”" * 2000, '"' * 3000,
    "'" * 3000, "’" * 2000, "-" * 4000, "A-" * 2000, "Read more " * 400, "the " * 2000,
    "In This Before Used " * 300, "said he said " * 500, "“" + "word " * 2000, "CSTO CTSO " * 500,
    "Nur Sultan " * 300, "Mr. " * 1000, "(" * 2000, "[" * 2000, "\n" * 2000, "\n\n“unclosed " * 500,
    "x.Y" * 2000, "completed When completed " * 300, "Tokayev Tokaev " * 300,
    # reported speech: a paragraph of statements, of split quotations, of stance verbs
    "Tokayev said that the country is calm. " * 300, "“A,” he said, “b c d.” " * 300,
    "He thinks that it works and believes that " * 300,
]


def build(size: int) -> str:
    parts, total, i = [], 0, 0
    while total < size:
        block = BLOCKS[i % len(BLOCKS)]
        parts.append(block)
        parts.append("\n\n")
        total += len(block) + 2
        i += 1
    return "".join(parts)[:size]


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    one = build(1_000_000)
    two = build(2_000_000)
    ours = timed(lambda: check_document(Document(path="adversarial", source=one)))
    ours2 = timed(lambda: check_document(Document(path="adversarial", source=two)))
    baseline = timed(lambda: re.findall(r"\w+", one))
    print(f"1 MB adversarial text: check {ours:.2f} s; baseline regex pass {baseline:.3f} s; "
          f"ratio {ours / baseline:.0f}x")
    print(f"2 MB: {ours2:.2f} s = {ours2 / ours:.2f}x the 1 MB time (linear: about 2)")


if __name__ == "__main__":
    main()
