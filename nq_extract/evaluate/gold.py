"""Reading gold annotations: one folder per document, one file per field."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FIELDS = ("references", "dates", "quantities", "ratios", "percentages", "units", "people", "footnotes", "checks", "document")


@dataclass
class GoldDoc:
    name: str
    folder: Path
    sources: dict[str, str]
    fields: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)

    def source_path(self, variant: str = "text") -> Path | None:
        raw = self.sources.get(variant)
        if raw is None:
            return None
        return resolve(raw, self.folder)


def project_root(start: Path) -> Path:
    for p in [start, *start.parents]:
        if (p / "pyproject.toml").exists():
            return p
    return start


def shared_dir(start: Path) -> Path:
    env = os.environ.get("NQ_EXTRACT_SHARED")
    if env:
        return Path(env)
    return project_root(start.resolve()).parent / "shared"


def resolve(raw: str, folder: Path) -> Path:
    """``shared:corpus/dev/x/text.txt`` -> beside the project; other paths relative to the gold folder."""
    if raw.startswith("shared:"):
        return shared_dir(folder) / raw[len("shared:") :]
    p = Path(raw)
    return p if p.is_absolute() else (folder / p).resolve()


def load_doc(folder: Path) -> GoldDoc:
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    sources = meta.get("sources") or {"text": meta["source"]}
    doc = GoldDoc(name=folder.name, folder=folder, sources=sources, meta=meta)
    for name in FIELDS:
        f = folder / f"{name}.json"
        if f.exists():
            raw = json.loads(f.read_text(encoding="utf-8"))
            items = raw["items"] if isinstance(raw, dict) and "items" in raw else raw
            doc.fields[name] = items if isinstance(items, list) else [items]
    return doc


def load_dir(root: Path) -> list[GoldDoc]:
    root = Path(root)
    if (root / "meta.json").exists():
        return [load_doc(root)]
    return [load_doc(p) for p in sorted(root.iterdir()) if (p / "meta.json").exists()]
