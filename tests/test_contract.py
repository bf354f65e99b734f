"""The output contract: schema, spans, keys, and the shipped schema kept in step with the models."""

from __future__ import annotations

import json

import pytest

import nq_extract
from nq_extract.schema import generate, shipped

from .conftest import dev_texts
from .helpers import assert_valid

# Written out here, not imported from the package: the test must fail if the package drops a key.
CONTRACT_KEYS = {
    "schema_version",
    "source",
    "document",
    "references",
    "dates",
    "quantities",
    "ratios",
    "percentages",
    "units",
    "people",
    "footnotes",
    "checks",
    "coverage",
    "warnings",
}


def test_shipped_schema_matches_models():
    assert shipped() == json.loads(json.dumps(generate())), "run: python -m nq_extract.schema > nq_extract/schema/report.schema.json"


def test_seed_validates_and_spans_hold(seed_report):
    assert seed_report.source.status == "ok"
    assert_valid(seed_report)
    data = seed_report.to_dict()
    assert set(data) >= CONTRACT_KEYS
    assert data["schema_version"].startswith("1.")
    assert "text" not in data
    assert "text" in seed_report.to_dict(with_text=True)


@pytest.mark.parametrize("path", dev_texts(), ids=lambda p: p.parent.name[:40])
def test_dev_texts_validate(path):
    report = nq_extract.parse(path)
    assert report.source.status == "ok"
    assert_valid(report)


def test_json_is_utf8_and_keeps_vietnamese(seed_report):
    out = seed_report.to_json()
    assert "Cao Trang Trọng" in out
    out.encode("utf-8")
