"""Row files: pool workers write their documents' table rows themselves; the parent merges
only the rows whose token the ledger holds, and redoes a document whose rows were lost."""

from __future__ import annotations

import hashlib
import sqlite3
import sys

from nq_extract.batch import rowstore
from nq_extract.batch.ledger import DB_NAME, Ledger
from nq_extract.batch.runner import run_batch
from nq_extract.batch.worker import Task, run_document

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "corpora" / "synth"))
import generate as synth  # noqa: E402


def _counts(out) -> dict[str, tuple[int, int]]:
    db = sqlite3.connect(out / DB_NAME)
    try:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'") if r[0] not in ("meta", "ledger", "inputs")]
        return {t: db.execute(f'SELECT COUNT(*), COUNT(DISTINCT doc) FROM "{t}"').fetchone() for t in tables}
    finally:
        db.close()


def test_rows_written_by_workers_equal_rows_shipped_to_the_parent(tmp_path):
    synth.generate(tmp_path / "in", 8, ("txt",), seed=3)
    run_batch([tmp_path / "in"], tmp_path / "pool", workers=2, formats=())
    assert not (tmp_path / "pool" / rowstore.ROWS_DIR).exists(), "row files are removed once merged"
    shipped = tmp_path / "shipped"
    from nq_extract.batch import runner

    real = runner.engine_outcomes

    def without_row_files(*args, **kwargs):
        kwargs["row_dir"] = None
        return real(*args, **kwargs)

    runner.engine_outcomes = without_row_files
    try:
        run_batch([tmp_path / "in"], shipped, workers=2, formats=())
    finally:
        runner.engine_outcomes = real
    counts = _counts(tmp_path / "pool")
    assert counts == _counts(shipped)
    assert counts["documents"] == (8, 8)
    assert counts["quantities"][0] > 8


def test_rows_of_a_document_the_ledger_never_recorded_are_dropped(tmp_path):
    docs = synth.generate(tmp_path / "in", 2, ("txt",), seed=4)
    out = tmp_path / "out"
    run_batch([docs[0]], out, workers=1, formats=())
    before = _counts(out)
    # a worker wrote a document's rows, then the run was killed before the ledger recorded it
    store = rowstore.RowStore(out / rowstore.ROWS_DIR)
    ghost = run_document(Task(key="f" * 64, path=str(docs[1])), store=store)
    store.close()
    assert ghost.token and not ghost.rows
    ledger = Ledger(out)
    try:
        assert ledger.merge_rows() == 0
        assert not rowstore.files(out)
    finally:
        ledger.close()
    assert _counts(out) == before


def test_a_document_whose_rows_were_lost_is_done_again(tmp_path):
    synth.generate(tmp_path / "in", 3, ("txt",), seed=6)
    out = tmp_path / "out"
    run_batch([tmp_path / "in"], out, workers=1, formats=())
    db = sqlite3.connect(out / DB_NAME)
    key = db.execute("SELECT key FROM ledger ORDER BY key LIMIT 1").fetchone()[0]
    db.execute("DELETE FROM documents WHERE doc=?", (key,))
    db.execute("UPDATE ledger SET token='gone:1' WHERE key=?", (key,))  # recorded, but its row file is gone
    db.commit()
    db.close()
    redone = run_batch([tmp_path / "in"], out, workers=1, formats=())
    assert redone.done == 1 and redone.compacted == 1
    counts = _counts(out)
    assert counts["documents"] == (3, 3)
    lines = (out / "results.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3


def test_a_failing_row_file_sends_the_rows_with_the_outcome(tmp_path):
    doc = synth.generate(tmp_path / "in", 1, ("txt",), seed=8)[0]

    class FullDisk(rowstore.RowStore):
        def put(self, doc, rows):
            raise sqlite3.OperationalError("database or disk is full")

    key = hashlib.sha256(doc.read_bytes()).hexdigest()
    store = FullDisk(tmp_path / "rows")
    out = run_document(Task(key=key, path=str(doc)), store=store)
    store.close()
    assert out.token is None
    assert out.status == "ok"
    columns, rows = out.rows["documents"]
    assert [r[columns.index("doc")] for r in rows] == [key]


def test_corpus_counts_documents_whose_rows_are_not_merged_yet(tmp_path):
    from nq_extract import Corpus

    synth.generate(tmp_path / "in", 2, ("txt",), seed=12)
    out = tmp_path / "out"
    run_batch([tmp_path / "in"], out, workers=1, formats=())
    with Corpus.open(out) as corpus:
        assert corpus.unmerged == 0
    db = sqlite3.connect(out / DB_NAME)
    db.execute("UPDATE ledger SET token='w:1' WHERE rowid = 1")  # as while a run is going on
    db.commit()
    db.close()
    with Corpus.open(out) as corpus:
        assert corpus.unmerged == 1
