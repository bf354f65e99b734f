"""Shared fixtures: the seed report, the dev corpus beside the project (skipped when absent)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpora" / "seed" / "000_52b61e05002b0fc6.txt"
SHARED = Path(os.environ.get("NQ_EXTRACT_SHARED", ROOT.parent / "shared"))
DEV = SHARED / "corpus" / "dev"
GOLD = ROOT / "corpora" / "gold"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def seed_report():
    import nq_extract

    return nq_extract.parse(SEED)


def dev_texts() -> list[Path]:
    if not DEV.exists():
        return []
    return sorted(DEV.glob("*/text.txt"))


def need_dev() -> None:
    if not DEV.exists():
        pytest.skip(f"dev corpus not found at {DEV} (set NQ_EXTRACT_SHARED)")
