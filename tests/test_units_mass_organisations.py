"""Units: the youth union and the farmers' association as news posts write them."""

from __future__ import annotations

import pytest

from .helpers import parse_valid

parse = parse_valid


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the youth union of a commune or a district written "Đoàn" before its place
        ("Đoàn xã Tam Đàn ra quân làm đường giao thông.", [("Đoàn xã Tam Đàn", "mass")]),
        ("đại diện đoàn thị trấn tặng quà", [("đoàn thị trấn", "mass")]),
        ("Ban chấp hành đoàn xã cùng đơn vị bộ đội ra quân.", [("Ban chấp hành đoàn xã", "mass")]),
        ("Ban Thường vụ Thị đoàn Long Mỹ ban hành kế hoạch", [("Ban Thường vụ Thị đoàn Long Mỹ", "mass")]),
        ("Quận đoàn phát động phong trào", [("Quận đoàn", "mass")]),
        ("Điều lệ Đoàn TNCS Hồ Chí Minh quy định", [("Đoàn TNCS Hồ Chí Minh", "mass")]),
        ("Kế hoạch của Ban Chấp hành Trung ương Đoàn về", [("Ban Chấp hành Trung ương Đoàn", "mass")]),
        # delegations and teams are no youth union; a family name or a place's word stays a name
        ("Đoàn tỉnh Lâm Đồng tham dự Đại hội.", [("tỉnh Lâm Đồng", "admin")]),
        ("Đoàn kiểm tra huyện làm việc với xã.", []),
        ("UBND xã Đoàn Kết báo cáo.", [("UBND xã Đoàn Kết", "state")]),
        # the farmers' association abbreviated
        ("để HND huyện tiếp tục triển khai", [("HND huyện", "mass")]),
        ("Phó Chủ tịch Hội ND huyện báo cáo", [("Hội ND huyện", "mass")]),
        # a hall is no association
        ("tại Hội trường Ủy ban nhân dân phường", [("Ủy ban nhân dân phường", "state")]),
    ],
)
def test_mass_organisation_forms(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(u.name, u.kind) for u in parse(text).units] == expected


def test_family_name_that_heads_a_body() -> None:
    report = parse("Đồng chí Đoàn Văn Sự, Phó Bí thư thường trực Huyện ủy dự.")
    assert [(p.name, p.position) for p in report.people] == [("Đoàn Văn Sự", "Phó Bí thư thường trực Huyện ủy")]


def test_canonical_expands_the_association() -> None:
    (unit,) = parse("Phó Chủ tịch Hội ND huyện báo cáo").units
    assert unit.canonical == "Hội Nông dân huyện"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the national body, and the name going on after its short form in parentheses
        ("Hội Liên hiệp Phụ nữ Việt Nam biểu dương", [("Hội Liên hiệp Phụ nữ Việt Nam", None)]),
        ("Tổng Liên đoàn Lao động Việt Nam phát động", [("Tổng Liên đoàn Lao động Việt Nam", None)]),
        ("Hội Liên hiệp Phụ nữ (LHPN) tỉnh đã chỉ đạo", [("Hội Liên hiệp Phụ nữ (LHPN) tỉnh", "Hội Liên hiệp Phụ nữ tỉnh")]),
        # a short form in parentheses with nothing after it is a mention of its own
        ("Hội Nông dân (HND) đã vận động", [("Hội Nông dân", None), ("HND", "Hội Nông dân")]),
    ],
)
def test_national_bodies_and_short_forms(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(u.name, u.canonical) for u in parse(text).units] == expected
