"""Legacy Vietnamese font encodings (TCVN3/ABC, VNI): detection and conversion to Unicode."""

from __future__ import annotations

from typing import Any


def repair_pages(pages: list[Any]) -> str | None:
    return None
