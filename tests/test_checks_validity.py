"""The validity study: one stated figure changed at a time must be flagged; unmodified reports raise no false alarm."""

from __future__ import annotations

import pytest

from nq_extract.checks.validity import change_digit, study, study_text

from .conftest import DEV, GOLD, SEED


@pytest.mark.parametrize(
    ("written", "where", "changed"),
    [
        ("2.443", "leading", "3.443"),
        ("96,3", "leading", "86,3"),
        ("01", "leading", "02"),
        ("0,19", "leading", "0,29"),
        ("2.443", "last", "2.444"),
        ("739", "last", "738"),
    ],
)
def test_change_digit_keeps_length(written, where, changed):
    assert change_digit(written, where) == changed
    assert len(changed) == len(written)


def test_seed_study():
    import nq_extract
    from nq_extract.checks.relations import NoteRef

    report = nq_extract.parse(SEED)
    notes = [NoteRef(f.span.start, f.span.end, tuple((a.start, a.end) for a in f.anchors)) for f in report.footnotes]
    gold = [
        {"kind": "percentage", "status": "consistent", "stated": 96.3},
        {"kind": "percentage", "status": "consistent", "stated": 97.2},
        {"kind": "sum", "status": "consistent", "stated": 3182},
        {"kind": "sum", "status": "consistent", "stated": 214},
        {"kind": "sum", "status": "consistent", "stated": 2691},
    ]
    res = study_text("seed", report.text or "", notes, gold, ("leading",))
    assert res.false_alarms == 0
    n = sum(res.changes.values())
    assert n == 19  # 3 per percentage, every figure of the three sums
    assert res.changes["leading:flagged"] == n, res.misses


@pytest.fixture(scope="module")
def dev_study():
    if not DEV.exists():
        pytest.skip(f"dev corpus not found at {DEV}: the validity study runs on seed + dev gold")
    return study(GOLD, where=("leading",))


def test_single_figure_changes_are_flagged(dev_study):
    s = dev_study["leading_digit"]
    assert s["changes"] >= 250
    assert s["share_flagged"] >= 0.95, dev_study["per_document"]


def test_false_alarms_on_unmodified_documents(dev_study):
    assert dev_study["documents"] >= 10
    assert dev_study["false_alarms_per_10_documents"] <= 1.0


def test_validate_command_prints_figures():
    import subprocess
    import sys

    r = subprocess.run(
        [sys.executable, "-m", "nq_extract", "validate", str(GOLD / "000_seed"), "--leading-only"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert "validity study over 1 gold documents" in r.stdout
    # the seed has no date, so a changed count of its communes cannot be held against the gazetteer
    assert "leading digit changed: 19/20 flagged (95.0%)" in r.stdout
    assert "not flagged: 000_seed: admin_count 13->23 (count): passed" in r.stdout


def test_counts_of_units_are_changed_too_when_the_setting_is_known():
    from .test_admin_counts import LD_2025

    text = "Toàn tỉnh có 124/124 xã, phường, đặc khu hoàn thành kết nối."
    gold = [{"kind": "admin_count", "status": "consistent", "stated": 124}]
    without = study_text("x", text, [], gold, ("leading",))
    with_setting = study_text("x", text, [], gold, ("leading",), setting=LD_2025)
    assert without.relations == 0
    assert with_setting.relations == 1
    assert with_setting.changes["leading:flagged"] == 1  # 124 -> 224: more units than the province has
