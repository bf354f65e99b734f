"""Text decoding: UTF-8 with or without BOM, UTF-16 with BOM, Windows-1258."""

from __future__ import annotations

import unicodedata

import pytest

from nq_extract.errors import Undecodable
from nq_extract.load.text import decode

SAMPLE = "Nghị quyết số 42-NQ/TW, ngày 24/11/2023 của Ban Chấp hành Trung ương"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (SAMPLE.encode("utf-16"), "utf-16"),
    ],
)
def test_decodes(data, encoding):
    text, enc = decode(data)
    assert text == SAMPLE and enc == encoding


def _cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese editors wrote it: precomposed vowels, combining tones."""
    out = b""
    for c in text:
        try:
            out += c.encode("cp1258")
        except UnicodeEncodeError:
            d = unicodedata.normalize("NFD", c)
            out += unicodedata.normalize("NFC", d[:-1]).encode("cp1258") + d[-1].encode("cp1258")
    return out


def test_windows_1258():
    data = _cp1258(SAMPLE)
    text, enc = decode(data)
    assert enc == "cp1258" and unicodedata.normalize("NFC", text) == SAMPLE


def test_binary_is_undecodable():
    with pytest.raises(Undecodable):
        decode(b"\x00\x01\x02\x03" * 100)
