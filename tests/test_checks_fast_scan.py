"""The figure scan of the checks takes shortcuts that must not change what it finds.

The number pattern consumes its first digit before its guards, and the
"id before" and "approximately before" cues are searched only when the text
ends with one of their words. These tests hold each shortcut to the plain
pattern on real sentences and on random strings (fixed seed).
"""

from __future__ import annotations

import random

import pytest

from nq_extract.checks import scan
from nq_extract.numbers import NUMBER_RE

SENTENCES = [
    "Thực hiện Kế hoạch số 216-KH/TU, ngày 28/11/2023 của Tỉnh ủy, đạt 96,3% (1.234/1.281 hồ sơ)",
    "toàn huyện có 12 xã, 1 thị trấn; 3.182 người; 1.234.567 đồng; 2.5 tấn; 1,2,3; 12.34.567",
    "Điều 15, khoản 2, điểm a; Phụ lục 3; xếp thứ 15/63; lần thứ 18; Khóa XIII; Tổ dân phố 5; thí điểm 3 mô hình",
    "tổng số 45 đảng viên; Tổng số 7 chi bộ; Số 12; số 126/2024/NĐ-CP; Quốc lộ 14; Tiểu khu 3",
    "khoảng 300 người, Gần 20 hộ, trên   15 xã\n, ước đạt 90%, bình quân 4,5 triệu, gần như 100%",
    "Thôn 4 và thôn 5; Lớp 9; kỳ họp 7; Chương trình 135; Ban Chỉ đạo 35; Nghị quyết 42",
]

_PIECES = [
    "số", "Số", "tổng số", "Tổng số", "thí điểm", "điểm", "Điều", "khoản", "Khoản", "thứ", "xếp", "Khóa", "khoá",
    "Chương", "Chương trình", "Tổ", "tổ dân phố", "Quốc lộ", "lần", "Lần", "khoảng", "gần", "Gần như", "trên", "ước",
    "ước đạt", "bình quân", "người", "xã", "12", "3.182", "1.234.567", "96,3", "2.5", "1,2,3", ".", ",", "/", "-",
    "(", ")", "%", " ", "\n", "\t", "\u00a0", "2025", "07", "x",
]  # fmt: skip


def _random_texts(n: int, seed: int = 5) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) + rng.choice(["", " ", "  "]) for _ in range(rng.randint(1, 12))) for _ in range(n)]


@pytest.mark.parametrize("text", SENTENCES + _random_texts(400))
def test_number_pattern_finds_what_numbers_finds(text: str) -> None:
    assert [m.span() for m in scan._NUMBER.finditer(text)] == [m.span() for m in NUMBER_RE.finditer(text)]


def _ends(text: str) -> list[str]:
    """Every prefix of the text, cut where a figure could start: what scan gives the cues."""
    return [text[max(0, i - 30) : i] for i in range(len(text) + 1)]


@pytest.mark.parametrize("text", SENTENCES + _random_texts(300, seed=9))
def test_cue_shortcuts_agree_with_the_search(text: str) -> None:
    for before in _ends(text):
        assert scan._id_before(before) == (scan._ID_BEFORE.search(before) is not None), before
        assert scan._approx_before(before) == (scan._APPROX_BEFORE.search(before) is not None), before


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ("Kế hoạch số ", True),
        ("tổng số ", False),
        ("xếp thứ ", True),
        ("thí điểm ", False),
        ("Tổ dân phố  \n", True),
        ("Nghị quyết", True),
        ("có ", False),
        ("đạt ", False),
    ],
)
def test_id_cue_table(before: str, expected: bool) -> None:
    assert scan._id_before(before) is expected


def test_every_word_of_the_cues_is_found() -> None:
    for word in scan._ID_TAILS:
        assert scan._ID_BEFORE.search("x " + word + " "), word
    for word in scan._APPROX_TAILS:
        assert scan._APPROX_BEFORE.search("x " + word + " "), word


def _depths_plain(text: str, start: int, end: int) -> list[int]:
    d, out = 0, []
    for ch in text[start:end]:
        if ch == ")":
            d = max(0, d - 1)
        out.append(d)
        if ch == "(":
            d += 1
    return out


def test_depths_agree_with_the_plain_loop() -> None:
    from nq_extract.checks.relations import _depths

    rng = random.Random(3)
    for _ in range(3000):
        text = "".join(rng.choice("ab()(") for _ in range(rng.randint(0, 30)))
        start, end = rng.randint(-3, 35), rng.randint(-3, 35)
        assert _depths(text, start, end) == _depths_plain(text, start, end), (text, start, end)
    assert _depths("a (b (c) d)) e", 0, 14) == [0, 0, 0, 1, 1, 1, 2, 1, 1, 1, 0, 0, 0, 0]


_SCAN_PIECES = [
    "12", "1.234", "3/5", "12 / 13", " ", "\n", "\n\n", "\t", "xã", "Xã", "XÃ", "phường", "thị trấn", "thị  xã", "đặc khu",
    "địa phương", "đơn vị", "Đơn vị", "huyện", ",", "và", "các", "1,5", "hành chính", ".", "!", "?", "|", "- ", "a) ",
    "Trong đó", "trong đó:", "bao gồm", "Gồm", "cụ thể", "tăng", "giảm thêm", "tăng ", "chưa ", "chưa được tham gia:",
    "Tổng", "II. ", "2.1. ",
]  # fmt: skip


def test_prefiltered_scans_agree_with_their_patterns() -> None:
    from nq_extract.checks import admin_counts, relations

    counts, nouns = admin_counts._count_scans()
    ph = admin_counts.phrases()
    pairs = [
        (ph.count_re.finditer, counts),
        (ph.noun_re.finditer, nouns),
        (relations._KEYWORD.finditer, relations._keyword_finditer),
        (relations._CHANGE.finditer, relations._change_finditer),
        (relations._NOT_YET.finditer, relations._not_yet_finditer),
        (scan.Bounds.STOP.finditer, scan.Bounds._STOP_FAST.finditer),
    ]
    rng = random.Random(1)
    texts = SENTENCES + ["".join(rng.choice(_SCAN_PIECES) for _ in range(rng.randint(1, 14))) for _ in range(1500)]
    found = 0
    for text in texts:
        for plain, fast in pairs:
            expected = [(m.span(), m.groups()) for m in plain(text)]
            assert [(m.span(), m.groups()) for m in fast(text)] == expected, text
            found += len(expected)
    assert found > 1000  # the strings do reach the patterns


def test_header_end_looks_only_at_the_end() -> None:
    from nq_extract.checks import relations

    pieces = ["Trong đó", "trong đó", "cụ thể", "Gồm", "như sau", "Như  sau", ":", ";", " ", "\n", "\t", "x", "đó", "có 12 xã", "gồm:"]
    rng = random.Random(8)
    bodies = ["Kết quả như sau:", "gồm các xã ;", "trong đó;  ", "số liệu; cụ thể", "a:b"]
    bodies += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))) for _ in range(3000)]
    hits = 0
    for body in bodies:
        expected = relations._HEADER_END.search(body) is not None
        assert relations._ends_header(body) == expected, repr(body)
        hits += expected
    assert hits > 300


def _ends_plain(text: str) -> list[int]:
    """Sentence ends as first written: the plain STOP pattern, the text before a blank line copied and stripped."""
    import re

    ends = []
    for m in scan.Bounds.STOP.finditer(text):
        stop = m.group()
        if stop[0] in ".!?" and "\n" not in stop:
            nxt = text[m.end() : m.end() + 1]
            if not (nxt.isupper() or nxt in '-+*•(\u201c"'):
                continue
            if stop[0] == "." and m.start() > 0 and text[m.start() - 1].isdigit() and nxt.isdigit():
                continue
        elif stop.startswith("\n") and stop.strip() == "" and stop.count("\n") >= 2:
            prev = text[: m.start()].rstrip()[-1:]
            nxt = text[m.end() : m.end() + 1]
            if (
                (prev.isalnum() or prev == ",")
                and nxt.isalnum()
                and not re.match(r"\d+(?:\.\d+)*\.\s|[a-zđ]\)\s|[IVX]+\.\s", text[m.end() : m.end() + 8])
            ):
                continue
        ends.append(m.end())
    return ends


def test_sentence_bounds_equal_the_plain_reading() -> None:
    pieces = [
        "Xã A có 12 thôn",
        ",",
        ".",
        " ",
        "\n",
        "\n\n",
        "\n \n",
        "\t",
        "tiếp theo",
        "Tiếp",
        "- ",
        "1. ",
        "a) ",
        "II. ",
        "|",
        "!",
        "?",
        "3.5",
        "\u00a0",
    ]
    rng = random.Random(12)
    texts = SENTENCES + ["\n\nđầu", "câu văn,\n\ntiếp theo", "câu.\n\nTiếp", "   \n\n   "]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 16))) for _ in range(2000)]
    for text in texts:
        assert scan.Bounds(text).ends == _ends_plain(text), repr(text)
