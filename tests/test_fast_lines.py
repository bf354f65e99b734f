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


def _header_line_plain(chunks):  # the form that judged every chunk before deciding
    from nq_extract.load.text_tables import _OUTLINE, MAX_HEADER_WORDS, header_role

    roles = [(c, header_role(c.text, at_start=True) if len(c.text.split()) <= MAX_HEADER_WORDS else None) for c in chunks]
    named = [(c, r) for c, r in roles if r is not None]
    others = [c for c, r in roles if r is None and not (c.text.startswith("(") and c.text.endswith(")"))]
    if others or (_OUTLINE.match(chunks[0].text) and chunks[0].col < 6):
        return None
    return named


def test_header_line_stops_at_the_first_plain_chunk() -> None:
    from nq_extract.load.text_tables import _chunks, _header_line

    words = [
        "STT",
        "Nội dung",
        "Số lượng",
        "Đơn vị tính",
        "Ghi chú",
        "Điểm",
        "Tỷ lệ (%)",
        "(1)",
        "(ghi rõ)",
        "1.2",
        "Xã A",
        "12",
        "Kết quả thực hiện",
    ]
    rng = random.Random(6)
    lines = ["STT   Nội dung    Số lượng   Ghi chú", "1.    Xã A        12", "  (1)    Điểm   Tỷ lệ (%)"]
    lines += ["   ".join(rng.choice(words) for _ in range(rng.randint(1, 5))) for _ in range(1500)]
    headers = 0
    for line in lines:
        chunks = _chunks(line, 0, len(line), 0)
        expected = _header_line_plain(chunks)
        assert _header_line(chunks) == expected, line
        headers += expected is not None and len(expected) >= 2
    assert headers > 50
