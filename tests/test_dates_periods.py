"""Periods and wrapped dates: a day range with one month ("từ ngày 12 đến ngày 15 tháng 10
năm 2020"), a month range ("từ tháng 3 đến tháng 5 năm 2024"), the first months of a year
without "đầu" ("9 tháng năm 2024"), a date wrapped after its slash ("26/11/\\n2003")."""

from __future__ import annotations

import pytest

from nq_extract.extract.dates import find


def _dates(text: str) -> list[tuple[str, str | None, str, str | None]]:
    return [(text[f.start : f.end], f.value, f.grain, f.end_value) for f in find(text) if not f.problem]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Đại hội diễn ra từ ngày 12 đến ngày 15 tháng 10 năm 2020 tại hội trường.",
            [("từ ngày 12 đến ngày 15 tháng 10 năm 2020", "2020-10-12", "day", "2020-10-15")],
        ),
        ("Từ ngày 20 đến ngày 25/5/2024, đoàn kiểm tra làm việc.", [("Từ ngày 20 đến ngày 25/5/2024", "2024-05-20", "day", "2024-05-25")]),
        ("Ngày 3 đến 5 tháng 4 năm 2024 tập huấn.", [("Ngày 3 đến 5 tháng 4 năm 2024", "2024-04-03", "day", "2024-04-05")]),
        ("Từ tháng 3 đến tháng 5 năm 2024, tổ chức tuyên truyền.", [("Từ tháng 3 đến tháng 5 năm 2024", "2024-03", "month", "2024-05")]),
        ("từ tháng 7 đến hết tháng 12/2025 rà soát.", [("từ tháng 7 đến hết tháng 12/2025", "2025-07", "month", "2025-12")]),
        ("từ tháng 10/2023 đến tháng 3/2024 triển khai.", [("từ tháng 10/2023 đến tháng 3/2024", "2023-10", "month", "2024-03")]),
        (
            "Từ tháng 10 năm 2023 đến hết tháng 3 năm 2024.",
            [("Từ tháng 10 năm 2023 đến hết tháng 3 năm 2024", "2023-10", "month", "2024-03")],
        ),
        ("tháng 10/2024 đến tháng 3/2024", [("tháng 3/2024", "2024-03", "month", None)]),
        ("Trong 9 tháng năm 2023, thu ngân sách đạt kế hoạch.", [("9 tháng năm 2023", "2023-01", "month", "2023-09")]),
        ("Kết quả 6 tháng cuối năm 2024.", [("6 tháng cuối năm 2024", "2024-07", "month", "2024-12")]),
        ("Căn cứ Luật Tổ chức HĐND và UBND ngày 26/11/\n2003;", [("26/11/\n2003", "2003-11-26", "day", None)]),
        # not ranges: a day after a later one, two years apart, a count of months without a year
        ("Từ ngày 25 đến ngày 20 tháng 5 năm 2024.", [("ngày 20 tháng 5 năm 2024", "2024-05-20", "day", None)]),
        ("Thời gian thử việc 6 tháng, bắt đầu từ năm 2024.", [("năm 2024", "2024", "year", None)]),
        ("tháng 5 đến tháng 3 năm 2024", [("tháng 3 năm 2024", "2024-03", "month", None)]),
        ("Số 26/11/\nCông văn", []),
    ],
)
def test_periods(sentence: str, expected: list[tuple[str, str, str, str | None]]) -> None:
    assert _dates(sentence) == expected
