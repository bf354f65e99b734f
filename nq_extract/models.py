"""Typed models of the public output contract (v1).

Every key named in CONTRACT.md lives here, once. Extractors build these
models; exporters serialise them; the JSON Schema shipped in
``nq_extract/schema/report.schema.json`` is generated from :class:`Report`.
Keys may be added (minor version bump); never renamed or removed.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from .version import SCHEMA_VERSION

Grain = Literal["day", "month", "quarter", "year"]
CheckStatus = Literal["consistent", "inconsistent", "unverifiable"]
SourceFormat = Literal["pdf", "text", "docx", "markdown", "html", "image"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class Span(_Model):
    """A stretch of the normalized text: ``text[start:end] == span.text``."""

    start: int
    end: int
    text: str
    page: int | None = None
    bbox: list[float] | None = None


class Source(_Model):
    path: str | None = None
    sha256: str | None = None
    format: SourceFormat = "text"
    pages: int | None = None
    ocr: bool = False
    encoding_repaired: str | None = None
    status: str = "ok"
    message: str | None = None
    encoding: str | None = None


class Signer(_Model):
    name: str
    position: str | None = None
    on_behalf_of: str | None = None
    capacity: str | None = None
    span: Span | None = None


class DocumentHeader(_Model):
    kind: str | None = None
    id: str | None = None
    issuer: str | None = None
    place: str | None = None
    date: str | None = None
    title: str | None = None
    signer: Signer | None = None
    recipients: list[str] = Field(default_factory=list)


class Reference(_Model):
    id: str
    kind: str | None = None
    number: str | None = None
    symbol: str | None = None
    year: int | None = None
    issuer: str | None = None
    date: str | None = None
    title: str | None = None
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Span] = Field(default_factory=list)
    members: list[str] | None = None
    issuing_body: str | None = None
    pinpoints: list[str] = Field(default_factory=list)
    catalogue: bool = False


class DateItem(_Model):
    value: str
    grain: Grain
    text: str
    span: Span
    end: str | None = None
    role: str | None = None


class Quantity(_Model):
    value: float | int
    unit: str | None = None
    subject: str | None = None
    approx: bool = False
    text: str
    span: Span
    written: str | None = None
    actor: str | None = None
    end_value: float | int | None = None


class Ratio(_Model):
    numerator: float | int
    denominator: float | int
    percent: float | None = None
    text: str
    span: Span
    unit: str | None = None
    subject: str | None = None


class Percentage(_Model):
    value: float
    text: str
    span: Span
    approx: bool = False


class Unit(_Model):
    name: str
    canonical: str | None = None
    kind: str
    level: str | None = None
    admin_code: str | None = None
    match_score: float | None = None
    mentions: list[Span] = Field(default_factory=list)
    written: list[str] = Field(default_factory=list)


class Person(_Model):
    name: str
    position: str | None = None
    span: Span


class Footnote(_Model):
    marker: str
    text: str
    span: Span
    anchors: list[Span] = Field(default_factory=list)


class Operand(_Model):
    value: float | int | None
    role: str
    span: Span | None = None
    written: str | None = None


class Check(_Model):
    kind: str
    status: CheckStatus
    stated: float | int | str | None = None
    computed: float | int | str | None = None
    tolerance: float | None = None
    message: str
    operands: list[Operand] = Field(default_factory=list)
    message_en: str | None = None
    finding: str | None = None
    approx: bool = False


class Coverage(_Model):
    numeric_claims: int = 0
    checked: int = 0


class Warning_(_Model):
    code: str
    message: str
    span: Span | None = None


class Table(_Model):
    """A table of the document: rows of cell texts, with the span of each cell."""

    rows: list[list[str]]
    cells: list[list[Span | None]] = Field(default_factory=list)
    page: int | None = None


class Report(_Model):
    schema_version: str = SCHEMA_VERSION
    source: Source = Field(default_factory=Source)
    document: DocumentHeader = Field(default_factory=DocumentHeader)
    references: list[Reference] = Field(default_factory=list)
    dates: list[DateItem] = Field(default_factory=list)
    quantities: list[Quantity] = Field(default_factory=list)
    ratios: list[Ratio] = Field(default_factory=list)
    percentages: list[Percentage] = Field(default_factory=list)
    units: list[Unit] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    footnotes: list[Footnote] = Field(default_factory=list)
    checks: list[Check] = Field(default_factory=list)
    coverage: Coverage = Field(default_factory=Coverage)
    warnings: list[Warning_] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    text: str | None = None

    def to_dict(self, *, with_text: bool = False) -> dict[str, Any]:
        data = self.model_dump(mode="json")
        if not with_text:
            data.pop("text", None)
        return data

    def to_json(self, *, with_text: bool = False, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(with_text=with_text), ensure_ascii=False, indent=indent)

    # Convenience views for notebooks ---------------------------------------
    def frames(self) -> dict[str, Any]:
        """Every list of the report as a pandas DataFrame (pandas loaded lazily)."""
        from .export.tables import report_frames

        return report_frames(self)

    def to_html(self) -> str:
        from .export.html import render_html

        return render_html(self)

    def _repr_html_(self) -> str:  # Jupyter
        return self.to_html()

    def summary(self) -> str:
        from .export.summary import render_summary

        return render_summary(self)

    @property
    def ok(self) -> bool:
        return self.source.status == "ok"


def all_spans(report: Report) -> list[Span]:
    """Every Span carried by a report, wherever it sits."""
    spans: list[Span] = []

    def walk(value: Any) -> None:
        if isinstance(value, Span):
            spans.append(value)
        elif isinstance(value, BaseModel):
            for name in type(value).model_fields:
                walk(getattr(value, name))
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(report)
    return spans
