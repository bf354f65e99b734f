"""Write the bad-inputs corpus: small broken, hostile or oddly encoded files.

Deterministic (fixed seeds, fixed PDF dates and ids), so running it again gives
the same bytes. The files are committed; run this only to change the corpus:

    .venv/bin/python tests/badinputs/make_badinputs.py

Needs reportlab (a dev extra) for the PDFs.
"""

from __future__ import annotations

import io
import random
import unicodedata
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

# A short report in Vietnamese, used for the text encodings.
SAMPLE = (
    "ĐẢNG BỘ HUYỆN MƯỜNG TÈ\n"
    "Số 12-BC/HU\n"
    "BÁO CÁO\n"
    "Kết quả thực hiện Nghị quyết số 42-NQ/TW năm 2024\n\n"
    "Toàn huyện có 2.443/2.538 đảng viên được học tập, đạt 96,3%. "
    "Tổ chức 214 buổi tuyên truyền, thu hút trên 12.500 lượt người tham gia.\n"
)
# ASCII only: the PDFs use a built-in font.
PDF_LINES = ["BAO CAO", "So 12-BC/HU, ngay 28/11/2023", "Toan huyen co 2.443/2.538 dang vien duoc hoc tap, dat 96,3%."]
PASSWORD = "mat-khau"


def cp1258(text: str) -> bytes:
    """Windows-1258 as old Vietnamese software wrote it: base letter, then a combining tone mark."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        # keep the vowel marks Windows-1258 has precomposed (â ê ô ơ ư ă), write the tone apart
        vowel = "".join(m for m in parts[1:] if m in "\u0302\u0306\u031b")
        tone = "".join(m for m in parts[1:] if m not in vowel)
        out += unicodedata.normalize("NFC", parts[0] + vowel).encode("cp1258") + tone.encode("cp1258")
    return bytes(out)


def _pdf(lines: list[str], encrypt: str | None = None, blank: bool = False, extra_pages: int = 0) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1, encrypt=encrypt, pageCompression=0)
    if not blank:
        c.setFont("Helvetica", 12)
        y = 780.0
        for line in lines:
            c.drawString(72, y, line)
            y -= 18
    c.showPage()
    for _ in range(extra_pages):
        c.drawString(72, 780, lines[0] if lines else "")
        c.showPage()
    c.save()
    return buf.getvalue()


def _junk_zip(rng: random.Random) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name in ("junk.bin", "word/not-xml.bin", "[Content_Types].xml"):
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            z.writestr(info, rng.randbytes(512))
    return buf.getvalue()


def _docx_declaring_huge_part() -> bytes:
    """A DOCX whose document part says it inflates to almost 4 GB (a zip bomb's header, without the bomb)."""
    import docx  # python-docx: a valid package, so a reader gets as far as the document part

    made = io.BytesIO()
    d = docx.Document()
    d.add_paragraph("Báo cáo")
    d.save(made)
    buf = io.BytesIO()
    with zipfile.ZipFile(made) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():  # fixed dates: the same bytes on every run
            fixed = zipfile.ZipInfo(info.filename, date_time=(2020, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(fixed, src.read(info))
    data = bytearray(buf.getvalue())
    huge = (0xFFFFFFF0).to_bytes(4, "little")
    for sig, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):  # local header, central directory
        at = data.find(sig)
        while at >= 0:
            name_len = int.from_bytes(data[at + (26 if sig == b"PK\x03\x04" else 28) :][:2], "little")
            name_at = at + (30 if sig == b"PK\x03\x04" else 46)
            if data[name_at : name_at + name_len] == b"word/document.xml":
                data[at + offset : at + offset + 4] = huge
            at = data.find(sig, at + 4)
    return bytes(data)


def files() -> dict[str, bytes]:
    rng = random.Random(20261127)
    full = _pdf(PDF_LINES)
    return {
        "empty.txt": b"",
        "random_bytes.bin": rng.randbytes(4096),
        "random_behind_pdf_header.pdf": b"%PDF-1.7\n" + rng.randbytes(4096),
        # cut inside the page's content stream: no xref, no trailer, no end of stream
        "truncated.pdf": full[: full.index(b"stream") + 40],
        "encrypted.pdf": _pdf(PDF_LINES, encrypt=PASSWORD),
        "blank_page.pdf": _pdf([], blank=True),
        "utf16_bom.txt": SAMPLE.encode("utf-16"),
        "windows1258.txt": cp1258(SAMPLE),
        "zip_of_junk.docx": _junk_zip(rng),
        "two_pages.pdf": _pdf(PDF_LINES, extra_pages=1),  # read with max_pages=1: too_large
        "docx_declares_4gb.docx": _docx_declaring_huge_part(),
        "nul_bytes.txt": SAMPLE.encode("utf-8").replace(b" ", b"\x00"),
    }


def main() -> None:
    for name, data in files().items():
        (HERE / name).write_bytes(data)
        print(f"{name}: {len(data)} bytes")


if __name__ == "__main__":
    main()
