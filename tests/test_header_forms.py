"""The header as other layouts write it: a table row per line ("Số: ... | Place, ngày ..."),
no kind heading, a motto with mixed dashes, a place with a hyphen, a title whose last line
names the place ("... TRÊN ĐỊA BÀN" / "TỈNH ĐẮK NÔNG")."""

from __future__ import annotations

import pytest

import nq_extract

from .helpers import assert_valid

TABLE_ROWS = (
    "HỘI ĐỒNG NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
    "Số: 34/2016/NQ-HĐND | Vĩnh Phúc, ngày 21 tháng 7 năm 2016 |\n"
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n"
    "Xét Tờ trình số 16/TTr-BVHXH ngày 13/7/2016 của Ban Văn hóa - Xã hội HĐND tỉnh về việc ban hành Nội quy kỳ họp.\n"
)

MIXED_DASHES = (
    "ỦY BAN NHÂN DÂN\nTỈNH NINH THUẬN\n--------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do – Hạnh phúc\n"
    "---------------\n\nSố: 55/2007/QĐ-UBND\n\nPhan Rang-Tháp Chàm, ngày 05 tháng 3 năm 2007\n\nQUYẾT ĐỊNH\n\n"
    "BAN HÀNH KẾ HOẠCH HÀNH ĐỘNG VÌ SỰ TIẾN BỘ PHỤ NỮ\n\nCăn cứ Nghị quyết số 18/2006/NQ-HĐND ngày 18/12/2006 của HĐND tỉnh.\n"
)

PLACE_LINE = (
    "ỦY BAN NHÂN DÂN\nTỈNH ĐẮK NÔNG\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Số: 08/2023/QĐ-UBND\nĐắk Nông, ngày 21 tháng 02 năm 2023\nQUYẾT ĐỊNH\nBAN HÀNH QUY ĐỊNH QUẢN LÝ VỐN ĐẦU TƯ TRÊN ĐỊA BÀN\n"
    "TỈNH ĐẮK NÔNG\nỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n"
)

BYLINE = (
    "THAM LUẬN\nGiải pháp xây dựng xã, phường không ma túy\nUBND Thành phố Hải Phòng\n\n"
    "Kính thưa các đồng chí,\nThành phố đã triển khai nhiều giải pháp.\n"
)


WEB_PAGE_ABOVE = (
    "Báo cáo kết quả thực hiện kế hoạch 6 tháng đầu năm 2022\n\nSố kí hiệu Số: 218 /BC-UBND\nNgày ban hành 24/06/2022\n"
    "Người ký Nguyễn Văn Hùng\n\nNội dung\n\nỦY BAN NHÂN DÂN\n     XÃ CẨM HÀ\n\n\nSố: 218 /BC-UBND\n \n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nCẩm Hà, ngày  24 tháng 6  năm 2022\nBÁO CÁO\n"
    "Kết quả thực hiện kế hoạch 6 tháng đầu năm 2022\n\nPhần thứ nhất\nKẾT QUẢ\n"
)

TITLE_ABOVE_MOTTO = (
    "BÁO CÁO   Tình hình kinh tế - xã hội 6 tháng đầu năm 2020\nNgày 29/10/2020\n\nỦY BAN NHÂN DÂN\n\n  XÃ QUỲNH MINH\n\n"
    "   Số: ……/ BC-UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nĐộc lập – Tự do – Hạnh phúc\n\n"
    "Quỳnh Minh, ngày 10 tháng 7 năm 2020\n\nBÁO CÁO\n\nTình hình kinh tế - xã hội 6 tháng đầu năm,\n\n"
    " nhiệm vụ trọng tâm 6 tháng cuối năm 2020\n\n\nPHẦN THỨ NHẤT\n\nSáu tháng đầu năm 2020 tình hình ổn định.\n"
)


PARTY_LETTER = (
    "HUYỆN ỦY ĐÔNG SƠN\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\nBAN TUYÊN GIÁO\n\n*\n\nĐông Sơn, ngày 15 tháng 6 năm 2021\n\n"
    "Số 45 - CV/BTGHU\n\nV/v tuyên truyền kỷ niệm ngày thành lập huyện\n\nKính gửi: Các chi, đảng bộ cơ sở.\n\n"
    "Ban Tuyên giáo Huyện ủy đề nghị các chi, đảng bộ thực hiện theo Hướng dẫn số 17-HD/BTGTU, ngày 27/5/2021.\n"
)

STATE_LETTER = (
    "ỦY BAN NHÂN DÂN\nHUYỆN ĐÔNG SƠN\nSố: 812/UBND-VX\nV/v triển khai Tháng hành động vì trẻ em\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nĐông Sơn, ngày 02 tháng 5 năm 2024\n"
    "Kính gửi: Ủy ban nhân dân các xã, thị trấn.\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            TABLE_ROWS,
            {"kind": None, "id": "34/2016/NQ-HĐND", "issuer": "HỘI ĐỒNG NHÂN DÂN", "place": "Vĩnh Phúc", "date": "2016-07-21"},
        ),
        (
            MIXED_DASHES,
            {"kind": "Quyết định", "id": "55/2007/QĐ-UBND", "issuer": "ỦY BAN NHÂN DÂN TỈNH NINH THUẬN", "place": "Phan Rang-Tháp Chàm"},
        ),
        (PLACE_LINE, {"title": "BAN HÀNH QUY ĐỊNH QUẢN LÝ VỐN ĐẦU TƯ TRÊN ĐỊA BÀN TỈNH ĐẮK NÔNG", "id": "08/2023/QĐ-UBND"}),
        # a web page's own lines above the header, repeating its number
        (WEB_PAGE_ABOVE, {"id": "218/BC-UBND", "issuer": "ỦY BAN NHÂN DÂN XÃ CẨM HÀ", "place": "Cẩm Hà", "date": "2022-06-24"}),
        # a web page's title above the motto; the document's title goes on after a blank line under a comma
        (
            TITLE_ABOVE_MOTTO,
            {
                "kind": "Báo cáo",
                "issuer": "ỦY BAN NHÂN DÂN XÃ QUỲNH MINH",
                "title": "Tình hình kinh tế - xã hội 6 tháng đầu năm, nhiệm vụ trọng tâm 6 tháng cuối năm 2020",
            },
        ),
        # letters have no kind heading: their number says they are letters
        (PARTY_LETTER, {"kind": "Công văn", "id": "45-CV/BTGHU", "issuer": "HUYỆN ỦY ĐÔNG SƠN BAN TUYÊN GIÁO", "date": "2021-06-15"}),
        (STATE_LETTER, {"kind": "Công văn", "id": "812/UBND-VX", "issuer": "ỦY BAN NHÂN DÂN HUYỆN ĐÔNG SƠN", "place": "Đông Sơn"}),
        # a byline under a title is not part of it
        (BYLINE, {"kind": "Tham luận", "title": "Giải pháp xây dựng xã, phường không ma túy", "issuer": "UBND Thành phố Hải Phòng"}),
    ],
)
def test_header(text: str, expected: dict[str, str | None]) -> None:
    report = nq_extract.parse(text)
    assert_valid(report)
    doc = report.document.model_dump()
    assert {k: doc[k] for k in expected} == expected
    # the report's own number is never one of its references
    assert doc["id"] not in {r.id for r in report.references}


def test_no_kind_is_guessed_from_a_number_that_is_not_a_letter_s() -> None:
    text = "TỈNH ỦY QUẢNG NAM\nĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 120-KL/TU\nTam Kỳ, ngày 03 tháng 6 năm 2022\nKẾT QUẢ\n\nNội dung.\n"
    assert nq_extract.parse(text).document.kind is None


def test_a_number_in_the_body_is_not_the_document_s_own_without_a_header() -> None:
    report = nq_extract.parse("Thực hiện Nghị quyết số 34/2016/NQ-HĐND ngày 21/7/2016 của HĐND tỉnh, huyện đã triển khai.")
    assert report.document.id is None
    assert report.document.kind is None
    assert [r.id for r in report.references] == ["34/2016/NQ-HĐND"]


BASE = (
    "ỦY BAN NHÂN DÂN\nHUYỆN ĐÔNG SƠN\nSố: 12/BC-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Đông Sơn, ngày 02 tháng 5 năm 2024\nBÁO CÁO\nKết quả công tác tháng 4\n\nNội dung báo cáo.\n"
)


@pytest.mark.parametrize(
    ("footer", "recipients"),
    [
        # the signature's position printed beside a recipient in a flattened two-column block
        (
            "Nơi nhận:                                   KT. CHỦ TỊCH\n- UBND tỉnh;                                 PHÓ CHỦ TỊCH\n"
            "- Lưu: VT.\n\n                                             Lê Thị Cúc\n",
            ["UBND tỉnh"],
        ),
        # recipients written in capitals stay whole
        (
            "Nơi nhận:\n- VP UBND TỈNH;\n- CÔNG AN HUYỆN;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn An\n",
            ["VP UBND TỈNH", "CÔNG AN HUYỆN"],
        ),
    ],
)
def test_recipients(footer: str, recipients: list[str]) -> None:
    report = nq_extract.parse(BASE + footer)
    assert_valid(report)
    assert report.document.recipients == recipients
    assert report.document.signer is not None and report.document.signer.position == "Phó Chủ tịch"


def test_an_issuer_partly_in_capitals_stays_whole() -> None:
    text = (
        "Ủy ban nhân dân\nTỈNH LÂM ĐỒNG\nSố: 12/BC-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Lâm Đồng, ngày 02 tháng 5 năm 2024\nBÁO CÁO\nKết quả\n\nNội dung.\n"
    )
    assert nq_extract.parse(text).document.issuer == "Ủy ban nhân dân TỈNH LÂM ĐỒNG"
