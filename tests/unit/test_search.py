from portal.procedures.model import Level, OnlineLevel
from portal.procedures.search import SearchIndex
from portal.text import fold
from tests.support.factories import make_procedure

CATALOG = [
    make_procedure(code="1.001193", name="Đăng ký khai sinh"),
    make_procedure(code="1.001695", name="Đăng ký khai sinh có yếu tố nước ngoài", levels=(Level.PROVINCE,)),
    make_procedure(code="1.000656", name="Đăng ký khai tử", name_en="Death registration"),
    make_procedure(code="1.004222", name="Đăng ký kết hôn", name_en="Marriage registration"),
    make_procedure(
        code="2.001711",
        name="Cấp Phiếu lý lịch tư pháp cho công dân Việt Nam",
        name_en="Criminal record certificate",
        field="Lý lịch tư pháp",
        field_en="Judicial records",
        online_level=OnlineLevel.PARTIAL,
    ),
]
INDEX = SearchIndex(CATALOG)


def codes(query: str) -> list[str]:
    return [h.procedure.code for h in INDEX.search(query)]


def test_folding_removes_accents_case_and_punctuation():
    assert fold("Đăng ký  KHAI-sinh!") == "dang ky khai sinh"


def test_with_or_without_accents_birth_registration_comes_first():
    for query in ("Đăng ký khai sinh", "dang ky khai sinh", "khai sinh", "KHAI SINH"):
        assert codes(query)[0] == "1.001193", query


def test_a_procedure_must_cover_at_least_half_of_what_the_query_says():
    assert codes("khai sinh") == ["1.001193", "1.001695"]  # "khai" alone (khai tử) tells too little
    # "tu" without accents is also "tư" (tư pháp): that reading matches part of the query, so it comes second
    assert codes("khai tu") == ["1.000656", "2.001711"]


def test_words_outside_the_catalog_do_not_empty_the_answer():
    assert codes("tôi muốn đăng ký khai tử cho bố")[0] == "1.000656"
    assert codes("lam sao de dang ky ket hon vay") == ["1.004222"]


def test_everyday_words_are_read_as_the_catalogs():
    assert codes("lấy vợ")[0] == "1.004222"  # kết hôn
    assert codes("xin lý lịch")[0] == "2.001711"  # lý lịch tư pháp


def test_asking_words_alone_are_still_searched():
    assert codes("thủ tục") == codes("thu tuc")


def test_one_wrong_letter_is_forgiven():
    assert codes("dang ky khai sonh")[0] == "1.001193"  # substitution
    assert codes("ly lich tu phap")[0] == "2.001711"
    assert codes("ly lich tu phapp")[0] == "2.001711"  # insertion
    assert codes("ly lich tu pahp")[0] == "2.001711"  # swap


def test_the_last_word_matches_as_a_prefix_while_typing():
    assert codes("ket h") == ["1.004222"]


def test_a_procedure_code_finds_that_procedure_only():
    assert codes("1.004222") == ["1.004222"]
    assert codes("9.999999") == []


def test_english_names_are_searchable_too():
    assert codes("death registration")[0] == "1.000656"


def test_no_query_lists_the_whole_catalog_in_code_order():
    assert codes("") == sorted(p.code for p in CATALOG)


def test_nonsense_finds_nothing():
    assert codes("xyzzy qwerty") == []


def test_a_word_the_catalog_uses_is_not_also_read_as_a_rarer_neighbour():
    index = SearchIndex(
        [
            make_procedure(code="1.003583", name="Đăng ký khai sinh lưu động"),  # "động" is one letter from "đăng"
            make_procedure(code="1.001193", name="Đăng ký khai sinh"),
            make_procedure(code="1.000656", name="Đăng ký khai tử"),
        ]
    )
    assert [h.procedure.code for h in index.search("dang ky khai sonh")][0] == "1.001193"


def test_ki_and_ky_are_both_correct_spellings():
    assert codes("dang ki khai sinh")[0] == "1.001193"
    assert codes("li lich tu phap")[0] == "2.001711"
