"""Compiled regular expressions, kept between runs like Python's own bytecode.

Python's ``re`` compiles every pattern anew in each process, in pure Python. This
package's patterns (several built from word lists, and every class that holds a
curly apostrophe beside two other marks builds a 65,536-entry table) took a sixth of
a short command's instructions (valgrind: ``quoteaudit compare`` of two 1,000-word
articles 887M without the cache, 735M with it; ``check`` of one 664M and 552M).

``regex(pattern, flags)`` returns the same ``re.Pattern`` that ``re.compile`` gives.
The engine code that ``re``'s compiler produces for a pattern (a list of integers)
is kept in one file of the cache directory (``cachedir.MarshalTable``), named by the
Python version and checked against its full version string and the engine's magic
number, and handed straight to the engine (``_sre.compile``, which validates it) on
the next run. The file is written at exit, only when this run compiled a pattern it
lacked. Anything that does not fit (another Python, an unreadable or damaged file,
an engine that refuses the code, a cache directory that cannot be written) falls
back to ``re.compile`` without a word: the cache costs a run nothing but time.

Only fixed patterns belong here (module constants and those built once from the
lexicons); a pattern made from a document's words goes to ``re`` as before.
"""
from __future__ import annotations

import atexit
import re
import sys

from .cachedir import MarshalTable

FORMAT = 1

try:  # the compiler's two stages and the engine's constructor (Python 3.11 on)
    import _sre
    from re import _compiler, _parser
    _ENGINE = (FORMAT, _sre.MAGIC, _sre.CODESIZE, sys.maxunicode)
except ImportError:  # Python 3.10
    _sre = _compiler = _parser = None
    _ENGINE = None


class PatternCache:
    """The engine code of fixed patterns, (pattern, flags) -> _sre.compile's other arguments."""

    def __init__(self, path: str | None = None) -> None:
        self.table = MarshalTable("regexes", _ENGINE or (), path)
        self._off = _ENGINE is None  # Python 3.10: re.compile as usual

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern:
        if self._off:
            return re.compile(pattern, flags)
        try:
            return self._compiled(pattern, int(flags))
        except re.error:
            raise  # a bad pattern is reported as re.compile reports it
        except Exception:  # a compiler or engine unlike Python 3.11-3.13's: no cache from here on
            self._off = True
            return re.compile(pattern, flags)

    def _compiled(self, pattern: str, flags: int) -> re.Pattern:
        key = (pattern, flags)
        args = self.table.get(key)
        if args is None:
            args = _compile(pattern, flags)
            self.table.put(key, args)
        try:
            return _sre.compile(pattern, *args)
        except Exception:  # a damaged entry the engine refuses: compile it afresh, and keep that
            args = _compile(pattern, flags)
            self.table.put(key, args)
            return _sre.compile(pattern, *args)

    def save(self) -> None:
        self.table.save()


def _compile(pattern: str, flags: int) -> tuple:
    """What re._compiler.compile hands the engine for this pattern."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (int(flags | parsed.state.flags), [int(c) for c in code], parsed.state.groups - 1,
            groupindex, tuple(indexgroup))


_cache = PatternCache()
atexit.register(_cache.save)


def regex(pattern: str, flags: int = 0) -> re.Pattern:
    """re.compile(pattern, flags), from the compiled code of an earlier run when there is one."""
    return _cache.compile(pattern, flags)
