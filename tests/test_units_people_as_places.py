"""Units: a person's full name written right after a unit is no place, unless a unit bears it."""

from __future__ import annotations

import pytest

from nq_extract import gazetteer

from .helpers import unit_names

names = unit_names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a position, its unit, then the person (no title before the name)
        ("Bí thư Đảng ủy, Chủ tịch HĐND xã Đặng Văn Cảnh phát biểu chỉ đạo.", ["Đảng ủy", "HĐND xã"]),
        ("Phó Bí thư Huyện ủy Nguyễn Thị Hoa dự hội nghị.", ["Huyện ủy"]),
        ("Chủ tịch UBND phường Trần Văn Bình trao quà.", ["UBND phường"]),
        ("Bí thư Tỉnh đoàn Lê Văn Tám phát động phong trào.", ["Tỉnh đoàn"]),
        # places named after people are places
        ("UBND xã Hoàng Văn Thụ báo cáo kết quả.", ["UBND xã Hoàng Văn Thụ"]),
        ("UBND huyện Trần Văn Thời báo cáo kết quả.", ["UBND huyện Trần Văn Thời"]),
        ("tại phường Võ Thị Sáu đã", ["phường Võ Thị Sáu"]),
        ("về Thành phố Hồ Chí Minh công tác", ["Thành phố Hồ Chí Minh"]),
        # two-word places starting with a family name are untouched
        ("UBND xã Lê Lợi báo cáo", ["UBND xã Lê Lợi"]),
        ("Đảng ủy xã Hồ Thầu họp", ["Đảng ủy xã Hồ Thầu"]),
    ],
)
def test_person_named_after_a_unit(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("name", "known"),
    [("Hoàng Văn Thụ", True), ("hoang van thu", True), ("Hồ Chí Minh", True), ("Đặng Văn Cảnh", False), ("Nguyễn Thị Hoa", False)],
)
def test_gazetteer_knows_names(name: str, known: bool) -> None:
    assert gazetteer.load().knows(name) is known
