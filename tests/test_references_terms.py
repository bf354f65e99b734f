"""One id, several documents: Party numbering restarts with every term and a letter's every
year, so the same id cited with dates of two years is two entries, each with its own date,
title and mentions; a mention without a date goes with the document it most likely names."""

from __future__ import annotations

import pytest

import nq_extract

from .helpers import assert_valid

TWO_TERMS = (
    "Thực hiện Chỉ thị số 35-CT/TW ngày 30/5/2019 của Bộ Chính trị về đại hội đảng bộ các cấp tiến tới "
    "Đại hội đại biểu toàn quốc lần thứ XIII của Đảng. Chỉ thị 35-CT/TW được quán triệt đầy đủ.\n"
    "Căn cứ Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị về đại hội đảng bộ các cấp tiến tới "
    "Đại hội đại biểu toàn quốc lần thứ XIV của Đảng. Quán triệt Chỉ thị 35-CT/TW đến toàn thể đảng viên."
)


def _entries(text: str) -> list[tuple[str, str | None, list[str]]]:
    report = nq_extract.parse(text)
    assert_valid(report)
    return [(r.id, r.date, [m.text for m in r.mentions]) for r in report.references]


def test_same_party_id_of_two_terms_is_two_documents() -> None:
    report = nq_extract.parse(TWO_TERMS)
    assert_valid(report)
    refs = [r for r in report.references if r.id == "35-CT/TW"]
    assert [r.date for r in refs] == ["2019-05-30", "2024-06-14"]
    assert [r.title and r.title.endswith(x) for r, x in zip(refs, ("XIII của Đảng", "XIV của Đảng"), strict=True)] == [True, True]
    # each dated mention keeps the bare mention after it
    assert [len(r.mentions) for r in refs] == [2, 2]
    assert refs[0].mentions[1].start < refs[1].mentions[0].start < refs[1].mentions[1].start
    # each is linked to the catalogue's directive of its own term
    assert [r.catalogue for r in refs] == [True, True]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the same date twice: one document
        (
            "Theo Kế hoạch số 12-KH/HU ngày 3/2/2023 của Huyện ủy và Kế hoạch số 12-KH/HU ngày 3/2/2023.",
            [("12-KH/HU", "2023-02-03", ["12-KH/HU", "12-KH/HU"])],
        ),
        # two dates of one year: a slip in one of them, still one document
        (
            "Theo Kế hoạch số 12-KH/HU ngày 3/2/2023 của Huyện ủy; sau đó Kế hoạch số 12-KH/HU ngày 5/2/2023 được sửa.",
            [("12-KH/HU", "2023-02-03", ["12-KH/HU", "12-KH/HU"])],
        ),
        # a State id carrying its year names one document whatever the dates say
        (
            "Nghị định số 15/2020/NĐ-CP ngày 3/2/2020 của Chính phủ; Nghị định số 15/2020/NĐ-CP ngày 3/2/2021.",
            [("15/2020/NĐ-CP", "2020-02-03", ["15/2020/NĐ-CP", "15/2020/NĐ-CP"])],
        ),
        # a letter's number restarts every year: two letters
        (
            "Công văn số 123/UBND-VX ngày 5/3/2023 của UBND huyện đã hướng dẫn; năm nay Công văn số 123/UBND-VX "
            "ngày 7/4/2024 của UBND huyện tiếp tục hướng dẫn.",
            [("123/UBND-VX", "2023-03-05", ["123/UBND-VX"]), ("123/UBND-VX", "2024-04-07", ["123/UBND-VX"])],
        ),
        # a mention before any dated one goes with the first dated one
        (
            "Kế hoạch 20-KH/TU được triển khai. Kế hoạch số 20-KH/TU ngày 2/3/2021 của Tỉnh ủy; "
            "Kế hoạch số 20-KH/TU ngày 9/9/2025 của Tỉnh ủy.",
            [("20-KH/TU", "2021-03-02", ["20-KH/TU", "20-KH/TU"]), ("20-KH/TU", "2025-09-09", ["20-KH/TU"])],
        ),
    ],
)
def test_documents_of_one_id(text: str, expected: list[tuple[str, str, list[str]]]) -> None:
    assert _entries(text) == expected


def test_a_mention_naming_its_term_goes_with_the_document_of_that_term() -> None:
    text = (
        "Căn cứ Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị. Nhìn lại Chỉ thị số 35-CT/TW ngày 30/5/2019 "
        "của Bộ Chính trị. Tiếp tục quán triệt Chỉ thị số 35-CT/TW của Bộ Chính trị khóa XIII."
    )
    report = nq_extract.parse(text)
    by_date = {r.date: len(r.mentions) for r in report.references}
    assert by_date == {"2024-06-14": 2, "2019-05-30": 1}


def test_mentions_say_which_document_by_title_year_or_the_nearest_that_does() -> None:
    text = (
        "Hội nghị quán triệt Chỉ thị số 35-CT/TW của Bộ Chính trị về đại hội đảng bộ các cấp tiến tới Đại hội XIV của Đảng.\n"
        "Sau khi tổng kết Chỉ thị số 35-CT/TW, ngày 30/5/2019, ngày 14/6/2024 vừa qua, Bộ Chính trị đã ban hành "
        "Chỉ thị số 35-CT/TW về đại hội đảng bộ các cấp tiến tới Đại hội XIV của Đảng.\n"
        "So với Chỉ thị số 35 năm 2019, Chỉ thị lần này giữ nguyên kết cấu. Thực hiện Chỉ thị số 35 ngày 30/5/2019, "
        "Ban Tổ chức Trung ương đã hướng dẫn một số nội dung của Chỉ thị số 35."
    )
    report = nq_extract.parse(text)
    assert_valid(report)
    got = {r.date: [m.text for m in r.mentions] for r in report.references if r.id == "35-CT/TW"}
    assert got == {
        # the first mention has the later one's title
        "2024-06-14": ["35-CT/TW", "35-CT/TW"],
        # the year after a short form; the last bare one goes with the short form before it that says its year
        "2019-05-30": ["35-CT/TW", "Chỉ thị số 35", "Chỉ thị số 35", "Chỉ thị số 35"],
    }


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("Ngày 14/6/2024, Bộ Chính trị ban hành Chỉ thị số 35-CT/TW về đại hội đảng bộ các cấp.", "2024-06-14"),
        ("Ngày 05 tháng 3 năm 2024 UBND huyện đã ban hành Kế hoạch số 12/KH-UBND về tuyên truyền.", "2024-03-05"),
        # a date after the citation wins
        ("Ngày 5/3/2024, UBND huyện ban hành Kế hoạch số 12/KH-UBND ngày 1/3/2024 về tuyên truyền.", "2024-03-01"),
        # a date of another event, not of issuing
        ("Ngày 5/3/2024, UBND huyện họp triển khai Kế hoạch số 12/KH-UBND về tuyên truyền.", None),
    ],
)
def test_date_before_the_citation(sentence: str, date: str | None) -> None:
    report = nq_extract.parse(sentence)
    assert [r.date for r in report.references] == [date]


def test_each_catalogue_entry_falls_in_its_term_and_one_id_per_term() -> None:
    from nq_extract.refs import catalogue as cat

    for cid, entries in cat.catalogue().items():
        assert len({e.term for e in entries}) == len(entries), cid
        for e in entries:
            assert cat.in_term(e.date, e.term), (cid, e.term, e.date)


@pytest.mark.parametrize(
    ("report_date", "date", "title_end"),
    [
        ("ngày 10 tháng 9 năm 2020", "2019-05-30", "lần thứ XIII của Đảng"),
        ("ngày 10 tháng 9 năm 2025", "2024-06-14", "lần thứ XIV của Đảng"),
    ],
)
def test_a_bare_mention_links_the_document_of_the_report_s_term(report_date: str, date: str, title_end: str) -> None:
    text = (
        f"HUYỆN ỦY ĐÔNG SƠN\nĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 45-BC/HU\nĐông Sơn, {report_date}\nBÁO CÁO\nkết quả đại hội\n\n"
        "Thực hiện Chỉ thị số 35-CT/TW của Bộ Chính trị, các đảng bộ đã tổ chức đại hội.\n"
    )
    ref = next(r for r in nq_extract.parse(text).references if r.id == "35-CT/TW")
    assert ref.catalogue and ref.date == date and (ref.title or "").endswith(title_end)


@pytest.mark.parametrize(
    ("sentence", "dates"),
    [
        (
            "Căn cứ Quyết định số 1234/QĐ-UBND, ngày 05/5/2024 của UBND tỉnh; Quyết định số 1235/QĐ-UBND, cùng ngày.",
            {"1234/QĐ-UBND": "2024-05-05", "1235/QĐ-UBND": "2024-05-05"},
        ),
        (
            "Quyết định số 1006-QĐ/HU ngày 15/3/2024 của Huyện ủy; Quyết định số 1007-QĐ/HU ban hành cùng ngày.",
            {"1006-QĐ/HU": "2024-03-15", "1007-QĐ/HU": "2024-03-15"},
        ),
        # nothing dated before: no date
        ("Quyết định số 1235/QĐ-UBND, cùng ngày.", {"1235/QĐ-UBND": None}),
    ],
)
def test_same_day_as_the_citation_before(sentence: str, dates: dict[str, str | None]) -> None:
    assert {r.id: r.date for r in nq_extract.parse(sentence).references} == dates
