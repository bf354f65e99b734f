"""Batch runs: bad files carry their status, kill -9 and re-run gives each input exactly once,
hung / exploding / crashing documents do not stop the rest, --force and new versions redo."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from nq_extract.batch.inputs import expand
from nq_extract.batch.ledger import DB_NAME, Ledger
from nq_extract.batch.runner import run_batch
from nq_extract.batch.worker import Limits
from nq_extract.batch.writers import RESULTS, ResultsFile

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "corpora" / "synth"))
import generate as synth  # noqa: E402

MISBEHAVE = "tests.test_batch_processors:misbehave"


def lines(out: Path) -> list[dict]:
    text = (out / RESULTS).read_text(encoding="utf-8")
    assert text == "" or text.endswith("\n"), "torn last line"
    return [json.loads(x) for x in text.splitlines()]


def by_path(out: Path) -> dict[str, dict]:
    rows = lines(out)
    paths = [r["source"]["path"] for r in rows]
    assert len(paths) == len(set(paths)), "a document appears twice"
    return {p: r for p, r in zip(paths, rows)}


def make_bad_files(folder: Path) -> dict[str, set[str]]:
    """Bad inputs and the statuses each may carry."""
    from reportlab.pdfgen import canvas

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 20)
    pdf = synth.generate(folder.parent.parent / "scratch", 1, ("pdf",), seed=7)[0]
    (folder / "truncated.pdf").write_bytes(pdf.read_bytes()[:1500])
    c = canvas.Canvas(str(folder / "encrypted.pdf"), encrypt="secret")
    c.drawString(72, 720, "Bao cao so 12-BC/HU")
    c.showPage()
    c.save()
    c = canvas.Canvas(str(folder / "blank.pdf"))
    c.showPage()
    c.save()
    (folder / "notes.md").write_text("   \n\n  \n", encoding="utf-8")
    return {
        "empty.txt": {"empty_text"},
        "binary.txt": {"undecodable"},
        "truncated.pdf": {"bad_pdf"},
        "encrypted.pdf": {"encrypted"},
        "blank.pdf": {"empty_text", "ocr_unavailable"},
        "notes.md": {"empty_text"},
    }


def test_mixed_folder_completes_with_each_status(tmp_path):
    good = synth.generate(tmp_path / "in" / "good", 2, ("txt", "docx"), seed=3)
    good += synth.generate(tmp_path / "in" / "good", 1, ("pdf",), seed=4, start=2)
    good += synth.generate(tmp_path / "in" / "good", 1, ("txt",), seed=5, start=3)
    expected = make_bad_files(tmp_path / "in" / "bad")
    listing = tmp_path / "more.lst"
    listing.write_text(f"{tmp_path / 'in' / 'missing.txt'}\n", encoding="utf-8")
    out = tmp_path / "out"
    stats = run_batch([tmp_path / "in" / "good", tmp_path / "in" / "bad", listing], out, workers=2, options={"ocr": False})
    rows = by_path(out)
    assert stats.done == len(rows) == len(good) + len(expected) + 1
    for p in good:
        assert rows[str(p)]["source"]["status"] == "ok", rows[str(p)]["source"]["message"]
        assert rows[str(p)]["references"], "a good report has references"
    for name, statuses in expected.items():
        status = rows[str(tmp_path / "in" / "bad" / name)]["source"]["status"]
        assert status in statuses, (name, status)
    assert rows[str(tmp_path / "in" / "missing.txt")]["source"]["status"] == "not_found"
    for row in rows.values():  # every line is a contract object
        from nq_extract.schema import validate

        validate(row)
    # the same documents in SQLite, Parquet and CSV
    db = sqlite3.connect(out / DB_NAME)
    assert db.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == len(rows)
    assert db.execute("SELECT COUNT(*) FROM ledger WHERE status='ok'").fetchone()[0] == len(good)
    assert {r[0] for r in db.execute("SELECT format FROM documents WHERE status='ok'")} == {"text", "docx", "pdf"}
    import pandas as pd

    docs = pd.read_parquet(out / "tables" / "documents.parquet")
    assert sorted(docs["path"]) == sorted(rows)
    assert len(pd.read_csv(out / "tables" / "references.csv")) == db.execute('SELECT COUNT(*) FROM "references"').fetchone()[0]
    # a second run finds everything done
    again = run_batch([tmp_path / "in" / "good", tmp_path / "in" / "bad", listing], out, workers=2, options={"ocr": False})
    assert again.done == 0 and again.skipped == len(rows)
    assert len(lines(out)) == len(rows)


def test_file_names_with_undecodable_bytes(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    good = synth.generate(tmp_path / "src", 1, ("txt",), seed=8)[0]
    odd = os.path.join(os.fsencode(folder), b"b\xe1o c\xe1o.txt")
    with open(odd, "wb") as f:
        f.write(good.read_bytes())
    run_batch([folder, os.fsdecode(os.path.join(os.fsencode(folder), b"gone \xff.txt"))], tmp_path / "out", workers=1, formats=("csv",))
    rows = lines(tmp_path / "out")
    assert sorted(r["source"]["status"] for r in rows) == ["not_found", "ok"]
    assert all("\ufffd" in r["source"]["path"] for r in rows)


def _kill_when(out: Path, proc: subprocess.Popen, at_least: int, timeout: float = 60) -> int:
    deadline = time.monotonic() + timeout
    results = out / RESULTS
    while time.monotonic() < deadline:
        n = results.read_bytes().count(b"\n") if results.exists() else 0
        if n >= at_least:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
            return n
        if proc.poll() is not None:
            pytest.fail(f"the run ended before it could be killed: {proc.stderr.read() if proc.stderr else ''}")
        time.sleep(0.02)
    pytest.fail("the run did not progress")


def test_kill9_midway_then_rerun_gives_each_input_exactly_once(tmp_path):
    docs = synth.generate(tmp_path / "in", 80, ("txt",), seed=5)  # about 2 s of work: 0.05 s each on 2 workers
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "nq_extract", "batch", str(tmp_path / "in"), "-o", str(out), "--workers", "2", "-q"]
    cmd += ["--processor", "tests.test_batch_processors:slow", "--tables", "none"]
    proc = subprocess.Popen(cmd, cwd=ROOT, start_new_session=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen = _kill_when(out, proc, at_least=1)  # after the first commit, with more results in flight
    assert seen < len(docs), "killed too late to test anything"
    # a torn line, as if the kill had landed inside a write
    with open(out / RESULTS, "ab") as f:
        f.write(b'{"schema_version": "1.1", "source": {"pa')
    r = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    rows = by_path(out)
    assert sorted(rows) == sorted(str(p) for p in docs)
    assert all(r["source"]["status"] == "ok" for r in rows.values())
    db = sqlite3.connect(out / DB_NAME)
    assert db.execute("SELECT COUNT(*) FROM ledger").fetchone()[0] == len(docs)
    assert db.execute("SELECT COUNT(DISTINCT doc) FROM documents").fetchone()[0] == len(docs)
    assert db.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == len(docs)
    assert db.execute("SELECT COUNT(*) FROM ledger WHERE token IS NOT NULL").fetchone()[0] == 0, "rows left unmerged"
    assert not (out / ".rows").exists()


def test_hung_exploding_and_crashing_documents_do_not_stop_the_pool(tmp_path):
    folder = tmp_path / "in"
    good = synth.generate(folder, 3, ("txt",), seed=11)
    bad = {
        "hang_python.txt": ("timeout", 1),
        "hang_c.txt": ("timeout", 1),
        "explode.txt": ("too_large", 1),
        "crash_always.txt": ("crashed", 2),
        "crash_once.txt": ("ok", 2),
    }
    text = good[0].read_text(encoding="utf-8")
    for i, name in enumerate(bad):
        (folder / name).write_text(text.replace("BÁO CÁO", f"BÁO CÁO {i}"), encoding="utf-8")
    out = tmp_path / "out"
    stats = run_batch([folder], out, workers=2, limits=Limits(seconds=1.5, memory_mb=250), processor=MISBEHAVE, formats=())
    rows = by_path(out)
    assert stats.done == len(rows) == len(good) + len(bad)
    for p in good:
        assert rows[str(p)]["source"]["status"] == "ok", rows[str(p)]["source"]["message"]
    db = sqlite3.connect(out / DB_NAME)
    attempts = dict(db.execute("SELECT path, attempts FROM ledger"))
    for name, (status, tries) in bad.items():
        path = str(folder / name)
        assert rows[path]["source"]["status"] == status, (name, rows[path]["source"])
        assert attempts[path] == tries, name


def test_force_and_new_version_redo_without_duplicates(tmp_path, monkeypatch):
    synth.generate(tmp_path / "in", 6, ("txt",), seed=2)
    out = tmp_path / "out"
    first = run_batch([tmp_path / "in"], out, workers=2, formats=())
    assert first.done == 6
    assert run_batch([tmp_path / "in"], out, workers=2, formats=()).done == 0
    forced = run_batch([tmp_path / "in"], out, workers=2, force=True, formats=())
    assert forced.done == 6 and len(by_path(out)) == 6
    assert run_batch([tmp_path / "in"], out, workers=2, redo=["timeout"], formats=()).done == 0
    redone = run_batch([tmp_path / "in"], out, workers=2, redo=["ok"], formats=())
    assert redone.done == 6 and redone.compacted == 6 and len(by_path(out)) == 6
    import nq_extract.batch.ledger as ledger_mod

    monkeypatch.setattr(ledger_mod, "PIPELINE_VERSION", "99.0")
    newer = run_batch([tmp_path / "in"], out, workers=2, formats=())
    assert newer.done == 6 and newer.compacted == 6
    assert len(by_path(out)) == 6
    db = sqlite3.connect(out / DB_NAME)
    assert {v for (v,) in db.execute("SELECT version FROM ledger")} == {"99.0"}
    assert db.execute("SELECT COUNT(*) FROM documents").fetchone()[0] == 6
    # offsets in the ledger still point at each document's own line
    text = (out / RESULTS).read_bytes()
    for key, off, n in db.execute('SELECT key, "offset", length FROM ledger'):
        assert json.loads(text[off : off + n])["source"]["sha256"] == key


def test_uncommitted_tail_is_cut_on_open(tmp_path):
    ledger = Ledger(tmp_path)
    results = ResultsFile(tmp_path, ledger)
    spans = results.append([b'{"a": 1}', b'{"b": 2}'])
    ledger.set_meta("committed_size", spans[0][0] + spans[0][1])  # only the first line was committed
    results.close()
    with open(tmp_path / RESULTS, "ab") as f:
        f.write(b'{"torn')
    ResultsFile(tmp_path, ledger).close()
    assert (tmp_path / RESULTS).read_text() == '{"a": 1}\n'


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        (["a.txt", "sub/b.pdf", "sub/.hidden.txt", "sub/c.png", "sub/d.xlsx", "out/r.txt"], ["a.txt", "sub/b.pdf", "sub/c.png"]),
        (["x/one.docx", "x/two.md"], ["x/one.docx", "x/two.md"]),
    ],
)
def test_folders_are_walked_for_known_formats(tmp_path, entries, expected):
    for e in entries:
        (tmp_path / e).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / e).write_text("x", encoding="utf-8")
    got = expand([tmp_path], skip=tmp_path / "out")
    assert got == [str(tmp_path / e) for e in expected]


def test_path_lists_and_missing_paths(tmp_path):
    (tmp_path / "a.txt").write_text("Báo cáo", encoding="utf-8")
    (tmp_path / "list.txt").write_text("a.txt\n# comment\n\n", encoding="utf-8")
    (tmp_path / "paths").write_text("a.txt\nnope.pdf\n", encoding="utf-8")
    assert expand([tmp_path / "list.txt"]) == [str(tmp_path / "a.txt")]  # every line an existing path: a list
    assert expand([f"@{tmp_path / 'paths'}"]) == [str(tmp_path / "a.txt"), str(tmp_path / "nope.pdf")]
    assert expand([tmp_path / "paths"]) == [str(tmp_path / "paths")]  # not every line exists: a document
    report = tmp_path / "report.txt"
    report.write_text("BÁO CÁO\nkết quả năm 2024\n", encoding="utf-8")
    assert expand([report]) == [str(report)]


def test_parse_many_keeps_input_order(tmp_path):
    import nq_extract

    docs = synth.generate(tmp_path, 5, ("txt",), seed=9)
    paths = [*docs[::-1], tmp_path / "missing.txt"]
    reports = list(nq_extract.parse_many(paths, workers=2))
    assert [r.source.path for r in reports] == [str(p) for p in paths]
    assert [r.source.status for r in reports] == ["ok"] * 5 + ["not_found"]
    assert all(r.text for r in reports[:5])
    inline = list(nq_extract.parse_many(paths[:2], workers=0))
    assert [r.to_dict() for r in inline] == [r.to_dict() for r in reports[:2]]


def test_cli_batch_writes_summary(tmp_path):
    synth.generate(tmp_path / "in", 3, ("txt",), seed=4)
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "nq_extract",
            "batch",
            str(tmp_path / "in"),
            "-o",
            str(tmp_path / "out"),
            "--workers",
            "2",
            "--json-summary",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    summary = json.loads(r.stdout)
    assert summary["statuses"] == {"ok": 3}
    assert summary["run"]["processed"] == 3
    assert len(summary["slowest"]) == 3
    assert (tmp_path / "out" / "summary.json").exists()


def test_summary_and_progress_render_without_a_terminal(tmp_path):
    import io

    from rich.console import Console

    from nq_extract.batch.progress import Progress
    from nq_extract.batch.summary import render, summarize

    synth.generate(tmp_path / "in", 3, ("txt",), seed=12)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    buf = io.StringIO()
    console = Console(file=buf, width=160, force_terminal=False)
    stats = run_batch([tmp_path / "in"], tmp_path / "out", workers=1, formats=(), progress=Progress(console=console))
    log = buf.getvalue()
    assert "4/4 documents" in log and "docs/s" in log and "pages/s" in log
    db = sqlite3.connect(tmp_path / "out" / DB_NAME)
    summary = summarize(db)
    assert summary["statuses"] == {"ok": 3, "empty_text": 1}
    assert summary["most_cited"] and summary["most_cited"][0]["documents"] >= 1
    buf.truncate(0)
    render(summary, stats, console=console)
    text = buf.getvalue()
    for heading in ("documents by status", "slowest documents", "most-cited documents", "inconsistencies:"):
        assert heading in text


@pytest.mark.parametrize(
    ("avg", "left", "workers", "expected"),
    [
        (0.0, None, 2, 2),  # nothing measured yet: the floor
        (0.01, None, 2, 32),  # fast documents: up to the cap
        (0.01, 1000, 2, 32),
        (0.01, 20, 2, 10),  # near the end: a fair share of what is left
        (0.01, 3, 2, 2),
        (0.01, 0, 2, 2),
        (5.0, 1000, 2, 2),  # slow documents: a short queue
    ],
)
def test_queue_depth_shrinks_to_a_fair_share_near_the_end(avg, left, workers, expected):
    from nq_extract.batch.pool import queue_depth

    assert queue_depth(avg, left, workers) == expected


def test_a_failing_disk_stops_the_run_with_its_error_and_keeps_commits_whole(tmp_path, monkeypatch):
    docs = synth.generate(tmp_path / "in", 6, ("txt",), seed=5)
    out = tmp_path / "out"
    calls = {"n": 0}
    real = ResultsFile.append

    def append(self, batch):
        calls["n"] += 1
        if calls["n"] > 1:
            raise OSError(28, "No space left on device")
        return real(self, batch)

    monkeypatch.setattr(ResultsFile, "append", append)
    monkeypatch.setattr("nq_extract.batch.runner.FLUSH_COUNT", 2)
    with pytest.raises(OSError, match="No space left"):
        run_batch([tmp_path / "in"], out, workers=1, formats=())
    monkeypatch.undo()
    committed = lines(out)
    ledger = Ledger(out)
    try:
        assert len(committed) == ledger.db.execute("SELECT count(*) FROM ledger").fetchone()[0] == 2
    finally:
        ledger.close()
    run_batch([tmp_path / "in"], out, workers=1, formats=())  # the re-run does the rest, once each
    assert sorted(by_path(out)) == sorted(str(p) for p in docs)


def test_workers_that_cannot_start_stop_the_run_with_one_clear_error(tmp_path):
    from nq_extract.batch.pool import Pool, WorkerStartError
    from nq_extract.batch.worker import Task

    from .test_batch_processors import die_at_start

    class Broken(Pool):
        worker_main = staticmethod(die_at_start)

    docs = synth.generate(tmp_path / "in", 3, ("txt",), seed=9)
    t0 = time.monotonic()
    with pytest.raises(WorkerStartError, match=r"exited before they were ready \(exit status 3\)"):
        list(Broken(2).run([Task(key=str(i), path=str(p)) for i, p in enumerate(docs)]))
    assert time.monotonic() - t0 < 30  # no endless respawning


def test_a_script_read_from_stdin_can_run_a_batch(tmp_path):
    docs = synth.generate(tmp_path / "in", 3, ("txt",), seed=10)
    script = f"from nq_extract.batch.runner import run_batch\nprint(run_batch([{str(tmp_path / 'in')!r}], {str(tmp_path / 'out')!r}, workers=2, formats=()).done)\n"
    r = subprocess.run([sys.executable, "-"], input=script, cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr[-2000:]
    assert r.stdout.strip() == "3"
    assert sorted(by_path(tmp_path / "out")) == sorted(str(p) for p in docs)


@pytest.mark.parametrize(
    ("paths", "common", "first"),
    [
        (["/a/x/1.txt", "/a/y/2.pdf"], "/a", "x/1.txt"),
        (["/a/1.txt"], "", "/a/1.txt"),  # one path: nothing to share
        (["/a/1.txt", "rel/2.txt"], "", "/a/1.txt"),  # relative paths are left as they are
        (["/a/1.txt", "/b/2.txt"], "", "/a/1.txt"),  # only the root in common
    ],
)
def test_summary_paths_are_shown_relative_to_their_shared_folder(paths, common, first):
    from nq_extract.batch.summary import _relative

    got_common, shown = _relative(paths)
    assert got_common == common
    assert shown[paths[0]] == first
