"""Assertions every test module can use on a report."""

from __future__ import annotations

from nq_extract.models import Report, all_spans
from nq_extract.schema import validate


def assert_valid(report: Report) -> None:
    """The output validates against the shipped schema and every span points into the text."""
    data = report.to_dict(with_text=True)
    validate(data)
    text = report.text or ""
    for span in all_spans(report):
        assert 0 <= span.start <= span.end <= len(text), span
        assert text[span.start : span.end] == span.text, span


def parse_valid(text: str) -> Report:
    """``nq_extract.parse(text)``, its output checked by :func:`assert_valid`."""
    import nq_extract

    report = nq_extract.parse(text)
    assert_valid(report)
    return report


def unit_names(text: str) -> list[str]:
    """The names of the units found in ``text``, in order."""
    return [u.name for u in parse_valid(text).units]
