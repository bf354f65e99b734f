"""``nq-extract batch`` (to be built)."""

from __future__ import annotations

import argparse


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+")
    p.add_argument("-o", "--output", required=True)
    p.add_argument("--workers", type=int, default=None)


def main(args: argparse.Namespace) -> int:
    raise NotImplementedError("batch is not built yet")
