"""Units: tables of real sentences with the unit names they hold (and do not hold)."""

from __future__ import annotations

import pytest

import nq_extract

from .helpers import assert_valid, unit_names

names = unit_names


CASES = [
    ("Chỉ đạo Ban Tuyên giáo Huyện ủy theo dõi, nắm tình hình.", ["Ban Tuyên giáo Huyện ủy"]),
    ("Ban Thường vụ Huyện ủy Tam Đường báo cáo kết quả như sau:", ["Ban Thường vụ Huyện ủy Tam Đường"]),
    (
        "Trung tâm Văn hóa, Thể thao và Truyền thông huyện đổi mới phương pháp.",
        ["Trung tâm Văn hóa, Thể thao và Truyền thông huyện"],
    ),
    ("chưa quan tâm tổ chức hội nghị (Đảng ủy xã Hồ Thâu, Bình Lưu).", ["Đảng ủy xã Hồ Thâu", "Đảng ủy xã Bình Lưu"]),
    (
        "chưa cao (Đảng ủy xã Tả Lèng, Khun Há, Bản Bo).",
        ["Đảng ủy xã Tả Lèng", "Đảng ủy xã Khun Há", "Đảng ủy xã Bản Bo"],
    ),
    ("Chỉ đạo MTTQ và các đoàn thể chính trị - xã hội.", ["MTTQ"]),
    ("Đài Truyền thanh - Truyền hình huyện đưa tin.", ["Đài Truyền thanh - Truyền hình huyện"]),
    ("Kính gửi: Chủ tịch UBND tỉnh Lâm Đồng", ["UBND tỉnh Lâm Đồng"]),
    ("Sở Nội vụ kính báo cáo Chủ tịch UBND tỉnh như sau:", ["Sở Nội vụ", "UBND tỉnh"]),
    ("tại phường Lâm Viên - Đà Lạt.", ["phường Lâm Viên - Đà Lạt"]),
    ("đại diện cho đoàn thanh niên thị trấn Kiến Đức hứa", ["đoàn thanh niên thị trấn Kiến Đức"]),
    # groups are not units
    ("14 điểm cầu các xã, thị trấn kết nối học tập.", []),
    ("Đảng ủy các xã, thị trấn tiếp tục tổ chức hội nghị.", []),
    ("Ủy ban MTTQ các xã, thị trấn lồng ghép tuyên truyền.", []),
    ("hiện tại một số Đảng ủy xã đang tiếp tục triển khai.", []),
    ("Các huyện ủy, thị ủy, đảng ủy trực thuộc chỉ đạo.", []),
    ("chi bộ quân sự xã, phường, thị trấn", []),
    # words that look like heads but name nothing
    ("Hội nghị tổng kết công tác tuyên truyền.", []),
    ("tại điểm cầu Trung tâm huyện", []),
    ("giữ vững phẩm chất đạo đức Bộ đội Cụ Hồ", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_unit_names(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_distributive_spans_point_at_each_name() -> None:
    report = nq_extract.parse("Một số cấp ủy (Đảng ủy xã Hồ Thâu, Bình Lưu).")
    spans = [u.mentions[0].text for u in report.units]
    assert spans == ["Đảng ủy xã Hồ Thâu", "Bình Lưu"]


def test_kinds_and_levels() -> None:
    report = nq_extract.parse("Ban Tuyên giáo Tỉnh ủy; UBND huyện; Hội Nông dân cơ sở; xã Nà Tăm.")
    got = {u.name: (u.kind, u.level) for u in report.units}
    assert got == {
        "Ban Tuyên giáo Tỉnh ủy": ("party", "province"),
        "UBND huyện": ("state", "district"),
        "Hội Nông dân cơ sở": ("mass", "commune"),
        "xã Nà Tăm": ("admin", "commune"),
    }


def test_abbreviation_expanded_in_canonical_written_kept() -> None:
    report = nq_extract.parse("Ủy ban MTTQ và đoàn thể cấp huyện chưa quan tâm.")
    (unit,) = report.units
    assert unit.name == "Ủy ban MTTQ"
    assert unit.canonical == "Ủy ban Mặt trận Tổ quốc"


def test_seed_units(seed_report) -> None:
    got = {u.name: u for u in seed_report.units}
    for name in (
        "Ban Thường vụ Huyện ủy Tam Đường",
        "Ban Thường vụ Tỉnh ủy",
        "Ban Tuyên giáo Huyện ủy",
        "Ủy ban MTTQ",
        "Trung tâm Văn hóa, Thể thao và Truyền thông huyện",
        "Trung tâm Y tế huyện",
        "Đài Truyền thanh - Truyền hình huyện",
        "Hội Nông dân cơ sở",
        "Huyện đoàn",
        "Chi bộ Hội liên hiệp Phụ nữ huyện",
        "xã Nà Tăm",
    ):
        assert name in got, name
    assert "Đảng ủy các xã, thị trấn" not in got
    hothau, binhluu = got["Đảng ủy xã Hồ Thâu"], got["Đảng ủy xã Bình Lưu"]
    assert hothau.canonical == "Đảng ủy xã Hồ Thầu, huyện Tam Đường, tỉnh Lai Châu"
    assert binhluu.canonical == "Đảng ủy xã Bình Lư, huyện Tam Đường, tỉnh Lai Châu"
    assert hothau.admin_code == "03406" and binhluu.admin_code == "03412"
    assert 0.85 <= hothau.match_score < 1
    # a bare "Huyện ủy" / "huyện" / "Tỉnh ủy" resolves against the report's own place
    assert got["Ban Tuyên giáo Huyện ủy"].canonical == "Ban Tuyên giáo Huyện ủy Tam Đường, tỉnh Lai Châu"
    assert got["Trung tâm Y tế huyện"].admin_code == "106"
    assert got["Tỉnh ủy"].canonical == "Tỉnh ủy Lai Châu"


def test_signature_block_is_not_a_unit(seed_report) -> None:
    assert all(u.name.upper() != "BAN THƯỜNG VỤ" for u in seed_report.units)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NGHỊ QUYẾT\nHỘI NGHỊ LẦN THỨ 11 BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG KHÓA XIII\nvề việc sắp xếp", []),
        ("UBND TỈNH LÂM ĐỒNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ NỘI VỤ\n\nTỜ TRÌNH\nVề việc", ["UBND TỈNH LÂM ĐỒNG", "SỞ NỘI VỤ"]),
        ("theo Quyết định số 1325/QĐ-UBND ngày 15/9/2025", []),
        ("báo cáo Ủy ban Thường vụ Quốc hội xem xét", ["Ủy ban Thường vụ Quốc hội"]),
        # old tone placement is the same word; a bare "Công an" is the force, not a unit
        ("các văn bản của Đảng uỷ Công an Trung ương về", ["Đảng uỷ Công an Trung ương"]),
        ("không chỉ lực lượng Công an mà cả Mặt trận Tổ quốc", ["Mặt trận Tổ quốc"]),
        ("Công an phường chủ trì phối hợp", ["Công an phường"]),
        # departments by their field, lists after "các sở:", associations
        ("Sở Nông nghiệp và phát triển nông thôn đã thống nhất", ["Sở Nông nghiệp và phát triển nông thôn"]),
        ("Sở Nội vụ báo cáo và đề xuất", ["Sở Nội vụ"]),
        (
            "đề nghị các sở: Thông tin và Truyền thông, Xây dựng, Văn hóa, Thể thao và Du lịch và Văn phòng Ủy ban nhân dân tỉnh có ý kiến",
            ["sở Thông tin và Truyền thông", "sở Xây dựng", "sở Văn hóa, Thể thao và Du lịch", "Văn phòng Ủy ban nhân dân tỉnh"],
        ),
        ("gồm: Câu lạc bộ võ thuật Bộ Chỉ huy Quân sự tỉnh, Hội Y học", ["Câu lạc bộ võ thuật Bộ Chỉ huy Quân sự tỉnh", "Hội Y học"]),
        ("Hiệp hội Nước mắm Phan Thiết dự kiến tổ chức đại hội", ["Hiệp hội Nước mắm Phan Thiết"]),
        ("Hội nghị tổng kết công tác năm", []),
        ("giao Ủy ban nhân dân tỉnh Kế hoạch số 12", ["Ủy ban nhân dân tỉnh"]),
        ("Văn phòng UBND tỉnh ủy quyền cho Sở Nội vụ", ["Văn phòng UBND tỉnh", "Sở Nội vụ"]),
        ("ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG Số: 12/BC-UBND\n\nBÁO CÁO\nvề", ["ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"]),
        ("các đơn vị sự nghiệp công lập tỉnh Lâm Đồng, Phương\nán số 7177/PA-UBND", ["tỉnh Lâm Đồng"]),
        ("Chủ tịch Ủy ban nhân dân cấp tỉnh có thẩm quyền", []),
        ("(nay là Tổng Bí thư Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam)", ["Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam"]),
        # a body's type alone names a kind of body; with a place or level it names one
        ("sắp xếp, tinh gọn tổ chức bộ máy Tòa án nhân dân, Viện kiểm sát nhân dân; xây dựng", []),
        ("đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026 - 2031", []),
        ("Tòa án nhân dân tỉnh Lâm Đồng đã xét xử", ["Tòa án nhân dân tỉnh Lâm Đồng"]),
        ("ông Nguyễn Văn Nghĩa- PCT. UBND thị trấn đã phát động", ["UBND thị trấn"]),
        # "Thường trực" after a position title belongs to the position
        ("nguyên Phó Thủ tướng Thường trực Chính phủ.", ["Chính phủ"]),
        ("ông Nguyễn Bá Út - PBT thường trực huyện ủy, ông", ["huyện ủy"]),
        ("Bám sát chỉ đạo của Thường trực Huyện ủy, Ban Tuyên giáo", ["Thường trực Huyện ủy", "Ban Tuyên giáo"]),
        # the party board of a state body
        ("nguyên Phó Bí thư Ban cán sự đảng Chính phủ, nguyên", ["Ban cán sự đảng Chính phủ"]),
        ("Ban cán sự đảng UBND tỉnh chỉ đạo", ["Ban cán sự đảng UBND tỉnh"]),
        # "Tỉnh ủy ban hành" issues; "tỉnh ủy quyền" authorises
        ("- Tham mưu Tỉnh ủy ban hành Chỉ thị số 36-CT/TU ngày 23/01/2025 về", ["Tỉnh ủy"]),
        ("UBND tỉnh ủy quyền cho Sở Nội vụ", ["UBND tỉnh", "Sở Nội vụ"]),
        # a body's number is part of its name, a count after it is not
        ("- Ban Chỉ đạo 138 tỉnh ban hành Quyết định số 1450/QĐ-UBND", ["Ban Chỉ đạo 138 tỉnh"]),
        ("Ban Chỉ đạo 138 đã họp", ["Ban Chỉ đạo 138"]),
        ("Ban Chỉ đạo 05 đoàn kiểm tra", ["Ban Chỉ đạo"]),
        ("“Xanh - Thân thiện - Hiệu quả” tại Cơ sở cai nghiện ma tuý số 1.\nSáu là", ["Cơ sở cai nghiện ma tuý số 1"]),
        ("phối hợp các Cơ sở cai nghiện ma túy tuyên truyền 7 lượt", []),
        ("xây dựng mô hình Cơ sở cai nghiện ma tuý kiểu mẫu với chủ đề", []),
        # "&" for "và" in a department's field; "TP." for "thành phố"
        ("gửi Sở Nông nghiệp & Phát triển nông thôn (nay là", ["Sở Nông nghiệp & Phát triển nông thôn"]),
        ("- Chỉ đạo Công an TP Hồ Chí Minh có biện pháp", ["Công an TP Hồ Chí Minh"]),
        ("ngoài tỉnh như: Đắk Lắk, Khánh Hòa, Đồng Nai, TP. Hồ Chí Minh...", ["TP. Hồ Chí Minh"]),
        ("theo Quyết định số 12/QĐ-TP ngày 3/4/2025", []),
        # a place name may start with a word that is also a title ("Bà Rịa"); a title before a name is a person's
        (
            "Hợp nhất tỉnh Bà Rịa - Vũng Tàu, tỉnh Bình Dương và Thành phố Hồ Chí Minh; lấy tên",
            ["tỉnh Bà Rịa - Vũng Tàu", "tỉnh Bình Dương", "Thành phố Hồ Chí Minh"],
        ),
        ("UBND xã bà Nguyễn Thị A phát biểu", ["UBND xã"]),
        # a department's code takes no word after it
        ("Công an tỉnh đã chỉ đạo Phòng PC04 trực tiếp kiểm tra", ["Công an tỉnh", "Phòng PC04"]),
        ("Công an tỉnh, Bộ Chỉ huy bộ đội biên phòng tỉnh thường xuyên", ["Công an tỉnh", "Bộ Chỉ huy bộ đội biên phòng tỉnh"]),
        (
            "như Tờ trình và Đề án của Đảng uỷ Mặt trận Tổ quốc, các đoàn thể Trung ương; việc sắp xếp",
            ["Đảng uỷ Mặt trận Tổ quốc, các đoàn thể Trung ương"],
        ),
        ("Đảng ủy Mặt trận Tổ quốc tỉnh và các đoàn thể", ["Đảng ủy Mặt trận Tổ quốc tỉnh"]),
        # wards and urban districts named by a number
        ("La Gi, Phường 1 Bảo Lộc, Phường 3 Bảo Lộc). 1.3.2 |", ["Phường 1 Bảo Lộc", "Phường 3 Bảo Lộc"]),
        ("tại Phường 1, Quận 3 thành phố", ["Phường 1", "Quận 3"]),
        ("giao cho xã 135 đặc biệt khó khăn", []),
        ("đến ngày 12/2025 các phường 12/2025 đã", []),
        # "Thanh tra" alone is the activity or the kind of body
        ("| Thanh tra, kiểm tra việc thực hiện nhiệm vụ quản lý", []),
        ("Thanh tra tỉnh kiểm tra việc", ["Thanh tra tỉnh"]),
        # border posts and the State Audit Office
        ("đề nghị Đồn Biên phòng Cửa khẩu Bu Prăng rút kinh nghiệm", ["Đồn Biên phòng Cửa khẩu Bu Prăng"]),
        ("tại Đồn Biên phòng cửa khẩu Bu Prăng. + Kết luận", ["Đồn Biên phòng cửa khẩu Bu Prăng"]),
        ("kiến nghị của Kiểm toán Nhà nước. - Văn bản", ["Kiểm toán Nhà nước"]),
        # bodies joined by dashes share the place after the last one
        (
            "Đảng ủy-UBND-UBMTTQ thị trấn đã trao tặng hoa và quà",
            ["Đảng ủy thị trấn", "UBND thị trấn", "UBMTTQ thị trấn"],
        ),
        ("Đảng ủy - HĐND - UBND xã Nà Tăm dự họp", ["Đảng ủy xã Nà Tăm", "HĐND xã Nà Tăm", "UBND xã Nà Tăm"]),
        ("Huyện ủy - UBND huyện chỉ đạo", ["Huyện ủy", "UBND huyện"]),
        ("UBND - Sở Nội vụ phối hợp", ["Sở Nội vụ"]),
        ("Đảng ủy. - UBND xã Nà Tăm họp", ["Đảng ủy", "UBND xã Nà Tăm"]),
        # long names in sentence case: lower-case terms after the head, a number with "số", a region
        ("tiếp nhận, trả kết quả tại Trung tâm Phục vụ hành chính công tỉnh và cấp xã.", ["Trung tâm Phục vụ hành chính công tỉnh"]),
        ("Ban Quản lý dự án đầu tư xây dựng số 1 đã hoàn thành", ["Ban Quản lý dự án đầu tư xây dựng số 1"]),
        (
            "(Trung tâm Đăng kiểm tàu cá thuộc Chi cục Thủy sản và Biển đảo tỉnh Lâm Đồng).",
            ["Trung tâm Đăng kiểm tàu cá", "Chi cục Thủy sản và Biển đảo tỉnh Lâm Đồng"],
        ),
        ("tại Chi cục thủy sản và biển đảo. Qua kiểm tra", ["Chi cục thủy sản và biển đảo"]),
        ("Ban quản lý rừng phòng hộ Lâm Viên báo cáo", ["Ban quản lý rừng phòng hộ Lâm Viên"]),
        (
            "trình Thủ tướng Chính phủ thành lập Ban Quản lý các Khu công nghiệp tỉnh Lâm Đồng)",
            ["Chính phủ", "Ban Quản lý các Khu công nghiệp tỉnh Lâm Đồng"],
        ),
        (
            "Trung tâm Xúc tiến đầu tư thương mại và Du lịch; Trường Cao đẳng Đà Lạt;",
            ["Trung tâm Xúc tiến đầu tư thương mại và Du lịch", "Trường Cao đẳng Đà Lạt"],
        ),
        ("thành lập Trung tâm phát triển quỹ đất thuộc Ủy ban nhân dân tỉnh.", ["Trung tâm phát triển quỹ đất", "Ủy ban nhân dân tỉnh"]),
        (
            "Cục Kiểm tra văn bản và Quản lý xử lý vi phạm hành chính (Bộ Tư pháp)",
            ["Cục Kiểm tra văn bản và Quản lý xử lý vi phạm hành chính", "Bộ Tư pháp"],
        ),
        (
            "Công ty Phát triển hạ tầng khu công nghiệp Lộc Sơn - Phú Hội đã",
            ["Công ty Phát triển hạ tầng khu công nghiệp Lộc Sơn - Phú Hội"],
        ),
        (
            "(Thuế tỉnh 217 TTHC; Kho bạc Nhà nước khu vực XVI 11 TTHC; Công an tỉnh 167 TTHC, Bảo hiểm xã hội tỉnh 25 TTHC).",
            ["Thuế tỉnh", "Kho bạc Nhà nước khu vực XVI", "Công an tỉnh", "Bảo hiểm xã hội tỉnh"],
        ),
        (
            "Ban Quản lý Vườn Quốc gia Tà Đùng; Vườn Quốc gia Bidoup - Núi Bà;",
            ["Ban Quản lý Vườn Quốc gia Tà Đùng", "Vườn Quốc gia Bidoup - Núi Bà"],
        ),
        ("phát sóng trên Báo và Phát thanh, Truyền hình Lâm Đồng 22 Chương trình", ["Báo và Phát thanh, Truyền hình Lâm Đồng"]),
        ("theo đề nghị của sở Khoa học và Công nghệ về", ["sở Khoa học và Công nghệ"]),
        ("tại Đoàn An điều dưỡng 198 Học viện Lục quân số 2B", ["Học viện Lục quân"]),
        (
            "về thành lập Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số và Đề án 06 tỉnh Lâm Đồng; Công văn",
            ["Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số và Đề án 06 tỉnh Lâm Đồng"],
        ),
        (
            "thành lập\nBan Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số\nvà Đề án 06; Kế hoạch",
            ["Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo, chuyển đổi số và Đề án 06"],
        ),
        ("Ban Chỉ đạo về việc này", ["Ban Chỉ đạo"]),
        ("tại Cơ sở cai nghiện ma túy số 2 và số 4 tỉnh", ["Cơ sở cai nghiện ma túy số 2", "Cơ sở cai nghiện ma túy số 4"]),
        ("tiếp tục triển khai, nâng cấp Trung tâm IOC cũ và", ["Trung tâm IOC"]),
        ("Hiệp hội Nước mắm Phan Thiết và Hội Tin học Qua đó", ["Hiệp hội Nước mắm Phan Thiết", "Hội Tin học"]),
        # bodies written in lower case with a code, a name or a place after them
        ("phối hợp phòng PK02 tuyên truyền cho cán bộ", ["phòng PK02"]),
        ("giao lưu với cán bộ chiến sĩ đồn Bu P’Răng và", ["đồn Bu P’Răng"]),
        ("phối hợp với công an tỉnh tổ chức", ["công an tỉnh"]),
        ("mời về đồn làm việc, lực lượng công an có mặt", []),
        ("học sinh trường TH Đinh Tiên Hoàng tham gia", ["trường TH Đinh Tiên Hoàng"]),
        ("nguyên Trưởng phòng lý luận chính trị lịch sử Đảng, Ban Tuyên giáo", ["phòng lý luận chính trị lịch sử Đảng", "Ban Tuyên giáo"]),
        ("biến động của thị trường BĐS và trụ sở Công an", []),
        ("tổ chức tại phòng họp trực tuyến", []),
        ("họp tại phòng họp số 2 của", []),
        (
            "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên huyện tổ chức 12 lớp",
            ["Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên huyện"],
        ),
        ("Trung tâm Kiểm soát bệnh tật tỉnh triển khai tiêm chủng", ["Trung tâm Kiểm soát bệnh tật tỉnh"]),
        ("Chi cục Thuế khu vực Bảo Lộc thu ngân sách", ["Chi cục Thuế khu vực Bảo Lộc"]),
        ("Trường Trung học phổ thông Chuyên Bảo Lộc đạt giải nhất", ["Trường Trung học phổ thông Chuyên Bảo Lộc"]),
        ("Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực tỉnh họp", ["Ban Chỉ đạo phòng, chống tham nhũng, tiêu cực tỉnh"]),
        (
            "Ban Chỉ đạo Chương trình mục tiêu quốc gia xây dựng nông thôn mới huyện",
            ["Ban Chỉ đạo Chương trình mục tiêu quốc gia xây dựng nông thôn mới huyện"],
        ),
        ("đề nghị Trung tâm Dịch vụ việc làm giới thiệu việc làm cho 200 lao động", ["Trung tâm Dịch vụ việc làm"]),
        ("Trung tâm Trợ giúp pháp lý nhà nước tỉnh thực hiện 45 vụ việc", ["Trung tâm Trợ giúp pháp lý nhà nước tỉnh"]),
        ("công tác phòng, chống tham nhũng của Ban Chỉ đạo tỉnh", ["Ban Chỉ đạo tỉnh"]),
        # an association's board followed by the association's bare head
        ("Căn cứ đề nghị của Ban Chấp hành Hội, Sở có các văn bản", ["Ban Chấp hành Hội"]),
        ("Ban Chấp hành Hội nhiệm kỳ 2025 - 2030", ["Ban Chấp hành Hội"]),
        ("Thường trực Hội nghị tổng kết", ["Thường trực"]),
        # ... and where they stop: a verb after the name, a count before it, a contest's committee
        ("Trung tâm Phục vụ hành chính công quản lý hồ sơ", ["Trung tâm Phục vụ hành chính công"]),
        ("Trung tâm Y tế đầu tư xây dựng công trình Nhà khách", ["Trung tâm Y tế"]),
        ("Trường Chính trị tỉnh đào tạo 300 học viên", ["Trường Chính trị tỉnh"]),
        (
            "Ban quản lý dự án đầu tư xây dựng công trình giao thông tỉnh làm chủ đầu tư",
            ["Ban quản lý dự án đầu tư xây dựng công trình giao thông tỉnh"],
        ),
        ("có 112 Trung tâm Phục vụ hành chính công đã trang bị máy tính", []),
        ("thành lập 05 Ban Quản lý dự án và", []),
        ("kết thúc Cuộc thi, Ban tổ chức đã trao giải cho 22 cá nhân", []),
        ("Hệ thống mạng Trung tâm hành chính tỉnh đang phục vụ", []),
        ("khám chữa bệnh tại 100% cơ sở Y tế trên địa bàn", []),
        ("Đào tạo cán bộ Công an xã", ["Công an xã"]),
        ("thường xuyên. Trong năm 2025 Sở Tư pháp đã thẩm định", ["Sở Tư pháp"]),
        # a national body whose name carries commas
        (
            "của Ủy ban Quốc gia phòng, chống AIDS, ma túy, mại dâm; UBND tỉnh",
            ["Ủy ban Quốc gia phòng, chống AIDS, ma túy, mại dâm", "UBND tỉnh"],
        ),
    ],
)
def test_capitals_and_symbols(text: str, expected: list[str]) -> None:
    assert names(text) == expected


HEADER = (
    "       ỦY BAN NHÂN DÂN                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "        TỈNH LÂM ĐỒNG                                   Độc lập - Tự do - Hạnh phúc\n"
    "        Số: 329      /BC-UBND                      Lâm Đồng, ngày 19 tháng 12 năm 2025\n\n\n"
    "                                    BÁO CÁO\n      Công tác cải cách hành chính năm 2025\n\n"
    "      Thực hiện Công văn số 4625/BNV-CCHC ngày 02/7/2025 của Bộ Nội vụ, báo cáo như sau:\n"
)
SIGNATURE_BESIDE_RECIPIENTS = (
    "      Trên đây là báo cáo của Ủy ban nhân dân tỉnh./.\n\n"
    " Nơi nhận:                                         KT. CHỦ TỊCH\n"
    " - Bộ Nội vụ;\n - Thường trực Tỉnh ủy;\n"
    "                                                  PHÓ CHỦ TỊCH\n"
    " - Thường trực HĐND tỉnh;\n - Lưu: VT, NC.\n"
    "                                                 Nguyễn Ngọc Phúc\n"
)


def test_issuer_beside_the_motto() -> None:
    """A two-column header: the issuer's lines run past the motto printed beside them."""
    assert names(HEADER) == ["ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "Bộ Nội vụ"]


def test_recipients_beside_the_signature() -> None:
    """The recipients printed beside the signature block are units; the signer's lines are not."""
    got = names(HEADER + SIGNATURE_BESIDE_RECIPIENTS)
    assert got[-3:] == ["Ủy ban nhân dân tỉnh", "Thường trực Tỉnh ủy", "Thường trực HĐND tỉnh"]
    assert not any(n.isupper() and n != "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG" for n in got)


def test_abbreviated_boards_take_their_parent() -> None:
    report = nq_extract.parse_text("Các đồng chí trong BTV Đảng ủy, BCH Đảng bộ xã, BTC Huyện ủy và UBMTTQVN xã dự hội nghị.")
    assert [(u.name, u.kind, u.canonical) for u in report.units] == [
        ("BTV Đảng ủy", "party", "Ban Thường vụ Đảng ủy"),
        ("BCH Đảng bộ xã", "party", "Ban Chấp hành Đảng bộ xã"),
        ("BTC Huyện ủy", "party", "Ban Tổ chức Huyện ủy"),
        ("UBMTTQVN xã", "front", "Ủy ban Mặt trận Tổ quốc Việt Nam xã"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a body in capitals broken over the lines of a header is one body, of its own kind
        ("HỘI\nĐỒNG NHÂN DÂN\nTỈNH KON TUM\n\nSố: 40/BC-HĐND\n\nBÁO CÁO\nKết quả", [("HỘI ĐỒNG NHÂN DÂN TỈNH KON TUM", "state")]),
        ("ỦY BAN\nNHÂN DÂN HUYỆN\nĐĂK HÀ\n\nSố: 7/KH-UBND\n\nKẾ HOẠCH\nTriển khai", [("ỦY BAN NHÂN DÂN HUYỆN ĐĂK HÀ", "state")]),
        ("HỘI NÔNG DÂN\nTỈNH KON TUM\n\nSố: 9-BC/HND\n\nBÁO CÁO\nTình hình", [("HỘI NÔNG DÂN TỈNH KON TUM", "mass")]),
        # a committee over the board on the next line of a header: two issuers, not "huyện ủy ban ..."
        (
            "ĐẢNG BỘ TỈNH KON TUM\nHUYỆN ỦY\nBAN TUYÊN GIÁO\n\nSố: 3-BC/BTGHU\n\nBÁO CÁO\nTình hình",
            [("ĐẢNG BỘ TỈNH KON TUM", "party"), ("HUYỆN ỦY", "party"), ("BAN TUYÊN GIÁO", "party")],
        ),
        ("Ban Thường vụ Huyện ủy\nban hành kế hoạch số 5", [("Ban Thường vụ Huyện ủy", "party")]),
    ],
)
def test_header_bodies_over_lines(text: str, expected: list[tuple[str, str]]) -> None:
    assert names_and_kinds(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a person's name written after the place of a unit is no part of it
        ("Chủ tịch UBND tỉnh Gia Lai Trương Văn Hải phát biểu.", ["UBND tỉnh Gia Lai"]),
        ("Bí thư Huyện ủy Mường Tè Lò Văn Sơn kết luận.", ["Huyện ủy Mường Tè"]),
        ("Phó Chủ tịch UBND tỉnh Bình Dương Nguyễn Thị Mai dự.", ["UBND tỉnh Bình Dương"]),
        # places that start with a family name, or hold one, keep it
        ("tại Thành phố Hồ Chí Minh đã", ["Thành phố Hồ Chí Minh"]),
        ("UBND phường Lê Hồng Phong báo cáo", ["UBND phường Lê Hồng Phong"]),
        ("về tỉnh Bình Dương và tỉnh Hà Giang", ["tỉnh Bình Dương", "tỉnh Hà Giang"]),
    ],
)
def test_person_after_a_place(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a board is of the kind of the body it belongs to
        ("Thường trực HĐND huyện Ba Tơ chỉ đạo", [("Thường trực HĐND huyện Ba Tơ", "state")]),
        ("Ban Thường vụ Tỉnh đoàn phát động", [("Ban Thường vụ Tỉnh đoàn", "mass")]),
        ("Ban Chấp hành Hội Cựu chiến binh xã họp", [("Ban Chấp hành Hội Cựu chiến binh xã", "mass")]),
        ("Ban Thường trực Ủy ban MTTQ xã hiệp thương", [("Ban Thường trực Ủy ban MTTQ xã", "front")]),
        ("Ủy ban Kiểm tra Công đoàn ngành Y tế kiểm tra", [("Ủy ban Kiểm tra Công đoàn", "mass")]),
        ("Ban Kinh tế - Ngân sách HĐND tỉnh thẩm tra", [("Ban Kinh tế - Ngân sách HĐND tỉnh", "state")]),
        # the party's own boards stay the party's
        ("Ban Thường vụ Đảng ủy xã Ia Tô họp", [("Ban Thường vụ Đảng ủy xã Ia Tô", "party")]),
        ("Ban Tổ chức Huyện ủy thẩm định", [("Ban Tổ chức Huyện ủy", "party")]),
        ("Ban cán sự đảng UBND tỉnh lãnh đạo", [("Ban cán sự đảng UBND tỉnh", "party")]),
        # state boards named on their own
        ("Ban Chỉ đạo giảm nghèo bền vững huyện", [("Ban Chỉ đạo giảm nghèo bền vững huyện", "state")]),
        ("Ban Chỉ đạo họp định kỳ", [("Ban Chỉ đạo", "state")]),
        ("Ban Quản lý rừng phòng hộ Sông Hinh", [("Ban Quản lý rừng phòng hộ Sông Hinh", "state")]),
        ("theo đề nghị của Ban Dân tộc tỉnh", [("Ban Dân tộc tỉnh", "state")]),
    ],
)
def test_board_kinds(text: str, expected: list[tuple[str, str]]) -> None:
    assert names_and_kinds(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # stations, banks, forest rangers and military commands at a level
        ("Trạm Y tế xã Nậm Loỏng khám cho 120 lượt người", [("Trạm Y tế xã Nậm Loỏng", "state")]),
        ("phối hợp Trạm Khuyến nông huyện tập huấn", [("Trạm Khuyến nông huyện", "state")]),
        ("Ngân hàng Chính sách xã hội huyện giải ngân", [("Ngân hàng Chính sách xã hội huyện", "state")]),
        ("Hạt Kiểm lâm huyện tuần tra", [("Hạt Kiểm lâm huyện", "state")]),
        ("đồng chí Chỉ huy trưởng Ban CHQS xã báo cáo", [("Ban CHQS xã", "state")]),
        # not units
        ("xây dựng trạm bơm điện, trạm biến áp", []),
        ("chính sách xã hội được thực hiện", []),
    ],
)
def test_more_state_bodies(text: str, expected: list[tuple[str, str]]) -> None:
    assert names_and_kinds(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ban Thường trực Ủy ban MTTQ Việt Nam huyện Bắc Hà tổ chức", [("Ban Thường trực Ủy ban MTTQ Việt Nam huyện Bắc Hà", "front")]),
        ("theo hướng dẫn của Ủy ban Trung ương MTTQ Việt Nam về", [("Ủy ban Trung ương MTTQ Việt Nam", "front")]),
        ("MTTQ Việt Nam xã Bản Phố vận động", [("MTTQ Việt Nam xã Bản Phố", "front")]),
    ],
)
def test_front_written_with_its_country(text: str, expected: list[tuple[str, str]]) -> None:
    assert names_and_kinds(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a cooperative ("hợp tác xã") is no commune
        ("hỗ trợ hợp tác xã Thành Công mở rộng sản xuất", []),
        ("Hợp tác xã Nông nghiệp Tân Hưng đạt doanh thu", []),
        ("UBND xã Hòa Bình hỗ trợ", ["UBND xã Hòa Bình"]),
        ("tăng cường hợp tác, xã Tân Lập đã", ["xã Tân Lập"]),
        # an enterprise's party organisation
        ("Đảng bộ Xí nghiệp Khai thác công trình thủy lợi huyện họp", ["Đảng bộ Xí nghiệp Khai thác công trình thủy lợi huyện"]),
    ],
)
def test_cooperatives_and_enterprises(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("place", "canonical"),
    [
        # the header's place is the province when it names one exactly, not a town a letter off ("Phúc Yên")
        ("Phú Yên", "Văn phòng Ủy ban nhân dân tỉnh Phú Yên"),
        ("Lâm Đồng", "Văn phòng Ủy ban nhân dân tỉnh Lâm Đồng"),
    ],
)
def test_header_place_resolves_a_bare_province(place: str, canonical: str) -> None:
    text = (
        f"ỦY BAN NHÂN DÂN\n\nSố: 9/BC-UBND\n\n{place}, ngày 05 tháng 02 năm 2016\n\nBÁO CÁO\nTình hình\n\nVăn phòng UBND tỉnh tổng hợp.\n"
    )
    got = {u.name: u.canonical for u in nq_extract.parse(text).units}
    assert got["Văn phòng UBND tỉnh"] == canonical


def names_and_kinds(text: str) -> list[tuple[str, str]]:
    report = nq_extract.parse(text)
    assert_valid(report)
    return [(u.name, u.kind) for u in report.units]
