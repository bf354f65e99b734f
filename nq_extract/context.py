"""What a pipeline stage sees: the document, its segments, the report so far."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .document import Document
from .models import Report, Span, Warning_
from .segment import Segments


@dataclass
class Context:
    doc: Document
    seg: Segments
    report: Report
    options: dict[str, Any] = field(default_factory=dict)

    def span(self, start: int, end: int) -> Span:
        return self.doc.span(start, end)

    def warn(self, code: str, message: str, start: int | None = None, end: int | None = None) -> None:
        span = self.doc.span(start, end) if start is not None and end is not None else None
        self.report.warnings.append(Warning_(code=code, message=message, span=span))
