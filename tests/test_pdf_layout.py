"""Layout rules on pages drawn by hand: lines, reflow, broken symbols, furniture, notes, stamps.

Each page is a list of lines (text, x, y, size); characters get boxes from a
fixed advance, so the geometry is what the rule sees and nothing else.
"""

from __future__ import annotations

import pytest

from nq_extract.load.pdf_chars import PageChars
from nq_extract.load.pdf_layout import body_size, build

W, H = 595.0, 842.0


def page(number: int, lines: list[tuple], width: float = W) -> PageChars:
    """``lines``: (text, x, top, size) or (text, x, top, size, raised) where ``raised`` is
    the set of character positions set small and raised (a footnote marker)."""
    pc = PageChars(number, width, H)
    for spec in lines:
        text, x, top, size = spec[:4]
        raised = spec[4] if len(spec) > 4 else ()
        for k, ch in enumerate(text):
            if k in raised:  # 62% of the size, its baseline raised by a third of the size
                s = 0.62 * size
                bottom = top + size - 0.35 * size
                pc.add(ch, x, bottom - s, x + 0.5 * s, bottom, s)
                x += 0.5 * s
            else:
                pc.add(ch, x, top, x + 0.5 * size, top + size, size)
                x += 0.5 * size
    return pc


FULL = 80  # characters of a full line at 13 pt from x=72 (72 + 80 * 6.5 = 592): the right edge


def full(words: str) -> str:
    return (words + " ") * (FULL // (len(words) + 1))


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        # a full line runs on into the next: one paragraph
        (full("văn bản chỉ đạo"), "tổ chức học tập.", " "),
        # a symbol broken after its hyphen or slash is one word again
        (full("x")[:-12] + "2769/UBND-", "NCKSTTHC ngày 24/7/2024", ""),
        (full("x")[:-12] + "126/2024/", "NĐ-CP quy định", ""),
        # an ordinary dash between words keeps its space
        (full("x")[:-12] + "chính trị -", "xã hội huyện", " "),
    ],
)
def test_reflow(first, second, joined):
    r = build([page(1, [(first, 72, 100, 13), (second, 72, 117, 13)])])
    assert r.text == first.rstrip() + joined + second


@pytest.mark.parametrize(
    ("second", "x", "gap", "sep"),
    [
        ("- Các chi bộ cơ sở phổ biến.", 72, 17, "\n"),  # a list item starts a paragraph
        ("Thành phần gồm các đồng chí.", 100, 17, "\n"),  # an indented first line
        ("Thành phần gồm các đồng chí.", 100, 21, "\n"),  # paragraph spacing is no blank line
        ("Thành phần gồm các đồng chí.", 72, 30, "\n\n"),  # a wide gap is
    ],
)
def test_paragraph_breaks(second, x, gap, sep):
    first = full("kết quả")
    r = build([page(1, [(first, 72, 100, 13), (first, 72, 117, 13), (second, x, 117 + gap, 13)])])
    assert r.text == first.rstrip() + " " + first.rstrip() + sep + second


def test_page_numbers_and_running_heads_are_left_out():
    pages = []
    for n in range(1, 5):
        lines = [("Báo cáo công tác năm 2025", 200, 30, 10), (str(n), 290, 45, 11)] if n > 1 else []
        lines += [(full("nội dung"), 72, 100, 13), (f"Đoạn {n} kết thúc.", 72, 117, 13)]
        pages.append(page(n, lines))
    r = build(pages)
    assert "Báo cáo công tác" not in r.text
    assert all(line.strip() not in {"2", "3", "4"} for line in r.text.split("\n"))
    assert "Đoạn 4 kết thúc." in r.text


def test_footnote_area_marker_and_continuation():
    anchored = full("chỉ đạo") + "các ngành1"
    p1 = page(
        1,
        [
            (anchored, 72, 100, 13, {len(anchored) - 1}),
            ("Nội dung tiếp theo.", 72, 117, 13),
            ("1Thường trực Tỉnh ủy đã thành lập các đoàn công tác để trực tiếp nắm bắt tình hình và", 72, 760, 10, {0}),
        ],
    )
    p2 = page(2, [("Trang hai của thân bài.", 72, 100, 13), ("hỗ trợ địa phương cấp xã.", 72, 770, 10)])
    r = build([p1, p2])
    assert [a.marker for a in r.anchors] == ["1"]
    assert r.text[r.anchors[0].start - 5 : r.anchors[0].end] == "ngành1"
    assert [n.marker for n in r.notes] == ["1", "1"]  # the note goes on at the foot of page 2
    assert r.text[r.notes[0].start : r.notes[0].end].startswith("Thường trực Tỉnh ủy")
    assert r.text[r.notes[1].start : r.notes[1].end] == "hỗ trợ địa phương cấp xã."
    body = r.text[: r.notes[0].start]
    assert "Trang hai của thân bài." in body and "hỗ trợ" not in body


def test_small_text_without_marker_stays_in_the_body():
    r = build([page(1, [(full("thân bài"), 72, 100, 13), ("Ghi chú: số liệu tạm tính.", 72, 760, 10)])])
    assert r.notes == [] and "Ghi chú: số liệu tạm tính." in r.text


def test_signature_stamp_text_is_kept_apart():
    r = build([page(1, [(full("thân bài"), 72, 100, 13), ("Ký bởi: Sở Nội vụ", 300, 700, 8), ("Thời gian ký: 28.11.2024", 300, 710, 8)])])
    assert [r.text[s:e] for s, e in r.stamps] == ["Ký bởi: Sở Nội vụ", "Thời gian ký: 28.11.2024"]


def test_every_character_has_a_page():
    r = build([page(1, [(full("a"), 72, 100, 13)]), page(2, [("kết thúc.", 72, 100, 13)])])
    assert len(r.layout.pages) == len(r.text)
    assert all(p in (1, 2) for p in r.layout.pages)
    assert r.layout.page(len(r.text) - 1) == 2


def test_body_size_is_the_most_common_size():
    pcs = [page(1, [(full("thân bài"), 72, 100, 13), ("ghi chú", 72, 700, 10)])]
    assert body_size(pcs) == 13


def test_blank_line_after_a_section_heading():
    text = full("kết quả")
    r = build([page(1, [(text, 72, 100, 13), ("a) Cấp huyện", 72, 117, 13), ("Kết nối học tập các nghị quyết.", 100, 134, 13)])])
    assert r.text == text.rstrip() + "\na) Cấp huyện\n\nKết nối học tập các nghị quyết."
