"""Quality floors on the gold annotations (corpora/gold/floors.json). They only go up."""

from __future__ import annotations

import json

import pytest

from nq_extract.evaluate import evaluate_dir

from .conftest import DEV, GOLD

FLOORS = json.loads((GOLD / "floors.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def result():
    if not DEV.exists():
        pytest.skip(f"dev corpus not found at {DEV}: floors are measured on seed + dev together")
    return evaluate_dir(GOLD)


def _cases():
    for mode, fields in FLOORS.items():
        if mode.startswith("_"):
            continue
        for field, metrics in fields.items():
            for metric, floor in metrics.items():
                yield pytest.param(mode, field, metric, floor, id=f"{mode}-{field}-{metric}")


@pytest.mark.parametrize(("mode", "field", "metric", "floor"), list(_cases()))
def test_floor(result, mode, field, metric, floor):
    total = result.total(mode)
    assert field in total, f"no gold for {field}"
    value = getattr(total[field], metric)
    assert value >= floor, f"{mode} {field} {metric} = {value:.4f} < floor {floor}"


def test_eval_cli_prints_table():
    import subprocess
    import sys

    r = subprocess.run(
        [sys.executable, "-m", "nq_extract", "eval", str(GOLD / "000_seed"), "--total-only"], capture_output=True, text=True, timeout=120
    )
    assert r.returncode == 0, r.stderr
    assert "total over 1 documents" in r.stdout


def test_format_errors_lists_missed_and_spurious_items_of_the_chosen_fields():
    from nq_extract.evaluate.run import DocResult, EvalResult, format_errors

    doc = DocResult("d1", "d1.txt", "ok", 0.1)
    doc.errors = {
        "checks": {"missed": ["('sum', 'consistent', 12)"], "spurious": []},
        "units": {"missed": [], "spurious": ["'xã A'"]},
    }
    both = format_errors(EvalResult([doc], []))
    assert both.splitlines() == ["d1\tchecks\tmissed\t('sum', 'consistent', 12)", "d1\tunits\tspurious\t'xã A'"]
    assert format_errors(EvalResult([doc], []), ["units"]) == "d1\tunits\tspurious\t'xã A'"
    assert format_errors(EvalResult([doc], []), ["people"]) == "no errors"
