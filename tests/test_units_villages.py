"""Units and people: villages and quarters below a commune are part of a body's or a position's name."""

from __future__ import annotations

import pytest

from .helpers import parse_valid

parse = parse_valid


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chi bộ thôn Nà Đon tổ chức sinh hoạt chuyên đề.", ["Chi bộ thôn Nà Đon"]),
        ("Chi bộ bản Phiêng Phát đạt trong sạch vững mạnh.", ["Chi bộ bản Phiêng Phát"]),
        ("Chi bộ tổ dân phố 3 họp định kỳ.", ["Chi bộ tổ dân phố 3"]),
        ("Chi hội Phụ nữ thôn 5 ra mắt mô hình.", ["Chi hội Phụ nữ thôn 5"]),
        ("Chi đoàn thôn Bản Giang tổ chức ra quân.", ["Chi đoàn thôn Bản Giang"]),
        ("Chi bộ thôn Nà Đon, xã Hồ Thầu sinh hoạt.", ["Chi bộ thôn Nà Đon", "xã Hồ Thầu"]),
        # a village alone is no unit; 'văn bản', 'tổ chức' and a model's name are no villages
        ("tại thôn Nà Đon đã", []),
        ("Chi bộ tổ chức sinh hoạt theo văn bản hướng dẫn.", ["Chi bộ"]),
        ("mô hình “Chi đoàn không ma túy” được nhân rộng", []),
    ],
)
def test_village_bodies(text: str, expected: list[str]) -> None:
    assert [u.name for u in parse(text).units] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ông Nguyễn Văn Bảy, Trưởng thôn Nà Đon phát biểu.", [("Nguyễn Văn Bảy", "Trưởng thôn Nà Đon")]),
        ("Đồng chí Giàng A Chu, Bí thư Chi bộ bản Phiêng Phát phát biểu.", [("Giàng A Chu", "Bí thư Chi bộ bản Phiêng Phát")]),
        (
            "Đại úy Lò Văn Sơn, Đồn trưởng Đồn Biên phòng Ma Lù Thàng báo cáo.",
            [("Lò Văn Sơn", "Đồn trưởng Đồn Biên phòng Ma Lù Thàng")],
        ),
        ("Thượng tá Vũ Văn Hòa, Chính ủy Bộ Chỉ huy Quân sự tỉnh dự.", [("Vũ Văn Hòa", "Chính ủy Bộ Chỉ huy Quân sự tỉnh")]),
        ("bà Lê Thị Hà, Chánh án Tòa án nhân dân huyện dự.", [("Lê Thị Hà", "Chánh án Tòa án nhân dân huyện")]),
        # a title without a position
        ("TS. Trần Thị Mai trình bày tham luận.", [("Trần Thị Mai", None)]),
        ("Ông/Bà Hoàng Văn Tuấn được mời dự.", [("Hoàng Văn Tuấn", None)]),
    ],
)
def test_people_positions_below_a_commune_and_in_the_forces(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(p.name, p.position) for p in parse(text).people] == expected
