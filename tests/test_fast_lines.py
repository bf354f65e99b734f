"""Lines of a loaded text (for tables laid out as text): the fast split gives the offsets the plain scan gives."""

from __future__ import annotations

import random
import re

import pytest

from nq_extract.load.text_tables import _lines


def _plain(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in re.finditer(r"\r\n|[\n\r\f]", text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", [(0, 0)]),
        ("a", [(0, 1)]),
        ("ab\ncd\n", [(0, 2), (3, 5), (6, 6)]),
        ("STT  Nội dung\n\n1    Xã A", [(0, 13), (14, 14), (15, 24)]),
        ("a\r\nb\fc", [(0, 1), (3, 4), (5, 6)]),
    ],
)
def test_lines_table(text: str, expected: list[tuple[int, int]]) -> None:
    assert _lines(text) == expected


def test_lines_equal_the_plain_scan() -> None:
    rng = random.Random(4)
    for _ in range(3000):
        text = "".join(rng.choice(["a", "\n", "\n\n", " ", "\r\n", "\r", "\f", "b  c"]) for _ in range(rng.randint(0, 12)))
        assert _lines(text) == _plain(text), repr(text)
