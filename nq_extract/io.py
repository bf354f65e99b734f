"""Files written so that a crash never leaves half of one behind, under names that stay in their folder."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import unicodedata
from pathlib import Path


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` via a temporary file and a rename."""
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    _sync_dir(path.parent)


def _sync_dir(folder: Path) -> None:
    """Make the rename itself durable (POSIX; a no-op where directories cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


_UNSAFE = re.compile(r"[^\w\-.]+")
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
MAX_NAME_BYTES = 200


def safe_name(name: str, default: str = "document") -> str:
    """A file name made from any string (a document id, a title, a path) that stays one plain name.

    Separators, ``..``, control and other unsafe characters become ``_``;
    Vietnamese letters are kept (NFC); the result never starts with a dot,
    is never a reserved device name, and fits in ``MAX_NAME_BYTES`` of UTF-8.
    """
    name = unicodedata.normalize("NFC", name[: 4 * MAX_NAME_BYTES])
    name = _UNSAFE.sub("_", name).strip("._-")
    name = re.sub(r"\.{2,}", ".", name)
    name = name.encode("utf-8")[:MAX_NAME_BYTES].decode("utf-8", "ignore")
    name = name.rstrip("._-")
    if not name or name.split(".")[0].lower() in _RESERVED:
        name = f"{default}_{name}" if name else default
    return name


def output_path(folder: str | os.PathLike[str], name: str, suffix: str = "") -> Path:
    """``folder / safe_name(name) + suffix``, checked to lie directly inside ``folder``.

    Raises ``ValueError`` if, for any reason, the result would leave the folder.
    """
    base = Path(folder).resolve()
    safe_suffix = suffix if re.fullmatch(r"(?:\.[A-Za-z0-9]{1,10}){0,2}", suffix) else ""
    path = base / (safe_name(name) + safe_suffix)
    if path.parent != base or path.name in ("", ".", ".."):
        raise ValueError(f"output name escapes the output folder: {name!r}")
    return path
