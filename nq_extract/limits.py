"""Per-document limits: a time limit that ends one document, never the program.

:func:`time_limit` raises :class:`~nq_extract.errors.Timeout` inside the work it
guards once ``seconds`` have passed. In the main thread of a POSIX process it
uses ``SIGALRM`` (a regular expression that runs away is interrupted too, since
the regex engine checks for signals); an alarm already set by the caller (for
example a test runner's own time limit) is kept and re-armed afterwards. Where
signals cannot be used (other threads, Windows) the guard falls back to
:func:`check`, which long loops may call between steps.
"""

from __future__ import annotations

import contextlib
import signal
import threading
import time
from collections.abc import Iterator
from typing import Any

from .errors import Timeout

_local = threading.local()


def _deadline() -> float | None:
    return getattr(_local, "deadline", None)


def check() -> None:
    """Raise ``Timeout`` when the current document's time is up (cheap; call from long loops)."""
    deadline = _deadline()
    if deadline is not None and time.monotonic() >= deadline:
        raise Timeout(f"gave up after {_local.seconds:g} s (time limit)")


def _can_signal() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise ``Timeout`` in the guarded block after ``seconds`` (``None`` or <= 0: no limit)."""
    if seconds is None or seconds <= 0:
        yield
        return
    outer = _deadline()
    start = time.monotonic()
    deadline = start + float(seconds)
    if outer is not None and outer < deadline:
        yield  # an enclosing, shorter limit already guards this block
        return
    _local.deadline, _local.seconds = deadline, float(seconds)
    if not _can_signal():
        try:
            yield
        finally:
            _local.deadline = outer
        return

    previous = signal.getsignal(signal.SIGALRM)
    old_delay, old_interval = signal.getitimer(signal.ITIMER_REAL)
    outer_alarm = start + old_delay if old_delay > 0 else None

    done = False
    fired: list[float] = []

    def on_alarm(signum: int, frame: Any) -> None:
        if done:
            return
        now = time.monotonic()
        if now >= deadline - 0.001:
            signal.setitimer(signal.ITIMER_REAL, 0.05)  # again, should a broad ``except`` swallow it
            raise Timeout(f"gave up after {seconds:g} s (time limit)")
        if outer_alarm is not None and now >= outer_alarm - 0.001 and not fired:
            fired.append(now)
            if callable(previous):
                previous(signum, frame)  # the caller's own alarm came first
        signal.setitimer(signal.ITIMER_REAL, max(deadline - now, 0.001))

    signal.signal(signal.SIGALRM, on_alarm)
    first = min(deadline, outer_alarm) if outer_alarm is not None else deadline
    signal.setitimer(signal.ITIMER_REAL, max(first - start, 0.001))
    try:
        yield
    finally:
        done = True
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        _local.deadline = outer
        if outer_alarm is not None and (not fired or old_interval > 0):
            signal.setitimer(signal.ITIMER_REAL, max(outer_alarm - time.monotonic(), 0.001), old_interval)
