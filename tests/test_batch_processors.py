"""Processors for the batch tests: documents that hang, explode, crash or go slowly.

They stand in for ``nq_extract.pipeline.process_path`` (``processor=`` of the
batch runner); which misbehaviour happens is decided by the file's name.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path
from typing import Any

from nq_extract.pipeline import process_path


def misbehave(path: str, **options: Any) -> Any:
    name = Path(path).stem
    if name.startswith("hang_python"):
        while True:  # a pure-Python endless loop: the watchdog interrupts it
            sum(range(1000))
    if name.startswith("hang_c"):
        time.sleep(3600)  # stuck inside C: only killing the worker ends it
    if name.startswith("explode"):
        hoard = []
        while True:  # grows until the memory cap stops it
            hoard.append(b"x" * (8 * 1024 * 1024))
    if name.startswith("crash_always"):
        os.kill(os.getpid(), signal.SIGKILL)  # as the kernel OOM killer would
    if name.startswith("crash_once"):
        marker = Path(path).with_suffix(".crashed")
        if not marker.exists():
            marker.write_text("x")
            os.kill(os.getpid(), signal.SIGKILL)
    return process_path(path, **options)


def slow(path: str, **options: Any) -> Any:
    time.sleep(0.05)
    return process_path(path, **options)


def die_at_start(*args: Any) -> None:
    """A worker process that exits before it is ready (as one whose imports fail would)."""
    os._exit(3)


def test_processors_are_importable() -> None:
    assert callable(misbehave) and callable(slow)
