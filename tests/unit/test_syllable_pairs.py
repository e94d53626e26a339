"""Two-syllable words (procedures/phrases.py): syllables side by side say more than syllables apart."""

from portal.procedures.model import Level, ProcedureSummary
from portal.procedures.phrases import PairIndex, syllable_pairs


def _procedure(code: str, name: str, everyday: str = "") -> ProcedureSummary:
    return ProcedureSummary(
        code, name, "", "Hộ tịch", "Civil status", (Level.COMMUNE,), "UBND cấp xã", "", None, True, False,
        everyday_names=everyday,
    )  # fmt: skip


def test_pairs_are_read_folded_and_never_span_two_everyday_names():
    assert syllable_pairs("Đăng ký khai sinh") == ["dang_ki", "ki_khai", "khai_sinh"]
    assert "sinh_lam" not in syllable_pairs("khai sinh ; làm giấy")


def test_a_name_holding_the_syllables_side_by_side_scores_above_one_holding_them_apart():
    index = PairIndex.build(
        [
            _procedure("1.000001", "Đăng ký khai sinh"),
            _procedure("1.000002", "Khai báo sinh hoạt tôn giáo"),  # "khai" and "sinh", apart
            _procedure("1.000003", "Đăng ký thành lập hộ kinh doanh", "mở quán tạp hóa"),
        ]
    )
    scores = index.scores("con tôi mới sinh, làm khai sinh ở đâu")
    assert set(scores) == {0}
    assert max(index.scores("muốn mở quán tạp hóa nhỏ"), key=index.scores("muốn mở quán tạp hóa nhỏ").get) == 2


def test_the_shipped_pairs_read_back_as_built():
    from tests.support.catalog import catalog

    built = PairIndex.build(sorted((p.summary() for p in catalog()), key=lambda s: s.code))
    shipped = PairIndex.load()
    assert shipped.scores("đăng ký khai sinh cho con") == built.scores("đăng ký khai sinh cho con")
