"""Fast forms of the text stages' scans give what the plain forms give.

Each speed-up keeps the plain form it stands for (the pattern as first written,
or the loop it replaced); these tests hold the fast form to it on real
sentences and on random strings drawn, from a fixed seed, from the pieces the
pattern cares about.
"""

from __future__ import annotations

import random
import re
import sys

import pytest

from nq_extract import data
from nq_extract.extract import dates, quantities

NUMBER_WORD_SENTENCES = [
    "Tổ chức hai buổi tuyên truyền cho ba trăm lượt người",
    "Mười sáu tỷ năm trăm triệu đồng; BẢY hội nghị; Bốn mươi lăm hộ",
    "sáu tháng đầu năm, ban hành, chính sách, thảm, Tám xã và chín thôn",
    "ſáu buổi (U+017F); xhai, hai1, _ba, ba_, 'ba' người",
]
_WORD_PIECES = ["hai", "Hai", "HAI", "ba", "Ba", "ban", "bốn", "sáu", "ſáu", "bảy", "bẩy", "tám", "chín", "mười", "mươi",
                "trăm", "nghìn", "tỷ", "lăm", "x", "_", "1", ",", "\n", "\t", " ", "người", "đồng"]  # fmt: skip


def _pieces(pieces: list[str], n: int, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(n)]


def _spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


@pytest.mark.parametrize("text", NUMBER_WORD_SENTENCES + _pieces(_WORD_PIECES, 400))
def test_number_words_scan_is_finditer(text: str) -> None:
    v = quantities.vocabulary()
    assert _spans(v.words_finditer(text)) == _spans(v.words_re.finditer(text))


def test_first_letters_take_every_case_folded_variant() -> None:
    starts = data.load("count_units.json")["number_word_starts"]
    for first in {w[0] for w in starts}:
        folded = re.compile(f"(?i:{re.escape(first)})")
        variants = {chr(c) for c in range(sys.maxunicode + 1) if folded.fullmatch(chr(c))}
        assert len(variants) >= 2 and variants <= quantities._forms(first), (first, variants)


_VERB_PIECES = ["tuyên truyền", "tổ chức", "tặng", "in", "có", "cấp", "cấp phát", "đăng", "đăng ký", "x", "_", "1", " ", "\n", ",",
                "Hội", "đã", "tin", "mở"]  # fmt: skip


@pytest.mark.parametrize("text", _pieces(_VERB_PIECES, 400, seed=9))
def test_actor_verbs_pattern_is_the_plain_pattern(text: str) -> None:
    verbs = data.load("count_units.json")["actor_verbs"]
    plain = re.compile(rf"(?<![\w])(?:{quantities._alt(verbs)})(?![\w])")
    v = quantities.vocabulary()
    assert _spans(v.verb_re.finditer(text)) == _spans(plain.finditer(text))
    assert [_spans(v.verb_re.finditer(text, i)) for i in range(len(text))] == [_spans(plain.finditer(text, i)) for i in range(len(text))]


_DATE_PIECES = ["ngày", "Ngày", "NGÀY", "NgÀy", "ngày…", "ngày_", "06", "123", "12345", "năm", "NĂM", "nhiệm", "từ", "TỪ", "tháng", "thời", "tám", "quý", "QUÝ", "giai",
                "mười", "hai", "HAI", "ba", "bốn", "bảy", "sáu", "ſáu", "SÁU", "chín", "x", "đ", "1", "2024", "٣", "/", ".",
                "-", " ", "\n", "a", "ng", "th"]  # fmt: skip


@pytest.mark.parametrize("text", _pieces(_DATE_PIECES, 1500, seed=5))
def test_date_starts_are_candidates_and_every_offset_a_date_can_start_at(text: str) -> None:
    starts = dates._starts(text)
    assert set(starts) <= {p for p in range(len(text)) if dates._CANDIDATES.match(text, p)}
    assert {p for p in range(len(text)) if dates._PATTERN.match(text, p)} <= set(starts)
    assert _spans(dates._finditer(text)) == _spans(dates._PATTERN.finditer(text))


def test_date_word_starts_take_every_case_folded_first_letter() -> None:
    for first in dates._WORD_RESTS:
        folded = re.compile(f"(?i:{first})")
        variants = {chr(c) for c in range(sys.maxunicode + 1) if folded.fullmatch(chr(c))}
        assert variants == set(dates._FOLDED.get(first, first + first.upper())), first


def test_figure_tokens_behave_as_frozen_dataclasses() -> None:
    import dataclasses

    from nq_extract.checks.scan import Tok
    from nq_extract.numbers import parse_number

    n = parse_number("1.234")
    a = Tok(3, 10, 15, n, "figure", "người", True)
    assert a == Tok(index=3, start=10, end=15, number=n, kind="figure", unit="người", approx=True, slash_next=False, slash_prev=False)
    assert hash(a) == hash(Tok(3, 10, 15, n, "figure", "người", True)) and a != Tok(3, 10, 15, n, "percent", "người", True)
    assert (a.slash_next, a.slash_prev, a.head, a.written) == (False, False, "người", "1.234")
    assert dataclasses.replace(a, kind="id") == Tok(3, 10, 15, n, "id", "người", True)
    assert repr(a).startswith("Tok(index=3, start=10, end=15, number=")
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.kind = "id"  # type: ignore[misc]


_WS_PIECES = [" ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", "\f", "\u00a0", "\u2003", "\u200b", "\ufeff", "\u2028", "\v", "a", "b", "ư"]


@pytest.mark.parametrize("text", _pieces(_WS_PIECES, 1500, seed=13))
def test_white_space_edits_are_the_matches_less_lone_line_breaks(text: str) -> None:
    from array import array

    from nq_extract import normalize
    from nq_extract.offsets import sub

    matches = [m for m in normalize._WS.finditer(text) if m.group() != "\n"]
    assert _spans(normalize._ws_edits(text)) == _spans(matches)
    srcmap = array("l", range(len(text)))
    assert sub(text, srcmap, normalize._WS, normalize._ws_repl, normalize._ws_edits) == sub(text, srcmap, normalize._WS, normalize._ws_repl)


def test_parsed_numbers_are_shared_and_unchanged() -> None:
    from nq_extract.numbers import parse_number

    a = parse_number("1.234,5")
    assert a is parse_number("1.234,5") and a is not None
    assert (a.written, str(a.value), a.decimals) == ("1.234,5", "1234.5", 1)
    assert parse_number(" 12 ") == parse_number("12") and parse_number("1,2,3") is None


_SIGNATURE_PIECES = ["Nơi nhận", "Nơi nhận:", " ", "\n", "\t", ":", "x", "Nơi", "nhận", "TM.", "T/M", "KT.", "TL.", "TUQ.", "KT",
                     "ỦY BAN", "GIÁM ĐỐC", "a", "\n\n"]  # fmt: skip


@pytest.mark.parametrize("text", _pieces(_SIGNATURE_PIECES, 600, seed=17))
def test_signature_scans_are_their_plain_patterns(text: str) -> None:
    from nq_extract import segment

    inline_plain = re.compile(segment._INLINE_CAPACITY_PLAIN)
    for pos in range(0, len(text) + 1, 3):
        assert _spans(segment._recipients_finditer(text, pos)) == _spans(segment._RECIPIENTS.finditer(text, pos))
        for end in (len(text), len(text) // 2):
            fast, plain = segment._INLINE_CAPACITY.finditer(text, pos, end), inline_plain.finditer(text, pos, end)
            assert [(m.span(), m.group("cap"), m.group("rest")) for m in fast] == [
                (m.span(), m.group("cap"), m.group("rest")) for m in plain
            ]


def test_document_id_spans_are_the_scan_of_the_text_asked() -> None:
    from nq_extract.extract.vn_patterns import DOC_ID_RE

    a = "Kế hoạch số 216-KH/TU ngày 28/11/2023; Quyết định 126/2024/NĐ-CP; Đề án 06"
    b = "Công văn 2769/UBND-NCKSTTHC và 35- HD/BTCTW"
    for text in (a, b, a, "".join(["Thông tư ", "05/2024/TT-BNV"]), ""):
        spans = dates.doc_id_spans(text)
        assert spans == [(m.start(), m.end()) for m in DOC_ID_RE.finditer(text) if "/" in m.group()]
        spans.append((0, 0))  # a copy: the kept scan is not changed
        assert (0, 0) not in dates.doc_id_spans(text)


_NOTE_PIECES = ["chỉ đạo", "¹", "²³", "[^1]", "[^2]:", "\n", "\n\n", "\f", " ", "-- chú thích --", "3", "xã", ".", "[", "^"]


@pytest.mark.parametrize("text", _pieces(_NOTE_PIECES, 400, seed=21))
def test_texts_skipped_by_the_footnote_shortcut_have_no_notes(text: str) -> None:
    from nq_extract import footnotes, normalize

    found = footnotes.detect(text)
    if not normalize._may_have_notes(text):
        assert found == ([], [], [])
    bare = text.translate({ord(c): None for c in footnotes.SUPERSCRIPTS + "\f^"}).replace("chú thích", "")
    assert not normalize._may_have_notes(bare) and footnotes.detect(bare) == ([], [], [])


def test_table_cell_offsets_match_the_full_inverse_map():
    from array import array

    from nq_extract.load.tables import _first_offsets

    rng = random.Random(5)
    for _ in range(20):
        # a normalized -> loaded offset map: runs kept, some dropped (-1), some repeated (a loaded offset twice)
        srcmap = array("l", [])
        i = 0
        for _ in range(rng.randint(1, 400)):
            r = rng.random()
            srcmap.append(-1 if r < 0.1 else i)
            i += 0 if r > 0.9 else rng.randint(1, 3)
        inverse = {}
        for j, x in enumerate(srcmap):
            if x >= 0:
                inverse.setdefault(x, j)
        needed = set(rng.sample(range(i + 2), min(i + 2, 30)))
        assert _first_offsets(srcmap, needed) == {x: inverse[x] for x in needed if x in inverse}
