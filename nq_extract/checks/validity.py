"""``nq-extract validate`` (to be built)."""

from __future__ import annotations

import argparse


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("gold", nargs="?", default="corpora/gold")


def main(args: argparse.Namespace) -> int:
    raise NotImplementedError("validate is not built yet")
