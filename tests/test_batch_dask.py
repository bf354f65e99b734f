"""The same batch on a dask.distributed LocalCluster: same lines as the process pool, limits still hold."""

from __future__ import annotations

import json
import sys

import pytest

from nq_extract.batch.runner import run_batch
from nq_extract.batch.worker import Limits
from nq_extract.batch.writers import RESULTS

from .conftest import ROOT

pytest.importorskip("distributed", reason="dask.distributed is not installed (extra 'cluster')")
sys.path.insert(0, str(ROOT / "corpora" / "synth"))
import generate as synth  # noqa: E402


def _lines(out):
    return {json.loads(x)["source"]["path"]: json.loads(x) for x in (out / RESULTS).read_text(encoding="utf-8").splitlines()}


@pytest.mark.slow
def test_local_cluster_writes_the_same_outputs_as_the_pool(tmp_path):
    folder = tmp_path / "in"
    good = synth.generate(folder, 4, ("txt",), seed=21)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "hang_python.txt").write_text(good[0].read_text(encoding="utf-8") + "\n.", encoding="utf-8")
    limits = Limits(seconds=8, memory_mb=1024)  # generous: a busy machine may take seconds to start a cold worker
    processor = "tests.test_batch_processors:misbehave"
    stats = run_batch([folder], tmp_path / "dask", workers=2, dask="local", limits=limits, processor=processor, formats=("parquet",))
    assert stats.done == 6
    on_dask = _lines(tmp_path / "dask")
    assert on_dask[str(folder / "hang_python.txt")]["source"]["status"] == "timeout"
    assert on_dask[str(folder / "empty.txt")]["source"]["status"] == "empty_text"
    run_batch([folder], tmp_path / "pool", workers=2, limits=limits, processor=processor, formats=("parquet",))
    in_pool = _lines(tmp_path / "pool")
    assert on_dask.keys() == in_pool.keys()
    for p in good:
        assert on_dask[str(p)] == in_pool[str(p)]
        assert on_dask[str(p)]["source"]["status"] == "ok"
    # resumable on the cluster too
    again = run_batch([folder], tmp_path / "dask", workers=2, dask="local", limits=limits, processor=processor, formats=())
    assert again.done == 0 and again.skipped == 6
    import pandas as pd

    assert len(pd.read_parquet(tmp_path / "dask" / "tables" / "documents.parquet")) == 6
