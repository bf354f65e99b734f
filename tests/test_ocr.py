"""Scans: pages without a text layer go through tesseract (skipped when it is not installed)."""

from __future__ import annotations

from pathlib import Path

import pytest

import nq_extract
from nq_extract.load import ocr

from .conftest import SEED

SCAN = Path(__file__).parent / "fixtures" / "seed_report_scan.pdf"
needs_ocr = pytest.mark.skipif(
    not ocr.available(), reason="tesseract with Vietnamese not installed (apt-get install tesseract-ocr tesseract-ocr-vie)"
)


def _items(report) -> set[tuple]:
    out: set[tuple] = set()
    out |= {("ref", r.id) for r in report.references}
    out |= {("date", d.value, d.grain, d.text) for d in report.dates}
    out |= {("qty", q.value, q.unit, q.text) for q in report.quantities}
    out |= {("unit", u.name) for u in report.units}
    out |= {("check", c.kind, c.status, str(c.stated)) for c in report.checks}
    return out


@pytest.fixture(scope="module")
def scan_report():
    return nq_extract.parse(SCAN)


@needs_ocr
@pytest.mark.ocr
def test_scan_keeps_most_of_what_the_text_gives(scan_report):
    assert scan_report.source.status == "ok"
    assert scan_report.source.ocr is True and scan_report.source.pages == 3
    want = _items(nq_extract.parse(SEED))
    got = _items(scan_report)
    assert want
    assert len(want & got) >= 0.8 * len(want), sorted(want - got)
    assert scan_report.document.id == "245-BC/HU"
    codes = {w.code for w in scan_report.warnings}
    assert "ocr_corrected" in codes  # the header's "nắm" read back as "năm", and said so
    assert scan_report.document.date == "2024-01-15"


@needs_ocr
@pytest.mark.ocr
def test_scan_spans_have_pages_and_boxes(scan_report):
    from nq_extract.models import all_spans

    spans = all_spans(scan_report)
    assert spans and all(s.page in (1, 2, 3) and s.bbox for s in spans)


def test_scan_without_ocr_is_a_clear_status(tmp_path):
    report = nq_extract.parse(SCAN, ocr=False)
    assert report.source.status == "ocr_unavailable"
    assert "OCR" in report.source.message


def test_unavailable_tesseract_says_how_to_install(monkeypatch):
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    ocr.available.cache_clear()
    try:
        report = nq_extract.parse(SCAN)
    finally:
        monkeypatch.undo()
        ocr.available.cache_clear()
    assert report.source.status == "ocr_unavailable"
    assert "apt-get install tesseract-ocr tesseract-ocr-vie" in report.source.message


@pytest.mark.parametrize(
    ("read", "fixed"),
    [
        ("Tam Đường, ngày 15 tháng 01 nắm 2024", "Tam Đường, ngày 15 tháng 01 năm 2024"),
        ("Hà Nội, ngày 5 tháng 3 nam 2020", "Hà Nội, ngày 5 tháng 3 năm 2020"),
        ("ngay 24 tháng 11 năm 2023", "ngày 24 tháng 11 năm 2023"),
        ("nắm 2024 là năm bản lề", "nắm 2024 là năm bản lề"),  # no date around it: left alone
        ("khóa XII", "khóa XII"),  # a numeral is never changed silently
    ],
)
def test_certain_corrections_only(read, fixed):
    text, fixes = ocr.correct(read)
    assert text == fixed and len(text) == len(read)
    assert bool(fixes) == (read != fixed)


def test_words_become_page_characters_with_marks():
    words = [
        {"text": "chỉ", "conf": 96.0, "left": 100, "top": 100, "width": 40, "height": 40, "line": (1, 1, 1)},
        {"text": "đạo", "conf": 95.0, "left": 150, "top": 100, "width": 50, "height": 40, "line": (1, 1, 1)},
        {"text": "1", "conf": 40.0, "left": 202, "top": 92, "width": 10, "height": 20, "line": (1, 1, 1)},
    ]
    pc, warnings = ocr.words_to_page(words, 1, 595.0, 842.0, 300 / 72)
    assert "".join(pc.text) == "chỉ đạo1"
    assert pc.size[-1] < 0.7 * pc.size[0]  # the raised number is set small
    assert [w["code"] for w in warnings] == ["ocr_low_confidence"]
    assert pc.x0[0] == pytest.approx(100 / (300 / 72))


def test_roman_numerals_are_flagged_not_changed():
    words = [
        {"text": "khóa", "conf": 96.0, "left": 100, "top": 100, "width": 60, "height": 40, "line": (1, 1, 1)},
        {"text": "XII.", "conf": 91.0, "left": 170, "top": 100, "width": 50, "height": 40, "line": (1, 1, 1)},
    ]
    pc, warnings = ocr.words_to_page(words, 2, 595.0, 842.0, 300 / 72)
    assert "".join(pc.text) == "khóa XII."
    assert [w["code"] for w in warnings] == ["ocr_numeral"] and "XII" in warnings[0]["message"]


def _w(text: str, left: int, top: int, line: int) -> dict:
    return {"text": text, "conf": 95.0, "left": left, "top": top, "width": 30 * len(text), "height": 40, "line": (1, 1, line)}


def test_two_columns_read_one_after_the_other():
    lines = [
        [_w("Nơi", 100, 100, 1), _w("nhận:", 220, 100, 1), _w("T/M", 1300, 100, 1), _w("BAN", 1420, 100, 1)],
        [_w("-", 100, 150, 2), _w("Lưu.", 140, 150, 2), _w("PHÓ", 1300, 150, 2)],
        [_w("-", 100, 200, 3), _w("Huyện", 140, 200, 3)],
        [_w("Cao", 1300, 260, 4), _w("Trang", 1420, 260, 4)],
        [_w("Một", 100, 320, 5), _w("dòng", 800, 320, 5), _w("dài", 1300, 320, 5)],  # crosses the gutter
    ]
    order = [" ".join(w["text"] for w in line) for line in ocr.columns(lines)]
    assert order == ["Nơi nhận:", "- Lưu.", "- Huyện", "T/M BAN", "PHÓ", "Cao Trang", "Một dòng dài"]


def _scan_pages():
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(SCAN))
    try:
        return [doc[i].render(scale=300 / 72, grayscale=True).to_pil() for i in range(len(doc))]
    finally:
        doc.close()


@needs_ocr
@pytest.mark.ocr
def test_a_page_scanned_to_an_image_reads_like_the_scanned_pdf(tmp_path, scan_report):
    from .helpers import assert_valid

    first = _scan_pages()[0]
    path = tmp_path / "trang-1.png"
    first.save(path, dpi=(300, 300))
    report = nq_extract.parse(path)
    assert (report.source.status, report.source.format, report.source.pages, report.source.ocr) == ("ok", "image", 1, True)
    assert (report.document.id, report.document.date) == (scan_report.document.id, scan_report.document.date)
    on_page_1 = {("ref", r.id) for r in scan_report.references if any(m.page == 1 for m in r.mentions)}
    assert on_page_1 and on_page_1 <= {("ref", r.id) for r in report.references}
    assert_valid(report)
    from nq_extract.models import all_spans

    assert all(s.page == 1 and s.bbox for s in all_spans(report))


def test_image_pages_become_pdf_pages_at_the_image_resolution(tmp_path):
    from nq_extract.load.image import to_pdf

    pages = _scan_pages()
    buf = tmp_path / "scan.tiff"
    pages[0].save(buf, save_all=True, append_images=pages[1:], dpi=(200, 200), compression="tiff_lzw")
    import pypdfium2

    pdf = pypdfium2.PdfDocument(to_pdf(buf.read_bytes()))
    assert len(pdf) == len(pages) == 3
    width_pt = pdf[0].get_size()[0]
    assert abs(width_pt - pages[0].width / 200 * 72) < 1  # 200 dpi stated: the page keeps its paper size


@pytest.mark.parametrize(
    ("name", "data", "status"),
    [
        ("hong.png", b"\x89PNG\r\n\x1a\n" + b"junk" * 10, "bad_image"),
        ("anh.jpg", "Báo cáo số 12".encode(), "bad_image"),
    ],
)
def test_an_unreadable_image_is_a_clear_status(tmp_path, name, data, status):
    path = tmp_path / name
    path.write_bytes(data)
    report = nq_extract.parse(path)
    assert (report.source.status, report.source.format) == (status, "image")
    assert "image" in report.source.message and "\n" not in report.source.message


def test_an_image_without_ocr_is_a_clear_status(tmp_path):
    path = tmp_path / "trang.png"
    _scan_pages()[0].save(path)
    report = nq_extract.parse(path, ocr=False)
    assert (report.source.status, report.source.format) == ("ocr_unavailable", "image")
    assert "OCR" in report.source.message
