"""Normalization keeps an offset map; footnotes leave the body and the sentence is rejoined."""

from __future__ import annotations

import unicodedata

import pytest

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


def test_markdown_escapes_and_two_column_header():
    md = (
        "  ----------- -----------\n"
        "    **BAN CHẤP HÀNH TRUNG ƯƠNG\\          **ĐẢNG CỘNG SẢN VIỆT NAM\\\n"
        "          \\***           \\-\\-\\-\\-\\-\\-**\n\n"
        "      Số 60-NQ/TW          *Hà Nội, ngày 12 tháng 4 năm 2025*\n\n"
        "**NGHỊ QUYẾT**\n\nHỘI NGHỊ LẦN THỨ 11\n\nNội dung.\n"
    )
    r = nq_extract.parse_text(md)
    assert "\\" not in r.text
    assert r.document.issuer == "BAN CHẤP HÀNH TRUNG ƯƠNG"
    assert (r.document.kind, r.document.id, r.document.place, r.document.date) == ("Nghị quyết", "60-NQ/TW", "Hà Nội", "2025-04-12")


def test_blank_number_is_no_id_and_not_issuer():
    r = nq_extract.parse_text(
        "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố:      /BC-UBND\nLâm Đồng, ngày    tháng 01 năm 2026\n\nBÁO CÁO\nTổng hợp\n\nNội dung."
    )
    assert r.document.id is None
    assert r.document.issuer == "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"
    assert r.document.date == "2026-01"


def test_signature_beside_recipients_with_an_appendix_after_it():
    text = (
        "BÁO CÁO\nKết quả\n\nNội dung báo cáo.\n\n"
        "Nơi nhận: KT. CHỦ TỊCH\n- Bộ Nội vụ;\nPHÓ CHỦ TỊCH\n- Lưu: VT.\nNguyễn Văn An\n"
        "PHỤ LỤC\nBIỂU MẪU THỐNG KÊ\n" + "Chỉ tiêu | Đơn vị | 100\n" * 200
    )
    signer = nq_extract.parse_text(text).document.signer
    assert signer is not None
    assert (signer.name, signer.position, signer.capacity, signer.on_behalf_of) == ("Nguyễn Văn An", "Phó Chủ tịch", "KT", "Chủ tịch")


def test_a_kind_heading_broken_by_a_scan_is_still_the_kind():
    text = (
        "TỈNH ỦY QUẢNG NAM\nĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 120-KL/TƯ\nTam Kỳ, ngày 03 tháng 6 năm 2022\n"
        "K ÉT LUẬN\nHỘI NGHỊ LẦN THỨ TÁM\n\nNội dung kết luận của hội nghị.\n"
    )
    r = nq_extract.parse_text(text)
    assert (r.document.kind, r.document.issuer, r.document.id) == ("Kết luận", "TỈNH ỦY QUẢNG NAM", "120-KL/TW")
    # a line in capitals that is no kind stays out of the header
    assert nq_extract.parse_text(text.replace("K ÉT LUẬN", "KẾT QUẢ")).document.kind is None


def test_without_a_number_line_the_issuer_ends_before_the_place_and_date():
    r = nq_extract.parse_text(
        "HUYỆN ỦY NÚI THÀNH\nĐẢNG CỘNG SẢN VIỆT NAM\n*\nNúi Thành, ngày 03 tháng 6 năm 2022\n"
        "B ÁO CÁO\nkết quả công tác tháng 5\n\nNội dung.\n"
    )
    assert (r.document.kind, r.document.issuer, r.document.title) == ("Báo cáo", "HUYỆN ỦY NÚI THÀNH", "kết quả công tác tháng 5")


def test_a_header_broken_over_lines_by_a_web_page():
    r = nq_extract.parse_text(
        "HỘI\nĐỒNG NHÂN DÂN\nTỈNH PHÚ YÊN\n-------\n|\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n---------------\n|\nSố:\n12/2023/NQ-HĐND\n|\nTuy\nHòa, ngày 07 tháng 9 năm 2023\n|\n"
        "NGHỊ QUYẾT\nQUY ĐỊNH MỨC HỖ TRỢ\n\nCăn cứ Luật Tổ chức chính quyền địa phương.\n"
    )
    d = r.document
    assert (d.kind, d.id, d.issuer, d.place, d.date) == (
        "Nghị quyết",
        "12/2023/NQ-HĐND",
        "HỘI ĐỒNG NHÂN DÂN TỈNH PHÚ YÊN",
        "Tuy Hòa",
        "2023-09-07",
    )


def test_number_line_after_the_kind_name():
    """ "Nghị quyết số: ..." is the number line: the id, and no part of the issuer."""
    text = (
        "ỦY BAN NHÂN DÂN\nTỈNH GIA LAI\n\nQuyết định số: 85/2024/QĐ-UBND\n\nGia Lai, ngày 03 tháng 4 năm 2024\n\n"
        "QUYẾT ĐỊNH\nBan hành quy chế phối hợp\n\nCăn cứ Luật Tổ chức chính quyền địa phương;\n"
    )
    d = nq_extract.parse_text(text).document
    assert (d.id, d.issuer) == ("85/2024/QĐ-UBND", "ỦY BAN NHÂN DÂN TỈNH GIA LAI")
    # "số" in the body after a kind's name is no number line
    body = "UBND TỈNH GIA LAI\n\nBÁO CÁO\nTình hình\n\nThực hiện Kế hoạch số: 12/KH-UBND của tỉnh,\n"
    assert nq_extract.parse_text(body).document.id is None


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        # who enacts a decision, in capitals under its title, is not the title
        (
            "QUYẾT ĐỊNH\nVỀ VIỆC PHÊ DUYỆT KẾ HOẠCH KIỂM TRA NĂM 2024\nCHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN\nCăn cứ Luật;\n",
            "VỀ VIỆC PHÊ DUYỆT KẾ HOẠCH KIỂM TRA NĂM 2024",
        ),
        (
            "QUYẾT ĐỊNH\nVỀ VIỆC THÀNH LẬP TỔ CÔNG TÁC\nGIÁM ĐỐC SỞ NỘI VỤ\nCăn cứ Luật;\n",
            "VỀ VIỆC THÀNH LẬP TỔ CÔNG TÁC",
        ),
        # the conclusions' first paragraph starts right under the title
        (
            "KẾT LUẬN\nHỘI NGHỊ LẦN THỨ MƯỜI\nBAN CHẤP HÀNH ĐẢNG BỘ HUYỆN (KHÓA XX)\nvề phát triển du lịch\n"
            "Hội nghị lần thứ mười Ban Chấp hành Đảng bộ huyện (khóa XX) họp\nngày 05/3/2024 đã thảo luận và kết luận:\n",
            "HỘI NGHỊ LẦN THỨ MƯỜI BAN CHẤP HÀNH ĐẢNG BỘ HUYỆN (KHÓA XX) về phát triển du lịch",
        ),
        # a title may name the conference on its own line
        (
            "BÁO CÁO\nkết quả quán triệt Nghị quyết\nHội nghị lần thứ mười Ban Chấp hành Trung ương Đảng khóa XIII\n\nThực hiện",
            "kết quả quán triệt Nghị quyết Hội nghị lần thứ mười Ban Chấp hành Trung ương Đảng khóa XIII",
        ),
    ],
)
def test_where_the_title_ends(lines: str, title: str):
    text = "HUYỆN ỦY KRÔNG PA\n\nSố: 5-BC/HU\n\nKrông Pa, ngày 10 tháng 3 năm 2024\n\n" + lines
    assert nq_extract.parse_text(text).document.title == title


@pytest.mark.parametrize(
    ("tail", "signer"),
    [
        # a part's heading is no signer's name
        ("Chương I\nNHỮNG QUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\n", None),
        ("Phụ lục II\nBIỂU TỔNG HỢP\n", None),
        # a signer's name under the position
        ("T/M ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nMùa A Sình\n", "Mùa A Sình"),
    ],
)
def test_signer_is_no_part_heading(tail: str, signer: str | None):
    text = "ỦY BAN NHÂN DÂN\nXÃ PHÌN HỒ\n\nSố: 4/QĐ-UBND\n\nQUYẾT ĐỊNH\nBan hành quy chế\n\nNội dung.\n\n" + tail
    got = nq_extract.parse_text(text).document.signer
    assert (got.name if got else None) == signer


def test_issuer_after_a_web_page_s_own_lines():
    """A web page's lines before the header leave the issuer to the last block in capitals."""
    text = (
        "Kế hoạch 40/KH-UBND năm 2023 về chuyển đổi số trên địa bàn tỉnh Hà Nam do tỉnh ban hành\n"
        "Số hiệu: 40/KH-UBND Loại văn bản: Kế hoạch\nNơi ban hành: Tỉnh Hà Nam Người ký: Trần Văn Bình\n"
        "Ngày ban hành: 12/03/2023 Tình trạng: Còn hiệu lực\n\n"
        "ỦY BAN NHÂN DÂN\nTỈNH HÀ NAM\n-------\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Số: 40/KH-UBND\n\nHà Nam, ngày 12 tháng 3 năm 2023\n\nKẾ HOẠCH\nChuyển đổi số năm 2023\n\nThực hiện.\n"
    )
    d = nq_extract.parse_text(text).document
    assert (d.id, d.issuer) == ("40/KH-UBND", "ỦY BAN NHÂN DÂN TỈNH HÀ NAM")
    # a long issuer with no block in capitals at its end is still none
    long = "Trang chủ văn bản pháp luật tổng hợp các văn bản của tỉnh " * 4 + "\n\nSố: 40/KH-UBND\n\nKẾ HOẠCH\nChuyển đổi số\n"
    assert nq_extract.parse_text(long).document.issuer is None


def test_a_number_broken_after_its_dash_is_the_documents_own_id():
    r = nq_extract.parse_text(
        "BAN CHẤP HÀNH\nTRUNG ƯƠNG\nBAN TỔ CHỨC\n--------\n|\nĐẢNG CỘNG SẢN\nVIỆT NAM\n|\nSố: 21 -\nHD/BTCTW\n|\n"
        "Hà Nội, ngày\n10 tháng 9 năm 2019\n|\nHƯỚNG DẪN\nKIỂM ĐIỂM CHẤT LƯỢNG\n\nThực hiện Quy định số 132-QĐ/TW, Ban Tổ chức Trung ương hướng dẫn.\n"
    )
    assert r.document.id == "21-HD/BTCTW"
    assert [x.id for x in r.references] == ["132-QĐ/TW"]  # its own number is no reference
