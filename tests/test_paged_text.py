"""Footnotes in form-feed paged text (text exported page by page from a PDF)."""

from __future__ import annotations

import nq_extract

PAGED = (
    "Thực hiện các nhiệm vụ của các cấp, các ngành1. Công tác tiếp tục được triển khai\n"
    "trên địa bàn tỉnh và được đánh giá cao trong năm qua, đạt kết quả tốt.\n"
    "\n"
    "1\n"
    "  Thường trực Tỉnh ủy đã thành lập các đoàn công tác để trực tiếp nắm bắt\n"
    "tình hình hoạt động\n"
    "\f                                        2\n"
    "của các xã, phường. Ủy ban nhân dân tỉnh đã ban hành nhiều văn bản QPPL2.\n"
    "\n"
    "\n"
    "tại địa phương trong thời gian đầu.\n"
    "\n"
    "2\n"
    "  Quyết định số 2139/QĐ-UBND ngày 30/12/2024 về Kế hoạch CCHC năm 2025.\n"
)


def test_notes_anchors_page_numbers_and_continuation():
    r = nq_extract.parse_text(PAGED)
    assert [f.marker for f in r.footnotes] == ["1", "2"]
    first, second = r.footnotes
    assert first.text.startswith("Thường trực Tỉnh ủy")
    assert first.text.endswith("tại địa phương trong thời gian đầu.")  # continued on page 2
    assert [a.text for a in first.anchors] == ["ngành"]
    assert [a.text for a in second.anchors] == ["QPPL"]
    body = r.text[: first.span.start]
    assert "các ngành. Công tác" in body
    assert "văn bản QPPL." in body
    assert "\n2\n" not in body and "Thường trực Tỉnh ủy" not in body


def test_numbers_in_text_are_not_notes():
    text = "Kết quả:\n\n3\n  dòng\n\f\nTrang sau có 12 hồ sơ và 3 vụ việc.\n"
    r = nq_extract.parse_text(text)
    assert r.footnotes == []
