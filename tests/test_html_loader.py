"""HTML pages: the main content as paragraphs, data tables kept, menus and scripts dropped.

Pages are written here as a portal would serve them (menus, sidebars, scripts,
entities); the dev corpus's two portal pages are compared with their article text.
"""

from __future__ import annotations

import html

import pytest

import nq_extract
from nq_extract.load import load_bytes, sniff
from nq_extract.load.html import decode_html, looks_like_html
from tests.badinputs.make_badinputs import cp1258

from .conftest import DEV, SEED, need_dev
from .helpers import assert_valid

CHROME_TOP = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Cổng thông tin điện tử huyện</title>
<script>var menu = "Trang chủ"; document.write("quảng cáo bên lề");</script>
<style>.nav{color:red}</style></head>
<body>
<nav class="menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/gt">Giới thiệu chung</a></li><li><a href="/tt">Tin tức sự kiện</a></li></ul></nav>
<header><div class="banner">Cổng thông tin điện tử huyện Tam Đường</div></header>
<div class="container"><aside class="sidebar"><h3>Liên kết website</h3><ul><li><a href="#">Báo Nhân dân điện tử</a></li><li><a href="#">Tạp chí Cộng sản</a></li></ul></aside>
<article class="post">
"""
CHROME_BOTTOM = """
</article></div>
<footer><p>Bản quyền thuộc Cổng thông tin điện tử huyện. Điện thoại liên hệ: 0213 3875 123</p></footer>
<script>trackPageview("bài viết");</script>
</body></html>
"""

ARTICLE = """
<h1>Huyện Tam Đường sơ kết 6 tháng thực hiện Nghị quyết số 42-NQ/TW</h1>
<p>Ngày 15/7/2024, Ban Thường vụ Huyện ủy Tam Đường tổ chức hội nghị sơ kết 6 tháng đầu năm 2024 việc thực hiện Nghị quyết số 42-NQ/TW ngày 24/11/2023 của Ban Chấp hành Trung ương Đảng.</p>
<p>Theo báo cáo, toàn huyện có 2.443/2.538 đảng viên được học tập, đạt 96,3%; tổ chức 214 buổi tuyên truyền với trên 12.500 lượt người tham gia. Các chi bộ đã đưa nội dung &quot;chính sách xã hội&quot; vào sinh hoạt định kỳ&nbsp;hằng tháng.<br>Hội nghị cũng đánh giá kết quả giảm nghèo bền vững trên địa bàn.</p>
<table><tr><th>Xã</th><th>Số hộ nghèo</th><th>Tỷ lệ</th></tr><tr><td>Bình Lư</td><td>120</td><td>8,5%</td></tr><tr><td>Hồ Thầu</td><td>95</td><td>11,2%</td></tr></table>
<p>Các nhiệm vụ trọng tâm 6 tháng cuối năm:</p>
<ul><li>Tiếp tục quán triệt Nghị quyết đến 100% chi bộ;</li><li>Rà soát, bổ sung danh sách hộ cận nghèo.</li></ul>
<p>Phát biểu kết luận, đồng chí Cao Trang Trọng, Phó Bí thư Thường trực Huyện ủy đề nghị các cấp ủy bám sát kế hoạch, bảo đảm hoàn thành các chỉ tiêu đề ra trong năm 2024.</p>
<p>Xem chi tiết <a href="/bc">tại đây</a></p>
"""
PAGE = (CHROME_TOP + ARTICLE + CHROME_BOTTOM).encode("utf-8")


@pytest.fixture(scope="module")
def page_report():
    return nq_extract.parse(PAGE, name="tin-tuc.html", with_text=True)


@pytest.fixture(scope="module")
def page_loaded():
    return load_bytes(PAGE, "tin-tuc.html")


# (phrase, whether the text holds it)
PHRASES = [
    ("Huyện Tam Đường sơ kết 6 tháng thực hiện Nghị quyết số 42-NQ/TW", True),  # the headline
    ('nội dung "chính sách xã hội" vào sinh hoạt định kỳ hằng tháng.', True),  # &quot; and &nbsp; decoded
    ("hằng tháng.\nHội nghị cũng đánh giá", True),  # <br> is a line break
    ("trên địa bàn.\n\nXã | Số hộ nghèo | Tỷ lệ", True),  # a table row is a line of cells
    ("- Tiếp tục quán triệt Nghị quyết đến 100% chi bộ;\n- Rà soát", True),  # list items
    ("trong năm 2024.", True),
    ("&quot;", False),
    ("&nbsp;", False),
    ("quảng cáo bên lề", False),  # script
    ("trackPageview", False),
    ("color:red", False),  # style
    ("Giới thiệu chung", False),  # menu
    ("Tạp chí Cộng sản", False),  # sidebar
    ("Bản quyền thuộc", False),  # footer
    ("Xem chi tiết", False),  # the trailing "read more" link
]


@pytest.mark.parametrize(("phrase", "present"), PHRASES)
def test_main_content_of_a_portal_page(page_report, phrase, present):
    assert page_report.source.status == "ok", page_report.source.message
    assert (phrase in page_report.text) is present, page_report.text


def test_page_is_a_valid_report_in_html_format(page_report):
    assert page_report.source.format == "html"
    assert page_report.source.encoding == "utf-8"
    assert_valid(page_report)
    assert "\n\n\n" not in page_report.text
    assert {r.id for r in page_report.references} == {"42-NQ/TW"}
    assert [(r.numerator, r.denominator, r.percent) for r in page_report.ratios] == [(2443, 2538, 96.3)]
    assert [c.status for c in page_report.checks if c.kind == "percentage"] == ["consistent"]
    assert "Cao Trang Trọng" in {p.name for p in page_report.people}


def test_data_table_is_a_raw_table_with_offsets(page_loaded):
    assert len(page_loaded.tables) == 1
    rows = page_loaded.tables[0].rows
    assert [[c[0] for c in r] for r in rows] == [["Xã", "Số hộ nghèo", "Tỷ lệ"], ["Bình Lư", "120", "8,5%"], ["Hồ Thầu", "95", "11,2%"]]
    for row in rows:
        for text, start, end in row:
            assert page_loaded.text[start:end] == text


LAYOUT = """<html><body><table width="100%"><tr><td>
<p>Ngày 20/3/2024, Ủy ban nhân dân huyện tổ chức hội nghị tổng kết công tác cải cách hành chính năm 2023 với sự tham dự của lãnh đạo các phòng, ban.</p>
<p>Năm 2023, toàn huyện đã giải quyết 15.230 hồ sơ thủ tục hành chính, trong đó 15.102 hồ sơ đúng hạn, đạt 99,2%; không có hồ sơ quá hạn do lỗi chủ quan.</p>
</td></tr><tr><td>
<p>Hội nghị đã khen thưởng 12 tập thể và 25 cá nhân có thành tích xuất sắc trong công tác cải cách hành chính.</p>
</td></tr></table>
<table><tr><td>SỐ LƯỢT TRUY CẬP</td></tr></table><table><tr><td>2</td></tr></table><table><tr><td>9</td></tr></table>
</body></html>"""


def test_layout_table_gives_paragraphs_not_a_table():
    loaded = load_bytes(LAYOUT.encode(), "cchc.htm")
    assert loaded.tables == []
    assert "lãnh đạo các phòng, ban.\n\nNăm 2023" in loaded.text
    assert "quá hạn do lỗi chủ quan.\n\nHội nghị đã khen thưởng" in loaded.text
    assert " | " not in loaded.text
    assert "TRUY CẬP" not in loaded.text  # the visitor counter after the post
    assert not loaded.text.rstrip().endswith("9")


DATELINE = """<html><body>
<table><tr><td>Văn hóa xã hội</td><td>30/07/2019</td></tr></table>
<table><tr><td><p>Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh</p></td></tr>
<tr><td><p>Ngày 1/9/2016, Ban Thường vụ Tỉnh ủy đã ban hành Kế hoạch số 19 về thực hiện Chỉ thị số 05. Các tổ chức cơ sở đảng phải tổ chức quán triệt, triển khai đến toàn thể cán bộ, đảng viên và tuyên truyền sâu rộng trong nhân dân.</p>
<p>Ban Tuyên giáo Tỉnh ủy và các ngành trong khối tư tưởng, văn hóa đã đẩy mạnh công tác tuyên truyền sâu, rộng, thường xuyên, có hệ thống bằng nhiều hình thức phong phú.</p></td></tr></table>
</body></html>"""


@pytest.mark.parametrize(
    ("strip", "kept"),
    [
        ("<td>Văn hóa xã hội</td><td>30/07/2019</td>", False),
        ("<td>Tin nổi bật</td><td>thứ hai, 29 07 2019 12:00</td>", False),
        # a header of a report set as a table is content, not the post's timestamp
        ("<td>Số: 12/BC-UBND</td><td>Tam Đường, ngày 15 tháng 01 năm 2024</td>", True),
    ],
)
def test_post_timestamp_strip_before_the_headline(strip, kept):
    page = DATELINE.replace("<td>Văn hóa xã hội</td><td>30/07/2019</td>", strip)
    loaded = load_bytes(page.encode(), "post.html")
    first_cell = strip.split("</td>")[0].removeprefix("<td>")
    assert (first_cell in loaded.text) is kept, loaded.text[:200]
    assert loaded.text.count("Đẩy mạnh học tập") == 1
    if not kept:
        assert first_cell in loaded.extra["html_dateline"]


def _seed_as_html() -> bytes:
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in SEED.read_text(encoding="utf-8").split("\n") if line.strip())
    page = CHROME_TOP + body + CHROME_BOTTOM
    return page.encode("utf-8")


def test_a_report_published_as_a_page_gives_what_its_text_gives():
    text = nq_extract.parse(SEED)
    page = nq_extract.parse(_seed_as_html(), name="bao-cao.html")
    assert page.source.status == "ok", page.source.message
    assert_valid(page)
    assert {r.id for r in page.references} == {r.id for r in text.references}
    assert sorted((q.value, q.unit) for q in page.quantities) == sorted((q.value, q.unit) for q in text.quantities)
    assert sorted((c.kind, c.status) for c in page.checks) == sorted((c.kind, c.status) for c in text.checks)
    assert page.document.kind == text.document.kind and page.document.title == text.document.title
    assert page.document.signer is not None and text.document.signer is not None
    assert page.document.signer.name == text.document.signer.name
    assert len(page.footnotes) == len(text.footnotes)


# --- sniffing and decoding


@pytest.mark.parametrize(
    ("data", "name", "kind"),
    [
        (b"<!DOCTYPE html><html><body><p>x</p></body></html>", "bai-viet.txt", "html"),
        (b"\xef\xbb\xbf<html><body>x</body></html>", "", "html"),
        (b"<!-- saved page -->\n<html>", "trang", "html"),
        ("<html><body>x</body></html>".encode("utf-16"), "", "html"),
        (b"<p>a fragment</p>", "tin.htm", "html"),
        (b"<p>a fragment</p>", "tin.html", "html"),
        (b"<p>a fragment</p>", "ghi-chu.txt", "text"),  # a fragment without the suffix stays text
        ("# Báo cáo\n\nVăn bản có chữ <b>đậm</b> và <i>nghiêng</i>.\n".encode(), "ghi-chu.md", "markdown"),
        (('---json\n{"title": "Tin"}\n---\n<p><span>Có 214 buổi.</span></p>\n<p><img src="/a.png" /></p>').encode(), "tin.md", "html"),
        (b"---\ntitle: Tin\n---\n# Tin\n\nCo 214 buoi <b>tuyen truyen</b>.\n", "tin.md", "markdown"),
        ("BÁO CÁO\nKết quả thực hiện <html> trong văn bản".encode(), "bao-cao.txt", "text"),
    ],
)
def test_sniff(data, name, kind):
    assert sniff(data, name) == kind


def test_looks_like_html_only_at_the_start():
    assert looks_like_html(b"  \n<HTML lang='vi'>")
    assert not looks_like_html(b"Ghi chu: <html> o giua dong")


def test_declared_windows_1258_is_decoded():
    body = "Kết quả thực hiện Nghị quyết số 42-NQ/TW năm 2024"
    data = (
        b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258"></head><body><p>'
        + cp1258(body)
        + b"</p></body></html>"
    )
    text, encoding = decode_html(data)
    assert encoding == "cp1258"
    report = nq_extract.parse(data, name="vb.html", with_text=True)
    assert report.source.status == "ok"
    assert report.text == body
    assert [r.id for r in report.references] == ["42-NQ/TW"]


def test_wrong_declared_charset_falls_back_to_utf8():
    data = '<html><head><meta charset="windows-1258"></head><body><p>Toàn huyện có 214 buổi tuyên truyền.</p></body></html>'.encode()
    assert decode_html(data) == (data.decode("utf-8"), "utf-8")


# --- bad pages: a status and one line, never a traceback

BAD = [
    ("empty.html", b"", "empty_text"),
    ("blank.html", b"  \n\t ", "empty_text"),
    ("scripts-only.html", b"<html><head><script>var a=1;</script></head><body><script>x()</script></body></html>", "empty_text"),
    ("frameset.html", b"<html><frameset><frame src='a.html'></frameset></html>", "empty_text"),
    ("random.html", bytes(range(128, 256)) * 8, "undecodable"),
    ("nul.html", b"<html><body>" + b"\x00" * 200 + b"</body></html>", "undecodable"),
    ("deep.html", b"<html><body>" + b"<div>" * 5000 + b"x" + b"</div>" * 5000 + b"</body></html>", "bad_html"),
]


@pytest.mark.parametrize(("name", "data", "status"), BAD)
def test_bad_pages_give_a_status_and_one_line(name, data, status):
    report = nq_extract.parse(data, name=name)
    assert report.source.status == status, report.source.message
    assert report.source.message and "\n" not in report.source.message and "Traceback" not in report.source.message
    assert_valid(report)


@pytest.mark.parametrize(
    ("name", "data", "phrase"),
    [
        (
            "unclosed.html",
            "<html><body><div><p>Ngày 15/7/2024 tổ chức hội nghị<p>Có 214 buổi tuyên truyền<table><tr><td>a<td>b".encode(),
            "214 buổi",
        ),
        (
            "fragment.html",
            b"<p>To&agrave;n huy&#7879;n c&oacute; 2.443/2.538 &#273;&#7843;ng vi&ecirc;n, &#273;&#7841;t 96,3%.</p>",
            "2.443/2.538 đảng viên, đạt 96,3%",
        ),
        (
            "xml-declared.html",
            '<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>Có 214 buổi.</p></body></html>'.encode(),
            "214 buổi",
        ),
        ("no-tags.html", "Chỉ là văn bản thường, có 214 buổi tuyên truyền.".encode(), "214 buổi"),
        ("utf16.html", "<html><body><p>Có 214 buổi tuyên truyền.</p></body></html>".encode("utf-16"), "214 buổi"),
    ],
)
def test_damaged_or_odd_pages_are_still_read(name, data, phrase):
    report = nq_extract.parse(data, name=name, with_text=True)
    assert report.source.status == "ok", report.source.message
    assert phrase in report.text
    assert_valid(report)


def test_cli_bad_html_one_line(tmp_path):
    import subprocess
    import sys

    bad = tmp_path / "deep.html"
    bad.write_bytes(b"<html><body>" + b"<div>" * 5000 + b"x" + b"</div>" * 5000 + b"</body></html>")
    r = subprocess.run([sys.executable, "-m", "nq_extract", "parse", str(bad)], capture_output=True, text=True, timeout=120)
    assert r.returncode != 0
    assert r.stderr.count("\n") == 1 and ": bad_html: " in r.stderr and "Traceback" not in r.stderr


CMS_POST = (
    "---json\n"
    "{\n"
    '    "title": "Huyện ủy Tam Đường sơ kết 6 tháng thực hiện Nghị quyết số 42-NQ/TW",\n'
    '    "layout": "post.html",\n'
    '    "date": "2024-07-16T07:55:00.000Z"\n'
    "}\n"
    "---\n"
    '<p><span style="font-size:14.0pt">Ng&agrave;y 15/7/2024, Ban Thường vụ Huyện ủy tổ chức hội nghị sơ kết. To&agrave;n huyện c&oacute; 2.443/2.538 đảng vi&ecirc;n được học tập, đạt 96,3%.</span></p>\n'
    '<p><img alt="" src="/img/1.png" /></p>\n'
    '<p style="text-align:center"><strong>Đồng ch&iacute; Cao Trang Trọng &ndash; Ph&oacute; B&iacute; thư Thường trực Huyện ủy ph&aacute;t biểu kết luận hội nghị</strong></p>\n'
    "<p>Hội nghị đề ra 5 nhiệm vụ trọng t&acirc;m cho 6 th&aacute;ng cuối năm.</p>\n"
)


def test_cms_post_saved_as_markdown_is_read_as_html():
    report = nq_extract.parse(CMS_POST.encode(), name="bai-viet.md", with_text=True)
    assert report.source.status == "ok" and report.source.format == "html"
    assert report.text.startswith("Huyện ủy Tam Đường sơ kết 6 tháng thực hiện Nghị quyết số 42-NQ/TW\n\nNgày 15/7/2024")
    assert "&agrave;" not in report.text and "<p>" not in report.text and "layout" not in report.text
    assert "Toàn huyện có 2.443/2.538 đảng viên" in report.text
    assert [c.status for c in report.checks if c.kind == "percentage"] == ["consistent"]
    assert "Cao Trang Trọng" in {p.name for p in report.people}
    assert load_bytes(CMS_POST.encode(), "bai-viet.md").extra["front_matter"]["layout"] == "post.html"
    assert_valid(report)


# --- the dev corpus's portal pages and CMS posts against their article text

PAGES = [
    ("103_ky-niem-20-nam-thi-tran-kien-duc", "original.html"),
    ("104_tinh-dak-nong-hoc-tap-lam-theo-bac-ho-chi-thi-05", "original.html"),
    ("027_daksong-btg-huyen-uy-tong-ket-tuyen-truyen-khong-gian-mang-2019", "original.md"),
    ("105_dak-song-tong-ket-10-nam-hd-35-hd-btctw", "original.md"),
    ("111_dang-uy-co-quan-chinh-quyen-dak-song-tong-ket-2018", "original.md"),
]
# rapidfuzz ratio of the extracted text against text.txt, spaces folded
# (measured 99.91, 100.0, 100.0, 100.0, 97.84: the extractor drops one photo caption of 111)
RATIO_FLOOR = 97.0


@pytest.mark.parametrize(("doc", "name"), PAGES)
def test_dev_pages_match_their_article_text(doc, name):
    need_dev()
    from rapidfuzz import fuzz

    folder = DEV / doc
    if not (folder / name).exists():
        pytest.skip(f"{folder}/{name} not found")
    report = nq_extract.parse(folder / name, with_text=True)
    assert report.source.status == "ok" and report.source.format == "html"
    assert_valid(report)
    article = (folder / "text.txt").read_text(encoding="utf-8")
    assert fuzz.ratio(" ".join(report.text.split()), " ".join(article.split())) >= RATIO_FLOOR
    assert "SỐ LƯỢT TRUY CẬP" not in report.text and "Xem chi tiết" not in report.text
    text = nq_extract.parse(folder / "text.txt")
    assert {r.id for r in report.references} == {r.id for r in text.references}
    assert {(p.name, p.position) for p in report.people} == {(p.name, p.position) for p in text.people}


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        # a small page: menus and footer go, the header lines stay lines, the sentence is a paragraph
        (
            "<html><body><nav>Trang chủ | Văn bản</nav><div>Số 12-BC/HU<br>BÁO CÁO</div><p>Có 214 buổi.</p><footer>Bản quyền</footer></body></html>",
            "Số 12-BC/HU\nBÁO CÁO\n\nCó 214 buổi.",
        ),
        # short paragraphs in a row are lines of one block; a sentence starts a new paragraph
        (
            "<html><body><p>BÁO CÁO</p><p>Kết quả học tập Nghị quyết</p><p>Hội nghị Trung ương 8 khóa XIII</p>"
            "<p>Ban Thường vụ Huyện ủy báo cáo kết quả như sau.</p><p>T/M BAN THƯỜNG VỤ</p><p>PHÓ BÍ THƯ</p><p>Cao Trang Trọng</p></body></html>",
            "BÁO CÁO\nKết quả học tập Nghị quyết\nHội nghị Trung ương 8 khóa XIII\n\nBan Thường vụ Huyện ủy báo cáo kết quả như sau."
            "\n\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\nCao Trang Trọng",
        ),
        # text without any tag is read whole
        ("Chỉ là văn bản thường, có 214 buổi.", "Chỉ là văn bản thường, có 214 buổi."),
    ],
)
def test_small_pages(page, expected):
    assert load_bytes(page.encode(), "trang.html").text == expected


def test_a_page_that_is_one_table_keeps_its_rows_and_cells():
    rows = "".join(f"<tr><td>Xã số {k}</td><td>{100 + k}</td><td>9{k},5%</td></tr>" for k in range(8))
    loaded = load_bytes(f"<html><body><table>{rows}</table></body></html>".encode(), "bang.html")
    assert loaded.text.split("\n")[:2] == ["Xã số 0 | 100 | 90,5%", "Xã số 1 | 101 | 91,5%"]
    assert [len(t.rows) for t in loaded.tables] == [8]


def test_missing_extractor_gives_a_status_and_the_install_command(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "trafilatura", None)  # import fails as if not installed
    report = nq_extract.parse(PAGE, name="tin-tuc.html")
    assert report.source.status == "html_unavailable"
    assert "pip install trafilatura" in report.source.message and "\n" not in report.source.message
