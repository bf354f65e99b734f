"""``nq-extract batch INPUT... -o OUT``: parse a folder of reports in parallel, resumably."""

from __future__ import annotations

import argparse
import json
import sys


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", help="files, folders (recursive), or text files listing paths (one a line; @FILE forces it)")
    p.add_argument("-o", "--output", required=True, help="output folder: results.jsonl, tables/, corpus.sqlite")
    p.add_argument("--workers", type=int, default=None, help="worker processes (default: the machine's cores)")
    p.add_argument("--force", action="store_true", help="redo every document, even those the ledger says are done")
    p.add_argument("--redo", metavar="STATUS,...", default="", help="redo documents recorded with these statuses (e.g. timeout,crashed)")
    p.add_argument("--dask", metavar="ADDRESS", default=None, help="run on a dask.distributed scheduler (tcp://host:8786), or 'local'")
    p.add_argument("--ship-bytes", action="store_true", help="with --dask: send file contents to the workers (no shared filesystem)")
    p.add_argument("--timeout", type=float, default=300.0, help="per-document time limit in seconds (default 300; 0: none)")
    p.add_argument("--max-memory", type=int, default=2048, help="per-worker memory cap in MB (default 2048; 0: none)")
    p.add_argument("--with-text", action="store_true", help="include the normalized text in each line of results.jsonl")
    p.add_argument("--html", action="store_true", help="write a review page per document in OUT/html/ (linked from OUT/index.html)")
    p.add_argument("--tables", default="parquet,csv", help="table files to write: parquet,csv (or 'none'); SQLite is always written")
    p.add_argument("--pdf-backend", choices=("pdfium", "pdfplumber"), default=None)
    p.add_argument("--no-ocr", action="store_true", help="never run OCR on pages without text")
    p.add_argument("--quiet", "-q", action="store_true", help="no progress bar and no summary")
    p.add_argument("--processor", default=None, help=argparse.SUPPRESS)  # MODULE:FUNCTION(path, **options) -> Report
    p.add_argument("--json-summary", action="store_true", help="print the final summary as JSON on standard output")


def main(args: argparse.Namespace) -> int:
    from pathlib import Path

    from ..io import atomic_write_text
    from .ledger import Ledger, run_version
    from .progress import Progress
    from .runner import run_batch
    from .summary import render, summarize
    from .worker import DEFAULT_PROCESSOR, Limits

    options: dict[str, object] = {}
    if args.pdf_backend:
        options["pdf_backend"] = args.pdf_backend
    if args.no_ocr:
        options["ocr"] = False
    limits = Limits(seconds=args.timeout or None, memory_mb=args.max_memory or None)
    formats = tuple(f for f in args.tables.split(",") if f and f != "none")
    bad = set(formats) - {"parquet", "csv"}
    if bad:
        print(f"nq-extract: unknown table format: {', '.join(sorted(bad))}", file=sys.stderr)
        return 2
    progress = None if args.quiet or args.json_summary else Progress()
    stats = run_batch(
        args.inputs,
        args.output,
        workers=args.workers,
        force=args.force,
        redo=[x.strip() for x in args.redo.split(",") if x.strip()],
        dask=args.dask,
        options=options,
        limits=limits,
        with_text=args.with_text,
        ship_bytes=args.ship_bytes,
        html=args.html,
        processor=args.processor or DEFAULT_PROCESSOR,
        formats=formats,
        progress=progress,
    )
    ledger = Ledger(args.output, version=run_version(options))
    try:
        summary = summarize(ledger.db, ledger.version)
    finally:
        ledger.close()
    summary["run"] = {
        "inputs": stats.inputs,
        "processed": stats.done,
        "already_done": stats.skipped,
        "duplicates": stats.duplicates,
        "seconds": round(stats.wall, 3),
        "pages": stats.pages,
    }
    atomic_write_text(Path(args.output) / "summary.json", json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
    if args.json_summary:
        sys.stdout.write(json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
    elif not args.quiet:
        render(summary, stats)
    return 0
