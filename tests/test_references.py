"""Referenced documents: tables of real sentences (positive and near-miss), the seed's
entries, short forms and groups, reference checks, and the dev corpus."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import nq_extract
from nq_extract.extract.references import canonical_id

from .conftest import dev_texts, need_dev
from .helpers import assert_valid

DATA = Path(__file__).parent / "data"


def _rows(name: str) -> list[tuple[str, str]]:
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        sentence, expected = line.split("\t")
        rows.append((sentence.replace("\\n", "\n"), expected))
    return rows


def _refs(text: str) -> dict[str, nq_extract.models.Reference]:
    report = nq_extract.parse(text)
    assert_valid(report)
    return {r.id: r for r in report.references}


@pytest.mark.parametrize(("sentence", "expected"), _rows("references_positive.tsv"))
def test_positive(sentence: str, expected: str) -> None:
    assert set(_refs(sentence)) == set(expected.split())


@pytest.mark.parametrize(("sentence", "why"), _rows("references_negative.tsv"))
def test_near_misses_are_not_references(sentence: str, why: str) -> None:
    assert _refs(sentence) == {}, why


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Số: 329      /BC-UBND", "329/BC-UBND"),
        ("Số 60-NQ/TW", "60-NQ/TW"),
        ("03    /TTr-SNV", "03/TTr-SNV"),
        ("42-\nNQ/TƯ", "42-NQ/TW"),
        ("126/2024/NĐ-\nCP", "126/2024/NĐ-CP"),
        ("2769/UBND-\nNCKSTTHC", "2769/UBND-NCKSTTHC"),
        ("/BC-UBND", None),
        ("15/63", None),
        ("9,49/9,5", None),
    ],
)
def test_canonical_id(written: str, canonical: str | None) -> None:
    assert canonical_id(written) == canonical


def test_seed_entries(seed_report) -> None:
    refs = {r.id: r for r in seed_report.references}
    assert {k: refs[k].date for k in ("216-KH/TU", "227-KH/HU", "1101-CV/HU", "42-NQ/TW")} == {
        "216-KH/TU": "2023-11-28",
        "227-KH/HU": "2023-12-08",
        "1101-CV/HU": "2023-12-01",
        "42-NQ/TW": "2023-11-24",
    }
    assert {"43-NQ/TW", "44-NQ/TW", "45-NQ/TW"} <= set(refs)
    group = refs["NQ-HNTW8/XIII"]
    assert group.members == ["42-NQ/TW", "43-NQ/TW", "44-NQ/TW", "45-NQ/TW"]
    assert group.aliases == ["Nghị quyết Trung ương 8"]
    # the title, the body, the footnote, the alias and its later uses are all mentions
    assert len(group.mentions) >= 6
    assert refs["216-KH/TU"].issuing_body == "Ban Thường vụ Tỉnh ủy"
    assert refs["216-KH/TU"].kind == "Kế hoạch"
    assert refs["1101-CV/HU"].kind == "Công văn"
    assert refs["42-NQ/TW"].title.startswith("Tiếp tục đổi mới, nâng cao chất lượng chính sách xã hội")
    # 44-NQ/TW gives no date: the catalogue does
    assert refs["44-NQ/TW"].catalogue and refs["44-NQ/TW"].date == "2023-11-24"
    assert not any(c.kind == "reference" for c in seed_report.checks)


@pytest.mark.parametrize(
    ("text", "id_", "mentions"),
    [
        # eyecite-style short forms after the full citation
        (
            "Thực hiện Hướng dẫn số 35-HD/BTCTW của Ban Tổ chức Trung ương. Tiếp tục thực hiện tốt Hướng dẫn 35 trong năm tới.",
            "35-HD/BTCTW",
            2,
        ),
        ("Thực hiện Kế hoạch số 12/KH-UBND ngày 01/02/2024 của UBND tỉnh. Kế hoạch trên đã được triển khai.", "12/KH-UBND", 2),
        ("Công văn số 2769/UBND-NCKSTTHC ngày 24/7/2024. Thực hiện Công văn số 2769/UBND-NCKSTTHC, Sở báo cáo.", "2769/UBND-NCKSTTHC", 2),
        ("Nghị quyết số 42-NQ/TW ngày 24/11/2023. Nghị quyết 42 đi vào cuộc sống.", "42-NQ/TW", 2),
        # an alias: its definition and a later use, across a line break
        (
            "Thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị (sau đây gọi tắt là Nghị quyết về "
            "khoa học công nghệ). Triển khai Nghị quyết về khoa học\ncông nghệ đến cơ sở.",
            "57-NQ/TW",
            3,
        ),
    ],
)
def test_short_forms_join_their_entry(text: str, id_: str, mentions: int) -> None:
    refs = _refs(text)
    assert list(refs) == [id_]
    assert len(refs[id_].mentions) == mentions


def test_ambiguous_short_form_is_left_with_a_warning() -> None:
    report = nq_extract.parse("Quyết định số 7/QĐ-UBND và Quyết định số 7/QĐ-SNV. Quyết định 7 có hiệu lực.")
    assert {r.id for r in report.references} == {"7/QĐ-UBND", "7/QĐ-SNV"}
    assert all(len(r.mentions) == 1 for r in report.references)
    assert [w.code for w in report.warnings if w.code.startswith("reference")] == ["reference.ambiguous"]


def test_unresolved_short_form_warns() -> None:
    report = nq_extract.parse("Thực hiện Kết luận số 257, các cơ quan đã trả lời kiến nghị.")
    assert report.references == []
    assert [w.code for w in report.warnings] == ["reference.unresolved"]


def test_entry_fields() -> None:
    refs = _refs(
        "Tại điểm b khoản 5 Điều 32 Nghị định số 126/2024/NĐ-CP ngày 08/10/2024 của Chính phủ "
        "về tổ chức, hoạt động và quản lý hội quy định như sau."
    )
    r = refs["126/2024/NĐ-CP"]
    assert (r.kind, r.number, r.symbol, r.year, r.date) == ("Nghị định", "126", "NĐ-CP", 2024, "2024-10-08")
    assert r.issuing_body == "Chính phủ"
    assert r.title.startswith("Tổ chức, hoạt động và quản lý hội")
    assert r.pinpoints == ["điểm b khoản 5 Điều 32"]


def test_own_number_is_never_a_reference() -> None:
    text = (
        "UBND TỈNH LÂM ĐỒNG\nSỞ NỘI VỤ\nSố: 03    /TTr-SNV     Lâm Đồng, ngày 06 tháng 01 năm 2026\n\nTỜ TRÌNH\n"
        "Về việc báo cáo kết quả\n\nCăn cứ Quyết định số 1325/QĐ-UBND ngày 15/9/2025 của Chủ tịch UBND tỉnh. "
        "Tờ trình số 03/TTr-SNV này thay thế dự thảo trước."
    )
    report = nq_extract.parse(text)
    assert report.document.id == "03/TTr-SNV"
    assert [r.id for r in report.references] == ["1325/QĐ-UBND"]


def _reference_checks(text: str) -> list[tuple[str | None, str]]:
    report = nq_extract.parse(text)
    return [(c.finding, c.status) for c in report.checks if c.kind == "reference"]


def test_impossible_year_is_checked() -> None:
    text = "thay thế Nghị định số 45/25010/NĐ-CP ngày 21/4/2010 của Chính phủ và Nghị định số 45/2010/NĐ-CP."
    assert _reference_checks(text) == [("impossible_id", "inconsistent")]


def test_date_disagreeing_with_the_catalogue_is_checked() -> None:
    assert _reference_checks("Quán triệt Nghị quyết số 45-NQ/TW ngày 24/12/2023 của Ban Chấp hành Trung ương Đảng.") == [
        ("catalogue_date", "inconsistent")
    ]
    # the same number of another term is another document: no check
    assert _reference_checks("Nghị quyết số 45-NQ/TW ngày 24/01/2019 của Bộ Chính trị khóa XII.") == []
    assert _reference_checks("Quán triệt Nghị quyết số 45-NQ/TW ngày 24/11/2023 của Ban Chấp hành Trung ương.") == []


def test_document_dated_after_the_report_is_checked() -> None:
    text = (
        "UBND TỈNH LÂM ĐỒNG\nSố: 12/BC-UBND     Lâm Đồng, ngày 10 tháng 3 năm 2025\n\nBÁO CÁO\nVề kết quả\n\n"
        "Thực hiện Kế hoạch số 20/KH-UBND ngày 15/4/2025 của UBND tỉnh và Kế hoạch số 5/KH-UBND ngày 02/01/2025."
    )
    assert _reference_checks(text) == [("dated_after_report", "inconsistent")]


@pytest.mark.parametrize("size", [60_000])
def test_patterns_run_in_linear_time_on_adversarial_input(size: int) -> None:
    """Doubling an adversarial input at most about doubles the time (a ratio, never a clock).

    CPU time of the thread, garbage collection off while timed: other work on the
    machine and a full collection over the heap are no cost of the patterns."""
    import gc
    import time

    from nq_extract.refs import find_cites, resolve

    def cost(text: str) -> float:
        best = float("inf")
        for _ in range(3):
            gc.collect()
            gc.disable()
            try:
                t0 = time.thread_time()
                resolve(text, find_cites(text))
                best = min(best, time.thread_time() - t0)
            finally:
                gc.enable()
        return best

    for unit in ("số ", "1.", "Nghị quyết số 1", "42-NQ/", "(gọi tắt là "):
        n = size if unit == "số " else size // 2
        small, large = cost(unit * n), cost(unit * (2 * n))
        assert large < 3.5 * small + 0.05, (unit, small, large)


def test_dev_reports_are_valid_and_keep_their_own_number_out() -> None:
    need_dev()
    for path in dev_texts():
        report = nq_extract.parse(path)
        assert_valid(report)
        ids = [r.id for r in report.references]
        assert len(ids) == len(set(ids)), path
        if report.document.id:
            assert report.document.id not in ids, path
        for r in report.references:
            assert re.fullmatch(r"\S+", r.id), r.id
            assert r.mentions, r.id


def test_catalogue_entries_are_well_formed() -> None:
    from nq_extract import data

    cat = data.load("catalogue.json")
    assert cat["sources"] and cat["_about"]
    ids = set()
    for d in cat["documents"]:
        assert canonical_id(d["id"]) == d["id"], d["id"]
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", d["date"]), d
        assert d["term"] in cat["terms"] and set(d["sources"]) <= set(cat["sources"]), d
        ids.add(d["id"])
    group8 = next(c for c in cat["conferences"] if (c["term"], c["number"]) == ("XIII", 8))
    assert group8["members"] == ["42-NQ/TW", "43-NQ/TW", "44-NQ/TW", "45-NQ/TW"]
    assert {"42-NQ/TW", "45-NQ/TW", "60-NQ/TW"} <= ids
    assert next(d for d in cat["documents"] if d["id"] == "60-NQ/TW")["date"] == "2025-04-12"
    for c in cat["conferences"]:
        assert c["verified"] is False or set(c["members"]) <= ids, c


def test_registry_abbreviations_map_to_kinds() -> None:
    from nq_extract.refs.registry import registry

    reg = registry()
    assert reg.party_types["QĐi"] == "Quy định" and reg.state_types["NĐ"] == "Nghị định"
    assert reg.party_types["TT"] == "Thông tri" and reg.state_types["TT"] == "Thông tư"
    assert reg.state_issuer("QH15") == "Quốc hội" and reg.party_issuers["HU"] == "Huyện ủy"
    assert reg.party_code_for("Bộ Chính trị") == "TW" and reg.party_code_for("Ban Thường vụ Tỉnh uỷ") == "TU"


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        # a title in quotes ends at its closing quote, whichever quotes the report uses
        (
            "Thực hiện Kết luận số 21-KL/TU ngày 05/3/2021 của Ban Thường vụ Tỉnh ủy về “Đẩy mạnh chuyển đổi số”, "
            "các cơ quan đã triển khai nhiều nội dung.",
            {"21-KL/TU": "Đẩy mạnh chuyển đổi số"},
        ),
        (
            'Thực hiện Kết luận số 21-KL/TU ngày 05/3/2021 của Ban Thường vụ Tỉnh ủy về "Đẩy mạnh chuyển đổi số", '
            "các cơ quan đã triển khai nhiều nội dung.",
            {"21-KL/TU": "Đẩy mạnh chuyển đổi số"},
        ),
        # the quote may open before "về việc"
        (
            "Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị “về việc đẩy mạnh học tập và làm theo tư tưởng”, "
            "Kế hoạch số 12-KH/HU ngày 02/6/2016 của Huyện ủy.",
            {"05-CT/TW": "Đẩy mạnh học tập và làm theo tư tưởng", "12-KH/HU": None},
        ),
        # a title after a second document cited belongs to that one
        (
            "Thực hiện Nghị quyết số 15-NQ/TU của Tỉnh ủy và Kế hoạch số 30-KH/UBND ngày 02/02/2022 của UBND tỉnh "
            "về phát triển du lịch cộng đồng.",
            {"15-NQ/TU": None, "30-KH/UBND": "Phát triển du lịch cộng đồng"},
        ),
    ],
)
def test_titles_stop_at_their_quote_and_at_another_document(text, titles) -> None:
    refs = _refs(text)
    assert {k: refs[k].title for k in titles} == titles


def test_the_catalogue_issuer_beats_the_guess_from_the_symbol() -> None:
    # "TW" in a symbol says only "central": a directive of the Politburo is not one of the Central Committee
    refs = _refs("Quán triệt Chỉ thị số 35-CT/TW và Nghị quyết 42-NQ/TW.")
    assert refs["35-CT/TW"].issuer == "Bộ Chính trị"
    assert refs["42-NQ/TW"].issuer == "Ban Chấp hành Trung ương Đảng"
