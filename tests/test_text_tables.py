"""Tables laid out as text: whitespace columns (a PDF read as text) and pipe rows (a DOCX or Markdown table)."""

from __future__ import annotations

import pytest

import nq_extract
from nq_extract.document import Loaded, RawTable
from nq_extract.load import text_tables
from nq_extract.models import Source

from .helpers import assert_valid

# Shaped after a statistics appendix read with its layout: wrapped labels, a cell centred over
# three lines, a coded row, a page break with the header repeated and the numbering going on.
STATS = """\
                                                        Biểu mẫu 1
                                             Công tác chỉ đạo điều hành CCHC

                                 Chỉ tiêu thống kê                                  Kết quả thống kê
STT                                                                                                          Ghi chú
                 (Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)              Đơn vị tính       Số liệu
         Số văn bản chỉ đạo CCHC đã ban hành (Kết luận, chỉ thị, công
  1.                                                                              Văn bản              82
         văn chỉ đạo, quán triệt)
         Tỷ lệ hoàn thành Kế hoạch CCHC năm (Lũy kế đến thời điểm
  2.                                                                                 %                 100
         báo cáo)
 2.1.    Số nhiệm vụ đề ra trong kế hoạch                                        Nhiệm vụ              45
 2.2.    Số nhiệm vụ đã hoàn thành                                               Nhiệm vụ              45
  4.     Thực hiện nhiệm vụ Chính phủ, Thủ tướng Chính phủ giao
 4.1.    Tổng số nhiệm vụ được giao                                              Nhiệm vụ              123
4.1.1.   Số nhiệm vụ đã hoàn thành đúng hạn                                      Nhiệm vụ              123
4.1.2.   Số nhiệm vụ đã hoàn thành nhưng quá hạn                                 Nhiệm vụ               0
\f                                                          26


                                 Chỉ tiêu thống kê                               Kết quả thống kê
STT                                                                                                        Ghi chú
                 (Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)           Đơn vị tính         Số liệu
4.1.3.   Số nhiệm vụ quá hạn nhưng chưa hoàn thành                            Nhiệm vụ              0
                                                                               Có = 1;
  5.     Khảo sát sự hài lòng của người dân, tổ chức                                                1
                                                                              Không = 0
 5.1.    Tổng số phiếu khảo sát                                                Số lượng          25.898
 5.1.1.  Số phiếu trực tuyến                                                   Số lượng          20.000
 5.1.2.  Số phiếu giấy                                                         Số lượng           5.898
"""

# Statistics rows that state no relation: a heading, staff figures side by side, a parent whose
# label does not say total, and a value set on a line of its own between two rows.
STATS_NONE = """\
                              Chỉ tiêu thống kê                               Kết quả thống kê
STT                                                                                                      Ghi chú
              (Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)           Đơn vị tính      Số liệu
 2.    Số liệu về biên chế công chức
2.1.   Tổng số biên chế được giao trong năm                                  Người         9.976
2.2.   Tổng số biên chế có mặt tại thời điểm báo cáo                         Người         8.575
2.3.   Số hợp đồng lao động làm việc tại các cơ quan, tổ chức hành chính     Người         1.750
 3.    Số ĐVSN tự bảo đảm một phần chi thường xuyên                       Đơn vị          123
3.1.   Số ĐVSN tự bảo đảm từ 70% - dưới 100% chi thường xuyên             Đơn vị          36
                                                                                          58
3.2.   Số ĐVSN tự bảo đảm từ 30% - dưới 70% chi thường xuyên              Đơn vị
3.3.   Số ĐVSN tự bảo đảm từ 10% - dưới 30% chi thường xuyên              Đơn vị          29
"""

SCORES = """\
Phụ lục
TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CÁC TIÊU CHÍ

TT | Lĩnh vực/Tiêu chí/Tiêu chí thành phần | Điểm chuẩn | Điểm tự đánh giá | Tài liệu kiểm chứng
1 | CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC | 4.00 | 4.00 |
1.1 | Thực hiện kế hoạch CCHC | 1.50 | 1.50 | - Kế hoạch số 213/KH-UBND ngày 15/7/2025 của UBND tỉnh.
1.2 | Thực hiện chế độ báo cáo CCHC định kỳ | 0.50 | 0.50 | - Báo cáo số 42/BC-UBND ngày 19/3/2025.
1.3 | Công tác kiểm tra CCHC | 2.00 | 2.00 |
1.3.1 | Tỷ lệ cơ quan chuyên môn cấp tỉnh được kiểm tra trong năm | 1.00 | 1.00 | Đạt trên 30% số cơ quan
1.3.2 | Xử lý các vấn đề phát hiện qua kiểm tra | 1.00 | 1.00 | Các Thông báo kết quả kiểm tra
6 | CẢI CÁCH TÀI CHÍNH CÔNG | 3.00 | 2.50 |
6.1.1 | Thực hiện giải ngân kế hoạch đầu tư vốn ngân sách nhà nước | 1.00 | 0.72 | Báo cáo số 29/BC-STC ngày 13/01/2026
6.1.2 | Thực hiện quy định về việc sử dụng kinh phí nguồn từ NSNN | 1.00 | 1.00 | Không có sai phạm
6.1.3 | Thực hiện các kiến nghị sau thanh tra, kiểm toán nhà nước | 1.00 | 0.78 | - Báo cáo kiểm toán ngân sách
Tổng số tiền phải nộp: 1.080.105.077.880 đồng
Tỷ lệ thực hiện: 78%
6.2 | Công tác quản lý, sử dụng tài sản công | 2.00 | 1.75 |
6.2.1 | Ban hành các quy định về quản lý tài sản công | 0.75 | 0.75 | - Đã ban hành văn bản
6.2.2 | Tổ chức thực hiện các quy định về tài sản công | 0.50 | 0.50 | - Ban hành đầy đủ
6.2.3 | Thực hiện quy định về sắp xếp lại, xử lý nhà, đất | 0.75 | 0.50 | - Công văn số 6806/STC-GCS

Trên đây là nội dung Báo cáo tổng hợp kết quả tự đánh giá.
"""

PROSE = """\
1. Công tác chỉ đạo, điều hành
Ủy ban nhân dân tỉnh đã ban hành 82 văn bản chỉ đạo; tổng số 249 văn bản, gồm 174 văn bản cấp tỉnh và 75 văn bản cấp xã.
2. Kết quả thực hiện
2.1. Số hồ sơ giải quyết đúng hạn là 193.457 hồ sơ.
"""


def table_checks(report, kind: str | None = None) -> list[tuple[str, str, object]]:
    """(kind, status, stated) of the checks whose operands are all whole figure cells of the tables."""
    values = {(c.start, c.end) for t in report.tables for row in t.cells for c in row if c is not None and c.text[:1].isdigit()}
    out = []
    for c in report.checks:
        spans = [(o.span.start, o.span.end) for o in c.operands if o.span is not None]
        if spans and all(s in values for s in spans) and (kind is None or c.kind == kind):
            out.append((c.kind, c.status, c.stated))
    return out


def assert_cells(report) -> None:
    text = report.text or ""
    for t in report.tables:
        for row in t.cells:
            for span in row:
                if span is not None:
                    assert text[span.start : span.end] == span.text


def test_whitespace_table_rows_and_spans():
    report = nq_extract.parse(STATS)
    assert_valid(report)
    assert_cells(report)
    assert len(report.tables) == 1  # the header repeated after the page break goes on with the same table
    rows = {r[0]: r for r in report.tables[0].rows}
    assert rows["STT"][1:4] == ["Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu"]
    assert rows["1."][1].startswith("Số văn bản chỉ đạo") and rows["1."][1].endswith("quán triệt)")
    assert rows["2."][1].startswith("Tỷ lệ hoàn thành") and rows["2."][2:4] == ["%", "100"]
    assert rows["4.1.3."][2:4] == ["Nhiệm vụ", "0"]
    assert rows["5."][2] == "Có = 1; Không = 0" and rows["5."][3] == "1"


@pytest.mark.parametrize(
    ("expected"),
    [
        ("percentage", "consistent", 100),  # 2. = 2.2 / 2.1
        ("sum", "consistent", 123),  # 4.1 = 4.1.1 + 4.1.2 + 4.1.3, across the page break
        ("sum", "consistent", 25898),  # 5.1 = 5.1.1 + 5.1.2
    ],
)
def test_whitespace_table_relations(expected):
    report = nq_extract.parse(STATS)
    assert expected in table_checks(report)


def test_whitespace_table_states_nothing_else():
    report = nq_extract.parse(STATS)
    found = table_checks(report)
    assert len(found) == 3  # not the coded row 5., not 1. (no sub-rows)
    report = nq_extract.parse(STATS_NONE)
    rows = {r[0]: r for r in report.tables[0].rows}
    assert rows["3.2."][3] == "58"  # a value centred between two rows joins the one without
    assert table_checks(report) == []


def test_pipe_score_table():
    report = nq_extract.parse(SCORES)
    assert_valid(report)
    assert_cells(report)
    assert len(report.tables) == 1
    sums = table_checks(report, "sum")
    assert ("sum", "consistent", 4) in sums  # 1 = 1.1 + 1.2 + 1.3 ("4.00": a decimal point, not thousands)
    assert ("sum", "consistent", 2) in sums  # 1.3 = 1.3.1 + 1.3.2
    assert ("sum", "consistent", 1.75) in sums  # 6.2, self-assessed: 0.75 + 0.50 + 0.50
    assert all(s == "consistent" for _, s, _ in sums)
    # 6 has no 6.1 row under it: its 6.1.x grandchildren are not its children
    assert len(sums) == 3 * 2


def test_mutated_score_is_inconsistent():
    report = nq_extract.parse(SCORES.replace("| 0.75 | 0.50 | - Công văn", "| 0.75 | 0.60 | - Công văn"))
    assert ("sum", "inconsistent", 1.75) in table_checks(report, "sum")


def test_mutated_child_count_is_inconsistent():
    report = nq_extract.parse(
        STATS.replace(
            "Số phiếu giấy                                                         Số lượng           5.898",
            "Số phiếu giấy                                                         Số lượng           6.898",
        )
    )
    assert ("sum", "inconsistent", 25898) in table_checks(report)


def test_prose_is_not_a_table():
    assert text_tables.find(PROSE) == []
    assert nq_extract.parse(PROSE).tables == []


def test_loader_tables_are_not_duplicated():
    src = Source(path=None, format="text")
    found = text_tables.find(SCORES)
    assert len(found) == 1
    loaded = Loaded(text=SCORES, source=src, tables=list(found))
    assert text_tables.attach(loaded).tables == found  # already there: nothing added
    other = RawTable(rows=[[("x", 0, 1)]])
    assert len(text_tables.attach(Loaded(text=SCORES, source=src, tables=[other])).tables) == 2


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("Đơn vị tính", "unit"),
        ("Kết quả thống kê Đơn vị tính", "unit"),
        ("Số liệu", "value"),
        ("Điểm tự đánh giá", "score"),
        ("Ghi chú", "note"),
        ("STT", "number"),
        ("Chỉ tiêu thống kê", "label"),
        ("(Sử dụng trong kỳ báo cáo hàng quý, 6 tháng, năm)", None),
    ],
)
def test_header_roles(text, role):
    assert text_tables.header_role(text) == role


@pytest.mark.parametrize(("name", "original"), [("001_", "original.pdf"), ("009_", "original.docx")])
def test_text_layout_and_published_file_state_the_same_table_relations(name, original):
    """The table read from the text layout and the one the PDF/DOCX reader gives carry the same relations."""
    from collections import Counter

    from .conftest import DEV, need_dev

    need_dev()
    folder = next((p for p in DEV.glob(name + "*") if (p / original).exists()), None)
    if folder is None:
        pytest.skip(f"no {name}* document with {original} in the dev corpus")
    as_text = nq_extract.parse(folder / "text.txt")
    published = nq_extract.parse(folder / original)
    for report in (as_text, published):
        assert_cells(report)
    found = Counter(table_checks(as_text))
    assert found and found == Counter(table_checks(published))
    assert all(status != "inconsistent" for _, status, _ in found)
