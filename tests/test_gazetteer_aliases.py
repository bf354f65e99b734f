"""Gazetteer: names a report writes for units the tables list under another name."""

from __future__ import annotations

import pytest

import nq_extract
from nq_extract import gazetteer


@pytest.mark.parametrize(
    ("written", "era", "code"),
    [
        ("Thừa Thiên Huế", "2019", "46"),  # a province until 2025, listed as the city of Huế
        ("THỪA THIÊN HUẾ", "2019", "46"),
        ("Thừa Thiên - Huế", "2025", "46"),
        ("HCM", "2019", "79"),
    ],
)
def test_aliases_link(written: str, era: str, code: str) -> None:
    link = gazetteer.load().link(written, "province", era)
    assert link is not None and link.place.code == code and link.score == 1.0


def test_alias_is_per_level() -> None:
    assert gazetteer.load().link("HCM", "commune", "2025") is None


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("Công an TP. HCM phối hợp điều tra", "Công an TP. HCM", "79"),
        ("UBND TP.HCM chỉ đạo", "UBND TP.HCM", "79"),
        ("Tỉnh ủy Thừa Thiên Huế ban hành", "Tỉnh ủy Thừa Thiên Huế", "46"),
    ],
)
def test_units_link_through_aliases(text: str, name: str, code: str) -> None:
    got = {u.name: u for u in nq_extract.parse(text).units}
    assert got[name].admin_code == code and got[name].match_score == 1.0


def test_a_single_capitalised_noun_after_a_type_is_still_no_place() -> None:
    assert [u.name for u in nq_extract.parse("UBND tỉnh Kế hoạch thực hiện").units] == ["UBND tỉnh"]


@pytest.mark.parametrize(
    ("written", "official", "expected"),
    [
        ("Hồ Thâu", "Hồ Thầu", True),
        ("Bình Lưu", "Bình Lư", True),
        ("Thuỵ Lâm", "Thụy Lâm", True),
        ("Kỳ Sơn", "Kì Sơn", True),
        ("Lâm Viên-Đà Lạt", "Lâm Viên - Đà Lạt", True),
        ("Vĩnh Tường", "Vĩnh Cường", False),
        ("Nghi Trường", "Nghi Trung", False),
        ("Xuân Tường", "Xuân Dương", False),
        ("Tân Lập", "Tân Lập Đông", False),
    ],
)
def test_variant_of(written: str, official: str, expected: bool) -> None:
    assert gazetteer.variant_of(written, official) is expected
