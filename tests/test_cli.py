"""The command line: exit codes, one-line errors, JSON with text."""

from __future__ import annotations

import json
import subprocess
import sys

from nq_extract.schema import validate


def run(*args: str):
    return subprocess.run([sys.executable, "-m", "nq_extract", *args], capture_output=True, text=True, timeout=120)


def test_parse_seed_json_with_text(seed_path):
    r = run("parse", str(seed_path), "--format", "json", "--with-text")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    validate(data)
    assert len(data["footnotes"]) == 4
    assert data["document"]["signer"]["name"] == "Cao Trang Trọng"
    assert "Nghị quyết số 42-NQ/TW, Nghị quyết số 43-NQ/TW tới" in data["text"]


def test_missing_file_is_one_line(tmp_path):
    r = run("parse", str(tmp_path / "nope.txt"))
    assert r.returncode == 2
    assert r.stderr.count("\n") == 1 and "not found" in r.stderr
    assert "Traceback" not in r.stderr


def test_undecodable_file(tmp_path):
    p = tmp_path / "junk.txt"
    p.write_bytes(bytes(range(256)) * 40)
    r = run("parse", str(p))
    assert r.returncode == 1
    assert r.stderr.count("\n") == 1 and "undecodable" in r.stderr
    assert json.loads(r.stdout)["source"]["status"] == "undecodable"


def test_unsupported_format(tmp_path):
    p = tmp_path / "bang-tinh.xlsx"
    p.write_bytes(b"\0" * 100)
    r = run("parse", str(p))
    assert r.returncode == 1 and "unsupported" in r.stderr


def test_a_broken_image_is_a_one_line_error(tmp_path):
    p = tmp_path / "scan.png"
    p.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    r = run("parse", str(p))
    assert r.returncode == 1 and "image" in r.stderr and "Traceback" not in r.stderr


def test_summary(seed_path):
    r = run("parse", str(seed_path), "--format", "summary")
    assert r.returncode == 0
    assert "references" in r.stdout and "checks" in r.stdout
