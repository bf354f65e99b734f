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


def _cp1258(text: str) -> bytes:
    import unicodedata

    out = b""
    for c in text:
        try:
            out += c.encode("cp1258")
        except UnicodeEncodeError:
            d = unicodedata.normalize("NFD", c)
            tone = next(m for m in d if m in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", d.replace(tone, ""))
            out += base.encode("cp1258") + tone.encode("cp1258")
    return out


SAMPLE = "Thực hiện Kế hoạch số 216-KH/TU, ngày 28/11/2023 của Ban Thường vụ Tỉnh ủy về nghiên cứu, học tập, quán triệt"


@pytest.mark.parametrize(
    ("data", "repaired"),
    [
        (lambda: legacy_bytes("tcvn3", "latin-1"), "tcvn3"),  # a .VnTime file saved as bytes
        (lambda: legacy_bytes("vni", "cp1252"), "vni"),
        (lambda: legacy_bytes("tcvn3", "utf-8"), "tcvn3"),  # mojibake already in UTF-8
        (lambda: SAMPLE.encode("utf-8"), None),
        (lambda: _cp1258(SAMPLE), None),  # real Windows-1258 Vietnamese is left alone
        (lambda: b"The committee met on 28 November 2023 and approved the plan for next year's work.", None),
    ],
)
def test_text_files(data, repaired):
    from nq_extract.load import load_bytes

    loaded = load_bytes(data(), "bao-cao.txt")
    assert loaded.source.encoding_repaired == repaired
    if repaired or loaded.text.startswith("Thực"):
        import unicodedata

        assert unicodedata.normalize("NFC", loaded.text) == SAMPLE


def legacy_bytes(encoding: str, codec: str) -> bytes:
    import sys

    sys.path.insert(0, str(FIX))
    import make_fixtures

    conv = make_fixtures.to_tcvn3 if encoding == "tcvn3" else make_fixtures.to_vni
    return conv(SAMPLE).encode(codec)


def test_dev_texts_are_not_repaired():
    from nq_extract.load import load_path

    from .conftest import dev_texts

    for path in dev_texts():
        assert load_path(path).source.encoding_repaired is None, path
