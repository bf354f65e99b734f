"""The notebooks run from top to bottom (nbclient) and are committed with their outputs.

To refresh the committed outputs: ``.venv/bin/python tests/test_notebooks.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"
BOOKS = sorted(NOTEBOOKS.glob("*.ipynb"))

pytestmark = pytest.mark.slow


def execute(path: Path):
    import nbformat
    from nbclient import NotebookClient

    book = nbformat.read(path, as_version=4)
    client = NotebookClient(
        book,
        timeout=180,
        startup_timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
        record_timing=False,
        extra_arguments=["--HistoryManager.enabled=False"],
    )
    client.execute()
    return book


def test_there_are_notebooks():
    assert len(BOOKS) >= 3, BOOKS


@pytest.mark.parametrize("path", BOOKS, ids=[p.stem for p in BOOKS])
def test_committed_with_outputs(path):
    import nbformat

    book = nbformat.read(path, as_version=4)
    code = [c for c in book.cells if c.cell_type == "code"]
    assert code and all(c.execution_count for c in code), "run `python tests/test_notebooks.py` to refresh outputs"
    assert sum(bool(c.outputs) for c in code) >= len(code) // 2
    for cell in code:
        assert not any(o.get("output_type") == "error" for o in cell.outputs), cell.source[:80]


@pytest.mark.parametrize("path", BOOKS, ids=[p.stem for p in BOOKS])
def test_runs_top_to_bottom(path):
    pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    book = execute(path)
    errors = [o for c in book.cells if c.cell_type == "code" for o in c.outputs if o.get("output_type") == "error"]
    assert not errors
    if path.stem.startswith("02"):
        images = [o for c in book.cells if c.cell_type == "code" for o in c.outputs if "image/png" in o.get("data", {})]
        assert len(images) >= 3, "the corpus study draws three plots"
    if path.stem.startswith("03"):
        text = "".join(str(o.get("data", {}).get("text/plain", "")) for c in book.cells if c.cell_type == "code" for o in c.outputs)
        assert "12-ĐC/BTGTU" in text and "Ban Dân vận Tỉnh ủy" in text


if __name__ == "__main__":
    import nbformat

    for p in BOOKS if len(sys.argv) < 2 else [Path(a) for a in sys.argv[1:]]:
        nbformat.write(execute(p), p)
        print("executed", p)
