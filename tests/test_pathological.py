"""Pathological text: every input finishes, and time grows linearly with its size.

Each input is a unit repeated ``count`` times. The pipeline runs on a quarter of
it and on all of it, recording the seconds of every part (normalize, segment,
each stage) in CPU seconds of the thread, so other work on the machine does
not count. For every part, 4x the input may cost at most 8x the time (a quadratic
part costs 16x; linear work on a loaded machine has read 6.6x): a ratio
measured in this run, taking the best of repeated runs when a ratio looks high
(other work on the machine adds noise), never a wall-clock limit. Garbage
collection is off while a run is timed: a full collection walks every live
object, so the bigger input pays for more of them in each pass, a cost of the
heap the earlier tests left rather than of the part that happened to trigger it. A part that
spends under ``FLOOR`` seconds on the full input is too quick to time and
passes. The full input gets ``BIG_FACTOR`` times the quarter's total time (at
least ``MIN_LIMIT``) before it counts as not finishing, so a runaway pattern
ends the run early and fails with the part it was in; an exception fails that
part too.
"""

from __future__ import annotations

import gc
import time
from dataclasses import dataclass, field

import pytest

import nq_extract
from nq_extract.errors import Timeout
from nq_extract.pipeline import STAGES

MAX_RATIO = 8.0
FLOOR = 0.1  # CPU seconds: below this on the full input a part is too quick to time (a quadratic part at 4x still reads 16x above it)
BIG_FACTOR = 10.0  # the full input may take this many times the quarter's total ...
MIN_LIMIT = 2.0  # ... or at least this many seconds, before it counts as not finishing
SMALL_LIMIT = 20.0  # seconds for the quarter input
ROUNDS = 4  # measure again (keeping the best per part) while a ratio looks too high

# Prose without figures or capitals: one long paragraph that the extractors mostly pass over.
PROSE = (
    "các cấp ủy, tổ chức đảng đã quán triệt, triển khai thực hiện nghiêm túc các chủ trương của đảng, "
    "chính sách, pháp luật của nhà nước; công tác tuyên truyền được đổi mới, gắn với nhiệm vụ chính trị của địa phương. "
)
# Dense: every extractor finds something in each sentence.
SENTENCE = (
    "Toàn huyện có 2.443/2.538 đảng viên được học tập, đạt 96,3% theo Nghị quyết số 42-NQ/TW "
    "ngày 28/11/2023; xã Hồ Thầu tổ chức 214 buổi, thu hút trên 12.500 lượt người. "
)

# name -> (unit, count at full size). The first four are the sizes.
INPUTS: dict[str, tuple[str, int]] = {
    "so_repeated": ("số ", 60_000),
    "one_dot": ("1.", 100_000),
    "open_paren": ("(", 50_000),
    "no_newline_1mb": (PROSE, 1_000_000 // len(PROSE) + 1),
    "long_lines": (SENTENCE * 100 + "\n", 4),
    "open_bracket": ("[", 40_000),
    "md_link_start": ("[x](", 10_000),
    "stars": ("*", 40_000),
    "spaces": (" ", 200_000),
    "newlines": ("\n", 100_000),
    "form_feeds": ("\f", 40_000),
    "pages_with_notes": ("Nội dung trang có chỉ đạo1 và triển khai.\n" * 3 + "\n1\n  Ghi chú của trang.\f", 1_000),
    "superscripts": ("a¹", 60_000),
    "md_notes": ("[^1]: ghi chú\n", 4_000),
    "md_anchors_and_notes": ("chỉ đạo[^1] tốt.\n[^1]: ghi chú\n\n", 2_000),
    "digits": ("9", 50_000),
    "digit_groups": ("1.000", 8_000),
    "slashes": ("1/", 20_000),
    "dashes": ("-", 40_000),
    "plus_operands": ("1 + ", 10_000),
    "comma_numbers": ("1, ", 12_000),
    "dates": ("ngày 1/1/2020 ", 3_000),
    "ratios": ("2.443/2.538 ", 3_000),
    "percents": ("đạt 96,3% ", 4_000),
    "counts": ("214 buổi, ", 4_000),
    "references": ("Nghị quyết số 42-NQ/TW, ", 2_000),
    "upper_lines": ("BÁO CÁO\n", 6_000),
    "section_lines": ("I. Tiêu đề\n", 5_000),
    "recipient_lines": ("- Như trên;\n", 5_000),
    "capacity_lines": ("T/M\n", 10_000),
    "name_words": ("Nguyễn Văn ", 5_000),
    "unit_words": ("xã ", 20_000),
    "combining_run": ("\u0301", 50_000),
    "decomposed": ("e\u0302\u0301 ", 20_000),
    "alternating_marks": ("\u0323\u0302", 30_000),  # marks whose canonical order must be sorted
}

# name -> (text with @@, unit, count): one stretch of a real-looking sentence grows.
GROWN: dict[str, tuple[str, str, int]] = {
    # a word glued by a broken text layer, before the parenthesis of a part's percentage
    "glued_word_in_parts": (
        "Tổng số đơn vị sự nghiệp công lập cấp tỉnh là 271, trong đó: số đơn vị tự bảo đảm chi thường xuyên là 71 đơn vị, "
        "số đơn vị tự bảo đảm một phần chi thường xuyên là 123 @@ (số đơn vị tự bảo đảm từ\n70% - dưới 100% chi thường xuyên "
        "là 36 đơn vị, từ 30% - dưới 70% là 58 đơn vị, dưới 30% là 29 đơn vị).",
        "a",
        240,
    ),
    # many markers after long punctuation runs, one note for them all
    "anchors_after_dots": ("@@\n\n¹ Ghi chú.\n", "…" * 100 + "¹", 1_000),
    "anchors_after_long_word": ("@@\n\n¹ Ghi chú.\n", "a" * 100 + "¹ ", 1_000),
    "long_word_in_change": ("Khi mới thành lập năm 2005 có 1.897 hộ. Đến nay có 3.313 hộ, tăng 1.416 hộ @@ 4.921 khẩu.", "a", 20_000),
    "long_word_in_sum": ("Tổng số 214 buổi, gồm: 13 buổi @@, 20 buổi, 01 buổi và 180 buổi.", "a", 20_000),
    "long_word_in_name": ("Đồng chí Nguyễn @@ Văn An, Bí thư Huyện ủy", "a", 20_000),
}


def _numbered_page_notes(n: int) -> str:
    """Pages whose foot holds the next numbered note, with no marker glued in the body."""
    page = "Nội dung trang được triển khai thực hiện nghiêm túc, đúng kế hoạch.\n" * 3
    return "".join(f"{page}\n{i}\n  Ghi chú số {i} ở cuối trang.\f" for i in range(1, n + 1))


# name -> (make text from a count, count): inputs that are not one repeated unit.
MADE = {"numbered_page_notes": (_numbered_page_notes, 900)}

PARTS = ["normalize", "segment", *STAGES]
SHORT = {p: p.rsplit(".", 1)[-1] for p in PARTS}

# (input, part) -> reason naming the module; defects that other modules still have to fix.
XFAIL: dict[tuple[str, str], str] = {}


@dataclass
class Measure:
    small: dict[str, float] = field(default_factory=dict)  # part -> best seconds
    big: dict[str, float] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)  # part -> what went wrong


def _run(text: str, limit: float) -> tuple[dict[str, float | None], str | None, float]:
    """CPU seconds per part, what went wrong, and the wall time of the run (for the next limit)."""
    timings: dict[str, float | None] = {}
    gc.collect()
    gc.disable()  # a full collection scans every live object: its cost is the heap's, not the part's
    start = time.perf_counter()
    try:
        nq_extract.parse_text(text, timings=timings, timeout=limit, errors="raise")
    except Timeout:
        return timings, "timeout", time.perf_counter() - start
    except Exception as err:  # noqa: BLE001 - reported against the part that raised
        return timings, f"{type(err).__name__}: {str(err)[:200]}", time.perf_counter() - start
    finally:
        gc.enable()
    return timings, None, time.perf_counter() - start


def _in_progress(timings: dict[str, float | None]) -> str:
    return next((p for p, s in timings.items() if s is None), "normalize")


def _keep_best(into: dict[str, float], timings: dict[str, float | None]) -> None:
    for part, seconds in timings.items():
        if seconds is not None:
            into[part] = min(seconds, into.get(part, float("inf")))


def _too_slow(m: Measure) -> list[str]:
    return [p for p, big in m.big.items() if big >= FLOOR and big > MAX_RATIO * m.small.get(p, 0.0)]


def _texts(name: str) -> tuple[str, str]:
    """The quarter and the full input."""
    if name in MADE:
        make, count = MADE[name]
        return make(count // 4), make(count)
    if name in GROWN:
        template, unit, count = GROWN[name]
        return template.replace("@@", unit * (count // 4)), template.replace("@@", unit * count)
    unit, count = INPUTS[name]
    return unit * (count // 4), unit * count


def _measure(name: str) -> Measure:
    small, big = _texts(name)
    m = Measure()
    wall = float("inf")
    for round_ in range(ROUNDS):
        timings, error, seconds = _run(small, SMALL_LIMIT)
        _keep_best(m.small, timings)
        wall = min(wall, seconds)
        if error:
            m.failed[_in_progress(timings)] = f"did not finish within {SMALL_LIMIT:g} s" if error == "timeout" else error
            return m
        limit = max(MIN_LIMIT, BIG_FACTOR * wall)
        timings, error, _ = _run(big, limit)
        _keep_best(m.big, timings)
        if error and error != "timeout":
            m.failed[_in_progress(timings)] = error
            return m
        if error == "timeout" and round_ >= 1:  # twice over the limit: no noise does that
            m.failed[_in_progress(timings)] = f"did not finish: 4x the input ran over {BIG_FACTOR:g}x the quarter's time ({limit:.2f} s)"
            return m
        if not error and not _too_slow(m):
            return m
    return m


@pytest.fixture(scope="module")
def measures():
    nq_extract.parse_text(SENTENCE + PROSE)  # imports and caches outside the timings
    # Objects that exist before the runs (modules, data tables) are left out of garbage
    # collection passes, so a full pass in one run and not the other does not skew a ratio.
    gc.collect()
    gc.freeze()
    cache: dict[str, Measure] = {}

    def get(name: str) -> Measure:
        if name not in cache:
            cache[name] = _measure(name)
        return cache[name]

    yield get
    gc.unfreeze()


def _blank(unit: str) -> bool:
    """Is the unit nothing once normalized (spaces, page breaks, Markdown marks)? The stages then do not run."""
    from nq_extract import normalize
    from nq_extract.document import Loaded
    from nq_extract.models import Source

    return not normalize.build(Loaded(text=unit * 8, source=Source())).text.strip()


def _params():
    for name in [*INPUTS, *GROWN, *MADE]:
        blank = name in INPUTS and _blank(INPUTS[name][0])
        for part in PARTS[:2] if blank else PARTS:
            reason = XFAIL.get((name, SHORT[part]))
            marks = [pytest.mark.xfail(strict=False, reason=reason)] if reason else []
            yield pytest.param(name, part, marks=marks, id=f"{name}-{SHORT[part]}")


@pytest.mark.parametrize(("name", "part"), list(_params()))
def test_finishes_in_linear_time(measures, name, part):
    m = measures(name)
    if part in m.failed:
        pytest.fail(f"{SHORT[part]} on {name}: {m.failed[part]}")
    if part not in m.big:
        reason = f"{', '.join(SHORT[p] for p in m.failed)} failed first" if m.failed else "blank text: the stages do not run"
        pytest.skip(f"{SHORT[part]} on {name}: not reached, {reason}")
    big, small = m.big[part], m.small[part]
    if big < FLOOR:
        return
    ratio = big / max(small, 1e-9)
    assert ratio <= MAX_RATIO, f"{SHORT[part]} on {name}: 4x the input took {ratio:.1f}x the time ({small:.3f} s -> {big:.3f} s)"


def test_every_input_is_big():
    """The issue's sizes: at least these many repetitions at full size."""
    assert INPUTS["so_repeated"][1] >= 60_000 and INPUTS["one_dot"][1] >= 100_000 and INPUTS["open_paren"][1] >= 50_000
    unit, count = INPUTS["no_newline_1mb"]
    assert len(unit * count) >= 990_000 and "\n" not in unit


def test_time_limit_is_measured_per_document():
    """The guard used above stops a run and names it; a later run is not affected."""
    report = nq_extract.parse_text(SENTENCE * 2000, timeout=1e-4)
    assert report.source.status == "timeout" and "time limit" in (report.source.message or "")
    assert nq_extract.parse_text(SENTENCE).source.status == "ok"
