"""Corpus.open(OUT): every table as a DataFrame, and the first questions asked of a batch."""

from __future__ import annotations

import json
import shutil
import sys

import pytest

import nq_extract
from nq_extract.batch.runner import run_batch

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "corpora" / "synth"))
import generate as synth  # noqa: E402


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    base = tmp_path_factory.mktemp("corpus")
    synth.generate(base / "in", 8, ("txt",), seed=31)
    (base / "in" / "empty.txt").write_bytes(b"")
    out = base / "out"
    run_batch([base / "in"], out, workers=2)
    return out


def _results(out):
    return [json.loads(x) for x in (out / "results.jsonl").read_text(encoding="utf-8").splitlines()]


def test_every_table_is_a_dataframe(out):
    corpus = nq_extract.Corpus.open(out)
    assert {"documents", "references", "ledger", "inputs"} <= set(corpus.table_names)
    assert len(corpus) == 9 == len(corpus.documents)
    assert set(corpus.tables) == set(corpus.table_names)
    assert corpus.table("no_such_table").empty
    assert list(corpus.failures()["status"]) == ["empty_text"]
    with pytest.raises(AttributeError):
        corpus.not_a_table  # noqa: B018


def test_citing_matches_the_results_file(out):
    corpus = nq_extract.Corpus.open(out)
    results = _results(out)
    cited = {r["id"] for doc in results for r in doc["references"]}
    assert cited, "the synthetic reports cite documents"
    for ref_id in sorted(cited)[:6]:
        expected = sorted(doc["source"]["path"] for doc in results if any(r["id"] == ref_id for r in doc["references"]))
        assert list(corpus.citing(ref_id)["path"]) == expected, ref_id
    assert corpus.citing("999-NQ/TW").empty
    top = corpus.most_cited(3)
    assert list(top.columns) == ["id", "documents"] and top["documents"].is_monotonic_decreasing


@pytest.mark.parametrize(
    ("ref_id", "variant"),
    [("42-NQ/TW", "42-NQ/TƯ"), ("42-NQ/TW", "42 - NQ/TW")],
)
def test_citing_accepts_spelling_variants(out, ref_id, variant):
    corpus = nq_extract.Corpus.open(out)
    assert list(corpus.citing(variant)["path"]) == list(corpus.citing(ref_id)["path"])


def test_reports_by_unit_and_inconsistencies(out):
    corpus = nq_extract.Corpus.open(out)
    results = _results(out)
    units = corpus.units
    if not units.empty:
        name = units["name"].iloc[0]
        hits = corpus.by_unit(name.upper())
        assert units.loc[units["name"] == name, "doc"].isin(hits["doc"]).all()
    assert corpus.by_unit("Không Có Đơn Vị Này").empty
    inconsistent = corpus.inconsistencies()
    n = sum(c["status"] == "inconsistent" for doc in results for c in doc["checks"])
    assert len(inconsistent) == n
    assert (inconsistent["status"] == "inconsistent").all() if n else inconsistent.empty


def test_sql_and_reports(out):
    corpus = nq_extract.Corpus.open(out)
    counts = corpus.sql("SELECT status, COUNT(*) AS n FROM documents GROUP BY status ORDER BY status")
    assert dict(zip(counts["status"], counts["n"])) == {"empty_text": 1, "ok": 8}
    reports = list(corpus.reports())
    assert len(reports) == 9 and all(isinstance(r, nq_extract.Report) for r in reports)


def test_parquet_only_folder(out, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(out / "tables", copy / "tables")
    corpus = nq_extract.Corpus.open(copy)
    assert len(corpus.documents) == 9
    assert list(corpus.citing("42-NQ/TW")["path"]) == list(nq_extract.Corpus.open(out).citing("42-NQ/TW")["path"])
    with pytest.raises(RuntimeError):
        corpus.sql("SELECT 1")


def test_missing_folder(tmp_path):
    with pytest.raises(FileNotFoundError):
        nq_extract.Corpus.open(tmp_path / "nothing")
