"""The spaCy face: rule tokenizer, the nq_extract component, factory registration, displacy."""

from __future__ import annotations

import subprocess
import sys
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

spacy = pytest.importorskip("spacy", reason="spaCy is an optional extra: pip install 'nq_extract[nlp]'")

import nq_extract  # noqa: E402
from nq_extract.models import Span as NqSpan  # noqa: E402
from nq_extract.spacy_pipeline import DISPLACY_OPTIONS, LABELS, _ref_window, tokenize  # noqa: E402


@pytest.fixture(scope="module")
def nlp():
    return nq_extract.spacy_pipeline()


@pytest.fixture(scope="module")
def seed_doc(nlp, seed_path):
    return nlp(seed_path.read_text(encoding="utf-8"))


TOKENS = [
    ("Nghị quyết số 42-NQ/TW, ngày 24/11/2023.", ["Nghị", "quyết", "số", "42-NQ/TW", ",", "ngày", "24/11/2023", "."]),
    ("theo Nghị định số 126/2024/NĐ-CP;", ["theo", "Nghị", "định", "số", "126/2024/NĐ-CP", ";"]),
    ("cho 3.182 người", ["cho", "3.182", "người"]),
    ("2.443/2.538 đạt 96,3%.", ["2.443/2.538", "đạt", "96,3%", "."]),
    ("Văn bản 2769/UBND-NCKSTTHC ngày", ["Văn", "bản", "2769/UBND-NCKSTTHC", "ngày"]),
    ("(*Đảng ủy xã Hồ Thầu*).", ["(", "*", "Đảng", "ủy", "xã", "Hồ", "Thầu", "*", ")", "."]),
    ("T/M BAN THƯỜNG VỤ", ["T/M", "BAN", "THƯỜNG", "VỤ"]),
    ("giai đoạn 2021-2025...", ["giai", "đoạn", "2021-2025", "..."]),
    ("01 hội nghị/50 cán bộ", ["01", "hội", "nghị", "/", "50", "cán", "bộ"]),
    ("chỉ đạo¹ tổ chức", ["chỉ", "đạo", "¹", "tổ", "chức"]),
    ("“Hướng dẫn số 35-HD/BTCTW”", ["“", "Hướng", "dẫn", "số", "35-HD/BTCTW", "”"]),
    ("tăng -2,5% so với", ["tăng", "-2,5%", "so", "với"]),
    ("chính trị - xã hội", ["chính", "trị", "-", "xã", "hội"]),
    ("104 đảng viên.Trong 10 năm", ["104", "đảng", "viên", ".", "Trong", "10", "năm"]),
    ("(27.7.1999/27.7.2019)", ["(", "27.7.1999", "/", "27.7.2019", ")"]),
    ("giai đoạn 2019/2020", ["giai", "đoạn", "2019/2020"]),
    ("Đảng ủy-UBND-UBMTTQ thị trấn", ["Đảng", "ủy", "-", "UBND", "-", "UBMTTQ", "thị", "trấn"]),
    ("tỉnh Bà Rịa-Vũng Tàu, COVID-19", ["tỉnh", "Bà", "Rịa-Vũng", "Tàu", ",", "COVID-19"]),
    ("14 sở, ngành12, Quốc hội khóa XV (QH15)", ["14", "sở", ",", "ngành", "12", ",", "Quốc", "hội", "khóa", "XV", "(", "QH15", ")"]),
]


@pytest.mark.parametrize("text, expected", TOKENS)
def test_tokenizer_keeps_ids_dates_numbers_whole(nlp, text, expected):
    assert [t.text for t in nlp.tokenizer(text)] == expected


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=" \n\t.,;:()/-%*“”¹aĐđ0123456789ắ", max_size=60))
def test_tokenizer_rebuilds_text_exactly(text):
    words, spaces = tokenize(text)
    assert "".join(w + (" " if s else "") for w, s in zip(words, spaces)) == text
    assert all(words)


@pytest.mark.parametrize(
    "mention, expected",
    [
        ("Nghị quyết số 42-NQ/TW", "42-NQ/TW"),
        ("Nghị định 126/2024/NĐ-CP", "126/2024/NĐ-CP"),
        ("Kế hoạch số 329 /BC-UBND", "329 /BC-UBND"),
        ("Nghị quyết Trung ương 8", "Nghị quyết Trung ương 8"),  # no symbol: the whole mention
        ("Chỉ thị 05", "Chỉ thị 05"),
    ],
)
def test_reference_entity_is_the_symbol(mention, expected):
    s, e = _ref_window(NqSpan(start=10, end=10 + len(mention), text=mention), narrow=True)
    assert mention[s - 10 : e - 10] == expected


def test_seed_entities(seed_doc):
    ents = [(e.text, e.label_) for e in seed_doc.ents]
    assert ("42-NQ/TW", "REF") in ents
    assert any(label == "DATE" for _t, label in ents)
    assert {e.label_ for e in seed_doc.ents} <= set(LABELS)
    report = seed_doc._.nq_report
    wanted = {
        "REF": report["references"],
        "DATE": report["dates"],
        "QUANTITY": report["quantities"],
        "RATIO": report["ratios"],
        "PERCENT": report["percentages"],
        "UNIT": report["units"],
        "PERSON": report["people"],
    }
    labels = {s.label_ for s in seed_doc.spans["nq_extract"]}
    for label, items in wanted.items():
        assert (label in labels) == bool(items), label
    ent_labels = {e.label_ for e in seed_doc.ents}
    for label in ("DATE", "UNIT", "QUANTITY", "RATIO"):
        assert (label in ent_labels) == bool(wanted[label]), label


def test_items_land_on_the_original_text(seed_doc):
    """Footnotes are moved to the end of the normalized text; the doc keeps the original order."""
    ref = next(e for e in seed_doc.ents if e.kb_id_ == "227-KH/HU")
    assert ref.text == "227-KH/HU" and ref.label_ == "REF"
    assert seed_doc.text.index("¹ Kế hoạch số 227-KH/HU") < ref.start_char
    for span in seed_doc.spans["nq_extract"]:
        if span.label_ == "DATE":
            assert any(ch.isdigit() for ch in span.text)


def test_nfd_input(nlp):
    text = unicodedata.normalize("NFD", "Thực hiện Nghị quyết số 42-NQ/TW ngày 24/11/2023 của Ban Chấp hành Trung ương.")
    doc = nlp(text)
    assert doc.text == text
    assert ("42-NQ/TW", "REF") in [(e.text, e.label_) for e in doc.ents]


def test_mention_mode_and_no_ents():
    nlp = nq_extract.spacy_pipeline(ref_span="mention", set_ents=False)
    doc = nlp("Thực hiện Kế hoạch số 216-KH/TU, ngày 28/11/2023 của Ban Thường vụ Tỉnh ủy.")
    assert list(doc.ents) == []
    refs = [s for s in doc.spans["nq_extract"] if s.label_ == "REF"]
    assert refs and "216-KH/TU" in refs[0].text
    with pytest.raises(ValueError):
        nq_extract.spacy_pipeline(ref_span="word")


def test_add_pipe_by_name_in_a_fresh_process():
    code = (
        "import spacy\n"
        "nlp = spacy.blank('xx'); nlp.add_pipe('nq_extract')\n"
        "doc = nlp('Thực hiện Kế hoạch số 216-KH/TU, ngày 28/11/2023 của Ban Thường vụ Tỉnh ủy.')\n"
        "print('|'.join(f'{e.text}:{e.label_}' for e in doc.ents))\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "216-KH/TU:REF" in r.stdout


def test_save_and_load(nlp, tmp_path):
    nlp.to_disk(tmp_path / "nq")
    again = spacy.load(tmp_path / "nq")
    assert again.pipe_names == ["nq_extract"]
    text = "Nghị quyết số 42-NQ/TW, ngày 24/11/2023."
    assert [(e.text, e.label_) for e in again(text).ents] == [(e.text, e.label_) for e in nlp(text).ents]


def test_displacy_renders(seed_doc):
    from spacy import displacy

    page = displacy.render(seed_doc, style="ent", options=DISPLACY_OPTIONS, page=True)
    assert "42-NQ/TW" in page and "REF" in page
    spans = displacy.render(seed_doc, style="span", options={"spans_key": "nq_extract"})
    assert "DATE" in spans


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def test_dev_items_land_on_their_text():
    """On real documents each item's doc span reads as the item (the rare item joined across a page break excepted)."""
    from tests.conftest import dev_texts, need_dev

    need_dev()
    nlp = nq_extract.spacy_pipeline(ref_span="mention")
    items = missed = 0
    for path in [p for p in dev_texts() if p.stat().st_size < 60_000]:
        doc = nlp(path.read_text(encoding="utf-8"))
        got = {_norm(s.text) for s in doc.spans["nq_extract"]}
        report = doc._.nq_report
        spans = [m for r in report["references"] for m in r["mentions"]] + [m for u in report["units"] for m in u["mentions"]]
        spans += [x["span"] for key in ("dates", "quantities", "ratios", "percentages", "people") for x in report[key]]
        items += len(spans)
        missed += sum(_norm(s["text"]) not in got for s in spans)
    assert items > 100
    assert missed <= items // 100, (missed, items)


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=" \n.,;()/-%¹0123456789aăđĐNQTWKHsố ngày tháng năm người", max_size=120))
def test_component_never_breaks_on_any_text(nlp, text):
    doc = nlp(text)
    assert doc.text == text
    for span in doc.spans["nq_extract"]:
        assert 0 <= span.start_char < span.end_char <= len(text)
