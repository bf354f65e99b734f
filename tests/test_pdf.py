"""PDF reading: the seed typeset as an official report gives what its text gives.

The fixture ``tests/fixtures/seed_report.pdf`` is made by
``tests/fixtures/make_fixtures.py`` (two-column header, footnotes at the page
feet with raised markers, page numbers). The comparison is between two runs of
the pipeline, so it holds whatever the extractors find at the time.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import nq_extract
from nq_extract.models import all_spans

from .conftest import DEV, SEED
from .helpers import assert_valid

FIXTURES = Path(__file__).parent / "fixtures"
PDF = FIXTURES / "seed_report.pdf"


def _keys(report):
    return {
        "references": sorted({r.id for r in report.references}),
        "dates": sorted((d.value, d.grain, d.end) for d in report.dates),
        "quantities": sorted((q.value, q.unit) for q in report.quantities),
        "ratios": sorted((r.numerator, r.denominator, r.percent) for r in report.ratios),
        "percentages": sorted(p.value for p in report.percentages),
        "units": sorted({u.name for u in report.units}),
        "checks": sorted((c.kind, c.status, str(c.stated)) for c in report.checks),
        "footnotes": [f.marker for f in report.footnotes],
    }


@pytest.fixture(scope="module")
def pdf_report():
    return nq_extract.parse(PDF)


@pytest.fixture(scope="module")
def text_report():
    return nq_extract.parse(SEED)


def test_pdf_gives_what_the_text_gives(pdf_report, text_report):
    assert pdf_report.source.status == "ok", pdf_report.source.message
    got, want = _keys(pdf_report), _keys(text_report)
    title = pdf_report.text.index("BÁO CÁO")
    for field in want:
        if field == "dates":  # the PDF also has the header date, which the text copy lacks
            assert set(want[field]) <= set(got[field]), field
            assert set(got[field]) - set(want[field]) <= {("2024-01-15", "day", None)}
        elif field == "units":  # and the issuer's units in the header
            assert set(want[field]) <= set(got[field]), field
            extra = set(got[field]) - set(want[field])
            assert all(m.start < title for u in pdf_report.units if u.name in extra for m in u.mentions), extra
        else:
            assert got[field] == want[field], field


def test_pdf_header(pdf_report):
    doc = pdf_report.document
    assert doc.id == "245-BC/HU"
    assert doc.date == "2024-01-15"
    assert doc.kind == "Báo cáo"
    assert doc.signer is not None and doc.signer.name == "Cao Trang Trọng"
    assert pdf_report.source.format == "pdf" and pdf_report.source.pages == 3 and not pdf_report.source.ocr


def test_every_span_has_page_and_box(pdf_report):
    assert_valid(pdf_report)
    spans = all_spans(pdf_report)
    assert spans
    for span in spans:
        assert span.page in (1, 2, 3), span
        assert span.bbox is not None and span.bbox[0] < span.bbox[2] and span.bbox[1] < span.bbox[3], span


def test_header_on_page_one_and_signature_on_the_last(pdf_report):
    signer = pdf_report.document.signer
    assert signer.span is not None and signer.span.page == 3
    first = pdf_report.references[0].mentions[0]
    assert first.page == 1 and 56 < first.bbox[1] < 842 / 2


def test_footnotes_detached_and_linked(pdf_report):
    text = pdf_report.text
    assert [f.marker for f in pdf_report.footnotes] == ["1", "2", "3", "4"]
    for glued in ("chỉ đạo1", "XIII2", "học3", "người4"):
        assert glued not in text
    note4 = pdf_report.footnotes[3]
    assert note4.text.startswith("Ủy ban MTTQ") and note4.text.endswith("đoàn viên thanh niên.")
    assert [a.text for a in note4.anchors] == ["người"]
    assert note4.span.page == 2 and note4.anchors[0].page == 2


def test_page_numbers_dropped_and_sentence_rejoined(pdf_report):
    lines = pdf_report.text.split("\n")
    assert "2" not in lines and "3" not in lines
    # a paragraph that runs over a page break is one line again
    assert "truyền hình 7 tin, 2 bài với thời lượng 20 phút." in pdf_report.text


def test_pdfplumber_backend_agrees(pdf_report):
    other = nq_extract.parse(PDF, pdf_backend="pdfplumber")
    assert other.source.status == "ok"
    assert _keys(other)["references"] == _keys(pdf_report)["references"]
    assert other.document.id == "245-BC/HU"


# --- files that cannot be read ------------------------------------------------------------


def _reportlab_pdf(encrypt: str | None = None, blank: bool = False) -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    c = Canvas(buf, encrypt=encrypt, invariant=1)
    if not blank:
        c.drawString(72, 720, "Bao cao so 12-BC/HU")
    c.showPage()
    c.save()
    return buf.getvalue()


def _zero_pages() -> bytes:
    import pypdfium2 as pdfium

    buf = io.BytesIO()
    pdfium.PdfDocument.new().save(buf)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("make", "options", "status"),
    [
        (lambda: PDF.read_bytes()[:3000], {}, "bad_pdf"),
        (lambda: b"%PDF-1.4\n" + b"\x00garbage" * 50, {}, "bad_pdf"),
        (_zero_pages, {}, "bad_pdf"),
        (lambda: _reportlab_pdf(encrypt="secret"), {}, "encrypted"),
        (lambda: _reportlab_pdf(encrypt="secret"), {"password": "wrong"}, "encrypted"),
        (lambda: _reportlab_pdf(encrypt="secret"), {"password": "secret"}, "ok"),
        (lambda: _reportlab_pdf(blank=True), {}, "empty_text"),
        (lambda: PDF.read_bytes(), {"max_pages": 2}, "too_large"),
        (lambda: PDF.read_bytes(), {"timeout": 1e-9}, "timeout"),
        (lambda: PDF.read_bytes(), {"timeout": 1e-9, "pdf_backend": "pdfplumber"}, "timeout"),
        (lambda: _reportlab_pdf(encrypt="secret"), {"pdf_backend": "pdfplumber", "password": "secret"}, "ok"),
        (lambda: PDF.read_bytes(), {"pdf_backend": "nonsense"}, "bad_pdf"),
    ],
)
def test_bad_files_get_a_status(tmp_path, make, options, status):
    path = tmp_path / "doc.pdf"
    path.write_bytes(make())
    report = nq_extract.parse(path, **options)
    assert report.source.status == status, report.source.message
    if status != "ok":
        assert report.source.message and "\n" not in report.source.message
    assert report.source.format == "pdf"


# --- the dev corpus ------------------------------------------------------------------------


def _dev_pdfs() -> list[Path]:
    return sorted(DEV.glob("*/original.pdf")) if DEV.exists() else []


@pytest.mark.skipif(not _dev_pdfs(), reason=f"dev corpus not found at {DEV}")
@pytest.mark.parametrize("path", _dev_pdfs(), ids=lambda p: p.parent.name[:3])
def test_dev_pdfs_keep_the_references_of_their_text(path):
    pdf = nq_extract.parse(path)
    text = nq_extract.parse(path.parent / "text.txt")
    assert pdf.source.status == "ok"
    assert_valid(pdf)
    want = {r.id for r in text.references}
    got = {r.id for r in pdf.references}
    if want:
        assert len(want & got) >= 0.9 * len(want), sorted(want - got)
    assert all(s.page is not None for s in all_spans(pdf))


def test_ruled_table_rows_and_cells(tmp_path):
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    from .fixtures.make_fixtures import FONT_DIR, _fonts

    if not FONT_DIR.exists():
        pytest.skip(f"DejaVu fonts not found at {FONT_DIR} (Debian: fonts-dejavu-core)")
    font = _fonts()["r"]
    path = tmp_path / "bang.pdf"
    data = [
        ["Đơn vị", "Số buổi", "Lượt người"],
        ["Hội Nông dân", "20", "981"],
        ["Huyện đoàn", "180", "1.300"],
        ["Tổng cộng", "200", "2.281"],
    ]
    table = Table(data)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("FONTNAME", (0, 0), (-1, -1), font)]))
    SimpleDocTemplate(str(path), pagesize=A4, invariant=1).build([table])
    report = nq_extract.parse(path)
    assert report.source.status == "ok"
    assert [t.rows for t in report.tables] == [data]
    cell = report.tables[0].cells[2][2]
    assert cell.text == "1.300" and cell.page == 1 and cell.bbox


def test_fast_boxes_equal_the_general_rule(pdf_report):
    from nq_extract import normalize
    from nq_extract.document import Layout
    from nq_extract.load import load_path

    doc = normalize.build(load_path(PDF))
    for span in all_spans(pdf_report):
        s, e = doc.source_range(span.start, span.end)
        assert doc.layout.bbox(s, e, span.page) == Layout.bbox(doc.layout, s, e, span.page) == span.bbox
