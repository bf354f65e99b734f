"""Units: gazetteer links stay inside the report's own district and province where it says which."""

from __future__ import annotations

import pytest

import nq_extract

HEADER = "ỦY BAN NHÂN DÂN\nHUYỆN ĐỨC TRỌNG\n\nSố: 12/BC-UBND\n\nĐức Trọng, ngày 05 tháng 3 năm 2024\n\nBÁO CÁO\nKết quả\n\n{body}\n"


def links(body: str) -> dict[str, tuple[str | None, str | None]]:
    report = nq_extract.parse(HEADER.format(body=body))
    return {u.name: (u.admin_code, u.canonical) for u in report.units}


@pytest.mark.parametrize(
    ("body", "name", "code"),
    [
        # communes of the report's own district, and of another district of its province
        ("UBND xã Hiệp Thạnh báo cáo.", "UBND xã Hiệp Thạnh", "24967"),
        ("UBND thị trấn Liên Nghĩa báo cáo.", "UBND thị trấn Liên Nghĩa", "24958"),
        ("UBND xã Xuân Thọ báo cáo.", "UBND xã Xuân Thọ", "24805"),  # Đà Lạt, Lâm Đồng: not another province's
        ("UBND xã Mỹ Đức báo cáo.", "UBND xã Mỹ Đức", "25135"),
        # a commune a letter off one of another province: no link rather than a wrong one
        ("UBND xã Hồ Thâu báo cáo.", "UBND xã Hồ Thâu", None),
    ],
)
def test_links_prefer_the_reports_own_place(body: str, name: str, code: str | None) -> None:
    assert links(body)[name][0] == code


def test_exact_name_elsewhere_still_links() -> None:
    # a commune of another province written as the gazetteer writes it, with that province named
    got = links("Đoàn công tác làm việc tại UBND xã Tả Lèng.")
    assert got["UBND xã Tả Lèng"][0] is not None


@pytest.mark.parametrize(
    ("body", "name", "code"),
    [
        # a slip of a tone mark or of a final letter in the report's own place still links
        ("UBND xã Hiệp Thành báo cáo.", "UBND xã Hiệp Thành", "24967"),
        # another syllable is another place: no link rather than the nearest name
        ("UBND xã Linh Gia báo cáo.", "UBND xã Linh Gia", None),
    ],
)
def test_near_names_link_only_as_slips(body: str, name: str, code: str | None) -> None:
    assert links(body)[name][0] == code


def test_communes_give_the_district_when_nothing_else_does() -> None:
    report = nq_extract.parse("Đảng bộ xã Gio Mai tổ chức đại hội. Đồng chí Bí thư Huyện ủy dự và phát biểu.")
    got = {u.name: u.canonical for u in report.units}
    assert got["Huyện ủy"] == "Huyện ủy Gio Linh, tỉnh Quảng Trị"


def test_communes_of_many_places_give_no_district() -> None:
    # "Hồ Thầu" is a commune of two provinces: nothing to choose between them
    report = nq_extract.parse("Đảng bộ xã Hồ Thầu tổ chức đại hội. Huyện ủy chỉ đạo.")
    assert {u.name: u.admin_code for u in report.units}["Huyện ủy"] is None


def test_a_list_item_keeps_its_own_type() -> None:
    # two wards and no commune bear the name in the era of the report: the 2025 commune of that
    # name is no ward, and the report's province is another
    got = links("UBND xã Hiệp Thạnh, phường Phạm Ngũ Lão báo cáo.")
    assert got["UBND xã Hiệp Thạnh"][0] == "24967"
    assert got["UBND phường Phạm Ngũ Lão"][0] is None


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a later name of a list that the gazetteer knows under another type takes no type from the first
        ("ngoài tỉnh như: thành phố Hồ Chí Minh, Đồng Nai và các tỉnh khác.", ["thành phố Hồ Chí Minh"]),
        # the same type carries over
        ("UBND xã Hiệp Thạnh, Ninh Gia báo cáo.", ["UBND xã Hiệp Thạnh", "UBND xã Ninh Gia"]),
    ],
)
def test_a_list_type_carries_over_only_to_its_kind(body: str, expected: list[str]) -> None:
    assert [n for n in links(body) if n != "ỦY BAN NHÂN DÂN HUYỆN ĐỨC TRỌNG"] == expected


def test_a_force_is_no_unit() -> None:
    report = nq_extract.parse("Tăng cường chỉ đạo lực lượng Công an cơ sở, nhất là Công an xã phát huy vai trò.")
    assert [u.name for u in report.units] == ["Công an xã"]
