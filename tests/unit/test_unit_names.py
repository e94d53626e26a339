from portal.units.model import DivisionType
from portal.units.names import country_suffix_start, key, spelling, tokenize, type_word_before


def words(text):
    return [t.word for t in tokenize(text)]


def test_abbreviations_glued_to_numbers_are_cut_and_leading_zeros_dropped():
    assert words("P12, Q.03, F7 TP.HCM") == ["p", "12", "q", "3", "f", "7", "tp", "hcm"]


def test_commas_are_remembered_as_boundaries():
    tokens = tokenize("Yên Phụ, Tây Hồ")
    assert [t.after_boundary for t in tokens] == [True, False, True, False]


def test_keys_ignore_accents_spaces_and_case():
    assert key("Tây Hồ") == key("tay ho") == key("TAYHO") == "tayho"
    assert key("Phường 06") == "phuong6"


def test_spelling_keeps_accents_but_not_where_the_tone_mark_sits():
    assert spelling("Hoà Bình") == spelling("Hòa Bình") != spelling("Hoa Binh")
    assert spelling("Sa Pa") != spelling("Sa Pả")


def test_a_division_word_with_its_accents_or_abbreviated_is_certain():
    tokens = tokenize("Quận Tây Hồ")
    word = type_word_before(tokens, 1)
    assert word.kind is DivisionType.URBAN_DISTRICT and word.certain and word.start == 0
    assert type_word_before(tokenize("Q. Tây Hồ"), 1).certain
    assert type_word_before(tokenize("Tx. Sơn Tây"), 1).kind is DivisionType.TOWN


def test_without_accents_a_division_word_may_be_a_syllable_of_a_name():
    word = type_word_before(tokenize("nho quan ninh binh"), 2)  # "Nho Quan", not "Quận"
    assert word.kind is DivisionType.URBAN_DISTRICT and not word.certain


def test_an_accented_syllable_that_only_looks_like_a_division_word_is_not_one():
    assert type_word_before(tokenize("Sơn Tịnh Quảng Ngãi"), 2) is None  # "Tịnh", not "Tỉnh"


def test_a_trailing_country_and_postal_code_are_not_part_of_the_address():
    tokens = tokenize("Hồng Hà, Hà Nội 100000, Việt Nam")
    assert country_suffix_start(tokens) == 4


def test_a_name_without_a_type_has_none():
    assert DivisionType.of_name("Cao Bằng") == (None, "Cao Bằng")
    assert DivisionType.of_name("Thị xã Sơn Tây") == (DivisionType.TOWN, "Sơn Tây")
