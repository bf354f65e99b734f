"""The gazetteer: both eras, the old-to-new mapping, linking with a threshold."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from nq_extract import gazetteer as gz


@pytest.fixture(scope="module")
def g() -> gz.Gazetteer:
    return gz.load()


def test_counts_and_source_recorded() -> None:
    about = json.loads(resources.files("nq_extract.gazetteer").joinpath("data", "SOURCE.json").read_text("utf-8"))
    assert about["source"]["licence"] == "MIT" and about["source"]["version"]
    assert about["counts"]["2019.province"] == 63 and about["counts"]["2019.district"] == 696
    assert about["counts"]["2025.province"] == 34 and 3000 < about["counts"]["2025.commune"] < 3500


@pytest.mark.parametrize(
    ("name", "level", "era", "within", "expected"),
    [
        ("Hồ Thâu", "commune", "2019", "106", "xã Hồ Thầu, huyện Tam Đường, tỉnh Lai Châu"),
        ("Bình Lưu", "commune", "2019", "106", "xã Bình Lư, huyện Tam Đường, tỉnh Lai Châu"),
        ("ho thau", "commune", "2019", "106", "xã Hồ Thầu, huyện Tam Đường, tỉnh Lai Châu"),
        ("Tam Đường", "district", "2019", "", "huyện Tam Đường, tỉnh Lai Châu"),
        ("Lâm Viên - Đà Lạt", "commune", "2025", "p68", "phường Lâm Viên - Đà Lạt, tỉnh Lâm Đồng"),
        ("Lâm Đồng", "province", "2025", "", "tỉnh Lâm Đồng"),
    ],
)
def test_links(g, name, level, era, within, expected) -> None:
    link = g.link(name, level, era, within)
    assert link is not None and g.full_name(link.place) == expected
    assert gz.THRESHOLD <= link.score <= 1


@pytest.mark.parametrize(
    ("name", "level", "era", "within"),
    [
        ("Hồ Thầu", "commune", "2019", ""),  # two provinces have one: nothing to choose between them
        ("Ea Kly", "commune", "2019", "106"),  # in another province: nothing close enough in the district
        ("Tam Đường", "district", "2025", ""),  # no districts after 1 July 2025
    ],
)
def test_no_link(g, name, level, era, within) -> None:
    assert g.link(name, level, era, within) is None


def test_old_to_new(g) -> None:
    binh_lu = g.link("Bình Lư", "commune", "2019", "106").place
    assert [g.full_name(p) for p in g.successors(binh_lu)] == ["xã Bình Lư, tỉnh Lai Châu"]
    dak_nong = g.link("Đắk Nông", "province", "2019").place
    assert [p.name for p in g.successors(dak_nong)] == ["Lâm Đồng"]


@pytest.mark.parametrize(
    ("date", "era"),
    [("2023-11-28", "2019"), ("2025-06-30", "2019"), ("2025-07-01", "2025"), ("2026-01-06", "2025"), (None, "2025")],
)
def test_era_for(date, era) -> None:
    assert gz.era_for(date) == era


@pytest.mark.parametrize(("written", "official"), [("Thanh Hoá", "Thanh Hóa"), ("Khánh Hoà", "Khánh Hòa"), ("Hoà Bình", "Hòa Bình")])
def test_old_tone_placement_links_fully(g, written, official) -> None:
    link = g.link(written, "province", "2019")
    assert link is not None and link.place.name == official and link.score == 1.0


def test_shipped_files_are_the_generated_ones() -> None:
    import hashlib

    data = resources.files("nq_extract.gazetteer").joinpath("data")
    about = json.loads(data.joinpath("SOURCE.json").read_text("utf-8"))
    for name, digest in about["files"].items():
        assert hashlib.sha256(data.joinpath(name).read_bytes()).hexdigest() == digest, name
    assert sum(len(data.joinpath(n).read_bytes()) for n in about["files"]) < 1_000_000  # compact
