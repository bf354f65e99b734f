"""The fast scans give the same matches as the plain patterns they stand for.

Each speed-up keeps a slow, obvious form (the pattern as first written, or the
loop it replaced); these tests hold the fast form to it on real sentences and
on random strings made of the characters each pattern cares about. The
strings are drawn from a fixed seed: the same cases run everywhere.
"""

from __future__ import annotations

import random
import re
import unicodedata
from array import array

import pytest

from nq_extract import normalize, offsets
from nq_extract.extract import dates
from nq_extract.extract.vn_patterns import DOC_ID, DOC_ID_RE
from nq_extract.prefilter import prefiltered

SENTENCES = [
    "Thực hiện Kế hoạch số 216-KH/TU, ngày 28/11/2023 của Tỉnh ủy",
    "Ngày 24 tháng 11 năm 2023, UBND huyện ban hành Quyết định số 126/2024/NĐ-CP",
    "6 tháng đầu năm 2025, sáu tháng cuối năm 2024, Mười hai tháng đầu năm 2023",
    "từ ngày 01/7 đến 31/12/2025; Từ 01-7 - 31-12-2025; giai đoạn 2016 - 2020",
    "quý III/2024, Quý 2 năm 2024, quý I và quý II/2025, tháng 12/2023, 9/2025",
    "NGÀY 05 THÁNG 3 NĂM 2024; năm học 2023-2024; nhiệm kỳ 2020 – 2025; từ năm 2019 đến năm 2023",
    "ngày ..../ 5/2024; tháng 3 và năm 2024; năm 2019 và 2020; 31/02/2023, 07/11/202",
    "2009-2019/QĐ; ABC2023-2024; x12/2024; 1.234.567 người; 45/25010/NĐ-CP; 35- HD/BTCTW",
    "ſáu tháng đầu năm 2024 (U+017F)",
]

# What the date pattern looks at: digits, separators, the first letters of its words, case and spacing.
_DATE_ALPHABET = list("0123456789/.-–, \n\tngàyNGÀYtháng quýIV từ năm giai đoạn mười hai ba bốn sáu bảy tám chín đầu cuối họcxſ")


def _random_strings(alphabet: list[str], n: int, longest: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest))) for _ in range(n)]


def _words(alphabet: list[str], n: int, seed: int = 11) -> list[str]:
    """Random strings made of whole pieces (words and figures), which reach deeper into a pattern."""
    rng = random.Random(seed)
    return [" ".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8))) for _ in range(n)]


_DATE_PIECES = [
    "ngày", "Ngày", "NGÀY", "tháng", "năm", "quý", "từ", "đến", "giai đoạn", "nhiệm kỳ", "năm học", "và",
    "hai", "ba", "sáu", "mười một", "đầu", "cuối", "III", "II", "28/11/2023", "01/7", "31/12/2025",
    "2016", "-", "–", "2020", "12", "3", "9/2025", "2024,", "x2024", "15.3.2024", "42-NQ/TW", "10/2024/QĐ-UBND",
]  # fmt: skip


def _spans(matches) -> list[tuple[tuple[int, int], str | None]]:
    return [(m.span(), m.lastgroup) for m in matches]


@pytest.mark.parametrize("text", SENTENCES)
def test_dates_prefiltered_scan_is_finditer(text):
    assert _spans(dates._finditer(text)) == _spans(dates._PATTERN.finditer(text))


def test_dates_prefiltered_scan_on_random_text():
    cases = _random_strings(_DATE_ALPHABET, 3000, 24) + _words(_DATE_PIECES, 3000)
    for text in cases:
        assert _spans(dates._finditer(text)) == _spans(dates._PATTERN.finditer(text)), text


def test_dates_found_in_sentences():
    found = [f.value for text in SENTENCES for f in dates.find(text, 2024)]
    assert "2023-11-28" in found and "2024-Q3" in found and "2016" in found
    assert len(found) > 20


def test_doc_id_with_first_digit_consumed_is_the_plain_pattern():
    plain = re.compile(DOC_ID)
    alphabet = list("0123456789/- \tNQTWĐKHUBNDCPxạ.")
    for text in SENTENCES + _random_strings(alphabet, 3000, 20):
        assert [m.span() for m in DOC_ID_RE.finditer(text)] == [m.span() for m in plain.finditer(text)], text


# normalize: the Markdown pattern as first written (lookbehinds before the literal).
_MARKUP_PLAIN = re.compile(
    r"\*\*|__(?=\S)|(?<=\S)__|(?<![\w*])\*(?=[^\s*])|(?<=[^\s*])\*(?![\w*])|(?m:^#{1,6}[ \t]+)"
    r"|\]\([^)\s]{1,500}\)|(?<![\w\]])\[(?=[^\]\n^]{1,200}\]\()"
    r"|\\(?=[\\`*_{}\[\]()#+\-.!|<>~\"'\n])"
    r"|\\(?=[ \t]*\n|[ \t]{2,})"
)


def test_markup_pattern_is_the_plain_pattern():
    alphabet = list("*_#[]()\\ \n\tab.x!'\"`{}^ạ")
    texts = ["**Đậm** và _nghiêng_ __x__ \\* # Tiêu đề\n## Mục\n[chữ](http://a.b) a\\\nb"] + _random_strings(alphabet, 5000, 16)
    for text in texts:
        assert [m.span() for m in normalize._MARKUP.finditer(text)] == [m.span() for m in _MARKUP_PLAIN.finditer(text)], text


def test_white_space_scan_is_finditer():
    alphabet = list(" \t\n\r\f\u00a0\u2003\u200b\ufeff\u2028\vax")
    for text in ["a  b\t c\r\n\r\n d\u200b e \n \n\n f\u00a0g"] + _random_strings(alphabet, 5000, 14):
        assert _spans(normalize._ws_finditer(text)) == _spans(normalize._WS.finditer(text)), repr(text)


def test_prefiltered_needs_candidates_at_every_match():
    """With a candidate pattern that misses a start, matches are lost: the contract is the caller's."""
    scan = prefiltered(re.compile(r"ab|b"), re.compile(r"a"))
    assert [m.group() for m in scan("ab b ab")] == ["ab", "ab"]


# offsets.nfc: the loop over every cluster that it replaced.
_CLUSTER = re.compile(r".[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]*", re.S)


def _nfc_plain(text: str, srcmap: array) -> tuple[str, array]:
    if unicodedata.is_normalized("NFC", text):
        return text, srcmap
    out: list[str] = []
    outmap = array("l")
    for m in _CLUSTER.finditer(text):
        s, e = m.span()
        if e - s > 1 + offsets.MAX_MARKS:
            e = s + 1 + offsets.MAX_MARKS
        cluster = text[s:e]
        composed = unicodedata.normalize("NFC", cluster)
        out.append(composed)
        outmap.extend(srcmap[s:e] if composed == cluster else [srcmap[s]] * len(composed))
    result = "".join(out)
    if not unicodedata.is_normalized("NFC", result):
        result2 = unicodedata.normalize("NFC", result)
        if len(result2) == len(result):
            return result2, outmap
        return result2, array("l", (outmap[min(i, len(outmap) - 1)] for i in range(len(result2))))
    return result, outmap


def test_nfc_is_the_cluster_loop():
    decomposed = unicodedata.normalize("NFD", "Nghị quyết số 42-NQ/TW của Tỉnh ủy Lai Châu")
    alphabet = [
        "a", "o", "u", "y", " ", "\n", "\u0300", "\u0301", "\u0323", "\u0302", "\u031b", "\u0309", "\u0303",
        "\u212b", "\u2126", "\u0340", "\u0344", "\u0f73", "\u1100", "\u1161", "\u11a8", "\uac00", "\u1dc0", "\u20d0", "e\u0301",
    ]  # fmt: skip
    texts = [decomposed, "\u0301\u0301ab", "a" + "\u0301" * 40 + "b", "\u212b \u2126"] + _random_strings(alphabet, 4000, 12)
    for text in texts:
        srcmap = array("l", range(100, 100 + len(text)))
        assert offsets.nfc(text, srcmap) == _nfc_plain(text, srcmap), repr(text)


def test_identity_map():
    for start, n in ((0, 0), (0, 5), (7, 3), (offsets._IOTA_MAX - 2, 4), (3, 5000)):
        text, srcmap = offsets.identity("x" * n, start)
        assert list(srcmap) == list(range(start, start + n))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("quý İI/2024", ("2024-Q2", None)),  # U+0130 matches "I" under case folding
        ("quý ıv/2023", ("2023-Q4", None)),  # U+0131
        ("ſáu tháng đầu năm 2024", ("2024-01", "2024-06")),  # U+017F matches "s"
        ("Sáu tháng cuối năm 2024", ("2024-07", "2024-12")),
    ],
)
def test_dates_read_the_letters_case_folding_lets_in(text, expected):
    (found,) = dates.find(text)
    assert (found.value, found.end_value) == expected


def test_figure_patterns_with_first_digit_consumed_are_the_guarded_patterns():
    from nq_extract.extract import quantities as q
    from nq_extract.extract.vn_patterns import NUM

    plain = {
        "num": (q._NUM_RE, re.compile(q._GUARD_L + rf"(?P<n>{NUM})" + q._GUARD_R)),
        "percent": (q._PERCENT_RE, re.compile(q._GUARD_L + rf"(?P<a>{NUM})(?:[ \t]*(?:[-–]|đến)[ \t]*(?P<b>{NUM}))?[ \t]?(?:%|phần trăm)")),
        "ratio": (q._RATIO_RE, re.compile(q._GUARD_L + rf"(?P<a>{NUM})[ \t]?/[ \t]?(?P<b>{NUM})(?![\d/]|[.,]\d|[ \t]?/)")),
    }
    alphabet = list("0123456789.,/-–% \tađ") + [" phần trăm", " đến "]
    texts = ["đạt 2.443/2.538 đảng viên (96,3%), 12.500 lượt, 1/2/3, a12, -5, 30 - 40%"] + _random_strings(alphabet, 4000, 16)
    for name, (fast, slow) in plain.items():
        for text in texts:
            assert [m.groupdict() | {"": m.span()} for m in fast.finditer(text)] == [
                m.groupdict() | {"": m.span()} for m in slow.finditer(text)
            ], (name, text)


def test_white_space_runs_walked_or_looked_up():
    from nq_extract.normalize import _SPACE_RUN, _Spaces

    def plain(text: str) -> tuple[list[int], list[int]]:
        runs = [m.span() for m in _SPACE_RUN.finditer(text)]
        back = [next((s for s, e in runs if s < i <= e), i) for i in range(len(text) + 2)]
        forward = [next((e for s, e in runs if s <= i < e), i) for i in range(len(text) + 2)]
        return back, forward

    texts = ["a  b\n\n c", " " * 200 + "x" + "\n" * 70 + "y ", "", "   "] + _random_strings(list(" \n\tab"), 300, 30)
    for text in texts:
        spaces = _Spaces(text)
        back, forward = plain(text)
        assert [spaces.back(i) for i in range(len(text) + 2)] == back, repr(text)
        assert [spaces.forward(i) for i in range(len(text) + 2)] == forward, repr(text)


def test_reference_symbols_in_linear_time_are_finditer():
    pytest.importorskip("spacy")
    from nq_extract.spacy_pipeline import _REF_SYMBOL, _ref_symbols

    alphabet = list("0123456789-/ .aNQTWĐ\t")
    texts = ["Nghị quyết số 42-NQ/TW, NQ42-TW, 126/2024/NĐ-CP", "1" * 50 + "-x"] + _random_strings(alphabet, 5000, 18)
    for text in texts:
        assert [m.span() for m in _ref_symbols(text)] == [m.span() for m in _REF_SYMBOL.finditer(text)], text


def test_reference_symbol_on_a_long_digit_run_finishes():
    """A million digits: the plain ``finditer`` needs about 10^12 steps; the scan is linear.
    Run in a child process, so that a regression fails on the time-out instead of hanging."""
    pytest.importorskip("spacy")
    import subprocess
    import sys

    code = (
        "from nq_extract.spacy_pipeline import _ref_window\n"
        "from nq_extract.models import Span\n"
        "t = '1' * 1_000_000 + ' 42-NQ/TW'\n"
        "print(_ref_window(Span(start=0, end=len(t), text=t), narrow=True))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.strip() == "(1000001, 1000009)"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("97", (97, 0)),
        (" 007 ", (7, 0)),
        ("\u00a01234", (1234, 0)),
        ("٣", (3, 0)),  # a decimal digit of another script is a digit, as for \d
        ("²", None),  # a superscript is not
        ("3.182", (3182, 0)),
        ("96,3", (96.3, 1)),
        ("-5", (-5, 0)),
        ("", None),
        ("1,2,3", None),
    ],
)
def test_parse_number_digits_only_shortcut(written, expected):
    from nq_extract.numbers import parse_number

    n = parse_number(written)
    assert (None if n is None else (float(n.value) if n.decimals else int(n.value), n.decimals)) == expected
