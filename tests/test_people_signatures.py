"""People: every signer of a joint signature block, each with the position above it in its column."""

from __future__ import annotations

import nq_extract

from .helpers import assert_valid

HEAD = "BAN CHỈ ĐẠO\n\nSố: 05/KH-BCĐ\n\nHồ Thầu, ngày 10 tháng 5 năm 2024\n\nKẾ HOẠCH\nPhối hợp tuyên truyền\n\nBan Chỉ đạo xây dựng kế hoạch như sau.\n\n"


def people(text: str) -> list[tuple[str, str | None]]:
    report = nq_extract.parse(text)
    assert_valid(report)
    return sorted((p.name, p.position) for p in report.people)


def test_joint_signature_in_columns() -> None:
    block = (
        "TM. BAN THƯỜNG TRỰC                              TM. ỦY BAN NHÂN DÂN\n"
        "ỦY BAN MTTQ VIỆT NAM XÃ                              CHỦ TỊCH\n"
        "PHÓ CHỦ TỊCH\n\n\n\n"
        "Nguyễn Văn Hải                                    Trần Thị Thu\n"
    )
    got = dict(people(HEAD + block))
    assert set(got) == {"Nguyễn Văn Hải", "Trần Thị Thu"}  # the signer's position is the segmenter's
    assert got["Nguyễn Văn Hải"] == "Phó Chủ tịch"


def test_one_signer_beside_the_recipients() -> None:
    block = (
        "Nơi nhận:                                         KT. CHỦ TỊCH\n"
        "- Như trên;                                       PHÓ CHỦ TỊCH\n"
        "- Lưu: VT, NC.Châu\n\n\n"
        "                                                  Nguyễn Ngọc Phúc\n"
    )
    assert people(HEAD + block) == [("Nguyễn Ngọc Phúc", "Phó Chủ tịch")]


def test_names_in_one_run_of_text_are_not_signers() -> None:
    block = "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\n\nTrần Thị Thu\n"
    assert people(HEAD + block) == [("Trần Thị Thu", "Chủ tịch")]


def test_joint_signature_in_a_table() -> None:
    block = (
        "| TM. BAN THƯỜNG TRỰC ỦY BAN MTTQ | TM. ỦY BAN NHÂN DÂN |\n|---|---|\n"
        "| PHÓ CHỦ TỊCH | CHỦ TỊCH |\n| Nguyễn Văn Hải | Trần Thị Thu |\n"
    )
    assert people(HEAD + block) == [("Nguyễn Văn Hải", "Phó Chủ tịch"), ("Trần Thị Thu", "Chủ tịch")]
