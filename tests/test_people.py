"""People: the signer and people named with a title, with their positions."""

from __future__ import annotations

import pytest

import nq_extract

from .helpers import assert_valid


def people(text: str) -> list[tuple[str, str | None]]:
    report = nq_extract.parse(text)
    assert_valid(report)
    return [(p.name, p.position) for p in report.people]


CASES = [
    # a name printed in capitals after a title; a position in capitals is no name
    (
        "Phóng viên trao đổi với đồng chí TRẦN VĂN LỘC, Ủy viên Ban Thường vụ Tỉnh ủy, Trưởng Ban Tổ chức Tỉnh ủy.",
        [("Trần Văn Lộc", "Ủy viên Ban Thường vụ Tỉnh ủy")],
    ),
    ("Kính gửi: Đồng chí BÍ THƯ HUYỆN ỦY.", []),
    # abbreviated positions: "PBT TT" (Thường trực), "HUV" (Huyện ủy viên), "Chuyên viên"
    (
        "Dự có đồng chí Lê Văn Giang, PBT TT Huyện ủy; đồng chí Hà Văn Chính, HUV, Chủ tịch Hội Nông dân huyện; "
        "đồng chí Phan Thị Hải, Chuyên viên BTC Huyện ủy.",
        [("Lê Văn Giang", "PBT TT Huyện ủy"), ("Hà Văn Chính", "HUV"), ("Phan Thị Hải", "Chuyên viên BTC Huyện ủy")],
    ),
    (
        "Kết luận hội nghị, đồng chí Đoàn Văn Sự - Phó bí thư huyện ủy ghi nhận đánh giá cao.",
        [("Đoàn Văn Sự", "Phó bí thư huyện ủy")],
    ),
    (
        "Đồng chí Thượng tá Hồ Văn Trung – Phó Bí thư Đảng ủy Quân sự huyện thông qua báo cáo",
        [("Hồ Văn Trung", "Phó Bí thư Đảng ủy Quân sự huyện")],
    ),
    ("Đồng chí Nguyễn Xuân Thanh – Chủ tịch UBND huyện trao giấy khen", [("Nguyễn Xuân Thanh", "Chủ tịch UBND huyện")]),
    (
        "Dự có đồng chí Bùi Văn Tân, Trưởng ban dân vận huyện ủy, các đồng chí đảng viên.",
        [("Bùi Văn Tân", "Trưởng ban dân vận huyện ủy")],
    ),
    ("ông Lê Văn Thị - PBT- CT. UBND huyện, các đồng chí", [("Lê Văn Thị", "PBT- CT. UBND huyện")]),
    ("do Giáo sư - Tiến sĩ Hoàng Chí Bảo trực tiếp truyền đạt", [("Hoàng Chí Bảo", None)]),
    (
        "Kính thưa đồng chí Lê Thành Long - Uỷ viên Trung ương Đảng, Phó Thủ tướng Chính phủ",
        [("Lê Thành Long", "Uỷ viên Trung ương Đảng")],
    ),
    ("- Phó GĐ Sở: ông Trần Ngọc Tân;", [("Trần Ngọc Tân", "Phó GĐ Sở")]),
    # a former or acting position keeps its word
    (
        "đối với đồng chí Trương Hòa Bình, nguyên Ủy viên Bộ Chính trị, nguyên Phó Bí thư",
        [("Trương Hòa Bình", "nguyên Ủy viên Bộ Chính trị")],
    ),
    ("ông Lê Văn A - quyền Giám đốc Sở Nội vụ ký", [("Lê Văn A", "quyền Giám đốc Sở Nội vụ")]),
    ("đồng chí Nguyễn Văn Hiếu thôi giữ chức Ủy viên dự khuyết", [("Nguyễn Văn Hiếu", None)]),
    # "nguyên" before a word that is no position is not one
    ("ông Trần Văn B, nguyên quán tỉnh Nghệ An", [("Trần Văn B", None)]),
    # an honorific title before the name
    ("trao tặng hoa và quà cho mẹ Việt nam anh hùng Bùi Thị Nhung. Cụm thi đua", [("Bùi Thị Nhung", None)]),
    ("thăm Bà mẹ Việt Nam Anh hùng Nguyễn Thị Thứ tại", [("Nguyễn Thị Thứ", None)]),
    # a position with a unit named in lower-case terms
    (
        "Đồng chí Tăng Hồng Tín - Trưởng phòng lý luận chính trị lịch sử Đảng, Ban Tuyên giáo",
        [("Tăng Hồng Tín", "Trưởng phòng lý luận chính trị lịch sử Đảng")],
    ),
    (
        "ông Lê Văn C - Giám đốc Trung tâm Phục vụ hành chính công tỉnh, phát biểu",
        [("Lê Văn C", "Giám đốc Trung tâm Phục vụ hành chính công tỉnh")],
    ),
    (
        "ông Lê Văn D - Giám đốc Trung tâm Phục vụ hành chính công quản lý hồ sơ",
        [("Lê Văn D", "Giám đốc Trung tâm Phục vụ hành chính công")],
    ),
    # a position's unit takes terms only after its head word
    ("đồng chí Lê Văn E - Phó Chủ tịch UBND tỉnh phát triển nông thôn mới", [("Lê Văn E", "Phó Chủ tịch UBND tỉnh")]),
    # no name after the title
    ("Thành phần gồm các đồng chí cán bộ chủ chốt, lãnh đạo các cơ quan.", []),
    ("các đồng chí trong Ban thường vụ huyện ủy", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_people(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert people(text) == expected


def test_signer_is_a_person(seed_report) -> None:
    assert [(p.name, p.position) for p in seed_report.people] == [("Cao Trang Trọng", "Phó Bí thư")]
    assert seed_report.people[0].span.text == "Cao Trang Trọng"


def test_signer_beside_recipients() -> None:
    text = "Kính trình.\n\nNơi nhận: KT. GIÁM ĐỐC\n- Như trên; PHÓ GIÁM ĐỐC\n- Lưu: VT.\n\nNguyễn Đức Vũ\n"
    signer = nq_extract.parse(text).document.signer
    assert signer is not None
    assert (signer.name, signer.position, signer.capacity) == ("Nguyễn Đức Vũ", "Phó Giám đốc", "KT")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list of people after one title: "các đồng chí: A, position; B, position"
        (
            "Cùng dự có các đồng chí: Hoàng Minh Tuấn, Bí thư Huyện ủy, Chủ tịch HĐND huyện; "
            "Vi Thị Lan, Phó Bí thư Huyện ủy; Đặng Quốc Bảo - Trưởng Ban Dân vận Huyện ủy.",
            [
                ("Hoàng Minh Tuấn", "Bí thư Huyện ủy"),
                ("Vi Thị Lan", "Phó Bí thư Huyện ủy"),
                ("Đặng Quốc Bảo", "Trưởng Ban Dân vận Huyện ủy"),
            ],
        ),
        (
            "Dự có đồng chí Lò Văn Tiến, Phó Chủ tịch UBND xã; Mùa A Sình, Chủ tịch Hội Nông dân xã.",
            [("Lò Văn Tiến", "Phó Chủ tịch UBND xã"), ("Mùa A Sình", "Chủ tịch Hội Nông dân xã")],
        ),
        # after the ";" without a position, or with bodies, the list holds no more people
        ("Dự có đồng chí Lò Văn Tiến, Phó Chủ tịch UBND xã; Hội Nông dân, Đoàn Thanh niên xã.", [("Lò Văn Tiến", "Phó Chủ tịch UBND xã")]),
        ("đồng chí Lò Văn Tiến, Phó Chủ tịch UBND xã; Bản Mù Cang, Nậm Xe là hai bản khó khăn", [("Lò Văn Tiến", "Phó Chủ tịch UBND xã")]),
        # more position words: an alternate member, the head of a delegation, abbreviations of the Central Committee
        (
            "đồng chí Tống Văn Hòa, Ủy viên dự khuyết Trung ương Đảng, Bí thư Tỉnh ủy",
            [("Tống Văn Hòa", "Ủy viên dự khuyết Trung ương Đảng")],
        ),
        ("đồng chí Tống Văn Hòa, UVTW Đảng, Bí thư Tỉnh ủy", [("Tống Văn Hòa", "UVTW Đảng")]),
        (
            "bà Nguyễn Thị Xuân - Phó Trưởng đoàn Đại biểu Quốc hội tỉnh đề nghị",
            [("Nguyễn Thị Xuân", "Phó Trưởng đoàn Đại biểu Quốc hội tỉnh")],
        ),
    ],
)
def test_people_lists_and_positions(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert people(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # people listed with commas after one title
        (
            "Các đồng chí Vàng A Dơ, Phó Bí thư Thường trực Huyện ủy, Sùng A Lềnh, Phó Bí thư Huyện ủy, Chủ tịch UBND huyện chủ trì.",
            [("Vàng A Dơ", "Phó Bí thư Thường trực Huyện ủy"), ("Sùng A Lềnh", "Phó Bí thư Huyện ủy")],
        ),
        # an item that is one more position of the person before is passed over
        (
            "Các đồng chí: Lý Thị Hoa, Ủy viên Ban Thường vụ Huyện ủy; Phó Chủ tịch Thường trực HĐND huyện; "
            "Giàng Seo Phử, Phó Trưởng Ban Dân vận Huyện ủy dự.",
            [("Lý Thị Hoa", "Ủy viên Ban Thường vụ Huyện ủy"), ("Giàng Seo Phử", "Phó Trưởng Ban Dân vận Huyện ủy")],
        ),
        # places after the position are no people
        ("đồng chí Lý Thị Hoa, Bí thư Huyện ủy, Bắc Hà, Lào Cai dự", [("Lý Thị Hoa", "Bí thư Huyện ủy")]),
    ],
)
def test_people_listed_with_commas(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert people(text) == expected
