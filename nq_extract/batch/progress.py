"""A rich progress bar: documents, documents/s, pages/s, ETA.

Refreshed by hand from the parent's loop (``auto_refresh=False``) so that no
thread is added to the parent (nor to a notebook running parse_many).
"""

from __future__ import annotations

import time
from typing import Any


class Progress:
    log_interval = 30.0  # seconds between plain log lines when the output is not a terminal

    def __init__(self, console: Any = None, min_interval: float = 0.2) -> None:
        self.console = console
        self.min_interval = min_interval
        self._bar: Any = None
        self._task: Any = None
        self._t0 = 0.0
        self._last = 0.0
        self._last_log = 0.0
        self._total = 0
        self.done = 0
        self.pages = 0
        self.failed = 0

    def planning(self, inputs: int) -> None:
        """Say what happens before the bar: every input is read once for its content hash (cached for re-runs)."""
        from rich.console import Console

        if inputs > 1000:
            console = self.console or Console(stderr=True)
            console.print(f"hashing {inputs} inputs to find what is already done (cached by path, size and mtime for re-runs)")

    def start(self, stats: Any) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn
        from rich.progress import Progress as RichProgress

        console = self.console or Console(stderr=True)
        self._bar = RichProgress(
            TextColumn("[bold]batch"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=console,
            auto_refresh=False,
            transient=False,
        )
        self._bar.start()
        self._task = self._bar.add_task("batch", total=stats.todo, rate="")
        self._total = stats.todo
        if stats.skipped:
            console.print(f"skipping {stats.skipped} documents already done (ledger)")
        self._t0 = time.monotonic()

    def advance(self, outcome: Any) -> None:
        self.done += 1
        self.pages += outcome.pages
        if outcome.status != "ok":
            self.failed += 1
        self._bar.advance(self._task)
        self.refresh()

    def rates(self) -> tuple[float, float]:
        dt = max(time.monotonic() - self._t0, 1e-9)
        return self.done / dt, self.pages / dt

    def refresh(self, force: bool = False) -> None:
        now = time.monotonic()
        if self._bar is None or (not force and now - self._last < self.min_interval):
            return
        self._last = now
        docs, pages = self.rates()
        note = f" · {self.failed} not ok" if self.failed else ""
        self._bar.update(self._task, rate=f"{docs:.1f} docs/s · {pages:.1f} pages/s{note}")
        self._bar.refresh()
        if not self._bar.console.is_terminal and (force or now - self._last_log >= self.log_interval):
            self._last_log = now
            left = (self._total - self.done) / docs if docs else float("inf")
            eta = f"{left / 60:.0f} min" if left != float("inf") else "?"
            self._bar.console.print(f"{self.done}/{self._total} documents, {docs:.1f} docs/s, {pages:.1f} pages/s{note}, ETA {eta}")

    def stop(self) -> None:
        if self._bar is not None:
            self.refresh(force=True)
            self._bar.stop()
            self._bar = None
