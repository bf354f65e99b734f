"""What a citation says about the cited document: its issuing body written in full (names
holding "và", a comma or a dash; a line wrapped inside the name), its title cut where the
sentence goes on, and symbols of bodies outside the Party and State grammars' usual codes."""

from __future__ import annotations

import pytest

import nq_extract

from .helpers import assert_valid


def _ref(sentence: str, rid: str) -> nq_extract.models.Reference:
    report = nq_extract.parse(sentence)
    assert_valid(report)
    found = [r for r in report.references if r.id == rid]
    assert found, [r.id for r in report.references]
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "rid", "issuer"),
    [
        (
            "Căn cứ Quyết định số 1234/QĐ-BNNPTNT ngày 5/5/2022 của Bộ Nông nghiệp và Phát triển nông thôn về việc ban hành bộ tiêu chí.",
            "1234/QĐ-BNNPTNT",
            "Bộ Nông nghiệp và Phát triển nông thôn",
        ),
        (
            "Thực hiện Công văn số 456/SLĐTBXH-BTXH ngày 1/8/2024 của Sở Lao động - Thương binh và Xã hội về việc rà soát hộ nghèo.",
            "456/SLĐTBXH-BTXH",
            "Sở Lao động - Thương binh và Xã hội",
        ),
        (
            "Thực hiện Kế hoạch số 77/KH-SVHTTDL ngày 2/3/2024 của Sở Văn hóa, Thể thao và Du lịch về tổ chức lễ hội.",
            "77/KH-SVHTTDL",
            "Sở Văn hóa, Thể thao và Du lịch",
        ),
        (
            "Thực hiện Công văn số 2928/LĐTBXH-BVCSTE ngày 12/8/2014 của Bộ Lao động, Thương binh và Xã hội về việc triển khai.",
            "2928/LĐTBXH-BVCSTE",
            "Bộ Lao động, Thương binh và Xã hội",
        ),
        # a line wrapped inside the name, the next line going on in lower case
        (
            "Thực hiện Chỉ thị số 8008/CT-TCTL ngày 25/10/2019 của Bộ trưởng Bộ Nông nghiệp và Phát triển\nnông thôn về việc tăng cường "
            "các giải pháp thủy lợi.",
            "8008/CT-TCTL",
            "Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn",
        ),
        (
            "Triển khai Kế hoạch số 438/KH-UBND ngày 22/7/2025 của Ủy\nban nhân dân tỉnh về tuyên truyền cải cách hành chính.",
            "438/KH-UBND",
            "Ủy ban nhân dân tỉnh",
        ),
        # the place a known body serves stays in its name
        (
            "Theo Báo cáo số 15/BC-SKHĐT ngày 3/3/2024 của Sở Kế hoạch và Đầu tư tỉnh Quảng Nam.",
            "15/BC-SKHĐT",
            "Sở Kế hoạch và Đầu tư tỉnh Quảng Nam",
        ),
        # a known body followed by what it does: the verb is not its name
        (
            "Giấy mời số 27/GM-SKHCN ngày 22/9/2025 của Sở Khoa học và Công nghệ mời tham gia tập huấn.",
            "27/GM-SKHCN",
            "Sở Khoa học và Công nghệ",
        ),
        # a body named after "của" that is not a known name keeps the former reading
        (
            "Báo cáo thẩm tra số 71/BC-HĐND ngày 13/9/2025 của Ban Dân tộc của Hội đồng nhân dân tỉnh.",
            "71/BC-HĐND",
            "Ban Dân tộc của Hội đồng nhân dân tỉnh",
        ),
        # the issuer code alone names the body when the text does not
        ("Theo đề nghị tại Tờ trình số 126/SKHĐT ngày 23/01/2007.", "126/SKHĐT", "Sở Kế hoạch và Đầu tư"),
        ("Căn cứ Thông tư số 05/2023/TT-BTNMT ngày 30/6/2023 quy định kỹ thuật.", "05/2023/TT-BTNMT", "Bộ Tài nguyên và Môi trường"),
    ],
)
def test_issuing_body(sentence: str, rid: str, issuer: str) -> None:
    assert _ref(sentence, rid).issuer == issuer


@pytest.mark.parametrize(
    ("sentence", "rid", "title"),
    [
        # a new clause with its own subject after the title
        (
            "Thực hiện Kế hoạch số 438/KH-UBND ngày 22/7/2025 của UBND tỉnh về tuyên truyền CCHC năm 2025, các cơ quan, đơn vị, "
            "địa phương trên địa bàn tỉnh đã xây dựng kế hoạch.",
            "438/KH-UBND",
            "Tuyên truyền CCHC năm 2025",
        ),
        (
            "Thực hiện Chỉ thị số 35-CT/TW ngày 30/5/2019 của Bộ Chính trị về đại hội đảng bộ các cấp, Đảng bộ huyện đã tổ chức đại hội.",
            "35-CT/TW",
            "Đại hội đảng bộ các cấp",
        ),
        # a relative clause of the title is kept
        (
            "Căn cứ Nghị quyết số 21/NQ-HĐND ngày 28/8/2025 của HĐND tỉnh về bãi bỏ các văn bản do Hội đồng nhân dân tỉnh Bình Thuận, "
            "Đắk Nông đã ban hành.",
            "21/NQ-HĐND",
            "Bãi bỏ các văn bản do Hội đồng nhân dân tỉnh Bình Thuận, Đắk Nông đã ban hành",
        ),
        # the next citation of a list
        (
            "Thực hiện Nghị quyết số 68-NQ/TW ngày 04/5/2025 của Bộ Chính trị về phát triển kinh tế tư nhân, Nghị quyết số 02/NQ-CP "
            "ngày 08/01/2025 của Chính phủ về cải thiện môi trường kinh doanh.",
            "68-NQ/TW",
            "Phát triển kinh tế tư nhân",
        ),
        (
            "Theo Công văn số 8380/BTC-QLCS ngày 13/6/2025 của Bộ Tài chính về hướng dẫn xử lý trụ sở và Công văn số 11738/BTC-QLCS "
            "ngày 31/7/2025 về việc xử lý tài sản.",
            "8380/BTC-QLCS",
            "Hướng dẫn xử lý trụ sở",
        ),
        # a title in quotes without "về"
        (
            "Tổng kết Nghị quyết số 18-NQ/TW, ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng khóa XII “một số vấn đề về tiếp tục "
            "đổi mới, sắp xếp tổ chức bộ máy”; Đề án kết thúc hoạt động.",
            "18-NQ/TW",
            "Một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy",
        ),
        # other documents joined to it
        (
            "Thực hiện Chỉ thị số 35-CT/TW ngày 30-5-2019 của Bộ Chính trị về đại hội đảng bộ các cấp và các văn bản hướng dẫn của "
            "Trung ương, cấp ủy các cấp đã quán triệt.",
            "35-CT/TW",
            "Đại hội đảng bộ các cấp",
        ),
        # a title that cites documents itself lists them
        (
            "Theo Báo cáo số 34/BC-STC ngày 4/8/2025 của Sở Tài chính về kết quả thực hiện Kết luận số 62-KL/TW và Nghị quyết số 19-NQ/TW.",
            "34/BC-STC",
            "Kết quả thực hiện Kết luận số 62-KL/TW và Nghị quyết số 19-NQ/TW",
        ),
        (
            "Căn cứ Kết luận số 132-KL/TW ngày 18/3/2025 của Bộ Chính trị về tiếp tục thực hiện Chỉ thị số 36-CT/TW ngày 16/8/2019 "
            "của Bộ Chính trị về phòng, chống ma túy.",
            "132-KL/TW",
            "Tiếp tục thực hiện Chỉ thị số 36-CT/TW ngày 16/8/2019 của Bộ Chính trị về phòng, chống ma túy",
        ),
        # a title after a known body's name that holds "và"
        (
            "Thực hiện Công văn số 789/SKHĐT-TH ngày 12/7/2024 của Sở Kế hoạch và Đầu tư về việc đánh giá tình hình thực hiện kế hoạch.",
            "789/SKHĐT-TH",
            "Đánh giá tình hình thực hiện kế hoạch",
        ),
    ],
)
def test_title(sentence: str, rid: str, title: str) -> None:
    assert _ref(sentence, rid).title == title


@pytest.mark.parametrize(
    ("sentence", "ids"),
    [
        # the Youth Union's Party-style symbols end in a department's code
        ("Thực hiện Kế hoạch số 45-KH/TWĐTN-VP ngày 12/3/2024 của Ban Bí thư Trung ương Đoàn.", {"45-KH/TWĐTN-VP"}),
        ("Theo Hướng dẫn số 12-HD/TĐTN-TNNT ngày 5/1/2024 của Ban Thường vụ Tỉnh Đoàn.", {"12-HD/TĐTN-TNNT"}),
        # other Party issuers never carry one
        ("Theo Kế hoạch số 45-KH/TU-VP ngày 12/3/2024.", set()),
        ("Thực hiện Nghị quyết số 42-NQ/TW ngày 24/11/2023.", {"42-NQ/TW"}),
    ],
)
def test_symbols(sentence: str, ids: set[str]) -> None:
    report = nq_extract.parse(sentence)
    assert_valid(report)
    assert {r.id for r in report.references} == ids


@pytest.mark.parametrize(
    ("sentence", "rid", "kind"),
    [
        ("Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16/6/2025.", "72/2025/QH15", "Luật"),
        ("Căn cứ Luật Hoạt động giám sát của Quốc hội và Hội đồng nhân dân số 87/2015/QH13;", "87/2015/QH13", "Luật"),
        ("Căn cứ Nghị quyết số 85/2014/QH13 của Quốc hội về lấy phiếu tín nhiệm.", "85/2014/QH13", "Nghị quyết"),
        # a law named earlier in the sentence, then another document with its own kind word
        ("Căn cứ Luật Đất đai năm 2024; Quyết định số 12/QĐ-UBND ngày 3/3/2025 của UBND tỉnh.", "12/QĐ-UBND", "Quyết định"),
    ],
)
def test_kind_named_before_its_number(sentence: str, rid: str, kind: str) -> None:
    assert _ref(sentence, rid).kind == kind


def test_a_heading_names_the_document_cited_in_full_after_it() -> None:
    text = (
        "Chương trình hành động thực hiện Nghị quyết số 57\n"
        "Ban Thường vụ Tỉnh ủy ban hành Chương trình hành động thực hiện Nghị quyết số 57-NQ/TW, ngày 22/12/2024 của Bộ Chính trị."
    )
    report = nq_extract.parse(text)
    assert_valid(report)
    assert [(r.id, [m.text for m in r.mentions]) for r in report.references] == [("57-NQ/TW", ["Nghị quyết số 57", "57-NQ/TW"])]
    assert not [w for w in report.warnings if w.code.startswith("reference")]


def test_a_short_form_before_two_documents_of_that_number_stays_unresolved() -> None:
    text = "Thực hiện Kế hoạch số 19 năm nay.\nKế hoạch số 19-KH/TU ngày 2/3/2021 của Tỉnh ủy; Kế hoạch số 19-KH/HU ngày 5/3/2021 của Huyện ủy."
    report = nq_extract.parse(text)
    assert {r.id: len(r.mentions) for r in report.references} == {"19-KH/TU": 1, "19-KH/HU": 1}


@pytest.mark.parametrize(
    ("sentence", "rid", "issuer"),
    [
        (
            "Xét đề nghị của Giám đốc Sở Lao động - Thương\nbinh và Xã hội tại Tờ trình số 59/TTr-LĐTBXH ngày 14/8/2013 về việc phê duyệt Đề án.",
            "59/TTr-LĐTBXH",
            "Sở Lao động - Thương binh và Xã hội",
        ),
        ("Theo đề nghị của Trưởng ban Dân tộc tỉnh tại Tờ trình số 29/TTr-BDT ngày 20/01/2016.", "29/TTr-BDT", "Trưởng ban Dân tộc tỉnh"),
        (
            "Xét đề nghị của Giám đốc\nSở Nông nghiệp & Phát triển nông thôn tỉnh tại Tờ trình số 473/TTr-NN&PTNT ngày 21/5/2007,",
            "473/TTr-NN&PTNT",
            "Sở Nông nghiệp & Phát triển nông thôn tỉnh",
        ),
        # a body named after the citation comes first
        (
            "Xét đề nghị của Sở Nội vụ tại Tờ trình số 16/TTr-HĐND ngày 15/6/2021 của Thường trực HĐND tỉnh về việc ban hành Nội quy.",
            "16/TTr-HĐND",
            "Thường trực HĐND tỉnh",
        ),
    ],
)
def test_body_named_before_the_citation(sentence: str, rid: str, issuer: str) -> None:
    assert _ref(sentence, rid).issuer == issuer


def test_a_title_ends_before_a_heading_in_capitals() -> None:
    text = "Xét đề nghị của Sở Tài chính tại Tờ trình số 59/TTr-STC ngày 14/8/2013 về việc phê duyệt Đề án thành lập Đội công tác,\nQUYẾT ĐỊNH:\nĐiều 1."
    assert _ref(text, "59/TTr-STC").title == "Phê duyệt Đề án thành lập Đội công tác"


@pytest.mark.parametrize(
    ("sentence", "ids"),
    [
        # a title in capitals writes the codes in capitals: the same document as the body's citation
        (
            "KẾ HOẠCH THỰC HIỆN CHỈ THỊ SỐ 19/CT-TTG NGÀY 16 THÁNG 7 NĂM 2021\n\nThực hiện Chỉ thị số 19/CT-TTg ngày 16/7/2021 của Thủ tướng Chính phủ.",
            {"19/CT-TTg"},
        ),
        ("CHƯƠNG TRÌNH HÀNH ĐỘNG SỐ 25-CTR/TU NGÀY 10/2/2022 CỦA TỈNH ỦY", {"25-CTr/TU"}),
        ("TỜ TRÌNH SỐ 16/TTR-UBND", {"16/TTr-UBND"}),
        # codes in capitals that name no known code stay as written
        ("Công văn số 12/UBND-VX ngày 3/3/2024.", {"12/UBND-VX"}),
    ],
)
def test_codes_in_capitals(sentence: str, ids: set[str]) -> None:
    report = nq_extract.parse(sentence)
    assert_valid(report)
    assert {r.id for r in report.references} == ids


@pytest.mark.parametrize(
    ("sentence", "rid", "issuer"),
    [
        (
            "Ngày 6/8, Ban Thường vụ Tỉnh ủy Yên Bái đã ban hành Chỉ thị số 17 về tăng cường công tác dư luận xã hội.",
            "17-CT/TU",
            "Ban Thường vụ Tỉnh ủy",
        ),
        ("Huyện ủy ban hành Kế hoạch số 19 về học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.", "19-KH/HU", "Huyện ủy"),
        ("Thực hiện Chỉ thị 05 của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng Hồ Chí Minh.", "05-CT/TW", "Bộ Chính trị"),
    ],
)
def test_short_form_with_the_party_body_that_issued_it(sentence: str, rid: str, issuer: str) -> None:
    assert _ref(sentence, rid).issuer == issuer


@pytest.mark.parametrize(
    ("sentence", "rid"),
    [
        # a quote after words that follow the body names something else
        (
            "Giấy mời số 77/GM-SKHCN ngày 04/12/2025 của Sở Khoa học và Công nghệ tham dự “Lớp bồi dưỡng AI cho doanh nghiệp”.",
            "77/GM-SKHCN",
        ),
        ("Phương án số 02/PA-BCA-C04 ngày 09/8/2021 của Bộ Công an và Dự án “Hợp tác quốc tế về phòng, chống ma túy”.", "02/PA-BCA-C04"),
        ("Kế hoạch số 1859/KH-UBND ngày 29/4/2025 của UBND tỉnh triển khai phong trào “Bình dân học vụ số” năm 2025.", "1859/KH-UBND"),
    ],
)
def test_no_title_from_a_quote_that_names_something_else(sentence: str, rid: str) -> None:
    assert _ref(sentence, rid).title is None


@pytest.mark.parametrize(
    ("sentence", "rid", "kind", "issuer"),
    [
        (
            "Thực hiện Nghị quyết liên tịch số 403/2017/NQLT-UBTVQH14-CP-ĐCTUBTWMTTQVN ngày 15/6/2017 quy định chi tiết.",
            "403/2017/NQLT-UBTVQH14-CP-ĐCTUBTWMTTQVN",
            "Nghị quyết liên tịch",
            "Ủy ban Thường vụ Quốc hội",
        ),
        (
            "Căn cứ Nghị quyết liên tịch số 01/2024/NQLT-MTTW-BTT ngày 2/2/2024.",
            "01/2024/NQLT-MTTW-BTT",
            "Nghị quyết liên tịch",
            "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
        ),
        ("Căn cứ Nghị quyết số 85/2014/QH13 của Quốc hội.", "85/2014/QH13", "Nghị quyết", "Quốc hội"),
    ],
)
def test_joint_resolutions(sentence: str, rid: str, kind: str, issuer: str) -> None:
    ref = _ref(sentence, rid)
    assert (ref.kind, ref.issuer) == (kind, issuer)
