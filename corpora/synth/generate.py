"""Synthetic Vietnamese reports with known ground truth, as text, DOCX and PDF.

    python corpora/synth/generate.py OUT --n 1000 --formats txt,docx,pdf --seed 1

Each report ``OUT/synth_00042.<fmt>`` comes with ``OUT/synth_00042.truth.json``:
its own id, the ids it cites, the units it names, every stated percentage, the
ratios and sums it states with whether their arithmetic holds (about one
report in five carries a wrong figure on purpose), and its footnotes.

The reports follow the shape of real district and provincial reports (party
and state styles: header, number, place and date, title, body in sections,
footnotes, recipients, signature) but every figure is drawn at random: they
serve scale tests and benchmarks, never as the only evidence of quality.
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import asdict, dataclass, field
from pathlib import Path

PLACES = [  # (province, district, communes)
    ("Lai Châu", "Tam Đường", ["Bình Lư", "Bản Bo", "Sơn Bình", "Nà Tăm"]),
    ("Điện Biên", "Mường Chà", ["Sa Lông", "Ma Thì Hồ", "Mường Mươn"]),
    ("Hà Giang", "Đồng Văn", ["Lũng Cú", "Phố Bảng", "Sủng Là"]),
    ("Nghệ An", "Con Cuông", ["Môn Sơn", "Lục Dạ", "Châu Khê"]),
    ("Thanh Hóa", "Bá Thước", ["Lũng Niêm", "Cổ Lũng", "Thành Sơn"]),
    ("Quảng Nam", "Nam Trà My", ["Trà Mai", "Trà Tập", "Trà Cang"]),
    ("Sơn La", "Mộc Châu", ["Chiềng Sơn", "Tân Lập", "Đông Sang"]),
    ("Lào Cai", "Bát Xát", ["Y Tý", "A Mú Sung", "Trịnh Tường"]),
    ("Cao Bằng", "Bảo Lạc", ["Cô Ba", "Hưng Đạo", "Sơn Lộ"]),
    ("Kon Tum", "Đăk Glei", ["Đăk Pék", "Đăk Man", "Mường Hoong"]),
]
BODIES = ["Mặt trận Tổ quốc", "Hội Cựu chiến binh", "Hội Liên hiệp Phụ nữ", "Đoàn Thanh niên", "Hội Nông dân", "Ban Tuyên giáo"]
TOPICS = [
    ("nghiên cứu, học tập, quán triệt Nghị quyết", "hội nghị", "lượt cán bộ, đảng viên"),
    ("tuyên truyền, phổ biến, giáo dục pháp luật", "buổi", "lượt người"),
    ("xây dựng nông thôn mới", "công trình", "hộ gia đình"),
    ("phát triển đảng viên mới", "lớp", "quần chúng ưu tú"),
    ("cải cách hành chính", "thủ tục", "hồ sơ"),
]
CENTRAL = ["42-NQ/TW", "43-NQ/TW", "44-NQ/TW", "45-NQ/TW", "21-NQ/TW", "35-NQ/TW", "05-CT/TW", "23-CT/TW"]
KINDS = [("Kế hoạch", "KH"), ("Công văn", "CV"), ("Hướng dẫn", "HD"), ("Quyết định", "QĐ"), ("Chỉ thị", "CT")]
NAMES = ["Nguyễn Văn An", "Lò Văn Thành", "Giàng A Chớ", "Hoàng Thị Mai", "Lương Văn Hùng", "Vàng Seo Páo", "Trần Thị Hạnh", "Sùng A Lử"]
SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"


@dataclass
class Truth:
    name: str
    style: str
    id: str
    kind: str
    date: str
    place: str
    province: str
    district: str
    signer: str
    references: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    percentages: list[float] = field(default_factory=list)
    ratios: list[dict] = field(default_factory=list)
    sums: list[dict] = field(default_factory=list)
    footnotes: int = 0
    inconsistent: bool = False


def vn_int(n: int) -> str:
    """3182 -> '3.182' (Vietnamese thousands)."""
    return f"{n:,}".replace(",", ".")


def vn_dec(x: float, places: int = 1) -> str:
    return f"{x:.{places}f}".replace(".", ",")


def sup(n: int) -> str:
    return "".join(SUPERSCRIPT[int(d)] for d in str(n))


def make_report(i: int, rng: random.Random) -> tuple[list[tuple[str, str]], list[str], Truth]:
    """(body paragraphs as (style, text), footnotes, truth). Footnote markers are '{fn}' placeholders."""
    province, district, communes = rng.choice(PLACES)
    year = rng.choice([2024, 2025])
    month, day = rng.randint(3, 12), rng.randint(1, 28)
    party = rng.random() < 0.6
    number = rng.randint(5, 999)
    own = f"{number}-BC/HU" if party else f"{number}/BC-UBND"
    topic, event_noun, people_noun = rng.choice(TOPICS)
    signer = rng.choice(NAMES)
    truth = Truth(
        name=f"synth_{i:05d}",
        style="party" if party else "state",
        id=own,
        kind="Báo cáo",
        date=f"{year}-{month:02d}-{day:02d}",
        place=district,
        province=province,
        district=district,
        signer=signer,
    )
    wrong = rng.random() < 0.2  # this report carries a wrong figure on purpose
    truth.inconsistent = wrong
    paras: list[tuple[str, str]] = []
    notes: list[str] = []

    def note(text: str) -> str:
        notes.append(text)
        return sup(len(notes))

    if party:
        paras += [
            ("header", f"ĐẢNG BỘ TỈNH {province.upper()}\nHUYỆN ỦY {district.upper()}\n*\nSố {own}"),
            ("header", "ĐẢNG CỘNG SẢN VIỆT NAM"),
        ]
        issuer_up = "Ban Thường vụ Tỉnh ủy"
    else:
        paras += [
            ("header", f"ỦY BAN NHÂN DÂN\nHUYỆN {district.upper()}\nSố: {own}"),
            ("header", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"),
        ]
        issuer_up = "Ủy ban nhân dân tỉnh"
    paras.append(("place", f"{district}, ngày {day:02d} tháng {month:02d} năm {year}"))
    paras.append(("title", f"BÁO CÁO\nKết quả {topic} năm {year}"))
    kname, kcode = rng.choice(KINDS)
    up_num = rng.randint(10, 400)
    up_id = f"{up_num}-{kcode}/TU" if party else f"{up_num}/{kcode}-UBND"
    up_date = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{year - 1}"
    truth.references.append(up_id)
    own_unit = f"Huyện ủy {district}" if party else f"Ủy ban nhân dân huyện {district}"
    truth.units.append(own_unit)
    paras.append(
        (
            "body",
            f"Thực hiện {kname} số {up_id}, ngày {up_date} của {issuer_up} {province} về {topic}, "
            f"{'Ban Thường vụ ' if party else ''}{own_unit} báo cáo kết quả như sau:",
        )
    )
    paras.append(("section", "I. CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO"))
    local_num = rng.randint(10, 500)
    local_id = f"{local_num}-KH/HU" if party else f"{local_num}/KH-UBND"
    central = rng.sample(CENTRAL, k=rng.randint(1, 3))
    truth.references += [local_id, *central]
    m1 = note(f"Kế hoạch số {local_id}, ngày {rng.randint(1, 28):02d}/{rng.randint(1, month - 1):02d}/{year} về {topic}.")
    m2 = note(
        "; ".join(f"{'Nghị quyết' if '-NQ/' in c else 'Chỉ thị'} số {c} của Bộ Chính trị, Ban Chấp hành Trung ương" for c in central) + "."
    )
    bodies = rng.sample(BODIES, k=3)
    truth.units += bodies
    paras.append(
        (
            "body",
            f"Bám sát sự chỉ đạo của cấp trên, {own_unit} đã kịp thời ban hành kế hoạch, văn bản chỉ đạo{m1} "
            f"triển khai thực hiện các nghị quyết, chỉ thị của Trung ương{m2} phù hợp với tình hình thực tiễn của địa phương. "
            f"Chỉ đạo {', '.join(bodies[:-1])} và {bodies[-1]} huyện phối hợp tuyên truyền bằng nhiều hình thức.",
        )
    )
    paras.append(("section", "II. KẾT QUẢ THỰC HIỆN"))
    # a sum stated in the body, its parts in a footnote
    parts = [rng.randint(1, 60) for _ in range(rng.randint(2, 4))]
    total = sum(parts)
    stated_total = total + (rng.choice([-3, -2, 2, 5]) if wrong and rng.random() < 0.5 else 0)
    levels = ["cấp huyện", "cấp xã", "tại các chi bộ", "tại các thôn, bản"]
    m3 = note("Gồm: " + ", ".join(f"{vn_int(p).zfill(2)} {event_noun} {levels[k]}" for k, p in enumerate(parts)) + ".")
    truth.sums.append({"stated": stated_total, "parts": parts, "consistent": stated_total == total})
    attendees = rng.randint(300, 25000)
    paras.append(
        (
            "body",
            f"Toàn huyện đã tổ chức {vn_int(stated_total)} {event_noun}{m3} với {vn_int(attendees)} {people_noun} tham gia.",
        )
    )
    # ratios with a stated percentage
    sum_wrong = not truth.sums[-1]["consistent"]
    for k in range(rng.randint(1, 3)):
        den = rng.randint(200, 9000)
        num = rng.randint(int(den * 0.7), den)
        pct = round(100 * num / den, 1)
        if wrong and not sum_wrong and k == 0:
            pct = round(min(pct + rng.choice([1.5, 2.7, 4.2]), 100.0), 1)
        consistent = abs(pct - 100 * num / den) < 0.05 + 1e-9
        truth.ratios.append({"numerator": num, "denominator": den, "percent": pct, "consistent": consistent})
        truth.percentages.append(pct)
        commune = rng.choice(communes)
        if f"xã {commune}" not in truth.units:
            truth.units.append(f"xã {commune}")
        paras.append(
            (
                "body",
                f"Tại xã {commune}, số {people_noun} tham gia đạt {vn_int(num)}/{vn_int(den)}, bằng {vn_dec(pct)}% so với kế hoạch.",
            )
        )
    lone = round(rng.uniform(50, 130), 1)
    truth.percentages.append(lone)
    paras.append(("body", f"Kết quả thực hiện chỉ tiêu năm {year} đạt {vn_dec(lone)}% so với Nghị quyết."))
    paras.append(("section", "III. ĐÁNH GIÁ CHUNG VÀ NHIỆM VỤ THỜI GIAN TỚI"))
    paras.append(
        (
            "body",
            "Nhìn chung, công tác triển khai được thực hiện nghiêm túc, đúng kế hoạch; "
            "tuy nhiên một số cơ sở còn chậm báo cáo, hình thức tuyên truyền chưa đa dạng. "
            f"Thời gian tới, tiếp tục quán triệt và cụ thể hóa các nội dung của {kname} số {up_id}.",
        )
    )
    paras.append(("recipients", f"Nơi nhận:\n- {issuer_up} (b/c),\n- Các đồng chí Ủy viên Ban Thường vụ,\n- Lưu Văn phòng."))
    paras.append(("signature", ("T/M BAN THƯỜNG VỤ\nBÍ THƯ" if party else "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH") + f"\n\n{signer}"))
    truth.footnotes = len(notes)
    truth.percentages = sorted(set(truth.percentages))
    return paras, notes, truth


def as_text(paras: list[tuple[str, str]], notes: list[str]) -> str:
    body = "\n\n".join(text for _, text in paras)
    foot = "\n\n".join(f"{sup(k + 1)} {n}" for k, n in enumerate(notes))
    return f"{body}\n\n{foot}\n"


def write_docx(path: Path, paras: list[tuple[str, str]], notes: list[str]) -> None:
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    for style, text in paras:
        p = doc.add_paragraph()
        _runs(p, text, bold=style in ("header", "title", "section", "signature"))
        if style == "title":
            p.alignment = 1
    doc.add_paragraph("_" * 20)
    for k, n in enumerate(notes):
        p = doc.add_paragraph()
        r = p.add_run(str(k + 1))
        r.font.superscript = True
        r2 = p.add_run(" " + n)
        r2.font.size = Pt(10)
    doc.save(str(path))


def _runs(p: object, text: str, bold: bool) -> None:
    """Text with superscript digits as real superscript runs (as Word writes footnote markers)."""
    buf = ""
    for ch in text:
        if ch in SUPERSCRIPT:
            if buf:
                r = p.add_run(buf)  # type: ignore[attr-defined]
                r.bold = bold
                buf = ""
            r = p.add_run(str(SUPERSCRIPT.index(ch)))  # type: ignore[attr-defined]
            r.font.superscript = True
        else:
            buf += ch
    if buf:
        r = p.add_run(buf)  # type: ignore[attr-defined]
        r.bold = bold


def write_pdf(path: Path, paras: list[tuple[str, str]], notes: list[str]) -> None:
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
        pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"))
    normal = ParagraphStyle("n", fontName="DejaVuSans", fontSize=11, leading=15)
    bold = ParagraphStyle("b", parent=normal, fontName="DejaVuSans-Bold")
    small = ParagraphStyle("s", parent=normal, fontSize=9, leading=11)

    def markup(text: str) -> str:
        out = escape(text).replace("\n", "<br/>")
        for k, ch in enumerate(SUPERSCRIPT):
            out = out.replace(ch, f"<super>{k}</super>")
        return out

    story = []
    for style, text in paras:
        story.append(Paragraph(markup(text), bold if style in ("header", "title", "section", "signature") else normal))
        story.append(Spacer(1, 4))
    story.append(Spacer(1, 12))
    for k, n in enumerate(notes):
        story.append(Paragraph(f"<super>{k + 1}</super> {escape(n)}", small))
    SimpleDocTemplate(str(path), pagesize=A4, title="Báo cáo").build(story)


def generate(out: Path, n: int, formats: tuple[str, ...] = ("txt",), seed: int = 1, start: int = 0) -> list[Path]:
    """Write ``n`` reports in each format (and their truth files); returns the document paths."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    paths = []
    for i in range(start, start + n):
        paras, notes, truth = make_report(i, rng)
        (out / f"{truth.name}.truth.json").write_text(json.dumps(asdict(truth), ensure_ascii=False, indent=1), encoding="utf-8")
        for fmt in formats:
            p = out / f"{truth.name}.{fmt}"
            if fmt == "txt":
                p.write_text(as_text(paras, notes), encoding="utf-8")
            elif fmt == "docx":
                write_docx(p, paras, notes)
            elif fmt == "pdf":
                write_pdf(p, paras, notes)
            else:
                raise SystemExit(f"unknown format {fmt!r}: txt, docx or pdf")
            paths.append(p)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--formats", default="txt")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    paths = generate(args.out, args.n, tuple(args.formats.split(",")), args.seed)
    print(f"{len(paths)} documents in {args.out}")


if __name__ == "__main__":
    main()
