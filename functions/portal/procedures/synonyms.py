"""The words citizens use for what the catalog names otherwise, and the words that carry no need.

A query is read phrase by phrase, longest first: "bằng lái" becomes "giấy phép lái xe", "sổ đỏ" becomes
"giấy chứng nhận quyền sử dụng đất". Each row was written against the catalog's own wording and is tested
(tests/unit/test_synonyms.py): its catalog phrase must occur in some procedure's name. Rows are kept
without accents as well as with them; the index folds both the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

# Abbreviations read as their words on both sides: in the catalog's text ("thẻ BHYT") and in queries.
ABBREVIATIONS: dict[str, str] = {
    "bhyt": "bao hiem y te",
    "bhxh": "bao hiem xa hoi",
    "bhtn": "bao hiem that nghiep",
    "tncn": "thu nhap ca nhan",
    "gplx": "giay phep lai xe",
    "tnhh": "trach nhiem huu han",
    "mtv": "mot thanh vien",
    "cccd": "can cuoc cong dan",
    "cmnd": "chung minh nhan dan",
    "hkd": "ho kinh doanh",
    "dn": "doanh nghiep",
    "gcn": "giay chung nhan",
    "qsdd": "quyen su dung dat",
    "tnld": "tai nan lao dong",
    "bnn": "benh nghe nghiep",
    "dsphsk": "duong suc phuc hoi suc khoe",
    "ubnd": "uy ban nhan dan",
}
_ABBREVIATION = re.compile(r"\b(" + "|".join(ABBREVIATIONS) + r")\b")


def expand_abbreviations(folded: str) -> str:
    """Folded text with its abbreviations written out ("the bhyt" -> "the bao hiem y te")."""
    return _ABBREVIATION.sub(lambda m: ABBREVIATIONS[m.group(1)], folded)


# (what a citizen says, what the catalog says)
SYNONYMS: tuple[tuple[str, str], ...] = (
    # identity and residence
    ("căn cước công dân", "căn cước"),
    ("chứng minh nhân dân", "căn cước"),
    ("chứng minh thư", "căn cước"),
    ("thẻ cc", "thẻ căn cước"),
    ("làm lại", "cấp lại"),
    ("làm mới", "cấp"),
    ("bị mất", "cấp lại"),
    ("đánh mất", "cấp lại"),
    ("hỏng", "cấp đổi"),
    ("hết hạn", "cấp đổi"),
    ("nhập hộ khẩu", "đăng ký thường trú"),
    ("chuyển hộ khẩu", "đăng ký thường trú"),
    ("hộ khẩu", "cư trú"),
    ("cắt khẩu", "xóa đăng ký thường trú"),
    ("chuyển khẩu", "đăng ký thường trú"),
    ("tách khẩu", "tách hộ"),
    ("kt3", "tạm trú"),
    ("passport", "hộ chiếu"),
    ("làm hộ chiếu", "cấp hộ chiếu phổ thông"),
    ("lý lịch", "lý lịch tư pháp"),
    ("lltp", "lý lịch tư pháp"),
    # civil status
    ("mới sinh", "khai sinh"),
    ("sinh con", "khai sinh"),
    ("giấy khai sinh", "khai sinh"),
    ("làm giấy tờ cho con", "khai sinh"),
    ("em bé", "trẻ em"),
    ("con nhỏ", "trẻ em"),
    ("qua đời", "khai tử"),
    ("mất rồi", "khai tử"),
    ("chết", "khai tử"),
    ("giấy báo tử", "khai tử"),
    ("lấy vợ", "kết hôn"),
    ("lấy chồng", "kết hôn"),
    ("cưới", "kết hôn"),
    ("giấy độc thân", "xác nhận tình trạng hôn nhân"),
    ("xác nhận độc thân", "xác nhận tình trạng hôn nhân"),
    ("đổi tên cho con", "thay đổi cải chính hộ tịch"),
    ("sửa tên cho con", "thay đổi cải chính hộ tịch"),
    ("sai ngày sinh", "cải chính"),
    ("nhận con nuôi", "nuôi con nuôi"),
    ("ma chay", "mai táng"),
    ("đám tang", "mai táng"),
    ("tiền mai táng", "trợ cấp mai táng"),
    ("công chứng giấy tờ", "chứng thực bản sao từ bản chính giấy tờ"),
    ("công chứng", "chứng thực"),
    ("sao y", "chứng thực bản sao từ bản chính"),
    ("photo công chứng", "chứng thực bản sao từ bản chính"),
    ("ký xác nhận", "chứng thực chữ ký"),
    ("hợp đồng mua bán nhà", "giao dịch nhà ở"),
    # vehicles and driving
    ("bằng lái xe", "giấy phép lái xe"),
    ("bằng lái", "giấy phép lái xe"),
    ("mất bằng lái", "cấp lại giấy phép lái xe"),
    ("thi bằng lái", "cấp giấy phép lái xe"),
    ("lái xe", "giấy phép lái xe"),
    ("cà vẹt", "chứng nhận đăng ký xe"),
    ("cavet", "chứng nhận đăng ký xe"),
    ("đăng ký xe máy", "đăng ký xe"),
    ("biển số", "biển số xe"),
    ("sang tên xe", "thay đổi chủ xe"),
    ("mới mua", "lần đầu"),
    ("xe mới", "đăng ký xe lần đầu"),
    # land and housing
    ("sổ đỏ", "giấy chứng nhận quyền sử dụng đất"),
    ("sổ hồng", "giấy chứng nhận quyền sử dụng đất"),
    ("bìa đỏ", "giấy chứng nhận quyền sử dụng đất"),
    ("sang tên sổ đỏ", "đăng ký biến động quyền sử dụng đất"),
    ("sang tên đất", "đăng ký biến động quyền sử dụng đất"),
    ("sang tên nhà", "đăng ký biến động quyền sử dụng đất"),
    ("mua bán đất", "đăng ký biến động quyền sử dụng đất"),
    ("chuyển nhượng", "đăng ký biến động"),
    ("đổi tên trên sổ đỏ", "đăng ký biến động đổi tên người sử dụng đất"),
    ("tách sổ", "tách thửa"),
    ("gộp sổ", "hợp thửa"),
    ("lên thổ cư", "chuyển mục đích sử dụng đất"),
    ("chuyển đổi đất", "chuyển mục đích sử dụng đất"),
    ("tranh chấp đất", "hòa giải tranh chấp đất đai"),
    ("xây nhà", "cấp giấy phép xây dựng mới nhà ở riêng lẻ"),
    ("làm nhà", "cấp giấy phép xây dựng mới nhà ở riêng lẻ"),
    ("sửa nhà", "giấy phép xây dựng sửa chữa cải tạo"),
    ("phép xây dựng", "giấy phép xây dựng"),
    # insurance, work and benefits
    ("sổ bảo hiểm", "sổ bảo hiểm xã hội"),
    ("thẻ bảo hiểm", "thẻ bảo hiểm y tế"),
    ("mua bảo hiểm y tế", "đăng ký đóng bảo hiểm y tế"),
    ("nghỉ đẻ", "thai sản"),
    ("sinh đẻ", "thai sản"),
    ("rút bảo hiểm", "hưởng bảo hiểm xã hội một lần"),
    ("rút bảo hiểm xã hội", "hưởng bảo hiểm xã hội một lần"),
    ("1 lần", "một lần"),
    ("mất việc", "trợ cấp thất nghiệp"),
    ("thất nghiệp", "trợ cấp thất nghiệp"),
    ("nghỉ ốm", "chế độ ốm đau"),
    ("lương hưu qua tài khoản", "lĩnh bằng tài khoản cá nhân"),
    ("work permit", "giấy phép lao động"),
    ("trợ cấp người khuyết tật", "trợ cấp xã hội hàng tháng"),
    ("thương binh", "người có công"),
    ("liệt sĩ", "người có công"),
    # business and tax
    ("mở công ty", "đăng ký thành lập công ty"),
    ("lập công ty", "thành lập công ty"),
    ("1 thành viên", "một thành viên"),
    ("mở cửa hàng", "đăng ký thành lập hộ kinh doanh"),
    ("mở quán", "đăng ký thành lập hộ kinh doanh"),
    ("đăng ký hộ kinh doanh", "đăng ký thành lập hộ kinh doanh"),
    ("hộ kinh doanh cá thể", "hộ kinh doanh"),
    ("buôn bán", "hộ kinh doanh"),
    ("giấy phép kinh doanh", "giấy chứng nhận đăng ký hộ kinh doanh"),
    ("đóng cửa", "chấm dứt hoạt động"),
    ("nghỉ kinh doanh", "tạm ngừng kinh doanh"),
    ("mst", "đăng ký thuế"),
    ("mã số thuế", "đăng ký thuế"),
    # education
    ("bằng tốt nghiệp", "văn bằng"),
    ("mất bằng tốt nghiệp", "cấp lại văn bằng"),
    ("học phí", "miễn giảm học phí"),
)

# Words that say how someone asks, not what they need. Dropped unless nothing else is left. Without
# accents many words mean something else ("cần"/"căn", "thế"/"thẻ", "sao"/"bản sao", "một"/"một lần",
# "tại"/"tài sản", "được"/"dược", "em"/"trẻ em", "đi"/"di chúc"): those are not here.
STOP_PHRASES: tuple[str, ...] = (
    "cho con",
    "của con",
    "cho bé",
    "cho cháu",
    "người nhà",
    "bố tôi",
    "mẹ tôi",
    "vợ tôi",
    "chồng tôi",
    "con tôi",
    "nhà tôi",
    "cần làm gì",
    "như thế nào",
    "thế nào",
    "làm sao",
    "ở đâu",
    "bao lâu",
    "bao nhiêu",
    "thủ tục",
    "hồ sơ",
    "cần gì",
    "giấy tờ gì",
)
STOP_WORDS: frozenset[str] = frozenset(
    [
        "tôi",
        "mình",
        "anh",
        "ông",
        "bà",
        "chúng",
        "ta",
        "muốn",
        "phải",
        "làm",
        "xin",
        "hỏi",
        "giúp",
        "với",
        "vì",
        "bị",
        "nên",
        "thì",
        "là",
        "và",
        "của",
        "các",
        "những",
        "hay",
        "hoặc",
        "không",
        "ko",
        "k",
        "gì",
        "nào",
        "đâu",
        "ạ",
        "à",
        "nhé",
        "nha",
        "ơi",
        "ấy",
        "này",
        "rồi",
        "đã",
        "sẽ",
        "ở",
        "cho",
        "nhờ",
        "nhưng",
        "vậy",
        "ai",
        "khi",
        "nếu",
    ]
)


@cache
def _tables(normalize: Callable[[str], str]) -> tuple[dict[tuple[str, ...], tuple[str, ...]], frozenset, int]:
    """(phrase -> catalog words, stop phrases and words, longest phrase) in the index's own spelling."""
    synonyms = {tuple(normalize(said).split()): tuple(normalize(meant).split()) for said, meant in SYNONYMS}
    stops = frozenset(tuple(normalize(s).split()) for s in (*STOP_PHRASES, *STOP_WORDS))
    longest = max(len(k) for k in (*synonyms, *stops))
    return synonyms, stops, longest


def rewrite(words: list[str], normalize: Callable[[str], str]) -> list[str]:
    """The query's words with everyday phrases read as the catalog's and the asking words dropped.

    Stop words are dropped only when something else remains: "khai sinh" alone is never emptied.
    """
    synonyms, stops, longest = _tables(normalize)
    kept: list[str] = []
    i = 0
    while i < len(words):
        for size in range(min(longest, len(words) - i), 0, -1):
            phrase = tuple(words[i : i + size])
            if phrase in synonyms:
                kept.extend(synonyms[phrase])
                i += size
                break
            if phrase in stops:
                i += size
                break
        else:
            kept.append(words[i])
            i += 1
    return list(dict.fromkeys(kept)) or words  # a word said twice ("thẻ bảo hiểm y tế") counts once
