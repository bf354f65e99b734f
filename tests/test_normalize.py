"""Normalization keeps an offset map; footnotes leave the body and the sentence is rejoined."""

from __future__ import annotations

import unicodedata

import nq_extract
from nq_extract.document import Loaded
from nq_extract.models import Source
from nq_extract.normalize import build


def _doc(text: str):
    return build(Loaded(text=text, source=Source()))


def test_seed_footnotes_and_rejoined_sentence(seed_report):
    notes = seed_report.footnotes
    assert [f.marker for f in notes] == ["1", "2", "3", "4"]
    assert all(f.anchors for f in notes)
    assert "Nghị quyết số 42-NQ/TW, Nghị quyết số 43-NQ/TW tới đoàn viên" in seed_report.text
    body = seed_report.text[: notes[0].span.start]
    assert "11/13 xã" not in body
    assert "¹" not in seed_report.text and "⁴" not in seed_report.text


def test_heading_before_a_note_is_not_joined(seed_report):
    assert "quán triệt Nghị quyết\n\na) Cấp huyện" in seed_report.text


def test_nfd_input_becomes_nfc_with_map():
    nfd = unicodedata.normalize("NFD", "Nghị quyết số 42-NQ/TW")
    doc = _doc(nfd)
    assert doc.text == "Nghị quyết số 42-NQ/TW"
    i = doc.text.index("42")
    assert nfd[doc.srcmap[i] : doc.srcmap[i] + 2] == "42"


def test_spaces_and_line_breaks():
    doc = _doc("  Số: 329      /BC-UBND\r\n\r\n\r\nLâm\u00a0Đồng\t ngày ")
    assert doc.text == "Số: 329 /BC-UBND\n\nLâm Đồng ngày"
    j = doc.text.index("/BC")
    assert doc.srcmap[j] == "  Số: 329      /BC-UBND".index("/BC")


def test_markdown_footnotes():
    doc = _doc("Theo kế hoạch[^1] đã ban hành.\n\n[^1]: Kế hoạch số 12-KH/HU.\n")
    assert doc.text.startswith("Theo kế hoạch đã ban hành.")
    assert len(doc.notes) == 1 and doc.text[doc.notes[0].start : doc.notes[0].end] == "Kế hoạch số 12-KH/HU."


def test_empty_text_is_a_status():
    report = nq_extract.parse_text("   \n\n ")
    assert report.source.status == "empty_text"
