"""Named regex fragments for figures in Vietnamese reports.

Every pattern here is linear-time: bounded repetitions, no nested unbounded
quantifiers, and lookbehinds that stop a match from starting inside a run of
digits. Extractors assemble their patterns from these fragments.
"""

from __future__ import annotations

import re

# A letter of Vietnamese text, upper or lower case.
UPPER = "A-ZĐÀ-ỸƯƠÂĂÊÔ"
LETTER = r"A-Za-zĐđÀ-ỹƯưƠơ"

# A figure: dot-grouped thousands, comma decimals (numbers.NUMBER_PATTERN without its guards).
NUM = r"(?:\d{1,3}(?:\.\d{3})+|\d{1,12})(?:,\d{1,6})?"
# A figure, not inside another figure, a date or an id.
NUM_GUARDED = rf"(?<![\d.,/\-{LETTER}])" + NUM + r"(?![\d]|[.,/]\d)"

# Document ids: Party style "42-NQ/TW", "35- HD/BTCTW"; State style "329/BC-UBND",
# "126/2024/NĐ-CP", "25/2018/QH14", "45/25010/NĐ-CP".
_SYM = rf"[{UPPER}][{LETTER}0-9]{{0,15}}"
_DOC_ID_REST = (
    r"(?:"
    rf"[ \t]?-[ \t]?{_SYM}[ \t]?/[ \t]?{_SYM}(?:-{_SYM}){{0,3}}"  # Party
    rf"|[ \t]?/[ \t]?(?:\d{{2,5}}[ \t]?/[ \t]?)?{_SYM}(?:[ \t]?-[ \t]?{_SYM}){{0,3}}"  # State
    r")"
)
DOC_ID = rf"(?<![\d{LETTER}])\d{{1,6}}" + _DOC_ID_REST
# The same pattern with its first digit consumed before the lookbehind
# (``(?<!X)\d{1,6}`` is ``\d(?<!X\d)\d{0,5}``): a pattern that starts with a
# lookbehind is tried at every position, this one lets the search skip to digits in C.
DOC_ID_RE = re.compile(rf"\d(?<![\d{LETTER}]\d)\d{{0,5}}" + _DOC_ID_REST)

# Years a report speaks of.
YEAR = r"(?:19[4-9]\d|20\d\d|21\d\d)"
DASH = r"[ \t]*[-–—][ \t]*\n?[ \t]*"
SEP_DATE = r"[/.\-]"
