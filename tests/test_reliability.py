"""Time limits, atomic writes, output names that stay in their folder, inputs never overwritten."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import nq_extract
from nq_extract import limits
from nq_extract.errors import Timeout
from nq_extract.io import atomic_write_text, output_path, safe_name

# --- time limit ------------------------------------------------------------


def _spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


def test_time_limit_stops_a_runaway_regex():
    with pytest.raises(Timeout), limits.time_limit(0.2):
        re.match(r"(a+)+b", "a" * 64)  # exponential backtracking: never ends on its own


def test_time_limit_lets_quick_work_finish_and_disarms():
    before = signal.getitimer(signal.ITIMER_REAL)[0]  # the test runner's own alarm, if any
    with limits.time_limit(5):
        x = sum(range(1000))
    assert x == 499500
    after = signal.getitimer(signal.ITIMER_REAL)[0]
    assert after == 0.0 if before == 0.0 else 0 < after <= before


def test_caller_alarm_is_kept():
    fired: list[float] = []
    previous = signal.signal(signal.SIGALRM, lambda *a: fired.append(time.monotonic()))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.3)
        with limits.time_limit(5):
            pass
        assert signal.getitimer(signal.ITIMER_REAL)[0] > 0  # re-armed
        time.sleep(0.5)
        assert fired
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_caller_alarm_that_comes_first_still_fires():
    class Outer(Exception):
        pass

    def outer(*a):
        raise Outer

    previous = signal.signal(signal.SIGALRM, outer)
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.1)
        with pytest.raises(Outer), limits.time_limit(5):
            _spin(2)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_check_works_in_threads():
    out: list[str] = []

    def work() -> None:
        try:
            with limits.time_limit(0.05):
                while True:
                    limits.check()
        except Timeout:
            out.append("timeout")

    t = threading.Thread(target=work)
    t.start()
    t.join(5)
    assert out == ["timeout"]


def test_timeout_is_a_status():
    report = nq_extract.parse_text("Số 12-BC/HU, ngày 1/2/2023. " * 5000, timeout=0.001)
    assert report.source.status == "timeout"
    assert "time limit" in report.source.message
    with pytest.raises(Timeout):
        nq_extract.parse_text("Số 12-BC/HU, ngày 1/2/2023. " * 5000, timeout=0.001, errors="raise")


# --- output names ----------------------------------------------------------

NAMES = [
    ("42-NQ/TW", "42-NQ_TW"),
    ("../../etc/passwd", "etc_passwd"),
    ("..", "document"),
    ("", "document"),
    (".bashrc", "bashrc"),
    ("/abs/path", "abs_path"),
    ("C:\\Windows\\x", "C_Windows_x"),
    ("a\x00b\nc", "a_b_c"),
    ("CON", "document_CON"),
    ("nul.txt", "document_nul.txt"),
    ("Báo cáo số 329/BC-UBND", "Báo_cáo_số_329_BC-UBND"),
    ("Ba\u0301o ca\u0301o", "Báo_cáo"),  # NFD in, NFC out
    ("\u202egnp.exe", "gnp.exe"),
]


@pytest.mark.parametrize(("name", "expected"), NAMES)
def test_safe_name(name, expected):
    assert safe_name(name) == expected


@pytest.mark.parametrize("name", [n for n, _ in NAMES] + ["x" * 1000, "ả" * 300, "a/" * 500])
def test_output_path_stays_in_folder(tmp_path, name):
    p = output_path(tmp_path, name, ".json")
    assert p.parent == tmp_path.resolve()
    assert p.name.endswith(".json") and not p.name.startswith(".")
    assert len(p.name.encode("utf-8")) <= 255


def test_output_path_ignores_a_strange_suffix(tmp_path):
    assert output_path(tmp_path, "x", "/../../y").parent == tmp_path.resolve()


# --- writes ----------------------------------------------------------------


def test_atomic_write_replaces_whole_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "out" / "r.json"
    atomic_write_text(target, "old")
    atomic_write_text(target, "new ✓")
    assert target.read_text(encoding="utf-8") == "new ✓"
    assert [p.name for p in target.parent.iterdir()] == ["r.json"]


def test_failed_write_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "r.json"
    atomic_write_text(target, "old")

    def boom(*a, **k):
        raise OSError("disk full")

    monkeypatch.setattr("nq_extract.io.os.replace", boom)
    with pytest.raises(OSError):
        atomic_write_text(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["r.json"]


def test_cli_never_overwrites_its_input(tmp_path, seed_path):
    src = tmp_path / "r.txt"
    src.write_bytes(seed_path.read_bytes())
    before = src.read_bytes()
    for out in (src, tmp_path / "." / "r.txt"):
        r = subprocess.run(
            [sys.executable, "-m", "nq_extract", "parse", str(src), "-o", str(out)], capture_output=True, text=True, timeout=60
        )
        assert r.returncode == 2 and r.stderr.count("\n") == 1 and "input" in r.stderr
    assert src.read_bytes() == before
    r = subprocess.run(
        [sys.executable, "-m", "nq_extract", "parse", str(src), "-o", str(tmp_path / "r.json")], capture_output=True, text=True, timeout=60
    )
    assert r.returncode == 0 and (tmp_path / "r.json").exists()
    assert src.read_bytes() == before


def test_json_is_utf8_whatever_the_path(tmp_path):
    raw = bytes(tmp_path) + b"/bad\xff\xfename.txt"
    Path(raw.decode("utf-8", "surrogateescape")).write_bytes("Số 1 ngày 2/3/2020".encode())
    report = nq_extract.parse(Path(raw.decode("utf-8", "surrogateescape")))
    assert report.source.status == "ok"
    assert "\ufffd" in report.source.path
    report.to_json().encode("utf-8")


def test_time_limit_in_a_thread_stops_between_stages():
    import types

    slow = types.ModuleType("nq_extract_test_slow_stage")
    slow.run = lambda ctx: _spin(0.3)  # type: ignore[attr-defined]
    sys.modules[slow.__name__] = slow
    out: list[nq_extract.Report] = []
    try:
        t = threading.Thread(target=lambda: out.append(nq_extract.parse_text("Số 1", timeout=0.1, stages=[slow.__name__] * 20)))
        t.start()
        t.join(30)
    finally:
        del sys.modules[slow.__name__]
    assert out and out[0].source.status == "timeout"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_endless_device_is_too_large_not_out_of_memory(monkeypatch):
    monkeypatch.setattr("nq_extract.load.MAX_BYTES", 1 << 20)
    report = nq_extract.parse(Path("/dev/zero"))
    assert report.source.status == "too_large", report.source.message


def test_a_pipe_is_read(tmp_path):
    r = subprocess.run(
        [sys.executable, "-m", "nq_extract", "parse", "/dev/stdin", "--format", "summary"],
        input="Thực hiện Kế hoạch số 216-KH/TU ngày 28/11/2023.",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 0 and "216-KH/TU" in r.stdout, r.stderr
