"""Regex scans that skip ahead in C.

The engine skips to a pattern's possible first characters only when the
pattern starts with a literal or a character class (without case folding of
cased letters). A long alternation, a leading lookbehind or a leading
repetition is instead tried at every position of the text; on a whole report
that is most of an extractor's time. :func:`prefiltered` runs such a pattern
only where a cheap pattern that does start with a class says it can match.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator


def prefiltered(pattern: re.Pattern[str], candidates: re.Pattern[str]) -> Callable[[str], Iterator[re.Match[str]]]:
    """``pattern.finditer`` that tries ``pattern`` only where ``candidates`` matches.

    A long alternation (with case folding or lookbehinds) gives the regex engine
    no first character to skip to, so ``finditer`` tries every branch at every
    position. ``candidates`` must match (its match starting there) at every
    position where ``pattern`` can match, and should start with a character
    class so that its own search skips in C. The matches are those of
    ``pattern.finditer``: leftmost first, never overlapping (``pattern`` must
    not match the empty string).
    """
    search, match = candidates.search, pattern.match

    def finditer(text: str) -> Iterator[re.Match[str]]:
        pos = 0
        while (c := search(text, pos)) is not None:
            start = c.start()
            m = match(text, start)
            if m is None:
                pos = start + 1
                continue
            yield m
            pos = m.end()

    return finditer
