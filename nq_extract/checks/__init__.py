"""The check engine: numeric relations stated in a report, and whether they agree."""

from __future__ import annotations

from ..context import Context


def run(ctx: Context) -> None:
    return None
