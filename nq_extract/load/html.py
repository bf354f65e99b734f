"""HTML reader: the main content of a web page (a news post, a portal article, a report
published as a page) as plain paragraphs, with its data tables.

Main-content extraction is trafilatura's (Apache-2.0 since 1.8; lxml underneath;
about 50 MB installed with its dependencies, 36 MB of which is babel, pulled in
by courlan). It was chosen over a hand-written readability pass on lxml or
selectolax because it already weighs text density, link density and the
boilerplate names of menus, sidebars and footers, falls back to readability and
jusText on pages it cannot read, and is maintained and measured against the
other extractors. On the two portal pages of the development set it alone keeps
97.6% and 98.0% of the article (rapidfuzz ratio against the article text); with
the trimming below, 99.9% and 99.99%. It costs about 30 ms of CPU a page, some 30
times a bare lxml parse (``benchmarks/bench_html.py``); its metadata search
(dates, authors) is left off, as it costs more than the extraction. It is
imported only when an HTML file arrives.

What comes out:

- paragraphs separated by a blank line, as in the text files, except that short
  lines with no sentence in a row (a report published as a page sets each line
  of its header, title and signature as a paragraph) follow each other on lines
  of their own, so a title is not cut; a ``<br>`` is a line break; headings are
  paragraphs; list items are ``- item`` lines;
- entities decoded (by the parser); scripts, styles, comments, ``<nav>``,
  ``<aside>``, the page's own header and footer, menus and sidebars are not in
  the main content;
- a **data table** (two rows or more of two cells or more, each cell a short
  text) is a line per row with cells joined by `` | `` and also a ``RawTable``
  for the checks; a **layout table** (one column, one row, or cells holding
  paragraphs, as old portals lay out whole pages) gives its cells' blocks in
  order;
- around the main content, the page's small widgets that the extractor left in
  are dropped: after it, top-level tables of a few words or digits alone
  (visitor counters, "links" boxes) and a trailing short "read more" line;
  before it, a small strip holding the post's timestamp ("Văn hóa xã hội |
  30/07/2019"), kept in ``extra["html_dateline"]``. The page's ``<title>`` is
  kept in ``extra["html_title"]``.

A post exported by a web CMS as Markdown (front matter, then an HTML body) is
read the same way; its front matter's ``title`` is the first paragraph (the
headline) and its fields are kept in ``extra["front_matter"]``.

A page where the extractor finds no main content (a bare fragment, text with
no tags) is read whole, with the same block rules, minus scripts, styles,
navigation, headers and footers.

Bad input gives one line and a status: bytes that are not text ``undecodable``,
markup the parser cannot build a tree from ``bad_html``, a page above
``MAX_HTML_BYTES`` ``too_large``, trafilatura or lxml_html_clean missing
``html_unavailable`` (with the command that installs them); a page with no
text is the pipeline's ``empty_text``.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from typing import Any

from ..document import Loaded, RawTable
from ..errors import NqError, TooLarge
from ..models import Source

MAX_HTML_BYTES = 32 * 1024 * 1024
MAX_DEPTH = 400  # deeper nesting is not a page a person wrote (libxml2 itself stops at 255)
DATA_CELL_CHARS = 300  # a data table's cell is short; a longer one is a layout cell
WIDGET_CHARS = 80  # a top-level table around the main content with less text is a widget
READ_MORE_CHARS = 60
SHORT_LINE = 120  # a block this short with no sentence end is a line of a header, title or signature

_HTML_HEAD = re.compile(rb"^(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.I)
SNIFF_BYTES = 16384
MIN_BODY_TAGS = 3  # a body that opens with a tag and has this many in its first 4 kB is HTML
_HTML_TAG = re.compile(
    r"<(?:p|div|span|table|tr|td|h[1-6]|ul|ol|li|br|img|strong|em|b|i|a|font|section|article|figure|center|blockquote)\b[^>]*>", re.I
)
_FRONT_MATTER = re.compile(r"\A(?P<fence>---json|---|\+\+\+)[ \t]*\r?\n(?P<raw>.*?)\r?\n(?:---|\+\+\+)[ \t]*(?:\r?\n|\Z)", re.S)
_FIELD = re.compile(r"^\s*([A-Za-z_][\w-]*)\s*[:=]\s*(.*)$")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_SENTENCE_END = re.compile(r"[.!?:;…”\"')\]]\s*$")
_PARAGRAPH_END = re.compile(r"[.!?;…]\s*[\"”’')]?\s*$")
_ONLY_DIGITS = re.compile(r"^[\d\s.,:/|-]*$")
# the link a portal puts after a post: "Xem chi tiết tại đây", "Đọc tiếp", "Xem toàn văn"
_READ_MORE = re.compile(r"^(?:(?:Xem|Đọc)\s+(?:chi tiết|tiếp|thêm|toàn văn|nội dung|bài viết)|Chi tiết xem)\b", re.I)
# a cell that is only a timestamp: "30/07/2019", "thứ hai, 29 07 2019 12:00", "05-08-2019 08:15"
_STAMP = re.compile(
    r"^(?:(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật|t[2-7]|cn)\s*,?\s*)?"
    r"\d{1,2}[ /.\-]\d{1,2}[ /.\-]\d{4}(?:\s*[-,|]?\s*\d{1,2}[:h]\d{2}(?::\d{2})?(?:\s*(?:AM|PM|SA|CH))?)?$",
    re.I,
)
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")

# page furniture removed before extraction (an article's own header and footer stay;
# not <form>: ASP.NET and SharePoint portals wrap the whole page in one)
PRUNE_XPATH = [
    "//nav",
    "//aside",
    "//*[@role='navigation' or @role='banner' or @role='contentinfo' or @role='search']",
    "//footer[not(ancestor::article)]",
    "//header[not(ancestor::article) and not(.//h1)]",
]

BLOCK_TAGS = {"p", "head", "quote", "list", "table", "code"}


class BadHtml(NqError):
    status = "bad_html"


class HtmlUnavailable(NqError):
    status = "html_unavailable"


_INSTALL = "pip install trafilatura lxml_html_clean"


def looks_like_html(data: bytes) -> bool:
    """True when the bytes open like an HTML page (``<!doctype html``, ``<html``, ``<head``,
    ``<body``), or are a post exported by a web CMS: front matter (``---json``, ``---``,
    ``+++``) or none, then a body of HTML tags (``<p><span ...>``), not Markdown."""
    head = data[:SNIFF_BYTES]
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    elif head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", errors="ignore").lstrip("\ufeff").encode("utf-8")
    if _HTML_HEAD.match(head[:1024]):
        return True
    text = head.decode("utf-8", errors="ignore")
    _, body = split_front_matter(text)
    body = body.lstrip()
    return body.startswith("<") and len(_HTML_TAG.findall(body[:4096])) >= MIN_BODY_TAGS


def split_front_matter(text: str) -> tuple[dict[str, Any] | None, str]:
    """A CMS post's front matter (its fields, when they parse) and the body after it."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return None, text
    raw, body = m.group("raw"), text[m.end() :]
    fields: dict[str, Any] = {}
    if m.group("fence") == "---json" or raw.lstrip().startswith("{"):
        import json

        try:
            value = json.loads(raw)
        except ValueError:
            value = None
        if isinstance(value, dict):
            fields = value
    else:
        for line in raw.splitlines():
            kv = _FIELD.match(line)
            if kv:
                fields[kv.group(1)] = kv.group(2).strip().strip("'\"")
    return fields, body


def decode_html(data: bytes) -> tuple[str, str]:
    """Bytes -> (text, encoding): a BOM, then the charset the page declares, then the text rules."""
    from .text import decode

    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode(data)
    m = _META_CHARSET.search(data[:4096])
    if m:
        name = m.group(1).decode("ascii", "replace").lower()
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            codec = ""
        if codec and codec not in ("utf-8", "utf-16", "utf-32"):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                pass
            else:
                if "\x00" not in text[:65536]:
                    return text, codec
    return decode(data)


@dataclass
class _Out:
    parts: list[str] = field(default_factory=list)
    length: int = 0
    tables: list[RawTable] = field(default_factory=list)
    last_line: bool = False  # the block before was a short line (header, title, signature)

    def add(self, text: str) -> None:
        if text:
            self.parts.append(text)
            self.length += len(text)

    def block(self, text: str) -> None:
        """Start a block holding ``text``: after a blank line, or after a line break when
        it and the block before are both short lines (no sentence), as a typed header,
        title or signature is set."""
        line = _is_line(text)
        if self.length:
            self.add("\n" if line and self.last_line else "\n\n")
        self.add(text)
        self.last_line = line


def _is_line(text: str) -> bool:
    return bool(text) and "\n" not in text and len(text) <= SHORT_LINE and not _PARAGRAPH_END.search(text)


def load_html(data: bytes, source: Source, **options: Any) -> Loaded:
    if len(data) > MAX_HTML_BYTES:
        raise TooLarge(f"the HTML page is {len(data)} bytes, above the {MAX_HTML_BYTES}-byte limit")
    text, encoding = decode_html(data)
    src = source.model_copy(update={"format": "html", "encoding": encoding, "pages": None})
    fields, markup = split_front_matter(text)
    markup = _XML_DECL.sub("", markup, count=1)
    title = " ".join(str(fields.get("title") or "").split()) if fields else ""
    out = _Out()
    if title:  # the post's headline lives in its front matter
        out.block(title)
    if not markup.strip():
        return Loaded(text="".join(out.parts), source=src)
    tree = _parse(markup)
    blocks, extra = _main_blocks(tree, markup)
    if fields is not None:
        extra["front_matter"] = fields
    for b in blocks:
        _emit_block(b, out)
    return Loaded(text="".join(out.parts), source=src, tables=out.tables, extra=extra)


def _parse(markup: str) -> Any:
    from lxml import etree, html

    try:
        parser = html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=False)
        tree = html.document_fromstring(markup, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as e:
        raise BadHtml(f"not readable HTML ({type(e).__name__}: {str(e)[:80] or 'no tree'})") from e
    if tree is None:
        raise BadHtml("not readable HTML (the parser built no tree)")
    for err in parser.error_log:
        if err.type_name == "ERR_RESOURCE_LIMIT":  # libxml2 stops building the tree; the rest is lost
            raise BadHtml(f"HTML beyond the parser's limits ({err.message.split(',')[0]})")
    if _depth_over(tree, MAX_DEPTH):
        raise BadHtml(f"HTML nested more than {MAX_DEPTH} elements deep")
    return tree


def _depth_over(tree: Any, limit: int) -> bool:
    """Whether any element lies deeper than ``limit`` (iterative: no recursion on hostile nesting)."""
    stack = [(tree, 0)]
    while stack:
        el, d = stack.pop()
        if d > limit:
            return True
        stack.extend((child, d + 1) for child in el)
    return False


def _main_blocks(tree: Any, markup: str) -> tuple[list[Any], dict[str, Any]]:
    """The top-level blocks of the main content (trafilatura's XML), or of the whole page."""
    try:
        import trafilatura
    except ImportError as e:
        raise HtmlUnavailable(f"reading HTML needs trafilatura ({e.name or e}): {_INSTALL}") from e

    extra: dict[str, Any] = {}
    title = tree.findtext(".//title")
    if title and title.strip():
        extra["html_title"] = " ".join(title.split())
    try:
        doc = trafilatura.bare_extraction(
            tree,
            include_tables=True,
            include_comments=False,
            include_images=False,
            include_links=False,
            include_formatting=False,
            deduplicate=False,
            with_metadata=False,  # its date and author search costs more than the extraction itself
            prune_xpath=PRUNE_XPATH,
        )
    except ImportError as e:  # a part the extractor loads on demand (lxml.html.clean)
        raise HtmlUnavailable(f"reading HTML needs {e.name or 'a missing module'}: {_INSTALL}") from e
    except RecursionError as e:
        raise BadHtml("HTML nested too deeply to read") from e
    except (ValueError, TypeError, AttributeError) as e:  # a damaged tree the extractor trips on
        raise BadHtml(f"not readable HTML ({type(e).__name__})") from e
    body = getattr(doc, "body", None) if doc is not None else None
    if body is not None and len(body) and "".join(body.itertext()).strip():
        extra["html_extraction"] = "main"
        return _trim(_regroup_rows(list(body)), extra), extra
    extra["html_extraction"] = "whole"
    return _whole_page(_parse(markup)), extra


# --- the extractor's XML: p, head, list/item, table/row/cell, quote, lb, ref, hi


def _inline(el: Any) -> str:
    """Text of an inline run: spaces collapsed, ``<lb/>`` a line break."""
    pieces: list[str] = []

    def walk(e: Any) -> None:
        if e.text:
            pieces.append(e.text)
        for child in e:
            if child.tag == "lb":
                pieces.append("\n")
            elif child.tag in ("graphic",):
                pass
            else:
                walk(child)
            if child.tail:
                pieces.append(child.tail)

    walk(el)
    lines = [_SPACES.sub(" ", line).strip() for line in "".join(pieces).split("\n")]
    return "\n".join(line for line in lines if line)


def _cells(row: Any) -> list[Any]:
    return [c for c in row if c.tag == "cell"]


def _rows(table: Any) -> list[Any]:
    return [r for r in table if r.tag == "row"]


def _is_data_table(table: Any) -> bool:
    rows = _rows(table)
    if len(rows) < 2:
        return False
    wide = [r for r in rows if len(_cells(r)) >= 2]
    if len(wide) < 2:
        return False
    for r in rows:
        for c in _cells(r):
            blocks = [x for x in c if x.tag in BLOCK_TAGS]
            if len(blocks) > 1 or any(x.tag in ("table", "list") for x in blocks):
                return False
            if len(_inline(c)) > DATA_CELL_CHARS:
                return False
    return True


def _emit_block(el: Any, out: _Out) -> None:
    tag = el.tag
    if tag == "table":
        if _is_data_table(el):
            _emit_data_table(el, out)
        else:
            for row in _rows(el):
                for cell in _cells(row):
                    _emit_container(cell, out)
        return
    if tag == "list":
        lines = [_inline(item) for item in el if item.tag == "item"]
        lines = [line for line in lines if line]
        if lines:
            out.block("\n".join(f"- {line}" for line in lines))
        return
    if tag in ("quote", "cell", "div", "body"):
        _emit_container(el, out)
        return
    text = _inline(el)
    if text:
        out.block(text)


def _emit_container(el: Any, out: _Out) -> None:
    """A container (cell, quote): its own loose text, then its blocks."""
    if any(child.tag in BLOCK_TAGS for child in el):
        lead = _SPACES.sub(" ", el.text or "").strip()
        if lead:
            out.block(lead)
        for child in el:
            if child.tag in BLOCK_TAGS:
                _emit_block(child, out)
            else:
                t = _inline(child)
                if t:
                    out.block(t)
            tail = _SPACES.sub(" ", child.tail or "").strip()
            if tail:
                out.block(tail)
    else:
        text = _inline(el)
        if text:
            out.block(text)


def _emit_data_table(table: Any, out: _Out) -> None:
    out.block("")
    out.last_line = False
    rows: list[list[tuple[str, int, int]]] = []
    for k, row in enumerate(_rows(table)):
        if k:
            out.add("\n")
        cells: list[tuple[str, int, int]] = []
        for j, cell in enumerate(_cells(row)):
            if j:
                out.add(" | ")
            text = " ".join(_inline(cell).split())
            start = out.length
            out.add(text)
            cells.append((text, start, out.length))
        rows.append(cells)
    rows = [r for r in rows if any(c[0] for c in r)]
    if rows:
        out.tables.append(RawTable(rows=rows))


def _regroup_rows(blocks: list[Any]) -> list[Any]:
    """Rows the extractor handed over bare (a page that is one table): back into a table."""
    if not any(b.tag == "row" for b in blocks):
        return blocks
    from lxml import etree

    out: list[Any] = []
    for b in blocks:
        if b.tag == "row":
            if not out or out[-1].tag != "table" or out[-1].get("regrouped") != "1":
                out.append(etree.Element("table", regrouped="1"))
            out[-1].append(b)
        else:
            out.append(b)
    return out


def _text_len(el: Any) -> int:
    return len("".join(el.itertext()).strip())


def _trim(blocks: list[Any], extra: dict[str, Any]) -> list[Any]:
    """Drop the page's widgets around the main content: after it, top-level tables of a
    few words or digits alone (counters, "links" boxes) and a trailing short "read more"
    line; before it, a small strip holding the post's timestamp ("Văn hóa xã hội | 30/07/2019"),
    whose text is kept in ``extra["html_dateline"]``."""
    if not blocks:
        return blocks
    main = max(range(len(blocks)), key=lambda i: _text_len(blocks[i]))
    for i in range(main):
        if _is_dateline(blocks[i]):
            extra["html_dateline"] = " | ".join(_inline(c) for r in _rows(blocks[i]) for c in _cells(r))
            blocks = blocks[:i] + blocks[i + 1 :]
            main -= 1
            break

    def widget(el: Any) -> bool:
        text = " ".join("".join(el.itertext()).split())
        if _ONLY_DIGITS.match(text):
            return True
        return el.tag == "table" and len(text) < WIDGET_CHARS and not _is_data_table(el)

    kept = [b for i, b in enumerate(blocks) if i == main or not (i > main and widget(b))]
    wrapper = _wrap(kept)
    _drop_read_more(wrapper)
    return list(wrapper)


def _wrap(blocks: list[Any]) -> Any:
    from lxml import etree

    body = etree.Element("body")
    for b in blocks:
        body.append(b)  # moves the block out of the extractor's tree, which is not used again
    return body


def _is_dateline(el: Any) -> bool:
    """A one-row table of short cells, one of them a bare timestamp: the page's post header."""
    if el.tag != "table" or _text_len(el) >= WIDGET_CHARS:
        return False
    rows = _rows(el)
    if len(rows) != 1:
        return False
    return any(_STAMP.match(" ".join(_inline(c).split())) for c in _cells(rows[0]))


def _drop_read_more(el: Any) -> None:
    """Remove a trailing short "read more" line that is no sentence (``Xem chi tiết tại đây``)."""
    last = el
    while True:
        kids = [c for c in last if c.tag in BLOCK_TAGS or c.tag in ("row", "cell", "item")]
        if not kids:
            break
        candidates = [k for k in kids if _text_len(k)]
        if not candidates:
            break
        last = candidates[-1]
        if last.tag == "p":
            text = _inline(last)
            if _READ_MORE.match(text) and len(text) <= READ_MORE_CHARS and not _SENTENCE_END.search(text):
                _remove(last)
            break


def _remove(el: Any) -> None:
    """Remove an element, keeping its tail text in place."""
    parent = el.getparent()
    if el.tail and el.tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


# --- the whole page, when the extractor finds no main content

_SKIP = {"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "iframe", "svg", "button", "select", "head"}
_HTML_BLOCKS = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "blockquote",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "dd",
    "dt",
    "center",
    "address",
    "figcaption",
}


def _whole_page(tree: Any) -> list[Any]:
    """The page's body as the extractor's block vocabulary (p, list, table/row/cell)."""
    from lxml import etree

    body = tree.find(".//body")
    root = body if body is not None else tree
    out = etree.Element("body")
    _convert(root, out)
    return list(out)


def _convert(el: Any, out: Any) -> None:
    """Flatten HTML into ``p`` and ``table`` blocks (recursive: the parser stops nesting at 255)."""
    from lxml import etree

    current: list[Any] = [None]  # the open paragraph

    def para() -> Any:
        p = current[0]
        if p is None:
            p = current[0] = etree.SubElement(out, "p")
            p.text = ""
        return p

    def close() -> None:
        current[0] = None

    def text(s: str | None) -> None:
        if s:
            p = para()
            p.text = (p.text or "") + s

    def walk(e: Any) -> None:
        tag = e.tag if isinstance(e.tag, str) else ""
        tag = tag.lower()
        if tag in _SKIP or not tag:
            return
        if tag == "br":
            text("\n")
            return
        if tag == "table":
            close()
            table = etree.SubElement(out, "table")
            for tr in e.iter("tr"):
                row = etree.SubElement(table, "row")
                for td in tr:
                    if isinstance(td.tag, str) and td.tag.lower() in ("td", "th"):
                        cell = etree.SubElement(row, "cell")
                        cell.text = " ".join(td.text_content().split())
            return
        block = tag in _HTML_BLOCKS
        if block:
            close()
        text(e.text)
        for child in e:
            walk(child)
            text(child.tail)
        if block:
            close()

    walk(el)
    for p in list(out):
        if p.tag == "p":
            lines = [_SPACES.sub(" ", line).strip() for line in (p.text or "").split("\n")]
            p.text = "\n".join(line for line in lines if line)
            if not p.text:
                out.remove(p)
            else:
                # put line breaks back as the extractor's <lb/>
                parts = p.text.split("\n")
                p.text = parts[0]
                for part in parts[1:]:
                    lb = etree.SubElement(p, "lb")
                    lb.tail = part
