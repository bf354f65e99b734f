"""Units: the Front's written forms and the canonical case of names written in capitals or lower case."""

from __future__ import annotations

import pytest

import nq_extract

from .helpers import assert_valid


def units(text: str) -> list[tuple[str, str, str | None]]:
    report = nq_extract.parse(text)
    assert_valid(report)
    return [(u.name, u.kind, u.canonical) for u in report.units]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the Front's committee written with a dot, run together, or with the country abbreviated
        (
            "thông báo của UB.MTTQ xã về công tác tham gia xây dựng chính quyền",
            [("UB.MTTQ xã", "front", "Ủy ban Mặt trận Tổ quốc xã")],
        ),
        ("UBMTTQ xã phối hợp vận động", [("UBMTTQ xã", "front", "Ủy ban Mặt trận Tổ quốc xã")]),
        ("Ủy ban MTTQ VN xã tổ chức ngày hội", [("Ủy ban MTTQ VN xã", "front", "Ủy ban Mặt trận Tổ quốc Việt Nam xã")]),
        ("UBMTTQ VN huyện chủ trì", [("UBMTTQ VN huyện", "front", "Ủy ban Mặt trận Tổ quốc Việt Nam huyện")]),
        ("Ủy ban MTTQVN phường giám sát", [("Ủy ban MTTQVN phường", "front", "Ủy ban Mặt trận Tổ quốc Việt Nam phường")]),
        ("UB MTTQ thị trấn ra mắt", [("UB MTTQ thị trấn", "front", "Ủy ban Mặt trận Tổ quốc thị trấn")]),
        # not the Front: a symbol, a lone 'VN', an unrelated 'UB'
        ("theo Công văn số 12/UB.MTTQ ngày 5", []),
        ("hàng VN chất lượng cao", []),
    ],
)
def test_front_written_forms(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert units(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # boards written all in lower case
        ("Tham dự có đại diện ban thường vụ huyện ủy và lãnh đạo", [("ban thường vụ huyện ủy", "Ban Thường vụ Huyện ủy")]),
        ("Hội nghị ban chấp hành đảng bộ xã lần thứ 5", [("ban chấp hành đảng bộ xã", "Ban Chấp hành Đảng bộ xã")]),
        ("theo kết luận của ban thường vụ tỉnh ủy", [("ban thường vụ tỉnh ủy", "Ban Thường vụ Tỉnh ủy")]),
        # names printed in capitals take the running-text case
        ("HỘI NÔNG DÂN XÃ\n\nSố: 5/BC-HND", [("HỘI NÔNG DÂN XÃ", "Hội Nông dân xã")]),
        ("TRUNG TÂM Y TẾ HUYỆN\n\nSố: 5/BC-TTYT", [("TRUNG TÂM Y TẾ HUYỆN", "Trung tâm Y tế huyện")]),
        # a capitalised board in the usual case stays as written (no canonical)
        ("Ban Tuyên giáo Huyện ủy theo dõi", [("Ban Tuyên giáo Huyện ủy", None)]),
    ],
)
def test_canonical_case(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(n, c) for n, _, c in units(text)] == expected


@pytest.mark.parametrize(
    ("header", "canonical"),
    [
        ("ĐẢNG ỦY XÃ HỒ THẦU", "Đảng ủy xã Hồ Thầu, huyện Tam Đường, tỉnh Lai Châu"),
        ("HUYỆN ỦY TAM ĐƯỜNG", "Huyện ủy Tam Đường, tỉnh Lai Châu"),
    ],
)
def test_capitals_canonical_like_running_text(header: str, canonical: str) -> None:
    text = f"{header}\n\nSố: 12-BC/ĐU\n\nTam Đường, ngày 05 tháng 3 năm 2024\n\nBÁO CÁO\nKết quả\n\nHội nghị đã họp.\n"
    got = {u.name: u.canonical for u in nq_extract.parse(text).units}
    assert got[header] == canonical


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the dot below of "huyện" dropped: read as the district, written right in the canonical name
        ("Ban tuyên giáo Huyên ủy tổ chức hội nghị", [("Ban tuyên giáo Huyên ủy", "party", "Ban Tuyên giáo Huyện ủy")]),
        ("trang của công an huyên đã đăng tin", [("công an huyên", "state", "Công an huyện")]),
        # "huyên náo" (noisy) is no district
        ("không khí huyên náo của ngày hội", []),
    ],
)
def test_common_slips(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert units(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a type before a proper name that begins like a body ("Huyện đoàn") stays a type
        ("UBND huyện Đoàn Kết báo cáo", [("UBND huyện Đoàn Kết", "state", "Ủy ban nhân dân huyện Đoàn Kết")]),
        # a body whose later words are capitalised in the text is still the body
        ("Trưởng đoàn Đại biểu Quốc hội tỉnh dự", [("đoàn Đại biểu Quốc hội tỉnh", "state", "Đoàn đại biểu Quốc hội tỉnh")]),
        # a body's head alone after a type (a table's cells) names no place
        ("trực thuộc UBND cấp tỉnh Ban 5 án", []),
    ],
)
def test_types_before_names(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert units(text) == expected
