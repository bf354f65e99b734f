"""``nq-extract eval GOLD_DIR [--json] [--variant text|original] [--total-only] [--errors [FIELD,...]]``."""

from __future__ import annotations

import argparse
import json
import sys


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("gold", help="a gold folder (one document) or a folder of them, e.g. corpora/gold")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument("--variant", default="text", help="which source of each document to read: text (default) or original")
    p.add_argument("--total-only", action="store_true", help="print only the totals")
    p.add_argument(
        "--errors",
        nargs="?",
        const="",
        metavar="FIELD,...",
        help="also list each document's missed and spurious items (of these fields; default all), to review gold or rules",
    )


def main(args: argparse.Namespace) -> int:
    from .run import evaluate_dir, format_errors, format_table

    result = evaluate_dir(args.gold, variant=args.variant)
    if args.json:
        sys.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(format_table(result, per_doc=not args.total_only) + "\n")
        if args.errors is not None:
            fields = [f for f in args.errors.split(",") if f] or None
            sys.stdout.write(format_errors(result, fields) + "\n")
    return 0
