"""Table export: streamed in chunks, one Arrow type per column whatever SQLite stored."""

from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pytest

from nq_extract.batch.ledger import Ledger
from nq_extract.batch.writers import TABLES_DIR, arrow_type, export_tables


@pytest.mark.parametrize(
    ("storage", "expected", "as_text"),
    [
        ({"integer"}, pa.int64(), False),
        ({"integer", "null"}, pa.int64(), False),
        ({"integer", "real"}, pa.float64(), False),
        ({"text", "null"}, pa.string(), False),
        ({"text", "integer"}, pa.string(), True),
        ({"null"}, pa.string(), False),
        (set(), pa.string(), False),
        ({"blob"}, pa.binary(), False),
    ],
)
def test_arrow_type_of_sqlite_storage(storage, expected, as_text):
    assert arrow_type(storage) == (expected, as_text)


def test_export_in_chunks_equals_export_at_once(tmp_path):
    ledger = Ledger(tmp_path)
    try:
        ledger.db.execute('CREATE TABLE quantities (doc, value, unit, page, "start")')
        rows = [(f"d{i % 3}", i if i % 4 else i + 0.5, "xã" if i % 2 else None, None, str(i) if i == 5 else i) for i in range(23)]
        ledger.db.executemany("INSERT INTO quantities VALUES (?, ?, ?, ?, ?)", rows)
        export_tables(tmp_path, ledger, chunk=4)
        chunked = pd.read_parquet(tmp_path / TABLES_DIR / "quantities.parquet")
        chunked_csv = (tmp_path / TABLES_DIR / "quantities.csv").read_text(encoding="utf-8")
        export_tables(tmp_path, ledger, chunk=1000)
        whole = pd.read_parquet(tmp_path / TABLES_DIR / "quantities.parquet")
    finally:
        ledger.close()
    pd.testing.assert_frame_equal(chunked, whole)
    assert chunked_csv == (tmp_path / TABLES_DIR / "quantities.csv").read_text(encoding="utf-8")
    assert len(whole) == 23
    assert whole["value"].tolist()[:2] == [0.5, 1.0]
    assert whole["start"].tolist()[5] == "5" and whole["start"].tolist()[6] == "6"  # mixed: all text
    assert whole["unit"].isna().sum() == 12
    assert chunked_csv.splitlines()[0] == '"doc","value","unit","page","start"'
    assert not list((tmp_path / TABLES_DIR).glob(".*.tmp"))
