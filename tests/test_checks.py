"""The check engine on real sentences: relations found, and whether their figures agree."""

from __future__ import annotations

import pytest

import nq_extract
from nq_extract.checks import check_text, judge, run
from nq_extract.checks.relations import NoteRef

from .helpers import assert_valid


def verdicts(text: str, notes: tuple[NoteRef, ...] = ()) -> list[tuple[str, str, object, str | None]]:
    rels, _ = check_text(text, notes)
    out = []
    for rel in rels:
        d, stated, _vi, _en = judge(rel)
        out.append((rel.kind, d.status, stated, d.finding))
    return sorted(out, key=repr)


SEED_SENTENCE = (
    "Kết quả chung: 100% các chi, đảng bộ đã triển khai học tập, quán triệt Nghị quyết Trung ương 8 với 42 hội nghị, "
    "142 buổi sinh hoạt chi bộ cho {total} người; trong đó đảng viên 2.443/2.538 đạt {pct}%; cán bộ, công chức, viên chức, "
    "người lao động chưa là đảng viên 739/760 đạt 97,2% ."
)

CONSISTENT = [
    # parts that break down one part ("với ..."), an earlier total, or two totals in turn
    (
        "Năm 2024 tiếp nhận 3.200 đơn, trong đó có 2.150 đơn đủ điều kiện xử lý với 410 đơn khiếu nại, 140 đơn tố cáo và 1.600 đơn kiến nghị.",
        [("sum", "consistent", 2150, None)],
    ),
    (
        "Đã giải quyết 120 đơn khiếu nại và 45 đơn tố cáo; trong đó có 20 đơn khiếu nại đúng, 30 đơn đúng một phần và 70 đơn sai; "
        "có 5 đơn tố cáo đúng, 10 đơn đúng một phần và 30 đơn sai.",
        [("sum", "consistent", 120, None), ("sum", "consistent", 45, None)],
    ),
    (
        "Đã giải quyết 90/100 vụ việc khiếu nại và 40/45 vụ việc tố cáo, trong đó giải quyết thông qua hòa giải 30; bằng quyết định hành chính 60.",
        [("sum", "consistent", 90, None)],
    ),
    # a part's share after a comma, outside parentheses
    (
        "Năm 2024 toàn huyện giải quyết 12.480 hồ sơ; trong đó, đúng hạn có 12.300 hồ sơ, chiếm tỷ lệ 98,56%; "
        "quá hạn 180 hồ sơ, chiếm tỷ lệ 1,44%.",
        [("percentage", "consistent", 98.56, None), ("percentage", "consistent", 1.44, None), ("sum", "consistent", 12480, None)],
    ),
    # a change against the earlier figure given in parentheses
    (
        "Trong quý I, toàn huyện xảy ra 12 vụ tai nạn giao thông, giảm 3 vụ so với cùng kỳ năm 2023 (15 vụ).",
        [("difference", "consistent", 3, None)],
    ),
    # one subset and its share of the total
    ("Toàn huyện có 48 trường học, trong đó 31 trường đạt chuẩn quốc gia, đạt tỷ lệ 64,58%.", [("percentage", "consistent", 64.58, None)]),
    # the total right after "trong số" / "gồm", its parts after the comma
    ("Trong số 1.250 hồ sơ đang giải quyết, có 1.100 hồ sơ chưa đến hạn và 150 hồ sơ đã quá hạn.", [("sum", "consistent", 1250, None)]),
    ("Số hồ sơ còn lại gồm 640 hồ sơ, có 600 hồ sơ chưa đến hạn và 40 hồ sơ quá hạn.", [("sum", "consistent", 640, None)]),
    # parts of any noun the ratio's denominator lists
    (
        "Đã kiểm tra tại 42/42 cơ quan, đơn vị, địa phương (gồm: 04 cơ quan chuyên môn cấp tỉnh và 38 đơn vị hành chính cấp xã).",
        [("sum", "consistent", 42, None)],
    ),
    (
        SEED_SENTENCE.format(total="3.182", pct="96,3"),
        [("percentage", "consistent", 96.3, None), ("percentage", "consistent", 97.2, None), ("sum", "consistent", 3182, None)],
    ),
    (
        "Tổng số hồ sơ các sở, ngành đã giải quyết là 195.197 hồ sơ; trong đó: Số hồ sơ giải quyết trước và đúng hạn là "
        "193.457 (tỷ lệ 99,1%), số hồ sơ giải quyết trễ hạn là 1.740 (tỷ lệ 0,9%).",
        [("percentage", "consistent", 0.9, None), ("percentage", "consistent", 99.1, None), ("sum", "consistent", 195197, None)],
    ),
    ("Điểm tự đánh giá của tỉnh là 8,67/9,5 điểm, đạt 91,2%.", [("percentage", "consistent", 91.2, None)]),
    ("Đã tiếp nhận 1.204 trên tổng số 1.250 hồ sơ, giải quyết đúng hạn, đạt tỷ lệ 96,32%.", [("percentage", "consistent", 96.32, None)]),
    (
        "Đến nay, tổng số TTHC thuộc phạm vi quản lý trên địa bàn tỉnh Lâm Đồng là 2.372 (trong đó, cấp tỉnh 1.946 TTHC, cấp xã 426 TTHC).",
        [("sum", "consistent", 2372, None)],
    ),
    (
        "Đồng ý số lượng đơn vị hành chính cấp tỉnh sau sáp nhập là 34 tỉnh, thành phố (28 tỉnh và 6 thành phố trực thuộc Trung ương).",
        [("sum", "consistent", 34, None)],
    ),
    (
        "Lực lượng cảnh sát phát hiện, bắt giữ: 766 vụ, 1.385 đối tượng, so với cùng kỳ năm 2024 giảm 356 vụ (766/1122).",
        [("difference", "consistent", 356, None)],
    ),
    ("Năm 2025 toàn tỉnh phát hiện 1.080 vụ, tăng 120 vụ, tương ứng 12,5% so với năm trước.", [("growth", "consistent", 12.5, None)]),
    (
        "- 05 hội đã tổ chức đại hội, gồm: Câu lạc bộ võ thuật Bộ Chỉ huy Quân sự tỉnh, Hội Y học, Hiệp Hội Du lịch, Liên đoàn cầu lông và Hội Golf.",
        [("count", "consistent", 5, None)],
    ),
    (
        "- 03 hội báo cáo không đủ điều kiện để tổ chức đại hội, gồm: Hội Cựu giáo chức, Hội Bảo vệ thiên nhiên và môi trường và Hội Làm vườn.",
        [("count", "consistent", 3, None)],
    ),
    (
        "Đến nay, toàn tỉnh đã cung cấp 2.227 dịch vụ công trực tuyến (gồm 1.870 dịch công trực tuyến toàn trình và 357 dịch vụ "
        "công trực tuyến một phần) trên Cổng dịch vụ công quốc gia; tỷ lệ hồ sơ trực tuyến toàn trình đạt 90,58% (419.218/462.814 hồ sơ).",
        [("percentage", "consistent", 90.58, None), ("sum", "consistent", 2227, None)],
    ),
    (
        "Dự toán chi đầu tư phát triển năm 2025 là 22.143 tỷ đồng (gồm kế hoạch năm 2025 là 19.596 tỷ đồng; vốn năm 2024 chuyển "
        "sang là 2.548 tỷ đồng), đã giải ngân được 9.400 tỷ đồng, đạt 42,5% kế hoạch.",
        # 19.596 + 2.548 = 22.144: consistent only because each figure is rounded to a billion (labelled)
        [("percentage", "consistent", 42.5, None), ("sum", "consistent", 22143, "rounding")],
    ),
]

CONSISTENT += [
    (
        "Ngay từ khi mới thành lập, thị trấn Kiến Đức có 1.897 hộ với 7.165 khẩu. Sau 20 năm thành lập đến nay thị trấn đã có "
        "3.313 hộ với 12.086 khẩu tăng 1.416 hộ với 4.921 khẩu.",
        [("difference", "consistent", 1416, None), ("difference", "consistent", 4921, None)],
    ),
    # 1.475/570 = 2,59: "2,5 lần" matches when cut, not rounded
    ("Trong 20 năm qua số hộ kinh doanh buôn bán từ 570 hộ tăng lên 1.475 hộ tăng 2,5 lần.", [("times", "consistent", 2.5, "truncation")]),
    ("Số hộ kinh doanh từ 570 hộ tăng lên 1.475 hộ, tăng gần 2,6 lần.", [("times", "consistent", 2.6, "approximate")]),
]

CONSISTENT += [
    (
        "08 chi cục thuộc Sở Nông nghiệp và Môi trường (Trồng trọt và Bảo vệ thực vật; Chất lượng, Chế biến và Phát triển thị trường; "
        "Chăn nuôi và Thú y; Thủy lợi và tài nguyên nước; Phát triển nông thôn; Thủy sản và Biển đảo; Kiểm lâm; Quản lý đất đai).",
        [("count", "consistent", 8, None)],
    ),
    (
        "+ Đối với các sở, ngành (100% đơn vị xếp loại Tốt trở lên), gồm: 11/13 đơn vị xếp loại Xuất sắc, 02/13 đơn vị xếp loại Tốt.",
        [("sum", "consistent", 13, None)],
    ),
]

CONSISTENT += [
    # "Trong đó" opening a sentence breaks down the figure that ends the sentence before
    (
        "Toàn huyện còn 9,5% hộ nghèo (tương đương 420 hộ). Trong đó, hộ đồng bào dân tộc thiểu số là 378 hộ, chiếm tỷ lệ 90% số hộ nghèo.",
        [("percentage", "consistent", 90, None)],
    ),
    (
        "Năm 2024 toàn huyện kết nạp 150 đảng viên. Trong đó, 90 đảng viên là đoàn viên thanh niên và 60 đảng viên ở khu vực khác.",
        [("sum", "consistent", 150, None)],
    ),
    ("Năm 2024 phát hiện 50 vụ vi phạm. Cụ thể: 20 vụ trộm cắp, 30 vụ cố ý gây thương tích.", [("sum", "consistent", 50, None)]),
    ("Năm 2024 kết nạp 150 đảng viên. Cụ thể, 90 đảng viên là đoàn viên, chiếm 60%.", [("percentage", "consistent", 60, None)]),
    # ... also when a percentage follows that figure
    (
        "Năm 2024 kết nạp 150 đảng viên, đạt 95% kế hoạch. Trong đó, 90 đảng viên là đoàn viên, chiếm 60%.",
        [("percentage", "consistent", 60, None)],
    ),
]

CONSISTENT += [
    # a total, its noun and a colon, then labelled parts
    (
        "Xếp loại chất lượng 120 tổ chức cơ sở đảng: hoàn thành xuất sắc nhiệm vụ 25 tổ chức (20,83%), hoàn thành tốt nhiệm vụ "
        "80 tổ chức (66,67%), hoàn thành nhiệm vụ 13 tổ chức (10,83%), không hoàn thành nhiệm vụ 2 tổ chức (1,67%).",
        [
            ("percentage", "consistent", 1.67, None),
            ("percentage", "consistent", 10.83, None),
            ("percentage", "consistent", 20.83, None),
            ("percentage", "consistent", 66.67, None),
            ("sum", "consistent", 120, None),
        ],
    ),
    ("Ban hành 12 văn bản: 5 nghị quyết, 4 kế hoạch, 3 chương trình.", [("sum", "consistent", 12, None)]),
    ("Năm 2024 kết nạp 50 đảng viên, trong đó có 30 nữ, 20 nam.", [("sum", "consistent", 50, None)]),
    (
        "Đảng bộ có 100 đảng viên, trong đó dưới 30 tuổi 25 đồng chí, từ 31-50 tuổi 60 đồng chí, trên 50 tuổi 15 đồng chí.",
        [("sum", "consistent", 100, None)],
    ),
    # a result against its plan: the plan in parentheses after, given ("Chỉ tiêu giao"), or named in the clause before
    ("Giải quyết việc làm cho 1.250 lao động, đạt 96,2% kế hoạch (kế hoạch 1.300 lao động).", [("percentage", "consistent", 96.2, None)]),
    (
        "Kế hoạch năm 2024 là 1.300 lao động; kết quả giải quyết việc làm cho 1.250 lao động, đạt 96,2%.",
        [("percentage", "consistent", 96.2, None)],
    ),
    ("Dự toán 112 tỷ đồng, thực hiện 125 tỷ đồng, đạt 111,6% dự toán.", [("percentage", "consistent", 111.6, None)]),
    # the earlier figure of a factor in parentheses
    (
        "Thu nhập bình quân đầu người đạt 45 triệu đồng/người/năm, tăng 1,5 lần so với năm 2020 (30 triệu đồng).",
        [("times", "consistent", 1.5, None)],
    ),
    # "48 trên 52": out of, not "more than": no approximation
    ("Có 48 trên 52 chi bộ đạt trong sạch vững mạnh (chiếm 92,3%).", [("percentage", "consistent", 92.3, None)]),
    # a result against its plan between the total and "trong đó" is no total
    (
        "Vận động Quỹ Vì người nghèo được 1.250 triệu đồng, đạt 125% kế hoạch, trong đó cấp huyện 450 triệu đồng, cấp xã 800 triệu đồng.",
        [("sum", "consistent", 1250, None)],
    ),
    # the nouns the total lists; parts running past a semicolon into the next clause
    ("Toàn huyện có 15 xã, thị trấn, trong đó có 14 xã và 01 thị trấn.", [("sum", "consistent", 15, None)]),
    (
        "Toàn Đảng bộ có 52 tổ chức cơ sở đảng, trong đó 20 đảng bộ cơ sở, 32 chi bộ cơ sở; 45 chi bộ trực thuộc đảng ủy cơ sở.",
        [("sum", "consistent", 52, None)],
    ),
]

CONSISTENT += [
    # parts named by a kind of what the total counts (unit_kinds_of.json)
    ("Qua phân loại, có 221 đơn (196 khiếu nại, 25 tố cáo) thuộc thẩm quyền giải quyết.", [("sum", "consistent", 221, None)]),
    ("Cấp ủy kiểm tra 24 tổ chức đảng, gồm 10 chi bộ, 14 đảng bộ cơ sở.", [("sum", "consistent", 24, None)]),
    (
        "Đã thi hành kỷ luật 15 đảng viên, trong đó khiển trách 10 đồng chí, cảnh cáo 4 đồng chí, khai trừ 1 đồng chí.",
        [("sum", "consistent", 15, None)],
    ),
    # "nước" ends with "ước" (an estimate) but is no approximation word: the sum is exact
    (
        "Năm 2025 giải quyết việc làm cho 1.500 lao động, gồm việc làm trong nước 1.400 người; xuất khẩu lao động 100 người.",
        [("sum", "consistent", 1500, None)],
    ),
    # the period compared with and its figure in parentheses right after the change; the current figure
    # is the one outside parentheses
    (
        "Năm 2024 tiếp nhận 1.536 đơn (tồn đầu kỳ 40 đơn, tiếp nhận mới 1.496 đơn), so với cùng kỳ năm trước tăng 131 đơn "
        "(năm 2023 tiếp nhận 1.405 đơn).",
        [("difference", "consistent", 131, None), ("sum", "consistent", 1536, None)],
    ),
]

CONSISTENT += [
    (
        "Giao 03 sở chủ trì thực hiện: Văn hóa, Thể thao và Du lịch; Lao động - Thương binh và Xã hội; Tài chính.",
        [("count", "consistent", 3, None)],
    ),
]

INCONSISTENT = [
    ("Năm 2024 kết nạp 85 đảng viên, tăng 12 đảng viên so với năm 2023 (70 đảng viên).", [("difference", "inconsistent", 12, None)]),
    ("Trong số 1.250 hồ sơ đang giải quyết, có 1.100 hồ sơ chưa đến hạn và 140 hồ sơ đã quá hạn.", [("sum", "inconsistent", 1250, None)]),
    # a ratio's numerator keeps its parts of the same unit (the unit is written after the denominator)
    ("Có 12/15 xã đạt chuẩn, trong đó 7 xã đạt chuẩn nâng cao, 4 xã đạt chuẩn kiểu mẫu.", [("sum", "inconsistent", 12, None)]),
    ("Số hộ kinh doanh từ 570 hộ tăng lên 1.475 hộ, tăng 3,5 lần.", [("times", "inconsistent", 3.5, None)]),
    ("Đã giải quyết 1.204/1.250 hồ sơ, đạt 97,12%.", [("percentage", "inconsistent", 97.12, None)]),
    (
        SEED_SENTENCE.format(total="3.192", pct="96,3"),
        [("percentage", "consistent", 96.3, None), ("percentage", "consistent", 97.2, None), ("sum", "inconsistent", 3192, None)],
    ),
    (
        "- 04 hội báo cáo đang chuẩn bị hồ sơ tổ chức đại hội, gồm: Hiệp hội Vận tải ô tô, Hội Nghề cá và Hội Tin học.",
        [("count", "inconsistent", 4, None)],
    ),
    (
        "- Tỷ lệ hồ sơ thanh toán trực tuyến: 552.693/513.672 hồ sơ (đạt 92,94%).",
        [("percentage", "inconsistent", 92.94, "reversed")],
    ),
    ("Tiến hành khởi tố mới: 734 vụ, 1218 bị can, giảm 312 vụ (734/1064) so với năm 2024.", [("difference", "inconsistent", 312, None)]),
    (
        "Toàn huyện còn 9,5% hộ nghèo (tương đương 420 hộ). Trong đó, hộ đồng bào dân tộc thiểu số là 378 hộ, chiếm tỷ lệ 80% số hộ nghèo.",
        [("percentage", "inconsistent", 80, None)],
    ),
    (
        "Năm 2024 tiếp nhận 1.536 đơn, so với cùng kỳ năm trước tăng 121 đơn (năm 2023 tiếp nhận 1.405 đơn).",
        [("difference", "inconsistent", 121, None)],
    ),
    ("Qua phân loại, có 221 đơn (186 khiếu nại, 25 tố cáo) thuộc thẩm quyền giải quyết.", [("sum", "inconsistent", 221, None)]),
    (
        "Tổng chi ngân sách đạt 16.080 tỷ đồng, trong đó chi đầu tư phát triển 7.831 tỷ đồng, chi thường xuyên 8.349 tỷ đồng.",
        [("sum", "inconsistent", 16080, None)],
    ),
    # "xếp loại 2.538": a grade is a plain integer, this is the count
    (
        "Kết quả đánh giá, xếp loại 2.538 đảng viên: hoàn thành xuất sắc nhiệm vụ 380 đồng chí, chiếm 14,97%; hoàn thành tốt nhiệm vụ "
        "1.950 đồng chí, chiếm 76,83%; hoàn thành nhiệm vụ 190 đồng chí, chiếm 7,49%; không hoàn thành nhiệm vụ 28 đồng chí, chiếm 0,71%.",
        [
            ("percentage", "consistent", 14.97, None),
            ("percentage", "consistent", 7.49, None),
            ("percentage", "consistent", 76.83, None),
            ("percentage", "inconsistent", 0.71, None),
            ("sum", "inconsistent", 2538, None),
        ],
    ),
    # parts counted by gender alone ("90 nam"); the total's own noun tells no part apart
    ("Đoàn xã có 200 đoàn viên, trong đó 120 đoàn viên nữ, 90 nam.", [("sum", "inconsistent", 200, None)]),
    ("Tổng số 150 hộ được hỗ trợ, trong đó 100 hộ nghèo, 60 hộ cận nghèo.", [("sum", "inconsistent", 150, None)]),
    ("Tổng vốn đầu tư 1.200 tỷ đồng, gấp 2,5 lần so với giai đoạn trước (400 tỷ đồng).", [("times", "inconsistent", 2.5, None)]),
    ("Chỉ tiêu giao 150 đảng viên, đã kết nạp 160 đảng viên, đạt 116,7% chỉ tiêu.", [("percentage", "inconsistent", 116.7, None)]),
    # outcomes of one step do break it down
    ("Xử lý 50 vụ vi phạm, trong đó xử phạt hành chính 40 vụ, khởi tố 12 vụ.", [("sum", "inconsistent", 50, None)]),
    # one trait (women and men) does break the total down; a word in every part is what they count
    ("Năm 2024 kết nạp 50 đảng viên, trong đó 30 đảng viên nữ, 25 đảng viên nam.", [("sum", "inconsistent", 50, None)]),
    ("Đoàn xã có 200 đoàn viên, trong đó 120 đoàn viên nữ, 90 đoàn viên nam.", [("sum", "inconsistent", 200, None)]),
]

TRUNCATION_AND_APPROXIMATE = [
    # 2.443/2.538 = 96,257%: rounds to 96,3, truncates to 96,2
    (SEED_SENTENCE.format(total="3.182", pct="96,2"), ("percentage", "consistent", 96.2, "truncation")),
    ("Toàn huyện có 2.443/2.538 đảng viên tham gia, đạt khoảng 94%.", ("percentage", "consistent", 94, "approximate")),
]

NOT_RELATIONS = [
    "Chỉ số cải cách hành chính của tỉnh xếp thứ 15/63 tỉnh, thành phố, đạt 88,5%.",
    "Kết quả tự đánh giá tiêu chí này đạt 9,49/9,5 điểm.",
    "Huyện đoàn lồng ghép tuyên truyền 01 hội nghị/50 cán bộ đoàn, đoàn viên thanh niên.",
    "Thực hiện Kế hoạch số 216-KH/TU, ngày 28/11/2023 của Ban Thường vụ Tỉnh ủy, đạt 100% kế hoạch.",
    "Thực hiện Công văn số 2769/UBND-NCKSTTHC ngày 24/7/2024 của UBND tỉnh.",
    "11/13 xã, thị trấn; các chi bộ trường học trực thuộc Đảng ủy thị trấn, xã Nà Tăm.",
    "Về tổ chức bộ máy chính quyền địa phương 2 cấp: (1) Đồng ý chủ trương tổ chức chính quyền địa phương 2 cấp. "
    "(2) Đồng ý số lượng đơn vị hành chính cấp tỉnh. (3) Đồng ý chủ trương sáp nhập.",
    "Các cơ quan chuyên môn thuộc tỉnh đã thực hiện rà soát 734 văn bản QPPL của Hội đồng nhân dân, Ủy ban nhân dân tỉnh, trong đó "
    "đề xuất xử lý đối với 303 văn bản QPPL và đã tham mưu Hội đồng nhân dân, Ủy ban nhân dân tỉnh xử lý đối với 303 văn bản.",
    "Năm 2025 thành phố tập trung xây dựng 39 địa bàn xã, phường, đặc khu không ma tuý, đến nay đã có 35 xã, phường, đặc khu "
    "đạt tiêu chí, đạt 30,7%",
    "Chủ tịch UBND tỉnh đã công bố 68 Quyết định danh mục TTHC; trong đó, công bố mới 247 TTHC, sửa đổi, bổ sung 338 TTHC và bãi bỏ 60 TTHC.",
    "Ngày 27.7.1999, thị trấn được thành lập; giai đoạn 2025 - 2030 phấn đấu đạt 100% xã, phường.",
    "Nhân dịp kỷ niệm 30/4 và 1/5, các chi bộ tổ chức sinh hoạt chuyên đề, đạt 95%.",
    # "trong đó" naming only some of the parts
    "Toàn tỉnh có 124 xã, phường, đặc khu, trong đó có 20 phường, 1 đặc khu.",
    # a level is not a count; the figures of a later clause are not parts of a ratio's numerator
    "Có 4/4 trường học đạt chuẩn quốc gia, trong đó có 1 trường đạt chuẩn mức độ 2; toàn xã có 1.862 hộ đạt gia đình văn hóa.",
    "Xã có 6/6 trường đạt chuẩn, trong đó 2 trường đạt chuẩn mức độ 2 và 350 học sinh giỏi các cấp.",
    "Thị xã được công nhận đô thị loại 3, trong đó có 2 phường đạt chuẩn văn minh đô thị.",
    "Toàn tỉnh có 120 cơ sở, tăng 5 cơ sở so với cùng kỳ (đạt 104%).",
    # a share of a plan is no share of the total; parts that may overlap do not make a sum
    "Đã kết nạp 120 đảng viên; trong đó nữ 45 đảng viên, đạt 90% kế hoạch, đoàn viên 60 đảng viên.",
    "Trong số 300 hồ sơ, có 120 hồ sơ nộp trực tuyến và 80 hồ sơ của doanh nghiệp.",
    # "thiểu số 17": a minority, not a number label; the figures name people of other kinds than the total
    "Đã kết nạp 120 đảng viên, trong đó: nữ 48 đồng chí, người dân tộc thiểu số 17 đồng chí, đoàn viên 38 đồng chí.",
    # parts of other nouns than the total's kinds; a change with no period compared in its parentheses
    "Kiểm tra 15 cơ sở (phát hiện 3 vi phạm, xử phạt 20 triệu đồng).",
    "Năm 2024 tiếp nhận 1.536 đơn, tăng 131 đơn (trong đó 100 đơn khiếu nại).",
    # schooling and political theory; poor households and ethnic minorities: two traits each
    "Toàn huyện có 120 cán bộ, trong đó 80 cán bộ có trình độ đại học, 100 cán bộ có trình độ lý luận chính trị trung cấp.",
    "Tổng số 150 hộ được hỗ trợ, trong đó 100 hộ nghèo, 80 hộ dân tộc thiểu số.",
    # a part refining a sibling ("nâng cao", "trở lên") is among it: nested, in the sentence or the one after
    "Toàn huyện có 12 xã, trong đó 10 xã đạt chuẩn nông thôn mới, 5 xã đạt chuẩn nâng cao.",
    "Năm 2023 toàn huyện có 12 xã. Trong đó, 10 xã đạt chuẩn nông thôn mới, 5 xã đạt chuẩn nâng cao.",
    "Xếp loại 120 tổ chức: hoàn thành tốt nhiệm vụ trở lên 105 tổ chức, hoàn thành xuất sắc nhiệm vụ 25 tổ chức.",
    # successive steps of a case are nested subsets (found, then dealt with), after "trong đó" or a colon
    "Kiểm tra 12 cơ sở, trong đó phát hiện 9 cơ sở vi phạm, xử phạt 7 cơ sở.",
    "Kiểm tra 12 cơ sở: phát hiện 9 cơ sở vi phạm, xử phạt 7 cơ sở.",
    # men, women and workers sent abroad: two traits
    "Số lao động có việc làm tăng thêm 1.200 người, trong đó lao động nữ 600 người, lao động nam 500 người, xuất khẩu lao động 150 người.",
    # a colon list of files told apart by two traits (how they came in, whether on time); labels' own numbers
    "Tiếp nhận 320 hồ sơ: trực tuyến 200 hồ sơ, đúng hạn 300 hồ sơ.",
    "Tổ chức 5 đoàn kiểm tra: đoàn 1 kiểm tra 3 xã, đoàn 2 kiểm tra 4 xã.",
    "Đã tổ chức 3 lớp: lớp 1 có 45 học viên, lớp 2 có 50 học viên.",
    # a figure of the sentence that is no plan or total
    "Toàn huyện có 1.300 lao động; đã giải quyết việc làm cho 1.250 lao động, đạt 96,2%.",
    # a range ("100-110", "2 - 3") is no figure of its own: neither a total nor a part
    "Phấn đấu kết nạp 150-160 đảng viên, gồm khu vực nông thôn 100-110 đảng viên và khu vực đô thị 50 đảng viên.",
    "Mỗi năm mở 5 - 6 lớp bồi dưỡng, gồm 2 - 3 lớp cho đảng viên mới và 3 lớp cho cấp ủy viên.",
    "Kế hoạch giải quyết việc làm cho 1,5-1,6 triệu lao động, gồm việc làm trong nước 1,4-1,5 triệu lao động; xuất khẩu 0,1 triệu lao động.",
    # parts told apart by different traits (women, youth, ethnic minorities) overlap: no sum
    "Năm 2024 kết nạp 50 đảng viên, trong đó nữ 30 đảng viên, đoàn viên 35 đảng viên.",
    "Năm 2024 kết nạp 50 đảng viên, trong đó 30 đảng viên nữ, 35 đảng viên là đoàn viên thanh niên.",
    "Toàn huyện có 1.250 đảng viên, trong đó 620 đảng viên nữ, 540 đảng viên dân tộc thiểu số, 210 đảng viên trẻ.",
    # examples after "như" are no breakdown
    "Xuất khẩu lao động khoảng 106 ngàn người, đạt 120,68% kế hoạch.\nTrong đó các tỉnh tạo được nhiều việc làm, như: Hà Nội 138 ngàn người, "
    "Đồng Nai 91 ngàn người, Bình Dương 46 ngàn người.",
    # a budget's large items after "trong đó", short of the total by more than a slip: not all of it
    "Tổng thu ngân sách quý I đạt 3.417 tỷ đồng, trong đó thu nội địa đạt 2.310 tỷ đồng, thu thuế xuất, nhập khẩu 1.083 tỷ đồng.",
    "Tổng chi ngân sách đạt 16.080 tỷ đồng, trong đó chi đầu tư phát triển 7.831 tỷ đồng, chi thường xuyên 8.100 tỷ đồng.",
    # a sentence of its own may detail only some of the total: parts short of it make no sum
    "Năm 2024 phát hiện 50 vụ vi phạm. Cụ thể: 20 vụ trộm cắp, 25 vụ cố ý gây thương tích.",
    # page code that a web page's text may carry
    ".wb-autocomplete-suggestions {\nborder: 1px solid #ccc;\nbox-shadow: -1px 1px 3px rgba(0, 0, 0, .1);\nposition: absolute;\n}",
    "if((event1.which == 10) || (event1.which == 13))\n{\nS3F5AE4C3_Submit();return false;\n}",
]


@pytest.mark.parametrize(("text", "expected"), CONSISTENT)
def test_consistent(text, expected):
    assert verdicts(text) == sorted(expected, key=repr)


@pytest.mark.parametrize(("text", "expected"), INCONSISTENT)
def test_inconsistent(text, expected):
    assert verdicts(text) == sorted(expected, key=repr)


@pytest.mark.parametrize(("text", "expected"), TRUNCATION_AND_APPROXIMATE)
def test_truncation_and_approximate_are_labelled(text, expected):
    assert expected in verdicts(text)


@pytest.mark.parametrize("text", NOT_RELATIONS)
def test_not_relations(text):
    assert verdicts(text) == []


def test_bullet_list_with_nested_items():
    text = (
        "* Tổng số người nghiện ma túy: 1974. Trong đó;\n"
        "- Số đang ở ngoài xã hội: 834.\n"
        "+ Số chưa thực hiện biện pháp cai nghiện nào hiện đang ở ngoài xã hội: 223 (đang chờ quyết định).\n"
        "+ Số đang cai nghiện ma túy tự nguyện tại gia đình, cộng đồng: 20.\n"
        "+ Số đang điều trị nghiện các chất dạng thuốc phiện bằng thuốc thay thế: 591.\n"
        "+ Số đang ở ngoài xã hội do lý do khác: 0.\n"
        "- Số đang trong cơ sở cai nghiện: 1107.\n"
        "- Số đang trong nhà tạm giữ, trại tam giam: 33.\n"
        "* Tổng số người bị quản lý sau cai nghiện: 933.\n"
    )
    assert verdicts(text) == sorted([("sum", "consistent", 1974, None), ("sum", "consistent", 834, None)], key=repr)
    assert ("sum", "inconsistent", 1974, None) in verdicts(text.replace("1107", "1109"))


def test_list_items_with_numbered_details_after_a_blank_line():
    text = (
        "Từ kết quả tổng hợp báo cáo của 16 hội, tính đến ngày 26/11/2024 có:\n"
        "- 05 hội đã tổ chức đại hội, gồm: Hội Y học, Hiệp Hội Du lịch, Liên đoàn cầu lông, Hội Golf và Hội Cờ.\n"
        "- 04 hội đang chuẩn bị hồ sơ, gồm: Hiệp hội Vận tải ô tô, Hội Nghề cá, Hiệp hội Nước mắm Phan Thiết và Hội Tin học.\n"
        "- 03 hội không đủ điều kiện, gồm: Hội Cựu giáo chức, Hội Bảo vệ thiên nhiên và môi trường và Hội Làm vườn. Cụ thể:\n"
        "(1) Hội Cựu giáo chức tỉnh có Văn bản số 16/CGC.BT ngày 19/8/2024 báo cáo.\n\n"
        "(2) Hội Làm vườn có Văn bản số 01/HLV ngày 30/7/2024 báo cáo.\n"
        "- 04 hội không báo cáo kết quả thực hiện, gồm: Hội Thân nhân kiều bào, Hiệp hội Nhà thầu xây dựng, Hiệp hội Thủy sản và Hội Lâm nghiệp.\n"
    )
    assert ("sum", "consistent", 16, None) in verdicts(text)
    assert [v for v in verdicts(text) if v[1] != "consistent"] == []


def test_footnote_breaks_down_a_body_figure():
    body = "Kết quả được 214 buổi cho 2.691 lượt người."
    note = (
        "Ủy ban MTTQ các xã, thị trấn lồng ghép tuyên truyền 13 buổi với 360 lượt người. Hội Nông dân cơ sở tuyên truyền 20 buổi "
        "cho 981 lượt người. Huyện đoàn lồng ghép tuyên truyền 01 hội nghị/50 cán bộ đoàn, đoàn viên thanh niên; tổ chức đoàn cơ sở "
        "tuyên truyền lồng ghép 180 buổi với 1.300 lượt đoàn viên thanh niên."
    )
    text = body + "\n\n" + note
    anchor = body.index("người")
    notes = (NoteRef(len(body) + 2, len(text), ((anchor, anchor + len("người")),)),)
    assert verdicts(text, notes) == sorted([("sum", "consistent", 214, None), ("sum", "consistent", 2691, None)], key=repr)
    changed = text.replace("981", "991")
    assert ("sum", "inconsistent", 2691, None) in verdicts(changed, notes)


def test_footnote_figures_matched_by_verb():
    body = (
        "Các cơ quan chuyên môn thuộc tỉnh đã thực hiện rà soát 734 văn bản QPPL, trong đó đề xuất xử lý đối với 303 văn bản QPPL "
        "và đã tham mưu xử lý đối với 303 văn bản đảm bảo theo quy định."
    )
    note = (
        "Trước sáp nhập: Tỉnh Lâm Đồng đã thực hiện rà soát 77 văn bản QPPL, đã đề xuất và xử lý xong 77 văn bản QPPL theo quy định; "
        "tỉnh Đắk Nông đã thực hiện rà soát 397 văn bản QPPL; tỉnh Bình Thuận đã thực hiện rà soát 35 văn bản QPPL, đã đề xuất và "
        "xử lý xong 01 văn bản QPPL theo quy định. Sau sáp nhập: Tỉnh Lâm Đồng đã thực hiện rà soát 225 văn bản QPPL, đã đề xuất và "
        "xử lý xong 225 văn bản QPPL theo quy định."
    )
    text = body + "\n\n" + note
    anchor = body.index("định")
    notes = (NoteRef(len(body) + 2, len(text), ((anchor, anchor + 4),)),)
    assert verdicts(text, notes) == sorted([("sum", "consistent", 734, None), ("sum", "consistent", 303, None)], key=repr)


def test_seed_report(seed_report):
    mine = [c for c in seed_report.checks if c.kind in ("percentage", "sum")]
    assert sorted((c.kind, c.status, c.stated) for c in mine) == sorted(
        [
            ("percentage", "consistent", 96.3),
            ("percentage", "consistent", 97.2),
            ("sum", "consistent", 3182),
            ("sum", "consistent", 214),
            ("sum", "consistent", 2691),
        ]
    )
    assert not [c for c in seed_report.checks if c.status == "inconsistent" and c.kind in ("percentage", "sum", "count", "difference")]
    first = next(c for c in mine if c.stated == 96.3)
    assert first.message == "2.443/2.538 = 96,26% (báo cáo ghi 96,3%): khớp"
    assert first.message_en == "2,443/2,538 = 96.26% (report states 96.3%): consistent"
    assert [(o.role, o.span.text) for o in first.operands] == [("numerator", "2.443"), ("denominator", "2.538"), ("percent", "96,3")]
    assert seed_report.coverage.checked >= 5
    assert seed_report.coverage.numeric_claims >= seed_report.coverage.checked
    assert_valid(seed_report)


def test_run_appends_to_earlier_checks_and_sets_coverage():
    from nq_extract import normalize
    from nq_extract.context import Context
    from nq_extract.document import Loaded
    from nq_extract.models import Check, Report, Source

    doc = normalize.build(Loaded(text="Đã giải quyết 1.204/1.250 hồ sơ, đạt 97,12%. Tỷ lệ số hóa hồ sơ đạt 82%.", source=Source()))
    earlier = Check(kind="reference", status="consistent", message="ok")
    ctx = Context(doc=doc, seg=None, report=Report(checks=[earlier]))
    run(ctx)
    assert ctx.report.checks[0] is earlier
    assert [c.status for c in ctx.report.checks[1:]] == ["inconsistent"]
    # the orphan "đạt 82%" is a numeric claim that could not be checked
    assert (ctx.report.coverage.numeric_claims, ctx.report.coverage.checked) == (2, 1)


def test_table_column_sums():
    from nq_extract.checks.tables import table_sums
    from nq_extract.models import Table

    rows = [
        ["Đơn vị", "Số hồ sơ", "Tỷ lệ đúng hạn"],
        ["Cấp tỉnh", "195.197", "99,1"],
        ["Cấp xã", "468.463", "99,81"],
        ["Tổng cộng", "663.660", "99,6"],
    ]
    table, _text = _table(rows)
    cells = table.cells
    rels = table_sums([table])
    assert [(r.kind, r.tok("total").written, [p.written for p in r.toks("part")]) for r in rels] == [
        ("sum", "663.660", ["195.197", "468.463"])
    ]
    assert verdicts_of(rels) == [("sum", "consistent", 663660, None)]
    rows[3][1] = "663.670"
    assert verdicts_of(table_sums([Table(rows=rows, cells=cells)])) == [("sum", "inconsistent", 663670, None)]


def test_a_line_numbering_the_columns_is_not_a_part_of_a_column_sum():
    from nq_extract.checks.tables import numbering_row, table_sums

    assert numbering_row(["1", "2", "3", "4"]) and numbering_row(["(1)", "(2)", "(3)"])
    assert not numbering_row(["Xã A", "2", "3", "4"]) and not numbering_row(["1", "3", "5"])
    table, text = _table(
        [
            ["Đơn vị", "Số hồ sơ", "Số đúng hạn"],
            ["1", "2", "3"],
            ["Cấp tỉnh", "195", "190"],
            ["Cấp xã", "468", "460"],
            ["Tổng cộng", "663", "650"],
        ]
    )
    assert verdicts_of(table_sums([table], text)) == [("sum", "consistent", 663, None), ("sum", "consistent", 650, None)]


def verdicts_of(rels):
    out = []
    for rel in rels:
        d, stated, _vi, _en = judge(rel)
        out.append((rel.kind, d.status, stated, d.finding))
    return out


def _table(rows):
    from nq_extract.models import Span, Table

    text, cells = "", []
    for row in rows:
        spans = []
        for cell in row:
            spans.append(Span(start=len(text), end=len(text) + len(cell), text=cell))
            text += cell + " | "
        cells.append(spans)
        text += "\n"
    return Table(rows=rows, cells=cells), text


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (  # "Tổng số" broken down by "Chia ra" (a merged header cell: the label, then empty cells)
            [
                ["Đơn vị", "Tổng số", "Chia ra", ""],
                ["", "", "Nam", "Nữ"],
                ["Xã A", "120", "70", "50"],
                ["Xã B", "95", "40", "54"],
            ],
            [("sum", "consistent", 120, None), ("sum", "inconsistent", 95, None)],
        ),
        (  # the same, the label repeated over the merged cells, and a rate column after the group
            [
                ["Đơn vị", "Tổng số", "Gồm", "Gồm", "Tỷ lệ (%)"],
                ["", "", "Đảng viên", "Quần chúng", ""],
                ["Huyện", "3.182", "2.443", "739", "96,3"],
            ],
            [("sum", "consistent", 3182, None)],
        ),
        (  # a line numbering the columns under the header is no data row
            [
                ["Đơn vị", "Tổng số", "Chia ra", ""],
                ["(1)", "(2)", "(3)", "(4)"],
                ["Xã A", "120", "70", "50"],
            ],
            [("sum", "consistent", 120, None)],
        ),
        (  # "Trong đó" names only some parts: no sum
            [
                ["Đơn vị", "Tổng số", "Trong đó", ""],
                ["", "", "Nữ", "Dân tộc thiểu số"],
                ["Xã A", "120", "50", "30"],
            ],
            [],
        ),
        (  # a total column with no breakdown under it: no sum along the row
            [
                ["Đơn vị", "Tổng số", "Kế hoạch", "Thực hiện"],
                ["Xã A", "120", "100", "20"],
                ["Xã B", "95", "40", "54"],
            ],
            [],
        ),
    ],
)
def test_table_row_sums_under_a_breakdown_header(rows, expected):
    from nq_extract.checks.tables import row_sums

    table, text = _table(rows)
    rels = row_sums([table], text)
    assert verdicts_of(rels) == expected
    for rel in rels:
        for _role, tok in rel.operands:
            assert text[tok.start : tok.end] == tok.written


def test_computed_is_what_the_written_figures_give():
    # "10 tỷ đồng" is a rounded amount: the check allows its interval, but shows 12,5/10 itself
    (check,) = nq_extract.parse_text("Thu ngân sách đạt 12,5/10 tỷ đồng, đạt 125% dự toán.").checks
    assert (check.status, check.computed) == ("consistent", 125)
    assert check.message.startswith("12,5/10 = 125% ")
