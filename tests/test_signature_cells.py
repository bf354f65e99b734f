"""The signature block in the right column of a two-column table, and the byline under a title.

A report converted to Markdown keeps its "Nơi nhận" / signature block as a
table: a pipe table, or columns set apart by runs of spaces (a Pandoc simple
table). A speech or article names its body on the line under its title.
"""

from __future__ import annotations

import pytest

import nq_extract

from .conftest import DEV, need_dev
from .helpers import assert_valid

BODY = (
    "ĐẢNG BỘ HUYỆN TAM ĐƯỜNG\n"
    "Số 245-BC/HU\n\n"
    "BÁO CÁO\n"
    "Kết quả học tập Nghị quyết Trung ương 8\n\n"
    "Toàn huyện có 2.443/2.538 đảng viên được học tập, đạt 96,3%. "
    "Tổ chức 214 buổi tuyên truyền, thu hút trên 12.500 lượt người tham gia.\n\n"
)
APPENDIX = "\n\nPHỤ LỤC\n\n" + "".join(f"{k}. Xã số {k} tổ chức học tập Nghị quyết cho cán bộ, đảng viên.\n\n" for k in range(1, 80))

PIPE = (
    "| **Nơi nhận:** | **T/M BAN THƯỜNG VỤ** |\n"
    "|---|---|\n"
    "| - Ban Tuyên giáo Tỉnh ủy, | PHÓ BÍ THƯ |\n"
    "| - Lưu Văn phòng Huyện ủy. | |\n"
    "| | Cao Trang Trọng |\n"
)
# a Pandoc simple table: the columns stand apart by runs of spaces
SIMPLE = (
    "  ----------------------------------- -----------------------------------\n"
    "  ***Nơi nhận:\\***                     **T/M BAN CHẤP HÀNH TRUNG ƯƠNG\\**\n"
    "  - Các ban đảng, đảng ủy trực thuộc             TỔNG BÍ THƯ\\\n"
    "  Trung ương,\\                                        **\\\n"
    "  - Các tỉnh ủy, thành ủy,\\                            \\\n"
    "  - Lưu Văn phòng Trung ương Đảng.                 Nguyễn Văn An**\n\n"
    "  ----------------------------------- -----------------------------------\n"
)
GRID = (
    "+---------------------------+---------------------------+\n"
    "| Nơi nhận:                 | KT. CHỦ TỊCH              |\n"
    "| - Như trên;               | PHÓ CHỦ TỊCH              |\n"
    "| - Lưu: VT.                |                           |\n"
    "|                           | Nguyễn Minh Hòa           |\n"
    "+---------------------------+---------------------------+\n"
)

# (block, appendix after it, expected (name, position, on_behalf_of, capacity))
CASES = [
    (PIPE, False, ("Cao Trang Trọng", "Phó Bí thư", "Ban Thường vụ", "T/M")),
    (PIPE, True, ("Cao Trang Trọng", "Phó Bí thư", "Ban Thường vụ", "T/M")),
    (SIMPLE, False, ("Nguyễn Văn An", "Tổng Bí thư", "Ban Chấp hành Trung ương", "T/M")),
    (SIMPLE, True, ("Nguyễn Văn An", "Tổng Bí thư", "Ban Chấp hành Trung ương", "T/M")),
    (GRID, True, ("Nguyễn Minh Hòa", "Phó Chủ tịch", "Chủ tịch", "KT")),
]


@pytest.mark.parametrize(("block", "appendix", "expected"), CASES)
def test_signer_in_the_right_column(block, appendix, expected):
    report = nq_extract.parse_text(BODY + block + (APPENDIX if appendix else ""))
    signer = report.document.signer
    assert signer is not None, report.text[-600:]
    assert (signer.name, signer.position, signer.on_behalf_of, signer.capacity) == expected
    assert_valid(report)
    assert report.text[signer.span.start : signer.span.end] == expected[0]


# tables at the end that hold no signature give no signer
NO_SIGNER = [
    "| Xã | Số đảng viên | Tỷ lệ |\n|---|---|---|\n| Bình Lư | 120 | 96,3% |\n| Hồ Thầu | 95 | 97,2% |\n",
    # a capacity in a table cell of prose, with names but no name under it
    "| Ghi chú | Nội dung |\n|---|---|\n| TL. BAN THƯỜNG VỤ | xem báo cáo riêng của từng xã |\n",
    # two columns of plain words, no capacity
    "  ------------------------------ ------------------------------\n"
    "  Xã Bình Lư                     120 đảng viên\n"
    "  Xã Hồ Thầu                     95 đảng viên\n"
    "  ------------------------------ ------------------------------\n",
]


@pytest.mark.parametrize("block", NO_SIGNER)
def test_tables_without_a_signature(block):
    report = nq_extract.parse_text(BODY + block + APPENDIX)
    assert report.document.signer is None


def test_resolution_signed_in_a_markdown_table():
    need_dev()
    folder = DEV / "025_bchtw-nq-60-nq-tw-hoi-nghi-tw11-khoa-xiii"
    if not folder.exists():
        pytest.skip(f"{folder} not found")
    for name in ("original.md", "text.txt"):
        signer = nq_extract.parse(folder / name).document.signer
        assert signer is not None
        assert (signer.name, signer.position, signer.on_behalf_of) == ("Tô Lâm", "Tổng Bí thư", "Ban Chấp hành Trung ương")


# --- the byline under a title

TITLE = "THAM LUẬN\nGiải pháp phát huy hiệu quả các nguồn lực nhằm xây dựng xã, phường,\nđặc khu không ma túy\n{line}\n\nKính thưa các đồng chí lãnh đạo, thưa toàn thể Hội nghị!\n"

# (the line under the title, whether it is a byline)
BYLINES = [
    ("UBND Thành phố Hải Phòng", True),
    ("Ủy ban nhân dân huyện Tam Đường", True),
    ("Ban Tuyên giáo Huyện ủy Tam Đường", True),
    ("Công an tỉnh Lâm Đồng", True),
    ("Nguyễn Văn An", True),
    ("Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XIII", False),  # a title line naming a body inside
    ("tỉnh Lâm Đồng", False),  # a place in lower case continues the title
    ("Tỉnh Lâm Đồng", True),
    ("UBND THÀNH PHỐ HẢI PHÒNG", True),
    ("Giai đoạn 2021 - 2025", False),
]


@pytest.mark.parametrize(("line", "byline"), BYLINES)
def test_byline_is_not_part_of_the_title(line, byline):
    report = nq_extract.parse_text(TITLE.format(line=line))
    title = report.document.title or ""
    assert title.startswith("Giải pháp phát huy hiệu quả")
    assert title.endswith("đặc khu không ma túy") is byline, title
    assert (line in title) is not byline
    if byline and not line.startswith("Nguyễn"):
        assert report.document.issuer == line


def test_a_body_after_a_title_broken_mid_phrase_stays_in_the_title():
    text = "BÁO CÁO\nKết quả hoạt động năm 2024 của\nBan Tuyên giáo Huyện ủy Tam Đường\n\nNăm 2024, Ban Tuyên giáo đã tổ chức 214 buổi tuyên truyền.\n"
    report = nq_extract.parse_text(text)
    assert report.document.title == "Kết quả hoạt động năm 2024 của Ban Tuyên giáo Huyện ủy Tam Đường"


def test_talk_title_without_its_byline():
    need_dev()
    folder = DEV / "022_haiphong-ubnd-tham-luan-xa-phuong-dac-khu-khong-ma-tuy"
    if not folder.exists():
        pytest.skip(f"{folder} not found")
    for name in ("original.docx", "text.txt"):
        doc = nq_extract.parse(folder / name).document
        assert doc.title is not None and doc.title.endswith("tiến tới thành phố Hải Phòng không ma tuý")
        assert doc.issuer == "UBND Thành phố Hải Phòng"
