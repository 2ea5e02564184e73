"""Regex pieces for "no word character here": a word's characters are letters, digits,
apostrophes (’ and ') and hyphens.

Each test is written as two lookarounds, one over [\\w’'] and one over the hyphen. A single
class of all three ([\\w’'-]) holds a character above 255 in three separate runs, which
Python's re compiles into a table of 65,536 entries: about 0.3 ms a pattern, and some
twenty of them are compiled at every start-up. The two small classes match the same and
compile in microseconds.
"""

NOT_AFTER_WORD = r"(?<![\w’'])(?<!-)"  # no word character just before here
NOT_BEFORE_WORD = r"(?![\w’'])(?!-)"  # ... just after here
# No word character before the one character just matched: "[A-Z]" + this opens a pattern
# on a literal class the engine skips to in C, and tests what stands before it only there.
NOT_AFTER_WORD_ONE_BACK = r"(?<![\w’'].)(?<!-.)"
