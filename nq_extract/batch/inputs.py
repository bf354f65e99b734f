"""What to process: files, folders (recursive) and lists of paths, in a stable order."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

# files taken from folders; a file named on the command line is always taken
SUFFIXES = {".txt", ".text", ".md", ".markdown", ".pdf", ".docx", ".html", ".htm", ".png", ".jpg", ".jpeg", ".tif", ".tiff"}
LIST_SUFFIXES = {".lst", ".list", ".paths"}


def _is_list(path: Path) -> bool:
    """A path list: named ``@FILE`` or ``*.lst``, or a small text file whose every line is an existing path."""
    if path.suffix.lower() in LIST_SUFFIXES:
        return True
    if path.suffix.lower() not in ("", ".txt") or path.stat().st_size > 8_000_000:
        return False
    try:
        with open(path, encoding="utf-8") as f:
            head = [line.strip() for _, line in zip(range(50), f)]
    except (UnicodeDecodeError, OSError):
        return False
    lines = [x for x in head if x and not x.startswith("#")]
    return bool(lines) and all(_resolve(x, path.parent).exists() for x in lines)


def _resolve(entry: str, base: Path) -> Path:
    p = Path(entry).expanduser()
    if p.is_absolute() or p.exists():
        return p
    return base / p


def _walk(folder: Path, skip: Path | None) -> Iterator[str]:
    """Document files under ``folder``, sorted, hidden ones and ``skip`` left out (plain strings: an
    archive's folder may hold hundreds of thousands of files)."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and (skip is None or Path(root, d).resolve() != skip))
        for name in sorted(files):
            if not name.startswith(".") and os.path.splitext(name)[1].lower() in SUFFIXES:
                yield os.path.join(root, name)


def expand(inputs: Iterable[str | os.PathLike[str]], skip: str | os.PathLike[str] | None = None) -> list[str]:
    """Every document path named by ``inputs``, once each, in order of mention (folders sorted).

    A missing path is kept: it becomes a ``not_found`` document, not an error of the run.
    ``skip`` (the output folder) is never descended into.
    """
    skip_p = Path(skip).resolve() if skip else None
    seen: set[str] = set()
    out: list[str] = []

    def add(p: Path | str) -> None:
        s = str(p)
        if s not in seen:
            seen.add(s)
            out.append(s)

    for item in inputs:
        text = str(item)
        explicit_list = text.startswith("@")
        p = Path(text[1:] if explicit_list else text)
        if p.is_dir():
            for found in _walk(p, skip_p):
                add(found)
        elif p.is_file() and (explicit_list or _is_list(p)):
            with open(p, encoding="utf-8") as listing:
                for line in listing:
                    entry = line.strip()
                    if entry and not entry.startswith("#"):
                        q = _resolve(entry, p.parent)
                        if q.is_dir():
                            for g in _walk(q, skip_p):
                                add(g)
                        else:
                            add(q)
        else:
            add(p)
    return out
