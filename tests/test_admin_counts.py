"""Stated counts of administrative units against the gazetteer, on real sentences."""

from __future__ import annotations

import pytest

import nq_extract
from nq_extract.checks import admin_counts as ac
from nq_extract.checks import judge
from nq_extract.checks.relations import Text

from .conftest import DEV, SEED, need_dev
from .helpers import assert_valid

# The report's own area as its issuer line names it, and its date.
TAM_DUONG = ac.own_places("HUYỆN ỦY TAM ĐƯỜNG")  # 12 xã + 1 thị trấn (era 2019)
LAM_DONG = ac.own_places("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG")  # 2025: 103 xã + 20 phường + 1 đặc khu
LAI_CHAU = ac.own_places("UBND TỈNH LAI CHÂU")  # era 2019: 94 xã + 7 thị trấn + 5 phường; 7 huyện + 1 thành phố

SEED_NOTE = "³ 11/13 xã, thị trấn; các chi bộ trường học trực thuộc Đảng ủy thị trấn, xã Nà Tăm."
TAM_UNDATED = ac.Setting(TAM_DUONG, None, "2023-12-08")  # the seed: no date, its latest date in December 2023
TAM_2025 = ac.Setting(TAM_DUONG, "2025-03-10")  # inside the window of the era-2019 snapshot
LD_2025 = ac.Setting(LAM_DONG, "2025-12-19")
LC_2025 = ac.Setting(LAI_CHAU, "2025-03-01")
LC_2023 = ac.Setting(LAI_CHAU, "2023-05-10")
NOWHERE = ac.Setting()

CASES = [
    # whole counts that agree
    (SEED_NOTE, TAM_UNDATED, [("consistent", 13, 13)]),
    (SEED_NOTE, TAM_2025, [("consistent", 13, 13)]),
    ("Toàn huyện có 13 xã, thị trấn; 11/13 xã, thị trấn đã tổ chức hội nghị.", TAM_2025, [("consistent", 13, 13), ("consistent", 13, 13)]),
    (
        "Trung tâm Phục vụ hành chính công tỉnh và Trung tâm Phục vụ hành chính công tại 124/124\n"
        "xã, phường, đặc khu đã kiện toàn và đi vào nề nếp.",
        LD_2025,
        [("consistent", 124, 124)],
    ),
    (
        "+ Đối với UBND các xã, phường, đặc khu (100% đơn vị xếp loại Tốt trở lên): 124/124 địa phương xếp loại Xuất sắc.",
        LD_2025,
        [("consistent", 124, 124)],
    ),
    ("Toàn tỉnh có 124 xã, phường.", LD_2025, [("consistent", 124, 124)]),  # loose: 123 xã and phường, 124 communes
    ("Thành phố Hải Phòng có 114 xã, phường, đặc khu.", LD_2025, [("consistent", 114, 114)]),  # another province, named
    ("Toàn tỉnh có 106 xã, phường, thị trấn.", TAM_2025, [("consistent", 106, 106)]),  # a district's report: its province
    # whole counts that disagree, with the snapshot fitting the report's date
    (SEED_NOTE.replace("11/13", "11/23"), TAM_2025, [("inconsistent", 23, 13)]),
    (SEED_NOTE.replace("11/13", "11/12"), TAM_2025, [("inconsistent", 12, 13)]),
    ("Toàn tỉnh có 114 xã, phường, đặc khu.", LD_2025, [("inconsistent", 114, 124)]),
    ("Toàn tỉnh có 12 huyện, thành phố.", LC_2025, [("inconsistent", 12, 8)]),
    # ... and without: the units may have been others at the report's time
    (SEED_NOTE.replace("11/13", "11/12"), TAM_UNDATED, [("unverifiable", 12, 13)]),
    ("Toàn tỉnh có 12 huyện, thành phố.", LC_2023, [("unverifiable", 12, 8)]),
    ("Trước sắp xếp, toàn tỉnh có 147 xã, phường.", LD_2025, [("unverifiable", 147, 123)]),
    ("Năm 2024, toàn tỉnh có 137 xã, phường.", LD_2025, [("unverifiable", 137, 123)]),
    # a smaller whole that may be a part of the area
    ("Có 5/8 xã biên giới đã tổ chức hội nghị.", TAM_2025, [("unverifiable", 8, 12)]),
    ("Toàn tỉnh có 28 xã biên giới.", LC_2025, []),
    # counts of a part: checked only for exceeding the area's units
    (
        "Trong đó, điều chuyển 28 xe ô tô từ các sở, ban, ngành cấp tỉnh về 28 xã, phường quản lý, sử dụng.",
        LD_2025,
        [],
    ),
    (
        "Trong đó, điều chuyển 28 xe ô tô từ các sở, ban, ngành cấp tỉnh về 128 xã, phường quản lý, sử dụng.",
        LD_2025,
        [("inconsistent", 128, 124)],
    ),
    ("Hội nghị với hơn 1.000 đại biểu đến từ 124 xã, phường, đặc khu tham gia bằng hình thức trực tiếp và trực tuyến.", LD_2025, []),
    ("Đã kiểm tra tại 09 xã, phường và 03 Sở; các Báo cáo kết quả kiểm tra gửi kèm.", LD_2025, []),
    (
        "Kiểm tra công tác cải cách hành chính tại 42 địa phương (gồm: 04 cơ quan chuyên môn cấp tỉnh và 38 đơn vị hành chính cấp xã).",
        LD_2025,
        [],
    ),
    (
        "Thành phố Hải Phòng đã chỉ đạo 114 xã, phường, đặc khu đồng loạt tổ chức lễ ra quân thực hiện cao điểm.",
        NOWHERE,
        [],
    ),
    ("Thành phố Hải Phòng đã chỉ đạo 214 xã, phường, đặc khu đồng loạt tổ chức lễ ra quân.", NOWHERE, [("inconsistent", 214, 114)]),
    (
        "Thành phố Hải Phòng tập trung triển khai xây dựng 39 địa bàn xã, phường, đặc khu không ma tuý, "
        "đến nay đã có 35 xã, phường, đặc khu đạt tiêu chí địa bàn không ma tuý.",
        NOWHERE,
        [],
    ),
    # "có N xã" followed by a verb counts the units that do something; "tất cả", a denominator: the verb is the predicate
    ("Toàn tỉnh có 28 xã, phường đạt chuẩn nông thôn mới.", LD_2025, []),
    ("Toàn tỉnh có 128 xã, phường đạt chuẩn nông thôn mới.", LD_2025, [("inconsistent", 128, 124)]),
    ("Tất cả 13 xã, thị trấn đã tổ chức hội nghị quán triệt.", TAM_2025, [("consistent", 13, 13)]),
    ("Tất cả 12 xã, thị trấn đã tổ chức hội nghị quán triệt.", TAM_2025, [("inconsistent", 12, 13)]),
    # "địa phương", "đơn vị" stand for the types named before only: never inconsistent, and no other figure between
    ("+ Đối với UBND các xã, phường, đặc khu: 120/120 địa phương xếp loại Xuất sắc.", LD_2025, [("unverifiable", 120, 124)]),
    ("UBND các xã, phường, đặc khu và 20 sở, ngành: 144/144 đơn vị hoàn thành.", LD_2025, []),
    # a bare year 2025 spans both eras; a later date mentioned only hints at the era
    ("Toàn tỉnh có 114 xã, phường.", ac.Setting(LAM_DONG, "2025"), [("unverifiable", 114, None)]),
    ("Toàn tỉnh có 114 xã, phường.", ac.Setting(LAM_DONG, None, "2030"), [("unverifiable", 114, 123)]),
    # no area, another area, another level, another era: no check
    (SEED_NOTE, NOWHERE, []),
    (SEED_NOTE, ac.Setting(ac.own_places("ĐẢNG ỦY XÃ NÀ TĂM"), "2025-03-10"), []),
    ("Cả nước hiện có 3.321 xã, phường, đặc khu.", LD_2025, []),
    ("Tỉnh đã hỗ trợ 28 xã, thị trấn khó khăn.", TAM_2025, []),
    ("Ba tỉnh Lâm Đồng, Bình Thuận, Đắk Nông có 249 xã, phường, thị trấn.", LD_2025, []),
    ("Tỉnh Đắk Nông (cũ) có 71 xã, phường, thị trấn.", LD_2025, []),
    ("Huyện xếp thứ 3/12 huyện, thành phố của tỉnh.", LC_2025, []),
    ("Khoảng 20 xã, thị trấn đã tổ chức hội nghị.", TAM_2025, []),
    # era unknown: a whole count stays unverifiable
    ("Toàn tỉnh có 124 xã, phường.", ac.Setting(LAM_DONG, None, "2024-05-01"), [("unverifiable", 124, None)]),
]


def _verdicts(text: str, setting: ac.Setting) -> list[tuple[str, object, object]]:
    out = []
    for rel in ac.find(text, setting, Text(text)):
        for _, tok in rel.operands:
            assert text[tok.start : tok.end] == tok.written
        d, stated, vi, en = judge(rel)
        assert vi and en
        computed = None if d.computed is None else int(d.computed.lo)
        out.append((d.status, stated, computed))
    return out


@pytest.mark.parametrize(("text", "setting", "expected"), CASES)
def test_admin_counts(text: str, setting: ac.Setting, expected: list[tuple[str, object, object]]) -> None:
    assert _verdicts(text, setting) == expected


@pytest.mark.parametrize(
    ("stated", "strict", "loose", "whole", "fits", "closed", "expected"),
    [
        (13, 12, 13, True, True, True, ("consistent", "loose")),
        (13, 13, 13, True, False, True, ("consistent", "equal")),
        (14, 13, 13, True, False, True, ("unverifiable", "snapshot")),
        (14, 13, 13, True, True, False, ("inconsistent", "more")),
        (12, 13, 13, True, True, True, ("inconsistent", "fewer")),
        (12, 13, 13, True, True, False, ("unverifiable", "part")),
        (12, 13, 13, False, True, True, (None, "")),
        (13, 13, 13, False, True, True, (None, "")),
        (14, 13, 13, False, True, True, ("inconsistent", "more")),
        (14, 13, 13, False, False, True, ("unverifiable", "snapshot")),
    ],
)
def test_decide_count(
    stated: int, strict: int, loose: int, whole: bool, fits: bool, closed: bool, expected: tuple[str | None, str]
) -> None:
    assert ac.decide_count(stated, strict, loose, whole=whole, fits=fits, closed=closed) == expected


@pytest.mark.parametrize(
    ("issuer", "header", "opening", "expected"),
    [
        ("ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "", "", [("province", "LÂM ĐỒNG")]),
        ("UBND TỈNH BÌNH THUẬN SỞ NỘI VỤ", "", "", [("province", "BÌNH THUẬN SỞ NỘI VỤ")]),
        ("ĐẢNG BỘ TỈNH LAI CHÂU HUYỆN ỦY TAM ĐƯỜNG", "", "", [("province", "LAI CHÂU"), ("district", "TAM ĐƯỜNG")]),
        (None, "ĐẢNG BỘ TỈNH LAI CHÂU\nHUYỆN UỶ TAM ĐƯỜNG", "", [("province", "LAI CHÂU"), ("district", "TAM ĐƯỜNG")]),
        (None, "", "Ban Thường vụ Huyện ủy Tam Đường báo cáo kết quả như sau:", [("district", "Tam Đường")]),
        (None, "", "Thực hiện Kế hoạch số 216-KH/TU của Ban Thường vụ Tỉnh ủy về nghiên cứu, học tập.", []),
        (None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "", []),
    ],
)
def test_own_places(issuer: str | None, header: str, opening: str, expected: list[tuple[str, str]]) -> None:
    assert [(p.level, p.name) for p in ac.own_places(issuer, header, opening)] == expected


def _admin_checks(report: nq_extract.models.Report) -> list[tuple[str, object, object]]:
    assert_valid(report)
    text = report.text or ""
    out = []
    for c in report.checks:
        if c.kind != ac.ADMIN_COUNT:
            continue
        assert [o.role for o in c.operands][:1] == ["count"]
        for o in c.operands:
            assert o.span is not None and text[o.span.start : o.span.end] == o.span.text
        assert ac.snapshot_source() in c.message and c.message_en
        out.append((c.status, c.stated, c.computed))
    return out


def test_seed_footnote() -> None:
    """The seed (a district party committee's report, no header date): '11/13 xã, thị trấn' of huyện Tam Đường."""
    report = nq_extract.parse(SEED)
    assert _admin_checks(report) == [("consistent", 13, 13)]
    check = next(c for c in report.checks if c.kind == ac.ADMIN_COUNT)
    assert "huyện Tam Đường, tỉnh Lai Châu" in check.message and "trước ngày 01/7/2025" in check.message


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("001_lamdong-ubnd-bc329-cchc-nam-2025", [("consistent", 124, 124)]),
        ("009_lamdong-ubnd-bc-tu-cham-diem-par-index-2025", [("consistent", 124, 124)]),
        ("022_haiphong-ubnd-tham-luan-xa-phuong-dac-khu-khong-ma-tuy", []),  # 114 of 114, never framed as the whole
        ("016_lamdong-ubnd-bc-tong-ket-phong-chong-ma-tuy-2025", []),
    ],
)
def test_dev_documents(name: str, expected: list[tuple[str, object, object]]) -> None:
    need_dev()
    assert _admin_checks(nq_extract.parse(DEV / name / "text.txt")) == expected
