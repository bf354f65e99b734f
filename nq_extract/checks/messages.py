"""Messages of a check, in Vietnamese with an English twin.

A message says what agrees or disagrees, never which figure is wrong:
``2.443/2.538 = 96,26% (báo cáo ghi 96,3%): khớp``.
"""

from __future__ import annotations

from .decide import APPROXIMATE, CONSISTENT, INCONSISTENT, REVERSED, ROUNDING, TRUNCATION, Decision
from .rounding import show

VERDICT_VI = {CONSISTENT: "khớp", INCONSISTENT: "không khớp", "unverifiable": "không kiểm tra được"}
VERDICT_EN = {CONSISTENT: "consistent", INCONSISTENT: "inconsistent", "unverifiable": "unverifiable"}
FINDING_VI = {
    TRUNCATION: "khớp nếu số liệu được cắt bớt chữ số thay vì làm tròn",
    APPROXIMATE: "số liệu ghi gần đúng, đã nới dung sai",
    REVERSED: "tỷ lệ chỉ khớp khi đảo tử số và mẫu số",
    ROUNDING: "chỉ khớp trong sai số làm tròn: các số như đã ghi cộng lại không bằng tổng",
}
FINDING_EN = {
    TRUNCATION: "matches if the figure was truncated rather than rounded",
    APPROXIMATE: "approximate figure, tolerance widened",
    REVERSED: "the ratio matches only with numerator and denominator swapped",
    ROUNDING: "matches only within rounding: the figures as written do not add up to the total",
}


def _en(written: str) -> str:
    """Vietnamese notation to English: ``2.443,5`` -> ``2,443.5``."""
    return written.replace(".", "\x00").replace(",", ".").replace("\x00", ",")


def _verdict(decision: Decision) -> tuple[str, str]:
    vi, en = VERDICT_VI[decision.status], VERDICT_EN[decision.status]
    if decision.finding:
        vi += f" ({FINDING_VI[decision.finding]})"
        en += f" ({FINDING_EN[decision.finding]})"
    return vi, en


def percentage(num: str, den: str, pct: str, decision: Decision, decimals: int) -> tuple[str, str]:
    value = decision.shown
    shown = show(value, max(decimals + 1, 2)) if value is not None else "?"
    vi, en = _verdict(decision)
    return (
        f"{num}/{den} = {shown}% (báo cáo ghi {pct}%): {vi}",
        f"{_en(num)}/{_en(den)} = {_en(shown)}% (report states {_en(pct)}%): {en}",
    )


def total(total_written: str, parts: list[str], decision: Decision) -> tuple[str, str]:
    value = decision.shown
    shown = show(value, 2) if value is not None else "?"
    vi, en = _verdict(decision)
    return (
        f"{' + '.join(parts)} = {shown} (báo cáo ghi tổng {total_written}): {vi}",
        f"{' + '.join(_en(p) for p in parts)} = {_en(shown)} (report states a total of {_en(total_written)}): {en}",
    )


def difference(after: str, before: str, diff: str, decision: Decision) -> tuple[str, str]:
    value = decision.shown
    shown = show(value, 2) if value is not None else "?"
    vi, en = _verdict(decision)
    return (
        f"chênh lệch giữa {after} và {before} = {shown} (báo cáo ghi {diff}): {vi}",
        f"difference between {_en(after)} and {_en(before)} = {_en(shown)} (report states {_en(diff)}): {en}",
    )


def count(stated: str, items: list[str], decision: Decision) -> tuple[str, str]:
    vi, en = _verdict(decision)
    n = len(items)
    return (
        f"báo cáo ghi {stated}, liệt kê {n} tên: {vi}",
        f"report states {_en(stated)}, names {n} items: {en}",
    )


def same(first: str, second: str, label: str, decision: Decision) -> tuple[str, str]:
    vi, en = _verdict(decision)
    return (
        f"'{label}' được ghi hai lần: {first} và {second}: {vi}",
        f"'{label}' is stated twice: {_en(first)} and {_en(second)}: {en}",
    )


def growth(diff: str, base: str, pct: str, decision: Decision, decimals: int) -> tuple[str, str]:
    value = decision.shown
    shown = show(value, max(decimals + 1, 2)) if value is not None else "?"
    vi, en = _verdict(decision)
    return (
        f"mức thay đổi {diff} so với {base} = {shown}% (báo cáo ghi {pct}%): {vi}",
        f"change of {_en(diff)} against {_en(base)} = {_en(shown)}% (report states {_en(pct)}%): {en}",
    )


def times(after: str, before: str, factor: str, decision: Decision, decimals: int) -> tuple[str, str]:
    value = decision.shown
    shown = show(value / 100, max(decimals + 1, 2)) if value is not None else "?"
    vi, en = _verdict(decision)
    return (
        f"{after}/{before} = {shown} lần (báo cáo ghi {factor} lần): {vi}",
        f"{_en(after)}/{_en(before)} = {_en(shown)} times (report states {_en(factor)} times): {en}",
    )


_ADMIN_REASON = {
    "loose": ("đọc gộp mọi loại đơn vị cùng cấp", "reading the count as every unit of that level"),
    "snapshot": (
        "danh mục có thể không đúng với thời điểm báo cáo (đơn vị hành chính đã thay đổi giữa các đợt sắp xếp)",
        "the list may not fit the report's time (units changed between reorganisations)",
    ),
    "part": ("số liệu có thể chỉ tính một phần địa bàn", "the count may be of part of the area"),
    "noun": (
        "các đơn vị được suy ra từ các loại đơn vị nêu trước trong câu",
        "the units are inferred from the types named earlier in the sentence",
    ),
    "era": (
        "không xác định được thời điểm báo cáo (trước hay sau 01/7/2025)",
        "the report's time (before or after 1 July 2025) is unknown",
    ),
}


def admin_count(
    stated: str,
    area: str,
    types: str,
    computed: int | None,
    per_type: dict[str, int],
    snapshot: tuple[str, str, str],
    reason: str,
    decision: Decision,
) -> tuple[str, str]:
    """A stated count of administrative units against the gazetteer: "huyện Tam Đường ... có 13 xã, thị trấn ..."."""
    vi, en = _verdict(decision)
    snap_vi, snap_en, source = snapshot
    detail = ", ".join(f"{n} {t.lower()}" for t, n in sorted(per_type.items(), key=lambda kv: -kv[1]))
    why_vi, why_en = _ADMIN_REASON.get(reason, ("", ""))
    if why_vi:
        vi, en = f"{vi} ({why_vi})", f"{en} ({why_en})"
    if computed is None:
        return (
            f"báo cáo ghi {stated} {types} của {area}: {vi}",
            f"report states {_en(stated)} {types} in {area}: {en}",
        )
    return (
        f"{area} có {computed} {types} theo {snap_vi}, nguồn {source} ({detail}); báo cáo ghi {stated}: {vi}",
        f"{area} has {computed} {types} in the gazetteer's {snap_en}, source {source} ({detail}); report states {_en(stated)}: {en}",
    )
