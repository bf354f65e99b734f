"""Units and people: forms of names met in news posts of party and front portals."""

from __future__ import annotations

import pytest

from .helpers import parse_valid

parse = parse_valid


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a board's party written in lower case
        ("toàn thể BCH đảng bộ xã dự họp", [("BCH đảng bộ xã", "Ban Chấp hành Đảng bộ xã")]),
        ("Ban Thường vụ đảng ủy xã họp", [("Ban Thường vụ đảng ủy xã", "Ban Thường vụ Đảng ủy xã")]),
        # the Front's central committee abbreviated, and its presidium
        (
            "Ban Thường trực UBTƯ MTTQ Việt Nam gặp mặt cán bộ",
            [("Ban Thường trực UBTƯ MTTQ Việt Nam", "Ban Thường trực Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam")],
        ),
        (
            "thay mặt Đoàn Chủ tịch Ủy ban Trung ương MTTQ Việt Nam trình bày",
            [("Đoàn Chủ tịch Ủy ban Trung ương MTTQ Việt Nam", "Đoàn Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam")],
        ),
        # the commune party committee's boards since 2025
        ("Ban Xây dựng Đảng Đảng ủy xã trình bày báo cáo", [("Ban Xây dựng Đảng Đảng ủy xã", None)]),
        # abbreviations inside a mixed-case name keep their case
        ("Trưởng Ban DV Huyện ủy dự", [("Ban DV Huyện ủy", None)]),
        # not units: a congress's organisers, a presidium of a meeting, a term in capitals, a lower-case 'đảng'
        ("cảm ơn Ban Tổ chức Đại hội đã chuẩn bị chu đáo", []),
        ("Ban Tổ chức cuộc thi công bố kết quả", []),
        ("Đoàn Chủ tịch điều hành phiên thảo luận", []),
        ("HỘI NGHỊ SƠ KẾT ĐẢNG BỘ XÃ NHIỆM KỲ 2020-2025", [("ĐẢNG BỘ XÃ", "Đảng bộ xã")]),
    ],
)
def test_news_unit_forms(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(u.name, u.canonical) for u in parse(text).units] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a position and its body glued together
        ("Đồng chí Đặng Hồng Thanh PBT- CTHĐND xã đánh giá kết quả.", [("Đặng Hồng Thanh", "PBT- CTHĐND xã")]),
        ("đồng chí Lê Văn Hòa, PCTUBND xã báo cáo", [("Lê Văn Hòa", "PCTUBND xã")]),
        # a position whose board is written in lower case
        (
            "do đồng chí Lê Hải Hồng – Trưởng ban xây dựng đảng Đảng ủy xã trình bày",
            [("Lê Hải Hồng", "Trưởng ban xây dựng đảng Đảng ủy xã")],
        ),
    ],
)
def test_news_people_positions(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(p.name, p.position) for p in parse(text).people] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a web page's field labels after a place name are no part of it
        ("Nơi ban hành: Tỉnh Bắc Ninh Người ký: Nguyễn Tiến Nhường", ["Tỉnh Bắc Ninh"]),
        ("trên địa bàn tỉnh Bắc Ninh\nSố hiệu: 155/KH-UBND", ["tỉnh Bắc Ninh"]),
        # a name wrapped over a line stays whole
        ("Ủy ban nhân dân tỉnh Lâm\nĐồng chỉ đạo", ["Ủy ban nhân dân tỉnh Lâm Đồng"]),
    ],
)
def test_labels_end_a_place_name(text: str, expected: list[str]) -> None:
    assert [u.name for u in parse(text).units] == expected


def test_a_body_of_two_words_is_not_read_from_its_second() -> None:
    # a joint header: the people's committee over the Front's committee, their province below
    text = "ỦY BAN NHÂN DÂN\nỦY BAN MTTQ VIỆT NAM\nTỈNH ĐẮK LẮK\n\nSố: 01/QCPH/UBND-UBMTTQ\n\nQUY CHẾ\nPhối hợp công tác\n"
    names = [u.name for u in parse(text).units]
    assert "BAN NHÂN DÂN" not in names
    assert "ỦY BAN MTTQ VIỆT NAM TỈNH ĐẮK LẮK" in names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a body of each place listed after "các" and one type
        (
            "Ủy ban nhân dân\ncác tỉnh Lâm Đồng, Bình Thuận, Đắk Nông đã lãnh đạo",
            ["Ủy ban nhân dân tỉnh Lâm Đồng", "Ủy ban nhân dân tỉnh Bình Thuận", "Ủy ban nhân dân tỉnh Đắk Nông"],
        ),
        ("UBND các xã Bản Phố, Tà Chải, Na Hối chỉ đạo", ["UBND xã Bản Phố", "UBND xã Tà Chải", "UBND xã Na Hối"]),
        # a kind of body at every place is a group
        ("UBND các xã, thị trấn chỉ đạo", []),
        ("Ủy ban MTTQ các xã tổ chức", []),
    ],
)
def test_a_body_of_each_place(text: str, expected: list[str]) -> None:
    report = parse(text)
    assert [u.name for u in report.units] == expected
    assert all(report.text[m.start : m.end] == m.text for u in report.units for m in u.mentions)


def test_a_body_of_each_place_links_each() -> None:
    got = {u.name: u.canonical for u in parse("UBND các tỉnh Lâm Đồng, Bình Thuận họp").units}
    assert got == {"UBND tỉnh Lâm Đồng": "Ủy ban nhân dân tỉnh Lâm Đồng", "UBND tỉnh Bình Thuận": "Ủy ban nhân dân tỉnh Bình Thuận"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a web page's header with blank lines between the issuer's lines
        ("UỶ BAN NHÂN DÂN\n\nHUYỆN BẮC HÀ\n\n–––––––\n\nSố: 198/BC-UBND\n\nBÁO CÁO\n\nKết quả", ["UỶ BAN NHÂN DÂN HUYỆN BẮC HÀ"]),
        # lines in capitals in the body are headings and name no unit, joined or not
        ("x " * 800 + "\n\nỦY BAN NHÂN DÂN\n\nTỈNH LÂM ĐỒNG\n", []),
    ],
)
def test_header_lines_parted_by_a_blank_line(text: str, expected: list[str]) -> None:
    assert [u.name for u in parse(text).units] == expected
