"""The bad-inputs corpus: each file gives its status, exit code and one line on stderr.

Through the API (``parse(path)`` and ``parse(bytes)``) and the CLI. The files are
made by ``tests/badinputs/make_badinputs.py``.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

import nq_extract
from tests.badinputs.make_badinputs import PASSWORD, SAMPLE
from tests.helpers import assert_valid

BAD = Path(__file__).resolve().parent / "badinputs"

# file, expected status, exit code, a phrase the text must hold (ok files)
CASES = [
    ("empty.txt", "empty_text", 1, None),
    ("random_bytes.bin", "undecodable", 1, None),
    ("nul_bytes.txt", "undecodable", 1, None),
    ("random_behind_pdf_header.pdf", "bad_pdf", 1, None),
    ("truncated.pdf", "bad_pdf", 1, None),
    ("encrypted.pdf", "encrypted", 1, None),
    ("blank_page.pdf", "empty_text", 1, None),
    ("utf16_bom.txt", "ok", 0, "Toàn huyện có 2.443/2.538 đảng viên"),
    ("windows1258.txt", "ok", 0, "Kết quả thực hiện Nghị quyết số 42-NQ/TW"),
    ("zip_of_junk.docx", "bad_docx", 1, None),
]
NAMES = [c.values[0] if hasattr(c, "values") else c[0] for c in CASES]
OPTIONS = {"ocr": False}  # a blank page is empty text; OCR of it would only cost time


def _digests() -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(BAD.iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def cli_runs():
    """Every file through ``nq-extract parse``, two at a time (start-up dominates)."""
    before = _digests()
    runs: dict[str, subprocess.CompletedProcess[str]] = {}
    jobs = [(name, [sys.executable, "-m", "nq_extract", "parse", str(BAD / name), "--no-ocr", "--with-text"]) for name in NAMES]
    jobs.append(("encrypted.pdf+password", [*jobs[NAMES.index("encrypted.pdf")][1], "--password", PASSWORD]))
    for i in range(0, len(jobs), 2):
        procs = [
            (name, cmd, subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)) for name, cmd in jobs[i : i + 2]
        ]
        for name, cmd, p in procs:
            out, err = p.communicate(timeout=120)
            runs[name] = subprocess.CompletedProcess(cmd, p.returncode, out, err)
    assert _digests() == before, "an input file was modified"
    return runs


def _check_message(status: str, message: str | None) -> None:
    if status == "ok":
        return
    assert message and message.strip(), "a failed document needs a message"
    assert "\n" not in message and "Traceback" not in message


@pytest.mark.parametrize(("name", "status", "code", "phrase"), CASES)
def test_api_path(name, status, code, phrase):
    report = nq_extract.parse(BAD / name, **OPTIONS)
    assert report.source.status == status, report.source.message
    _check_message(status, report.source.message)
    assert_valid(report)
    if phrase:
        assert phrase in (report.text or "")
        assert unicodedata.is_normalized("NFC", report.text or "")


@pytest.mark.parametrize(("name", "status", "code", "phrase"), CASES)
def test_api_bytes(name, status, code, phrase):
    report = nq_extract.parse((BAD / name).read_bytes(), name=name, **OPTIONS)
    assert report.source.status == status, report.source.message
    _check_message(status, report.source.message)
    assert_valid(report)


@pytest.mark.parametrize(("name", "status", "code", "phrase"), CASES)
def test_cli(cli_runs, name, status, code, phrase):
    r = cli_runs[name]
    assert r.returncode == code, r.stderr
    assert "Traceback" not in r.stderr
    if status == "ok":
        assert r.stderr == ""
    else:
        assert r.stderr.count("\n") == 1 and r.stderr.endswith("\n"), r.stderr
        assert r.stderr.startswith("nq-extract: ") and f": {status}: " in r.stderr, r.stderr
    data = json.loads(r.stdout)
    assert data["source"]["status"] == status
    if phrase:
        assert phrase in data["text"]


def test_windows1258_is_decoded_and_composed():
    report = nq_extract.parse(BAD / "windows1258.txt")
    assert report.source.encoding == "cp1258"
    assert report.text == unicodedata.normalize("NFC", SAMPLE).strip()


def test_encrypted_pdf_opens_with_its_password(cli_runs):
    report = nq_extract.parse(BAD / "encrypted.pdf", password=PASSWORD, **OPTIONS)
    assert report.source.status == "ok", report.source.message
    assert "2.443/2.538" in (report.text or "")
    r = cli_runs["encrypted.pdf+password"]
    assert r.returncode == 0 and r.stderr == "", r.stderr


def test_page_limit():
    report = nq_extract.parse(BAD / "two_pages.pdf", max_pages=1, **OPTIONS)
    assert report.source.status == "too_large"
    _check_message("too_large", report.source.message)
    assert nq_extract.parse(BAD / "two_pages.pdf", **OPTIONS).source.status == "ok"


def test_docx_part_declaring_4gb_is_refused_before_inflating():
    report = nq_extract.parse(BAD / "docx_declares_4gb.docx")
    assert report.source.status == "too_large", report.source.status
    _check_message("too_large", report.source.message)


@pytest.mark.parametrize(("name", "status"), [("missing.txt", "not_found"), (".", "unreadable")])
def test_paths_that_are_not_files(name, status):
    report = nq_extract.parse(Path(BAD / name))
    assert report.source.status == status
    _check_message(status, report.source.message)
