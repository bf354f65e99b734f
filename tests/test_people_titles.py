"""People: a title, then the position and its unit, then the name; positions are never names."""

from __future__ import annotations

import pytest

import nq_extract

from .helpers import assert_valid


def people(text: str) -> list[tuple[str, str | None]]:
    report = nq_extract.parse(text)
    assert_valid(report)
    return [(p.name, p.position) for p in report.people]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đồng chí Chủ tịch UBND huyện Đỗ Hùng Sơn chủ trì hội nghị.", [("Đỗ Hùng Sơn", "Chủ tịch UBND huyện")]),
        ("Đồng chí Bí thư Huyện ủy Tam Đường Nguyễn Văn An phát biểu.", [("Nguyễn Văn An", "Bí thư Huyện ủy Tam Đường")]),
        ("Ông Chủ tịch Hội Nông dân xã Lò Văn Páo báo cáo.", [("Lò Văn Páo", "Chủ tịch Hội Nông dân xã")]),
        # a title and a position without a name: nobody
        ("Đồng chí Phó Chủ tịch UBND huyện chủ trì.", []),
        ("Đồng chí Bí thư chủ trì hội nghị.", []),
        # the usual order still holds
        ("Đồng chí Nguyễn Văn An, Bí thư Huyện ủy phát biểu.", [("Nguyễn Văn An", "Bí thư Huyện ủy")]),
    ],
)
def test_title_position_name(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert people(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list after one title, each item a position then a name
        (
            "lẵng hoa của các đồng chí: Tổng Bí thư Nguyễn Phú Trọng, Chủ tịch nước Nguyễn Xuân Phúc, "
            "Chủ tịch Quốc hội Vương Đình Huệ, nguyên Chủ tịch nước Trần Đức Lương.",
            [
                ("Nguyễn Phú Trọng", "Tổng Bí thư"),
                ("Nguyễn Xuân Phúc", "Chủ tịch nước"),
                ("Vương Đình Huệ", "Chủ tịch Quốc hội"),
                ("Trần Đức Lương", "nguyên Chủ tịch nước"),
            ],
        ),
        # a former position, and two positions before the name
        (
            "Dự có các đồng chí: Nguyên Tổng Bí thư Nông Đức Mạnh; nguyên Ủy viên Bộ Chính trị, nguyên Chủ tịch Quốc hội Nguyễn Thị Kim Ngân.",
            [("Nông Đức Mạnh", "Nguyên Tổng Bí thư"), ("Nguyễn Thị Kim Ngân", "nguyên Ủy viên Bộ Chính trị")],
        ),
    ],
)
def test_lists_of_positions_and_names(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert people(text) == expected
