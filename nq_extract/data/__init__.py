"""Reference data shipped with the package, read once and cached.

Each file is versioned JSON with an ``_about`` line saying what it holds and
where it comes from. Patterns are built from these files, never the reverse.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> Any:
    """The parsed contents of data file ``name`` (e.g. ``"document_kinds.json"``)."""
    with resources.files(__package__).joinpath(name).open("r", encoding="utf-8") as f:
        return json.load(f)


def document_kinds() -> list[dict[str, Any]]:
    return list(load("document_kinds.json")["kinds"])


def casing_phrases() -> list[str]:
    return list(load("casing.json")["phrases"])
