"""The JSON Schema of the output contract, generated from the typed models.

The shipped copy, ``report.schema.json``, is what outside tools read; a test
holds it equal to what the models generate. Regenerate with
``python -m nq_extract.schema > nq_extract/schema/report.schema.json``.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


def generate() -> dict[str, Any]:
    from ..models import Report
    from ..version import SCHEMA_VERSION

    schema = Report.model_json_schema(mode="serialization")
    _open(schema)
    schema["required"] = sorted(set(schema.get("required", [])) | CONTRACT_KEYS)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://nq-extract.invalid/schema/report-{SCHEMA_VERSION}.json"
    schema["title"] = "nq_extract report"
    return schema


# The keys CONTRACT.md v1 promises on every document.
CONTRACT_KEYS = {
    "schema_version",
    "source",
    "document",
    "references",
    "dates",
    "quantities",
    "ratios",
    "percentages",
    "units",
    "people",
    "footnotes",
    "checks",
    "coverage",
    "warnings",
}


def _open(node: Any) -> None:
    """Readers must accept keys added in later minor versions: no closed objects."""
    if isinstance(node, dict):
        node.pop("additionalProperties", None) if node.get("additionalProperties") is False else None
        for value in node.values():
            _open(value)
    elif isinstance(node, list):
        for value in node:
            _open(value)


def schema_text() -> str:
    return json.dumps(generate(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


@cache
def shipped() -> dict[str, Any]:
    with resources.files(__package__).joinpath("report.schema.json").open("r", encoding="utf-8") as f:
        return json.load(f)


@cache
def _validator() -> Any:
    import jsonschema

    return jsonschema.Draft202012Validator(shipped())


def validate(data: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` unless ``data`` follows the shipped schema."""
    _validator().validate(data)
