"""common._word_before reads backwards the word a regex anchored at the end would find."""
import re

from quoteaudit.attribution.common import _word_before

_ANCHORED = re.compile(r"[\w.]+$")


def test_word_before_is_the_anchored_regex_match():
    text = "Gov. U.S. x_y. é1. 日本. no-dot . (Mr.) 12.5. end"
    for end in range(len(text) + 1):
        for floor in (0, max(0, end - 12), max(0, end - 3), end):
            m = _ANCHORED.search(text, floor, end)
            assert _word_before(text, end, floor) == (m.group() if m else ""), (end, floor)


def test_word_before_stops_at_floor_and_non_word_characters():
    text = "said Gov.Jones"
    assert _word_before(text, text.index("Jones") - 1, 0) == "Gov"
    assert _word_before(text, len(text), 0) == "Gov.Jones"
    assert _word_before(text, len(text), len(text) - 3) == "nes"
    assert _word_before(text, 4, 0) == "said" and _word_before(text, 5, 0) == ""
