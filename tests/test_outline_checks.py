"""Relations stated by a table's outline numbering, on tables as a PDF or DOCX loader gives them."""

from __future__ import annotations

import pytest

from nq_extract.checks import check_text, judge
from nq_extract.checks.outline import outline_relations
from nq_extract.checks.relations import Text
from nq_extract.models import Span, Table

HEAD = [["STT", "Chỉ tiêu thống kê (Sử dụng trong kỳ báo cáo)", "Kết quả thống kê", "", "Ghi chú"], ["", "", "Đơn vị tính", "Số liệu", ""]]


def make(pages: list[list[list[str]]], head: list[list[str]] = HEAD) -> tuple[str, list[Table]]:
    """A text holding every cell on its own line, and the tables (one per page) with their spans."""
    text = ""
    tables = []
    for rows in pages:
        all_rows = [*head, *rows]
        cells = []
        for row in all_rows:
            spans = []
            for cell in row:
                start = len(text)
                text += cell + "\n"
                spans.append(Span(start=start, end=start + len(cell), text=cell) if cell else None)
            cells.append(spans)
        tables.append(Table(rows=all_rows, cells=cells))
    return text, tables


def decided(pages, head=HEAD) -> list[tuple[str, str, object, str | None]]:
    text, tables = make(pages, head)
    out = []
    for rel in outline_relations(tables, Text(text)):
        d, stated, _, _ = judge(rel)
        for _, tok in rel.operands:
            assert text[tok.start : tok.end] == tok.written
        out.append((rel.kind, d.status, stated, d.finding))
    return out


TTHC = [
    ["1.", "Thống kê TTHC", "", "", ""],
    ["1.3.", "Số TTHC bãi bỏ, thay thế", "Thủ tục", "60", ""],
    ["1.4.", "Tổng số TTHC thuộc thẩm quyền giải quyết tại địa phương", "Thủ tục", "2.372", ""],
    ["1.4.1.", "Số TTHC cấp tỉnh", "Thủ tục", "1.946", ""],
    ["1.4.2.", "Số TTHC cấp xã", "Thủ tục", "426", ""],
    ["1.4.3", "Số TTHC ngành dọc", "Thủ tục", "420", ""],
    ["3.", "Kết quả giải quyết TTHC", "", "", ""],
    ["3.1.", "Tỷ lệ hồ sơ TTHC do các sở, ngành tiếp nhận được giải quyết đúng hạn", "%", "99,10", ""],
    ["3.1.1.", "Tổng số hồ sơ TTHC đã giải quyết xong", "Hồ sơ", "195.197", ""],
    ["3.1.2.", "Số hồ sơ TTHC giải quyết đúng hạn", "Hồ sơ", "193.457", ""],
]


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        # a total whose last sub-row stands beside it: the first two make it
        ([TTHC], [("sum", "consistent", 2372, None), ("percentage", "consistent", 99.1, "truncation")]),
        # a rate over its two sub-rows, the whole named by its label even when listed second
        (
            [
                [
                    ["1.", "Tỷ lệ thực hiện Kế hoạch giải ngân vốn đầu tư công", "%", "51,8", ""],
                    ["1.1.", "Đã thực hiện", "Triệu đồng", "9.037.000", ""],
                    ["1.2.", "Kế hoạch được giao", "Triệu đồng", "17.454.000", ""],
                ]
            ],
            [("percentage", "consistent", 51.8, None)],
        ),
        # a table cut by a page break: 4.1.3 on the next page is still under 4.1
        (
            [
                [
                    ["4.", "Thực hiện nhiệm vụ Chính phủ giao", "", "", ""],
                    ["4.1.", "Tổng số nhiệm vụ được giao", "Nhiệm vụ", "123", ""],
                    ["4.1.1.", "Số nhiệm vụ đã hoàn thành đúng hạn", "Nhiệm vụ", "120", ""],
                    ["4.1.2.", "Số nhiệm vụ đã hoàn thành nhưng quá hạn", "Nhiệm vụ", "0", ""],
                ],
                [["4.1.3.", "Số nhiệm vụ quá hạn nhưng chưa hoàn thành", "Nhiệm vụ", "3", ""]],
            ],
            [("sum", "consistent", 123, None)],
        ),
        # a slip of one digit is not explained away as a row beside the total
        (
            [
                [
                    ["1.", "Tổng số VBQPPL do địa phương ban hành", "Văn bản", "249", ""],
                    ["1.1.", "Số VBQPPL do cấp tỉnh ban hành", "Văn bản", "174", ""],
                    ["1.2.", "Số VBQPPL do cấp xã ban hành", "Văn bản", "76", ""],
                ]
            ],
            [("sum", "inconsistent", 249, None)],
        ),
        # nothing stated: a parent not labelled total, mixed units, coded answers, a missing value
        (
            [
                [
                    ["2.", "Số ĐVSN tự bảo đảm một phần chi thường xuyên", "Đơn vị", "123", ""],
                    ["2.1.", "Số ĐVSN tự bảo đảm từ 70% - dưới 100%", "Đơn vị", "36", ""],
                    ["2.2.", "Số ĐVSN tự bảo đảm từ 30% - dưới 70%", "Đơn vị", "58", ""],
                    ["3.", "Tổng số biên chế", "Người", "9.976", ""],
                    ["3.1.", "Số biên chế hành chính", "Người", "8.575", ""],
                    ["3.2.", "Số hợp đồng lao động", "Hợp đồng", "1.750", ""],
                    ["5.", "Tổng số hình thức khảo sát", "Có = 1; Không = 0", "1", ""],
                    ["5.1.", "Khảo sát trực tuyến", "Có = 1; Không = 0", "1", ""],
                    ["5.2.", "Phát phiếu", "Có = 1; Không = 0", "0", ""],
                    ["6.", "Tổng số vị trí việc làm được phê duyệt", "Cơ quan, đơn vị", "12", ""],
                    ["6.1.", "Số cơ quan hành chính", "Cơ quan, đơn vị", "-", ""],
                    ["6.2.", "Số đơn vị sự nghiệp", "Cơ quan, đơn vị", "12", ""],
                    ["7.", "Tỷ lệ sử dụng văn bản điện tử", "%", "100", ""],
                    ["7.1.", "Tỷ lệ của các sở, ngành", "%", "100", ""],
                    ["7.2.", "Tỷ lệ của UBND cấp xã", "%", "100", ""],
                ]
            ],
            [],
        ),
    ],
)
def test_statistics_tables(pages, expected):
    assert decided(pages) == expected


SCORE_HEAD = [["TT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm chuẩn", "Điểm tự đánh giá", "Tài liệu kiểm chứng"]]
SCORE_ROWS = [
    ["3", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "5.00", "4.99", ""],
    ["3.1", "Kiểm soát quy định thủ tục hành chính", "1.00", "1.00", "Báo cáo số 335/BC-UBND"],
    ["3.4", "Kết quả giải quyết hồ sơ TTHC", "4.00", "3.99", ""],
    ["3.4.1", "Tỷ lệ hồ sơ TTHC do CQCM cấp tỉnh giải quyết đúng hạn", "1.50", "1.49", "Báo cáo số 329/BC-UBND"],
    ["3.4.2", "Tỷ lệ hồ sơ TTHC do UBND cấp xã giải quyết đúng hạn", "1.50", "1.50", ""],
    ["3.4.3", "Thực hiện việc xin lỗi người dân", "0.25", "0.25", ""],
    ["3.4.4", "Đánh giá chất lượng giải quyết TTHC", "0.75", "0.75", ""],
    ["5.3", "Bổ nhiệm các chức danh lãnh đạo, quản lý", "0.75", "0.75", ""],
    ["5.3.1", "Thực hiện quy định về bổ nhiệm", "0.75", "0.75", ""],
]


def test_score_table_columns():
    found = decided([SCORE_ROWS], SCORE_HEAD)
    # 3 and 3.4 in both score columns; 5.3 has a single sub-criterion (a copy, not a sum)
    assert found == [
        ("sum", "consistent", 5.0, None),
        ("sum", "consistent", 4.99, None),
        ("sum", "consistent", 4.0, None),
        ("sum", "consistent", 3.99, None),
    ]


def test_score_table_that_does_not_add_up_states_nothing():
    # a criterion scored as the best of its alternatives, not their sum
    rows = [
        ["1", "Mức độ hoàn thành kế hoạch", "2.00", "1.50", ""],
        ["1.1", "Hoàn thành 100% kế hoạch", "2.00", "0.00", ""],
        ["1.2", "Hoàn thành từ 80% đến dưới 100%", "1.50", "1.50", ""],
        ["1.3", "Hoàn thành dưới 80%", "0.00", "0.00", ""],
    ]
    assert decided([rows], SCORE_HEAD) == []
    # one sub-criterion changed in an additive table is still flagged
    changed = [r[:] for r in SCORE_ROWS]
    changed[4][3] = "2.50"
    found = decided([changed], SCORE_HEAD)
    assert ("sum", "inconsistent", 3.99, None) in found and ("sum", "inconsistent", 4.99, None) not in found


def test_score_decimal_point_decided_by_column():
    rows = [["1", "A", "1.000", "1.000", ""], ["1.1", "B", "0.500", "0.500", ""], ["1.2", "C", "0.50", "0.50", ""]]
    # "1.000" in a column of decimals is one, not a thousand
    assert decided([rows], SCORE_HEAD) == [("sum", "consistent", 1.0, None), ("sum", "consistent", 1.0, None)]


def test_changed_figure_in_text_is_read():
    text, tables = make([TTHC])
    t = Text(text)
    at = text.index("426")
    changed = t.with_digit_changed(at, at + 3, "526")
    rels, _ = check_text(changed.text, (), tables, t=changed)
    sums = [judge(r)[0].status for r in rels if r.kind == "sum"]
    assert sums == ["inconsistent"]


def test_tables_without_outline_or_values_give_nothing():
    prose = [["Trước và sau khi sáp nhập tỉnh", "", ""], ["1. Mặt tích cực", "", ""], ["Công tác xây dựng, ban hành văn bản", "", ""]]
    assert decided([prose], [["", "", ""]]) == []
    no_values = [["1.", "Tổng số", "Người", "10", ""], ["1.1.", "A", "Người", "4", ""], ["1.2.", "B", "Người", "6", ""]]
    assert decided([no_values], [["STT", "Nội dung", "Đơn vị tính", "", "Ghi chú"]]) == []


def test_total_row_read_from_the_text():
    from nq_extract.checks.tables import table_sums

    head = [["Đơn vị", "Số hồ sơ", "Tỷ lệ"]]
    rows = [["Cấp tỉnh", "195.197", "99,10"], ["Cấp xã", "468.463", "99,81"], ["Tổng cộng", "663.660", ""]]
    text, tables = make([rows], head)
    assert [judge(r)[0].status for r in table_sums(tables, text)] == ["consistent"]
    at = text.index("468.463")
    changed = text[:at] + "568.463" + text[at + 7 :]
    assert [judge(r)[0].status for r in table_sums(tables, changed)] == ["inconsistent"]
    assert [judge(r)[0].status for r in table_sums(tables)] == ["consistent"]  # the cell texts as the loader gave them


def test_a_line_numbering_the_columns_is_not_an_outline_row():
    head = [*HEAD, ["1", "2", "3", "4", "5"]]  # official tables number their columns under the header
    rows = [
        ["1.", "Tổng số VBQPPL do địa phương ban hành", "Văn bản", "249", ""],
        ["1.1.", "Số VBQPPL do cấp tỉnh ban hành", "Văn bản", "174", ""],
        ["1.2.", "Số VBQPPL do cấp xã ban hành", "Văn bản", "75", ""],
    ]
    assert decided([rows], head) == decided([rows]) == [("sum", "consistent", 249, None)]
