"""DOCX reading: paragraphs and tables in order, real footnotes, header and footer."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import nq_extract
from nq_extract.load import load_path

from .conftest import DEV, SEED
from .helpers import assert_valid

DOCX = Path(__file__).parent / "fixtures" / "seed_report.docx"


@pytest.fixture(scope="module")
def docx_report():
    return nq_extract.parse(DOCX)


def test_docx_gives_what_the_text_gives(docx_report):
    text = nq_extract.parse(SEED)
    assert docx_report.source.status == "ok" and docx_report.source.format == "docx"
    assert_valid(docx_report)
    assert {r.id for r in docx_report.references} == {r.id for r in text.references}
    assert sorted((q.value, q.unit) for q in docx_report.quantities) == sorted((q.value, q.unit) for q in text.quantities)
    assert {(d.value, d.grain) for d in text.dates} <= {(d.value, d.grain) for d in docx_report.dates}
    assert sorted((c.kind, c.status) for c in docx_report.checks) == sorted((c.kind, c.status) for c in text.checks)


def test_docx_header_table_and_footnotes(docx_report):
    assert docx_report.document.id == "245-BC/HU"
    assert docx_report.document.date == "2024-01-15"
    notes = docx_report.footnotes
    assert [n.marker for n in notes] == ["1", "2", "3", "4"]
    assert notes[0].text.startswith("Kế hoạch số 227-KH/HU")
    assert [a.text for a in notes[3].anchors] == ["người"]
    assert "chỉ đạo1" not in docx_report.text and "chỉ đạo tổ chức" in docx_report.text


def test_page_header_and_footer_kept_apart():
    loaded = load_path(DOCX)
    assert loaded.extra["page_header"] == "Huyện ủy Tam Đường"
    assert loaded.extra["page_footer"] == "Trang 1"
    assert "Trang 1" not in loaded.text
    assert loaded.text.startswith("ĐẢNG BỘ TỈNH LAI CHÂU\nHUYỆN ỦY TAM ĐƯỜNG\n*\nSố 245-BC/HU\nĐẢNG CỘNG SẢN VIỆT NAM\n")


def test_table_rows_and_cells():
    import docx

    d = docx.Document()
    d.add_paragraph("Kết quả tuyên truyền:")
    t = d.add_table(rows=3, cols=3)
    for r, row in enumerate([("Đơn vị", "Số buổi", "Lượt người"), ("Hội Nông dân", "20", "981"), ("Huyện đoàn", "180", "1.300")]):
        for c, value in enumerate(row):
            t.cell(r, c).text = value
    buf = io.BytesIO()
    d.save(buf)
    from nq_extract.load import load_bytes

    loaded = load_bytes(buf.getvalue(), "bang.docx")
    assert "Hội Nông dân | 20 | 981" in loaded.text
    rows = loaded.tables[0].rows
    assert [c[0] for c in rows[2]] == ["Huyện đoàn", "180", "1.300"]
    for text, s, e in rows[1]:
        assert loaded.text[s:e] == text


@pytest.mark.parametrize(
    ("data", "status"),
    [
        (b"PK\x03\x04" + b"\x00" * 200, "bad_docx"),
        (lambda: DOCX.read_bytes()[:4000], "bad_docx"),
        (b"not a zip at all", "bad_docx"),
    ],
)
def test_bad_docx_gets_a_status(tmp_path, data, status):
    path = tmp_path / "bad.docx"
    path.write_bytes(data() if callable(data) else data)
    report = nq_extract.parse(path)
    assert report.source.status == status
    assert report.source.message and "\n" not in report.source.message


def _dev_docx() -> list[Path]:
    return sorted(DEV.glob("*/original.docx")) if DEV.exists() else []


@pytest.mark.skipif(not _dev_docx(), reason=f"dev corpus not found at {DEV}")
@pytest.mark.parametrize("path", _dev_docx(), ids=lambda p: p.parent.name[:3])
def test_dev_docx_keep_the_references_of_their_text(path):
    got = nq_extract.parse(path)
    want = nq_extract.parse(path.parent / "text.txt")
    assert got.source.status == "ok"
    assert_valid(got)
    w, g = {r.id for r in want.references}, {r.id for r in got.references}
    if w:
        assert len(w & g) >= 0.9 * len(w), sorted(w - g)


def test_tables_reach_the_report_with_cell_spans(tmp_path):
    import docx

    d = docx.Document()
    d.add_paragraph("Kết quả tuyên truyền năm 2024 như sau:")
    t = d.add_table(rows=4, cols=2)
    for r, row in enumerate([("Đơn vị", "Số buổi"), ("Hội Nông dân", "20"), ("Huyện đoàn", "180"), ("Tổng cộng", "200")]):
        for c, value in enumerate(row):
            t.cell(r, c).text = value
    path = tmp_path / "bang.docx"
    d.save(str(path))
    report = nq_extract.parse(path)
    assert_valid(report)
    table = report.tables[0]
    assert table.rows[3] == ["Tổng cộng", "200"]
    assert [c.text for c in table.cells[2]] == ["Huyện đoàn", "180"]
