"""The HTML review page: escaping, every kind highlighted, nesting of overlapping spans, links, index."""

from __future__ import annotations

import html
import subprocess
import sys
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nq_extract.export.html import Mark, render_html, render_index, render_text, safe_href
from nq_extract.models import (
    Check,
    Coverage,
    DateItem,
    DocumentHeader,
    Footnote,
    Operand,
    Percentage,
    Person,
    Quantity,
    Ratio,
    Reference,
    Report,
    Source,
    Span,
    Unit,
    Warning_,
)
from tests.helpers import assert_valid

HOSTILE = '<script>alert("x")</script>'

TEXT = (
    "BÁO CÁO\nkết quả học tập Nghị quyết\n\n"
    "Thực hiện Kế hoạch số 216-KH/TU, ngày 28/11/2023 của Ban Thường vụ Tỉnh ủy " + HOSTILE + " về học tập.\n\n"
    "Đã ban hành văn bản chỉ đạo tổ chức học tập.\n\n"
    "Kết quả chung: 42 hội nghị cho 3.182 người; trong đó đảng viên 2.443/2.538 đạt 96,3%; "
    "quần chúng 739/760 đạt 99,9% \"onmouseover=alert(1) x='.\n\n"
    "Kết quả được 214 buổi cho 2.691 lượt người.\n\n"
    "T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\nCao Trang Trọng\n\n"
    "Kế hoạch số 227-KH/HU, ngày 08/12/2023 về học tập."
)


def span(sub: str, nth: int = 0, text: str = TEXT) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return Span(start=start, end=start + len(sub), text=sub)


def hostile_report() -> Report:
    """A hand-made report with every kind of item, overlapping spans and hostile strings everywhere."""
    note_start = TEXT.index("Kế hoạch số 227")
    note = Span(start=note_start, end=len(TEXT), text=TEXT[note_start:])
    return Report(
        source=Source(path="bad<script>.txt", format="text"),
        document=DocumentHeader(kind="Báo cáo", id=HOSTILE, title=HOSTILE, recipients=[HOSTILE]),
        references=[
            Reference(id="216-KH/TU", kind="Kế hoạch", mentions=[span("Kế hoạch số 216-KH/TU")]),
            Reference(id='227-KH/HU"><script>', kind=HOSTILE, mentions=[span("227-KH/HU")]),
        ],
        dates=[
            DateItem(value="2023-11-28", grain="day", text="28/11/2023", span=span("28/11/2023")),
            DateItem(value="2023-12-08", grain="day", text="08/12/2023", span=span("08/12/2023")),
        ],
        quantities=[
            Quantity(value=42, unit="hội nghị", text="42 hội nghị", span=span("42 hội nghị")),
            Quantity(value=3182, unit="người", text="3.182 người", span=span("3.182 người")),
            Quantity(value=214, unit="buổi", text="214 buổi", span=span("214 buổi")),
            # crosses the end of the ratio below: must be split, not mis-nested
            Quantity(value=2538, unit=None, text="2.538 đạt", span=span("2.538 đạt")),
        ],
        ratios=[
            Ratio(numerator=2443, denominator=2538, percent=96.3, text="2.443/2.538 đạt 96,3%", span=span("2.443/2.538 đạt 96,3%")),
            Ratio(numerator=739, denominator=760, percent=99.9, text="739/760 đạt 99,9%", span=span("739/760 đạt 99,9%")),
        ],
        percentages=[
            Percentage(value=96.3, text="96,3%", span=span("96,3%")),
            Percentage(value=99.9, text="99,9%", span=span("99,9%")),
        ],
        units=[Unit(name=HOSTILE, kind="party_committee", mentions=[span("Ban Thường vụ Tỉnh ủy"), span("BAN THƯỜNG VỤ")])],
        people=[Person(name="Cao Trang Trọng", position="Phó Bí thư", span=span("Cao Trang Trọng"))],
        footnotes=[Footnote(marker="1", text=note.text, span=note, anchors=[span("đạo")])],
        checks=[
            Check(
                kind="percentage",
                status="consistent",
                stated=96.3,
                computed=96.2569,
                tolerance=0.05,
                message="2.443/2.538 = 96,26% ≈ 96,3%",
                operands=[
                    Operand(value=2443, role="numerator", span=span("2.443")),
                    Operand(value=2538, role="denominator", span=span("2.538")),
                ],
            ),
            Check(
                kind="percentage",
                status="inconsistent",
                stated=99.9,
                computed=97.24,
                tolerance=0.05,
                message=HOSTILE + " 739/760 = 97,24%, not 99,9%",
                operands=[
                    Operand(value=739, role="numerator", span=span("739")),
                    Operand(value=760, role="denominator", span=span("760")),
                    Operand(value=99.9, role="stated", span=span("99,9%")),
                ],
            ),
            Check(kind="sum", status="unverifiable", message="parts not found", operands=[Operand(value=214, role="total", span=None)]),
        ],
        coverage=Coverage(numeric_claims=3, checked=2),
        warnings=[Warning_(code="odd_figure", message=HOSTILE, span=span("2.691 lượt người"))],
        text=TEXT,
    )


class Dom(HTMLParser):
    """Just enough DOM: nesting checked, text rebuilt without inserted markup, marks located in it."""

    VOID = {"meta", "link", "input", "br", "hr", "img"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.in_text = 0  # depth inside .doctext, 0 outside
        self.skip = 0
        self.text: list[str] = []
        self.pos = 0
        self.marks: list[tuple[str, str, int, int]] = []  # (class, groups, start, end) of each piece
        self.open_marks: list[tuple[str, str, int]] = []
        self.scripts: list[str] = []
        self.elements: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.elements.append((tag, a))
        if tag in self.VOID:
            return
        cls = a.get("class") or ""
        self.stack.append((tag, a))
        if self.in_text:
            self.in_text += 1
            if self.skip or (tag == "sup" and "fn" in cls) or (tag == "a" and "fn-label" in cls) or "notes-sep" in cls:
                self.skip += 1
            elif tag == "span":
                self.open_marks.append((cls, a.get("data-g") or "", self.pos))
        elif "doctext" in cls:
            self.in_text = 1
        if tag == "script":
            self.scripts.append("")

    def handle_endtag(self, tag):
        assert self.stack, f"stray </{tag}>"
        open_tag, a = self.stack.pop()
        assert open_tag == tag, f"</{tag}> closes <{open_tag}>"
        if self.in_text:
            self.in_text -= 1
            if self.skip:
                self.skip -= 1
            elif tag == "span" and self.in_text:
                cls, groups, start = self.open_marks.pop()
                self.marks.append((cls, groups, start, self.pos))

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] == "script":
            self.scripts[-1] += data
        if self.in_text and not self.skip:
            self.text.append(data)
            self.pos += len(data)

    def covered(self, kind: str) -> set[int]:
        return {i for cls, _g, s, e in self.marks if f"k-{kind}" in cls.split() for i in range(s, e)}


def dom(page: str) -> Dom:
    d = Dom()
    d.feed(page)
    d.close()
    assert not d.stack, d.stack
    return d


def test_hand_made_report_is_valid():
    assert_valid(hostile_report())


def test_hostile_text_stays_text():
    page = render_html(hostile_report())
    d = dom(page)
    assert len(d.scripts) == 1 and "alert" not in d.scripts[0]  # only the page's own script
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "<script>alert" not in page
    for _tag, attrs in d.elements:
        assert not any(k.startswith("on") for k in attrs), attrs  # no injected handlers


def test_text_rebuilt_exactly_and_every_kind_highlighted():
    report = hostile_report()
    d = dom(render_html(report))
    assert "".join(d.text) == report.text
    expected = {
        "ref": [m for r in report.references for m in r.mentions],
        "date": [x.span for x in report.dates],
        "quantity": [x.span for x in report.quantities],
        "ratio": [x.span for x in report.ratios],
        "pct": [x.span for x in report.percentages],
        "unit": [m for u in report.units for m in u.mentions],
        "person": [x.span for x in report.people],
        "note": [f.span for f in report.footnotes],
        "anchor": [a for f in report.footnotes for a in f.anchors],
    }
    for kind, spans in expected.items():
        covered = d.covered(kind)
        for s in spans:
            assert set(range(s.start, s.end)) <= covered, (kind, s.text)
    # nothing highlighted outside the items' spans
    assert d.covered("person") == set(range(expected["person"][0].start, expected["person"][0].end))


def test_operands_carry_their_checks():
    report = hostile_report()
    d = dom(render_html(report))
    for i, check in enumerate(report.checks):
        for op in check.operands:
            if op.span is None:
                continue
            pieces = {(s, e) for cls, g, s, e in d.marks if "k-op" in cls and f"c{i}" in g.split()}
            covered = {k for s, e in pieces for k in range(s, e)}
            assert set(range(op.span.start, op.span.end)) <= covered, (i, op.role)


def test_warnings_with_spans_are_targets():
    report = hostile_report()
    page = render_html(report)
    d = dom(page)
    assert 'data-target="w0"' in page
    w = report.warnings[0].span
    covered = {k for cls, g, s, e in d.marks if "w0" in g.split() for k in range(s, e)}
    assert covered == set(range(w.start, w.end))


def test_tooltips_name_the_page_of_pdf_spans():
    report = hostile_report()
    report.people[0].span.page = 3
    assert 'title="PERSON Cao Trang Trọng, Phó Bí thư · page 3"' in render_html(report)


def test_checks_inconsistent_first_and_all_listed():
    page = render_html(hostile_report())
    order = [page.index(f'data-target="c{i}"') for i in range(3)]
    assert order[1] < order[2] < order[0]  # inconsistent, unverifiable, consistent
    assert "not found in the text" in page


def test_footnotes_linked_both_ways():
    page = render_html(hostile_report())
    d = dom(page)
    ids = {a.get("id") for _t, a in d.elements if a.get("id")}
    hrefs = {a.get("href") for t, a in d.elements if t == "a"}
    assert {"fn-0", "fnref-0-0"} <= ids
    assert {"#fn-0", "#fnref-0-0"} <= hrefs


def test_empty_anchor_still_links():
    report = hostile_report()
    at = report.footnotes[0].anchors[0].end
    report.footnotes[0].anchors = [Span(start=at, end=at, text="")]
    page = render_html(report)
    assert 'id="fnref-0-0"' in page and 'href="#fnref-0-0"' in page
    assert "".join(dom(page).text) == report.text


def test_standalone_no_network():
    d = dom(render_html(hostile_report()))
    for tag, attrs in d.elements:
        for key in ("src", "href"):
            value = attrs.get(key) or ""
            assert not value.startswith(("http:", "https:", "//")), (tag, attrs)
        assert tag not in ("iframe", "img", "object", "embed") or not attrs.get("src")
    csp = [a for t, a in d.elements if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in (csp[0]["content"] or "")


def test_report_without_text():
    report = hostile_report().model_copy(update={"text": None})
    page = render_html(report)
    dom(page)
    assert "carries no text" in page


# render_text on random overlapping marks: the text is intact and each mark covers exactly its range
@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet="ab <&>\"'\nđ", min_size=1, max_size=40).flatmap(
        lambda t: st.tuples(
            st.just(t),
            st.lists(
                st.tuples(st.integers(0, len(t)), st.integers(0, len(t)), st.sampled_from(["ref", "date", "ratio", "op"])), max_size=8
            ),
        )
    )
)
def test_render_text_nests_any_overlap(case):
    text, raw = case
    marks = [Mark(min(a, b), max(a, b), k, (f"g{i}",)) for i, (a, b, k) in enumerate(raw) if a != b]
    body = f'<div class="doctext">{render_text(text, marks)}</div>'
    d = dom(body)
    assert "".join(d.text) == text
    for m in marks:
        got = {k for cls, g, s, e in d.marks if g == m.groups[0] for k in range(s, e)}
        assert got == set(range(m.start, m.end)), m


@pytest.mark.parametrize(
    "href, expected",
    [
        ("001/report.html", "001/report.html"),
        ("báo cáo 1.html", "b%C3%A1o%20c%C3%A1o%201.html"),
        ("javascript:alert(1)", "#"),
        ("JavaScript:alert(1)", "#"),
        ("data:text/html,x", "#"),
        ("https://example.org/a", "https://example.org/a"),
    ],
)
def test_safe_href(href, expected):
    assert safe_href(href) == expected


def test_index_links_every_document_and_escapes():
    report = hostile_report()
    entries = [
        (report, "a/one.html"),
        ({"path": "two<b>.pdf", "status": "bad_pdf", "message": "not a PDF", "n_checks": 0}, "javascript:alert(1)"),
        ({"path": "three.txt", "id": "42-NQ/TW", "n_inconsistent": 2}, None),
    ]
    page = render_index(entries, title="Batch <1>")
    d = dom(page)
    links = [a["href"] for t, a in d.elements if t == "a"]
    assert links == ["a/one.html", "#"]
    assert "two&lt;b&gt;.pdf" in page and "Batch &lt;1&gt;" in page
    assert "3 documents, 2 read, 1 not read, 2 with inconsistencies" in html.unescape(page)


def test_index_shows_paths_below_their_common_folder():
    page = render_index([({"path": "/data/reports/a/x.txt"}, "x.html"), ({"path": "/data/reports/b/y.pdf"}, "y.html")])
    assert ">a/x.txt</a>" in page and 'title="/data/reports/b/y.pdf"' in page
    assert "Paths relative to <code>/data/reports</code>" in page


def test_seed_page_has_every_kind_found(seed_report):
    page = seed_report.to_html()
    d = dom(page)
    assert "".join(d.text) == seed_report.text
    found = {
        "ref": seed_report.references,
        "date": seed_report.dates,
        "quantity": seed_report.quantities,
        "ratio": seed_report.ratios,
        "pct": seed_report.percentages,
        "unit": seed_report.units,
        "person": seed_report.people,
    }
    for kind, items in found.items():
        assert bool(d.covered(kind)) == bool(items), kind
    assert page.count('class="target" data-target="c') == len(seed_report.checks)
    assert len(seed_report.footnotes) == 4
    assert all(f'href="#fn-{i}"' in page for i in range(4))


def test_cli_writes_html(seed_path, tmp_path):
    out = tmp_path / "seed.html"
    r = subprocess.run(
        [sys.executable, "-m", "nq_extract", "parse", str(seed_path), "--format", "html", "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "216-KH/TU" in page
