"""Command line: ``nq-extract parse|batch|eval|validate|schema``.

Every failure is one line on stderr and a non-zero exit status; a traceback
only with ``--debug``.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path
from typing import Any

from .version import __version__

# subcommand -> module with add_arguments(parser) and main(args) -> int
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "batch": ("nq_extract.batch.cli", "parse a folder of reports in parallel, resumably"),
    "eval": ("nq_extract.evaluate.cli", "precision, recall and F1 per field on gold annotations"),
    "validate": ("nq_extract.checks.validity", "validity study of the check engine (one figure changed at a time)"),
}


def _add_parse(sub: Any) -> None:
    p = sub.add_parser("parse", help="parse one report and print or write the result")
    p.add_argument("file", help="a PDF, DOCX, Markdown or text file")
    p.add_argument("--format", "-f", choices=("json", "summary", "html"), default="json")
    p.add_argument("--with-text", action="store_true", help="include the normalized text under 'text'")
    p.add_argument("-o", "--output", help="write here instead of standard output")
    p.add_argument("--pdf-backend", choices=("pdfium", "pdfplumber"), default=None)
    p.add_argument("--password", default=None, help="password of an encrypted PDF")
    p.add_argument("--no-ocr", action="store_true", help="never run OCR on pages without text")
    p.add_argument("--timeout", type=float, default=None, help="give up on the document after this many seconds")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="nq-extract", description="Structured, checkable data from Vietnamese party and state reports.")
    parser.add_argument("--version", action="version", version=f"nq-extract {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    sub = parser.add_subparsers(dest="command", required=True)
    _add_parse(sub)
    for name, (module, help_text) in SUBCOMMANDS.items():
        p = sub.add_parser(name, help=help_text)
        importlib.import_module(module).add_arguments(p)
    sub.add_parser("schema", help="print the JSON Schema of the output")
    return parser


def _write(text: str, output: str | None) -> None:
    if output:
        from .io import atomic_write_text

        atomic_write_text(Path(output), text)
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


def _same_file(a: str, b: str) -> bool:
    """Would writing ``b`` replace the input ``a``? (an input is never overwritten)"""
    try:
        return Path(a).resolve() == Path(b).resolve() or (Path(b).exists() and Path(a).samefile(b))
    except OSError:
        return False


def cmd_parse(args: argparse.Namespace) -> int:
    from . import parse

    options: dict[str, Any] = {}
    if args.pdf_backend:
        options["pdf_backend"] = args.pdf_backend
    if args.password:
        options["password"] = args.password
    if args.no_ocr:
        options["ocr"] = False
    if args.timeout:
        options["timeout"] = args.timeout
    if args.debug:
        options["errors"] = "raise"
    if args.output and _same_file(args.file, args.output):
        print(f"nq-extract: refusing to overwrite the input file: {args.output}", file=sys.stderr)
        return 2
    report = parse(Path(args.file), **options)
    if report.source.status in ("not_found", "unreadable"):
        print(f"nq-extract: {report.source.message}", file=sys.stderr)
        return 2
    if args.format == "json":
        _write(report.to_json(with_text=args.with_text), args.output)
    elif args.format == "summary":
        _write(report.summary(), args.output)
    else:
        _write(report.to_html(), args.output)
    if report.source.status != "ok":
        print(f"nq-extract: {args.file}: {report.source.status}: {report.source.message}", file=sys.stderr)
        return 1
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    from .schema import schema_text

    sys.stdout.write(schema_text())
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "parse":
            return cmd_parse(args)
        if args.command == "schema":
            return cmd_schema(args)
        module = importlib.import_module(SUBCOMMANDS[args.command][0])
        return int(module.main(args) or 0)
    except KeyboardInterrupt:
        print("nq-extract: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as err:  # noqa: BLE001 - one line, not a traceback
        if args.debug:
            raise
        print(f"nq-extract: {type(err).__name__}: {err}", file=sys.stderr)
        return 1
