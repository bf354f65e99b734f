"""DOCX reader: body paragraphs and tables in order, footnotes and endnotes, header and footer.

The body is read straight from ``word/document.xml`` (python-docx opens the
package): one paragraph a line, a table row a line with its cells joined by
`` | `` (and kept as a :class:`RawTable` for the checks); a small table at the
top, the two-column official header, gives each cell's lines in turn. A footnote reference
becomes its number glued to the word before it (an anchor) and the note's text
follows the body (a note hint), as in a printed page. Text in a legacy font
(``.VnTime``, ``VNI-Times``) is converted run by run. The page header and
footer are not part of the body; their text is kept in ``extra``.
"""

from __future__ import annotations

import io
import re
from typing import Any

from ..document import AnchorHint, Loaded, NoteHint, RawTable
from ..errors import BadDocx, NqError
from ..models import Source

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_NOTES_REL = {
    "footnote": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes",
    "endnote": "http://schemas.openxmlformats.org/officeDocument/2006/relationships/endnotes",
}
MAX_PARAGRAPHS = 200_000
MAX_PART_BYTES = 256 * 1024 * 1024  # one inflated part (document.xml of a long report is a few MB)
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
LAYOUT_ZONE = 1500  # a small table this near the top holding a motto is the official header
_SIGNATURE_WORDS = re.compile(r"Nơi nhận|\b(?:KT|TM|TL|TUQ)\.|\bT/M\b")  # recipients and signature side by side
_HEADER_WORDS = re.compile(r"CỘNG HÒA|CỘNG HOÀ|ĐẢNG CỘNG SẢN|Độc lập|Số\s*[:.]?\s*\d*\s*/|ngày\s.{0,12}tháng", re.I)


class _Out:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.anchors: list[AnchorHint] = []
        self.legacy: set[str] = set()

    def add(self, text: str) -> None:
        if text:
            self.parts.append(text)
            self.length += len(text)


def load_docx(data: bytes, source: Source, **options: Any) -> Loaded:
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError as e:  # pragma: no cover - a dependency of the package
        raise BadDocx("python-docx is not installed: pip install python-docx") from e
    _check_sizes(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except NqError:
        raise
    except (PackageNotFoundError, KeyError, ValueError, OSError) as e:
        raise BadDocx(f"not a readable DOCX ({type(e).__name__}: {str(e)[:80]})") from e
    except Exception as e:  # noqa: BLE001 - zip and XML errors of a damaged file
        raise BadDocx(f"damaged DOCX ({type(e).__name__})") from e

    from . import legacy

    notes_xml = {kind: _notes_part(document, rel) for kind, rel in _NOTES_REL.items()}
    numbers: dict[tuple[str, str], str] = {}  # (kind, id) -> marker, in order of reference
    out = _Out()
    tables: list[RawTable] = []
    body = document.element.body
    for count, child in enumerate(body.iterchildren(), start=1):
        if count > MAX_PARAGRAPHS:
            from ..errors import TooLarge

            raise TooLarge(f"the DOCX has more than {MAX_PARAGRAPHS} paragraphs and tables")
        if child.tag == W + "p":
            _paragraph(child, out, numbers, legacy)
            out.add("\n")
        elif child.tag == W + "tbl":
            words = "".join(child.itertext()) if len(child.findall(W + "tr")) <= 3 else ""
            if (out.length < LAYOUT_ZONE and _HEADER_WORDS.search(words)) or _SIGNATURE_WORDS.search(words):
                _layout_table(child, out, numbers, legacy)
            else:
                tables.append(_table(child, out, numbers, legacy))
        elif child.tag == W + "sdt":
            for p in child.iter(W + "p"):
                _paragraph(p, out, numbers, legacy)
                out.add("\n")

    notes: list[NoteHint] = []
    for (kind, nid), marker in numbers.items():
        el = notes_xml.get(kind, {}).get(nid)
        if el is None:
            continue
        out.add("\n")
        start = out.length
        for k, p in enumerate(el.iter(W + "p")):
            if k:
                out.add("\n")
            _paragraph(p, out, {}, legacy, skip_refs=True)
        end = out.length
        text = "".join(out.parts)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            notes.append(NoteHint(marker, start, end))
    text = "".join(out.parts)
    extra: dict[str, Any] = {}
    head, foot = _header_footer(document)
    if head:
        extra["page_header"] = head
    if foot:
        extra["page_footer"] = foot
    repaired = sorted(out.legacy)[0] if out.legacy else None
    src = source.model_copy(update={"format": "docx", "pages": None, "encoding_repaired": repaired})
    return Loaded(text=text, source=src, notes=notes, anchors=out.anchors, tables=[t for t in tables if t.rows], extra=extra)


def _check_sizes(data: bytes) -> None:
    """Refuse a package whose parts declare more than the limits, before inflating any."""
    import zipfile

    from ..errors import TooLarge

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
    except zipfile.BadZipFile as e:
        raise BadDocx(f"not a readable DOCX (not a ZIP package: {e})") from e
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > MAX_PART_BYTES:
            raise TooLarge(f"DOCX part {info.filename} declares {info.file_size} bytes, above the {MAX_PART_BYTES}-byte limit")
    if total > MAX_TOTAL_BYTES:
        raise TooLarge(f"DOCX parts declare {total} bytes in all, above the {MAX_TOTAL_BYTES}-byte limit")


def _notes_part(document: Any, reltype: str) -> dict[str, Any]:
    from lxml import etree

    for rel in document.part.rels.values():
        if rel.reltype == reltype and not rel.is_external:
            try:
                root = etree.fromstring(rel.target_part.blob)
            except etree.XMLSyntaxError:
                return {}
            kind = "footnote" if reltype.endswith("footnotes") else "endnote"
            return {el.get(W + "id"): el for el in root.iter(W + kind) if el.get(W + "type") in (None, "normal")}
    return {}


def _paragraph(p: Any, out: _Out, numbers: dict[tuple[str, str], str], legacy: Any, skip_refs: bool = False) -> None:
    for run in p.iter(W + "r"):
        font = _run_font(run)
        enc = legacy.font_encoding(font) if font else None
        for el in run:
            tag = el.tag
            if tag == W + "t":
                t = el.text or ""
                if enc:
                    t = legacy.convert(t, enc)
                    out.legacy.add(enc)
                out.add(t)
            elif tag == W + "tab":
                out.add("\t")
            elif tag in (W + "br", W + "cr"):
                out.add("\n")
            elif tag in (W + "footnoteReference", W + "endnoteReference") and not skip_refs:
                kind = "footnote" if tag == W + "footnoteReference" else "endnote"
                key = (kind, el.get(W + "id") or "")
                marker = numbers.setdefault(key, str(sum(1 for k in numbers if k[0] == kind) + 1))
                start = out.length
                out.add(marker)
                out.anchors.append(AnchorHint(marker, start, out.length))
            elif tag == W + "noBreakHyphen":
                out.add("-")


def _run_font(run: Any) -> str | None:
    rpr = run.find(W + "rPr")
    if rpr is None:
        return None
    fonts = rpr.find(W + "rFonts")
    if fonts is None:
        return None
    return fonts.get(W + "ascii") or fonts.get(W + "hAnsi")


def _table(tbl: Any, out: _Out, numbers: dict[tuple[str, str], str], legacy: Any) -> RawTable:
    rows: list[list[tuple[str, int, int]]] = []
    for tr in tbl.iter(W + "tr"):
        if tr.getparent() is not tbl and tr.getparent().getparent() is not tbl:
            continue  # a row of a nested table is read with its cell
        cells: list[tuple[str, int, int]] = []
        for k, tc in enumerate(tr.iter(W + "tc")):
            if tc.getparent() is not tr:
                continue
            if k:
                out.add(" | ")
            start, first = out.length, len(out.parts)
            for j, p in enumerate(tc.iter(W + "p")):
                if j:
                    out.add(" ")
                _paragraph(p, out, numbers, legacy)
            cells.append((" ".join("".join(out.parts[first:]).split()), start, out.length))
        out.add("\n")
        rows.append(cells)
    return RawTable(rows=[r for r in rows if any(c[0] for c in r)])


def _layout_table(tbl: Any, out: _Out, numbers: dict[tuple[str, str], str], legacy: Any) -> None:
    """The official header set as a table: each cell's paragraphs on lines of their own,
    cell after cell (issuer and number, then motto and place/date)."""
    for tc in tbl.iter(W + "tc"):
        for p in tc.iter(W + "p"):
            start = out.length
            _paragraph(p, out, numbers, legacy)
            if out.length > start:
                out.add("\n")


def _header_footer(document: Any) -> tuple[str, str]:
    head: list[str] = []
    foot: list[str] = []
    try:
        for section in document.sections:
            for part, sink in ((section.header, head), (section.footer, foot)):
                if part is None or part.is_linked_to_previous:
                    continue
                text = "\n".join(p.text for p in part.paragraphs if p.text.strip())
                if text and text not in sink:
                    sink.append(text)
    except Exception:  # noqa: BLE001 - a header is a bonus
        pass
    return "\n".join(head), "\n".join(foot)
