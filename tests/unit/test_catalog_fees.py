"""A fee whose amount is set elsewhere (the province, the vehicle type, a circular's table) is not fixed,
which is not the same as free."""

import re

from infra.reference.catalog import load_checked
from tests.support.catalog import catalog

SET_ELSEWHERE = re.compile(r"HĐND|Hội đồng nhân dân|tùy loại|theo Thông tư|Luật Phí và lệ phí|chưa đối chiếu")


def fees():
    return [(p.code, f) for p in catalog() for f in p.fees]


def test_no_fee_described_as_set_elsewhere_claims_an_amount_of_zero():
    claimed_free = [code for code, f in fees() if f.amount_vnd == 0 and SET_ELSEWHERE.search(f.description)]
    assert claimed_free == []


def test_free_fixed_and_not_fixed_fees_are_all_present():
    amounts = {code: [f.amount_vnd for f in p_fees] for code, p_fees in _by_code().items()}
    assert amounts["1.001193"] == [0]  # birth registration: free
    assert amounts["1.013225"] == [None]  # construction permit: set by the province
    assert amounts["1.000656"] == [0, None, 8000]  # death registration: free on time, late: the province's fee
    assert sum(1 for p in load_checked()[1] for f in p.fees if not f.is_fixed) == 38  # the hand-checked file


def _by_code():
    by_code = {}
    for code, fee in fees():
        by_code.setdefault(code, []).append(fee)
    return by_code
