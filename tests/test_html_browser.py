"""The review page in a real headless browser (Debian's chromium driven by playwright).

Never downloads a browser: uses /usr/bin/chromium (installed by ``make test`` as
root through the Makefile's ``sysdeps``) and skips with the reason when absent.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pydantic import BaseModel

from nq_extract.export.html import render_html, render_index
from nq_extract.models import Report, Span
from tests.test_html import TEXT, hostile_report

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path(os.environ.get("NQ_EXTRACT_CHROMIUM", "/usr/bin/chromium"))
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip(f"chromium not found at {CHROMIUM} (apt-get install chromium, or run `make test` as root)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


def long_report() -> Report:
    """The hand-made report with a long preamble, so operands start far below the fold."""
    filler = "Đoạn văn đệm để trang đủ dài.\n" * 120
    base = hostile_report()
    shift = len(filler)

    def moved(value):
        if isinstance(value, Span):
            return value.model_copy(update={"start": value.start + shift, "end": value.end + shift})
        if isinstance(value, list):
            return [moved(v) for v in value]
        if isinstance(value, BaseModel):
            return value.model_copy(update={k: moved(getattr(value, k)) for k in type(value).model_fields})
        return value

    report = moved(base)
    report.text = filler + TEXT
    return report


def open_page(browser, path: Path):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("request", lambda r: problems.append(f"request: {r.url}") if not r.url.startswith(("file:", "data:")) else None)
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, problems


def in_viewport(page, selector: str) -> bool:
    return page.eval_on_selector(
        selector,
        "el => { const r = el.getBoundingClientRect(); return r.bottom > 0 && r.top < window.innerHeight && r.height > 0; }",
    )


def test_check_click_scrolls_to_and_highlights_operands(browser, tmp_path):
    report = long_report()
    path = tmp_path / "review.html"
    path.write_text(render_html(report), encoding="utf-8")
    page, problems = open_page(browser, path)
    first_op = "[data-g~='c1']"
    assert page.locator(first_op).count() == 3
    assert not in_viewport(page, first_op), "operands should start below the fold"
    assert page.locator(".hl").count() == 0
    page.click("button[data-target='c1']")
    assert page.locator(f"{first_op}.hl").count() == 3
    assert page.get_attribute("button[data-target='c1']", "aria-pressed") == "true"
    assert in_viewport(page, first_op)
    assert page.evaluate("() => window.scrollY") > 0
    # another check moves the highlight
    page.click("button[data-target='c0']")
    assert page.locator(".hl").count() >= 2 and page.locator(f"{first_op}.hl").count() == 0
    # clicking an operand in the text selects the check that uses it
    page.click(".doctext [data-g~='c1'] >> nth=0")
    assert page.get_attribute("button[data-target='c1']", "aria-pressed") == "true"
    assert page.get_attribute("button[data-target='c0']", "aria-pressed") == "false"
    shot = tmp_path / "review.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000
    # the hostile strings stayed text: no alert dialog, no extra script ran
    assert page.evaluate("() => document.scripts.length") == 1
    assert "<script>" in page.inner_text("main.text")
    # legend boxes hide a kind
    before = page.eval_on_selector(".doctext .k-ref", "el => getComputedStyle(el).backgroundColor")
    page.uncheck(".legend input[data-kind='ref']")
    after = page.eval_on_selector(".doctext .k-ref", "el => getComputedStyle(el).backgroundColor")
    assert before != after
    page.close()
    assert problems == []


def test_seed_page_loads_clean_and_links_footnotes(browser, tmp_path, seed_report):
    path = tmp_path / "seed.html"
    path.write_text(seed_report.to_html(), encoding="utf-8")
    page, problems = open_page(browser, path)
    assert page.locator(".doctext .k-ref").count() >= len(seed_report.references)
    page.click("sup.fn a[href='#fn-3']")
    assert in_viewport(page, "#fn-3")
    if seed_report.checks:
        page.click("ol.checks button.target >> nth=0")
        assert page.locator(".hl").count() >= 1
    page.screenshot(path=str(tmp_path / "seed.png"), full_page=True)
    assert (tmp_path / "seed.png").stat().st_size > 10_000
    page.close()
    assert problems == []


def test_index_page_filters_and_sorts(browser, tmp_path):
    rows = [
        ({"path": "b.txt", "id": "2-BC/HU", "n_checks": 5, "status": "ok"}, "b.html"),
        ({"path": "a.txt", "id": "1-BC/HU", "n_checks": 12, "status": "ok"}, "a.html"),
        ({"path": "c.pdf", "status": "bad_pdf", "message": "broken", "n_checks": 0}, None),
    ]
    path = tmp_path / "index.html"
    path.write_text(render_index(rows), encoding="utf-8")
    page, problems = open_page(browser, path)
    assert page.locator("tbody tr").count() == 3
    page.fill("input.filter", "bad_pdf")
    assert page.locator("tbody tr:visible").count() == 1
    page.fill("input.filter", "")
    page.click("th:has-text('checks')")
    assert page.locator("tbody tr >> nth=0").inner_text().startswith("c.pdf")
    page.click("th:has-text('checks')")
    assert page.locator("tbody tr >> nth=0").inner_text().startswith("a.txt")
    page.close()
    assert problems == []
