"""Units: courts, procuracies, judgment enforcement and police departments as reports write them."""

from __future__ import annotations

import pytest

import nq_extract

from .helpers import unit_names

names = unit_names


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("phối hợp với Viện KSND huyện và TAND huyện xét xử", ["Viện KSND huyện", "TAND huyện"]),
        ("VKSND tỉnh kháng nghị", ["VKSND tỉnh"]),
        ("Chi cục Thi hành án dân sự huyện tổ chức cưỡng chế", ["Chi cục Thi hành án dân sự huyện"]),
        ("Phòng Cảnh sát hình sự Công an tỉnh hỗ trợ", ["Phòng Cảnh sát hình sự Công an tỉnh"]),
        # a court or a procuracy as a kind of body, without its place
        ("các vụ án do TAND xét xử", []),
        ("Viện KSND và Tòa án nhân dân các cấp", []),
    ],
)
def test_justice_bodies(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_abbreviated_court_expanded() -> None:
    (unit,) = nq_extract.parse("TAND huyện xét xử").units
    assert unit.canonical == "Tòa án nhân dân huyện"
