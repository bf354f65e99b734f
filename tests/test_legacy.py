"""Legacy Vietnamese encodings: TCVN3 (.VnTime) and VNI, found by font name and by statistics."""

from __future__ import annotations

from pathlib import Path

import pytest

import nq_extract
from nq_extract.load import legacy

FIX = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize(
    ("font", "encoding"),
    [
        (".VnTime", "tcvn3"),
        ("ABCDEF+.VnTimeH", "tcvn3"),
        (".VnArial", "tcvn3"),
        ("VnTime", "tcvn3"),
        ("VNI-Times", "vni"),
        ("BCDEFG+VNI-Helve-Condense", "vni"),
        ("TimesNewRomanPSMT", None),
        ("Arial", None),
        ("", None),
    ],
)
def test_font_names(font, encoding):
    assert legacy.font_encoding(font) == encoding


@pytest.mark.parametrize(
    ("text", "encoding", "unicode"),
    [
        ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "tcvn3", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
        ("§éc lËp - Tù do - H¹nh phóc", "tcvn3", "Độc lập - Tự do - Hạnh phúc"),
        ("nh\xad sau", "tcvn3", "như sau"),
        ("nh- sau", "tcvn3", "như sau"),  # ư extracted as a hyphen
        ("216-KH/TU", "tcvn3", "216-KH/TU"),  # a real hyphen stays
        ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "vni", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ],
)
def test_convert(text, encoding, unicode):
    assert legacy.convert(text, encoding) == unicode


def test_capitals_font():
    assert legacy.capitals_font(".VnTimeH") and not legacy.capitals_font(".VnTime")
    assert legacy.convert("b¸o c¸o", "tcvn3", capitals=True) == "BÁO CÁO"


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Thùc hiÖn KÕ ho¹ch sè 216-KH/TU, ngµy 28/11/2023 cña Ban Th­êng vô TØnh ñy vÒ nghiªn cøu, häc tËp", "tcvn3"),
        ("Thöïc hieän Keá hoaïch soá 216-KH/TU, ngaøy 28/11/2023 cuûa Ban Thöôøng vuï Tænh uûy veà nghieân cöùu", "vni"),
        ("Thực hiện Kế hoạch số 216-KH/TU, ngày 28/11/2023 của Ban Thường vụ Tỉnh ủy về nghiên cứu, học tập", None),
        ("The committee met on 28 November 2023 and approved the plan for the next year of work.", None),
    ],
)
def test_detect_by_statistics(text, encoding):
    assert legacy.detect_text(text) == encoding


@pytest.mark.parametrize(("name", "encoding"), [("legacy_tcvn3.pdf", "tcvn3"), ("legacy_vni.pdf", "vni"), ("legacy.docx", "tcvn3")])
def test_legacy_files_read_as_unicode(name, encoding):
    report = nq_extract.parse(FIX / name)
    assert report.source.status == "ok"
    assert report.source.encoding_repaired == encoding
    assert "216-KH/TU" in {r.id for r in report.references}
    assert "ngày 28/11/2023 của Ban Thường vụ Tỉnh ủy" in report.text
    if name.endswith(".pdf"):
        assert report.text.startswith("BÁO CÁO")
        assert "2.443/2.538 đạt 96,3%" in report.text
        assert all(m.page == 1 and m.bbox for r in report.references for m in r.mentions)
