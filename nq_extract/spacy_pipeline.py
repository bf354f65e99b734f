"""nq_extract inside spaCy: a rule-based Vietnamese tokenizer and an ``nq_extract`` component.

>>> import nq_extract
>>> nlp = nq_extract.spacy_pipeline()
>>> doc = nlp("Thực hiện Kế hoạch số 216-KH/TU, ngày 28/11/2023 của Ban Thường vụ Tỉnh ủy ...")
>>> [(e.text, e.label_) for e in doc.ents][:2]
[('216-KH/TU', 'REF'), ('28/11/2023', 'DATE')]

The language is spaCy's blank Vietnamese (``spacy.blank("vi")``) with its
tokenizer replaced: spaCy's own one needs pyvi and splits ``42-NQ/TW`` into
pieces; :class:`RuleTokenizer` needs nothing and keeps document ids
(``42-NQ/TW``, ``126/2024/NĐ-CP``), dates (``28/11/2023``), numbers
(``3.182``, ``96,3%``) and ratios (``2.443/2.538``) whole.

The component runs the whole nq_extract pipeline on ``doc.text`` and maps every
item back to the doc's characters (through the normalizer's offset map, so
footnotes moved to the end or NFD input still land in the right place; an
item that the normalizer joined across a page break covers, in the doc, the
footnote printed in between):

- ``doc.spans["nq_extract"]``: every item, overlaps allowed;
- ``doc.ents``: the longest non-overlapping selection of them;
- ``doc._.nq_report``: the report as contract JSON (a dict; its offsets are
  into the normalized text, not the doc).

Labels (``LABELS``): REF (a mention of a referenced document; ``kb_id_`` is
its canonical id; by default narrowed to the written symbol when the mention
has one), DATE (``kb_id_``: ISO value), QUANTITY, RATIO, PERCENT (a stated
percentage), UNIT (``kb_id_``: canonical name), PERSON.

The component is registered as the factory ``"nq_extract"`` (also through a
``spacy_factories`` entry point), so ``nlp.add_pipe("nq_extract")`` works on
any pipeline; ``displacy.render(doc, style="ent", options=DISPLACY_OPTIONS)``
shows it, ``style="span"`` with ``spans_key="nq_extract"`` shows overlaps.
"""

from __future__ import annotations

import re
import sys
import types
import unicodedata
from collections.abc import Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import DummyTokenizer, filter_spans, registry

from .models import Report
from .models import Span as NqSpan

TOKENIZER = "nq_extract.RuleTokenizer.v1"
FACTORY = "nq_extract"
SPANS_KEY = "nq_extract"

LABELS: dict[str, str] = {
    "REF": "a mention of a referenced document (kb_id_: its canonical id)",
    "DATE": "a date, month, quarter, year or range (kb_id_: ISO value)",
    "QUANTITY": "a count with its unit noun (3.182 người, 214 buổi)",
    "RATIO": "a stated ratio, with its percentage when stated (2.443/2.538 đạt 96,3%)",
    "PERCENT": "a stated percentage (96,3%)",
    "UNIT": "a named organisational or administrative unit (kb_id_: canonical name)",
    "PERSON": "a person's name",
}

DISPLACY_OPTIONS: dict[str, Any] = {
    "ents": list(LABELS),
    "colors": {
        "REF": "#bcd5ff",
        "DATE": "#c9ecc0",
        "QUANTITY": "#ffe49a",
        "RATIO": "#f9c4bd",
        "PERCENT": "#f5c6e8",
        "UNIT": "#d6ccf5",
        "PERSON": "#b8e6e2",
    },
}

# --- tokenizer ----------------------------------------------------------------

_WS = re.compile(r"\s+|\S+")
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# a core kept whole: starts with a digit (ids, dates, numbers, ratios, ranges) ...
_DIGIT_START = re.compile(r"[+\-−]?\d[\w.,/%:\-–]*", re.UNICODE)
# ... or an upper-case symbol with / or - (NQ/TW, T/M, UBND-NCKSTTHC, NĐ-CP)
_SYMBOL = re.compile(r"[A-ZĐƯ][\w]*(?:[/\-][A-ZĐƯ0-9][\w]*)+", re.UNICODE)
_INNER_SLASH = re.compile(r"(/)")
_INNER_HYPHEN = re.compile(r"(-)")
_MARKER = re.compile(r"([^\W\d_]+)(\d{1,3})", re.UNICODE)
_DATE = r"\d{1,2}[./-]\d{1,2}[./-]\d{4}"
_DATE_PAIR = re.compile(rf"({_DATE})/({_DATE})")
_GLUED = re.compile(r"(?<=[^\W\d_])([.,;:!?])(?=[^\W\d_])", re.UNICODE)


def _is_wordish(ch: str) -> bool:
    return unicodedata.category(ch)[0] in "LNM" and ch not in _SUPERSCRIPTS


def _split_chunk(chunk: str) -> list[str]:
    """One whitespace-free chunk as tokens: punctuation peeled off its ends, ids and numbers kept whole."""
    head: list[str] = []
    tail: list[str] = []
    start, end = 0, len(chunk)
    while start < end and not _is_wordish(chunk[start]):
        if chunk[start] in "+-−" and start + 1 < end and chunk[start + 1].isdigit():
            break
        j = start + 1
        while j < end and chunk[j] == chunk[start]:
            j += 1
        head.append(chunk[start:j])
        start = j
    while end > start and not _is_wordish(chunk[end - 1]):
        if chunk[end - 1] == "%" and end - 1 > start and chunk[end - 2].isdigit():
            break
        j = end - 1
        while j > start and chunk[j - 1] == chunk[end - 1]:
            j -= 1
        tail.append(chunk[j:end])
        end = j
    core = chunk[start:end]
    return head + (_split_core(core) if core else []) + tail[::-1]


def _split_core(core: str) -> list[str]:
    """The inside of a chunk: ids, numbers and symbols whole; words glued by punctuation apart."""
    if _DIGIT_START.fullmatch(core):
        pair = _DATE_PAIR.fullmatch(core)  # "27.7.1999/27.7.2019": two dates
        return [pair.group(1), "/", pair.group(2)] if pair else [core]
    if _SYMBOL.fullmatch(core):
        return [core]
    out: list[str] = []
    for part in (p for p in _GLUED.split(core) if p):  # "viên.Trong": a missing space after a full stop
        if "/" in part and not (_DIGIT_START.fullmatch(part) or _SYMBOL.fullmatch(part)):
            out.extend(p for p in _INNER_SLASH.split(part) if p)  # "nghị/50", "và/hoặc"
        elif "-" in part and _mixes_abbreviations(part.split("-")):
            out.extend(p for p in _INNER_HYPHEN.split(part) if p)  # "ủy-UBND-UBMTTQ"
        elif (glued := _MARKER.fullmatch(part)) and glued.group(1).islower():
            out.extend(glued.groups())  # "ngành12": a footnote marker glued to its word
        else:
            out.append(part)
    return out


def _mixes_abbreviations(parts: list[str]) -> bool:
    return any(len(p) >= 2 and p.isupper() for p in parts) and any(p.islower() for p in parts)


def tokenize(text: str) -> tuple[list[str], list[bool]]:
    """Words and trailing-space flags of ``text`` (``"".join`` of them rebuilds it exactly)."""
    words: list[str] = []
    spaces: list[bool] = []
    for m in _WS.finditer(text):
        piece = m.group()
        if piece.isspace():
            if words and not spaces[-1] and piece[0] == " ":
                spaces[-1] = True
                piece = piece[1:]
            if piece:
                words.append(piece)
                spaces.append(False)
            continue
        if piece.isalpha():  # most chunks: one plain word
            words.append(piece)
            spaces.append(False)
            continue
        for tok in _split_chunk(piece):
            words.append(tok)
            spaces.append(False)
    return words, spaces


class RuleTokenizer(DummyTokenizer):
    """A regex tokenizer for Vietnamese administrative text; needs no word segmenter."""

    def __init__(self, vocab: Any) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words, spaces = tokenize(text)
        return Doc(self.vocab, words=words, spaces=spaces)

    def __reduce__(self) -> tuple[Any, ...]:
        return RuleTokenizer, (self.vocab,)


@registry.tokenizers(TOKENIZER)
def create_tokenizer(use_pyvi: bool = False) -> Any:
    """The tokenizer factory for configs (``use_pyvi`` is accepted from the Vietnamese defaults and ignored)."""

    def make(nlp: Language) -> RuleTokenizer:
        return RuleTokenizer(nlp.vocab)

    return make


# --- component ----------------------------------------------------------------

_REF_SYMBOL = re.compile(r"\d[\w.]*(?:\s*[-/]\s*[\w.]+)+", re.UNICODE)
_DIGIT = re.compile(r"\d")
_WORD_RUN = re.compile(r"[\w.]*")


def _ref_symbols(text: str) -> Iterator[re.Match[str]]:
    r"""``_REF_SYMBOL.finditer(text)`` in linear time.

    ``finditer`` tries every digit of a long run of word characters, and each try
    reads to the end of the run before it fails: quadratic. A symbol that starts at
    a later digit of the run would also start at the first one (``[\w.]*`` reads
    through), so when the first digit fails the rest of the run is skipped.
    """
    pos = 0
    while (d := _DIGIT.search(text, pos)) is not None:
        start = d.start()
        m = _REF_SYMBOL.match(text, start)
        if m is None:
            pos = max(_WORD_RUN.match(text, start).end(), start + 1)  # type: ignore[union-attr]
            continue
        yield m
        pos = m.end()


def _ref_window(span: NqSpan, narrow: bool) -> tuple[int, int]:
    """The mention, or the written symbol inside it (``Nghị quyết số 42-NQ/TW`` -> ``42-NQ/TW``)."""
    if narrow:
        best = max(_ref_symbols(span.text), key=lambda m: m.end() - m.start(), default=None)
        if best is not None and re.search(r"[^\W\d_]", best.group()):
            return span.start + best.start(), span.start + best.end()
    return span.start, span.end


def report_items(report: Report, *, narrow_refs: bool = True) -> list[tuple[str, int, int, str]]:
    """``(label, start, end, kb_id)`` of every item, offsets into ``report.text``."""
    items: list[tuple[str, int, int, str]] = []
    for ref in report.references:
        for m in ref.mentions:
            items.append(("REF", *_ref_window(m, narrow_refs), ref.id))
    for d in report.dates:
        items.append(("DATE", d.span.start, d.span.end, f"{d.value}/{d.end}" if d.end else d.value))
    for q in report.quantities:
        items.append(("QUANTITY", q.span.start, q.span.end, ""))
    for r in report.ratios:
        items.append(("RATIO", r.span.start, r.span.end, ""))
    for p in report.percentages:
        items.append(("PERCENT", p.span.start, p.span.end, ""))
    for u in report.units:
        for m in u.mentions:
            items.append(("UNIT", m.start, m.end, u.canonical or u.name))
    for pe in report.people:
        items.append(("PERSON", pe.span.start, pe.span.end, ""))
    return [it for it in items if it[1] < it[2]]


class NqExtractComponent:
    """Runs nq_extract on each doc and puts the items on ``doc.spans`` and ``doc.ents``."""

    def __init__(self, nlp: Language, name: str, spans_key: str, set_ents: bool, ref_span: str, options: dict[str, Any]) -> None:
        if ref_span not in ("symbol", "mention"):
            raise ValueError(f"ref_span must be 'symbol' or 'mention', not {ref_span!r}")
        self.name = name
        self.spans_key = spans_key
        self.set_ents = set_ents
        self.narrow_refs = ref_span == "symbol"
        self.options = dict(options)
        if not Doc.has_extension("nq_report"):
            Doc.set_extension("nq_report", default=None)

    def __call__(self, doc: Doc) -> Doc:
        import hashlib

        from . import normalize, pipeline
        from .document import Loaded
        from .models import Source

        text = doc.text
        source = Source(format="text", sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest())
        ndoc = normalize.build(Loaded(text=text, source=source))
        report = pipeline.analyse(ndoc, **self.options)
        spans: list[Span] = []
        for label, start, end, kb_id in report_items(report, narrow_refs=self.narrow_refs):
            s, e = ndoc.source_range(start, end) if ndoc.text != text else (start, end)
            span = doc.char_span(s, e, label=label, kb_id=kb_id, alignment_mode="expand")
            if span is not None and len(span):
                spans.append(span)
        spans.sort(key=lambda sp: (sp.start, -sp.end, sp.label_))
        doc.spans[self.spans_key] = spans
        if self.set_ents:
            doc.ents = filter_spans(spans)
        doc._.nq_report = report.to_dict()
        return doc


@Language.factory(
    FACTORY,
    default_config={"spans_key": SPANS_KEY, "set_ents": True, "ref_span": "symbol", "options": {}},
    assigns=["doc.ents", "doc.spans", "doc._.nq_report"],
)
def make_component(nlp: Language, name: str, spans_key: str, set_ents: bool, ref_span: str, options: dict[str, Any]) -> NqExtractComponent:
    return NqExtractComponent(nlp, name, spans_key, set_ents, ref_span, options)


def spacy_pipeline(*, spans_key: str = SPANS_KEY, set_ents: bool = True, ref_span: str = "symbol", **options: Any) -> Language:
    """Blank Vietnamese with the rule tokenizer and the ``nq_extract`` component.

    ``ref_span="mention"`` keeps a reference's whole mention (``Nghị quyết số
    42-NQ/TW``) as its entity instead of the symbol; ``set_ents=False`` leaves
    ``doc.ents`` alone; other keyword options go to the nq_extract pipeline.
    """
    import spacy

    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    nlp.add_pipe(FACTORY, config={"spans_key": spans_key, "set_ents": set_ents, "ref_span": ref_span, "options": options})
    return nlp


class _CallableModule(types.ModuleType):
    """Importing this module sets ``nq_extract.spacy_pipeline`` to the module itself
    (shadowing the package's function of the same name); calling the module keeps
    ``nq_extract.spacy_pipeline()`` working either way."""

    def __call__(self, **options: Any) -> Language:
        return spacy_pipeline(**options)


sys.modules[__name__].__class__ = _CallableModule
