"""inconsistent-spelling's one-pass scan: where a capitalised word and a spelled-out run
begin and end (hyphens, apostrophes, possessives), and where a place's spellings match."""
from __future__ import annotations

import pytest

from quoteaudit.config import Settings
from quoteaudit.document import Document
from quoteaudit.pipeline import check_document


def flagged(text: str) -> list[str]:
    report = check_document(Document(path="t.txt", source=text), Settings(select={"inconsistent-spelling"}))
    return [text[f.start:f.end] for f in report.findings]


@pytest.mark.parametrize("text, expected", [
    # the last word of a spelled-out run may be possessive
    ("The Collective Security Treaty Organization’s troops left. Later the CTSO said no.", ["CTSO"]),
    # after a lowercase prefix and a hyphen a capital starts a word (and a run) of its own ...
    ("The pro-Collective Security Treaty Organization camp met. Later the CTSO said no.", ["CTSO"]),
    # ... but after a capitalised word and a hyphen or an apostrophe it goes on that word
    ("The Nur-Collective Security Treaty Organization camp met. Later the CTSO said no.", []),
    ("The O'Collective Security Treaty Organization camp met. Later the CTSO said no.", []),
    # a possessive inside a run ends it
    ("The Collective Security’s Treaty Organization met. Later the CTSO said no.", []),
    ("He flew to Nursultan. Nur-Sultan is cold.", ["Nursultan"]),
    ("He flew to xNur Sultan and Dar es Salaam.", ["Dar es Salaam"]),
    ("Tokayev met Tokayev and Tokayev, not Tokaev.", ["Tokaev"]),
])
def test_scan_boundaries(text, expected):
    assert flagged(text) == expected
