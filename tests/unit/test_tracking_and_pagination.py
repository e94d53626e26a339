import pytest

from portal.dossiers.tracking import secret_matches, tracking_secret
from portal.errors import InvalidInput
from portal.pagination import decode_cursor, encode_cursor, page_of_list

KEY = b"k" * 32
CODE = "H01.000.00-260302-010001"


def test_the_tracking_secret_is_stable_and_differs_between_dossiers():
    secret = tracking_secret(KEY, CODE)
    assert secret == tracking_secret(KEY, CODE)
    assert secret != tracking_secret(KEY, CODE[:-1] + "2")
    assert len(secret) == 11 and secret[5] == "-"


def test_the_secret_matches_however_the_citizen_types_it():
    secret = tracking_secret(KEY, CODE)
    assert secret_matches(KEY, CODE, secret.lower())
    assert secret_matches(KEY, CODE, secret.replace("-", ""))
    assert not secret_matches(KEY, CODE, "AAAAA-AAAAA")


def test_cursors_round_trip_and_garbage_is_a_clear_input_error():
    assert decode_cursor(encode_cursor({"o": 40})) == {"o": 40}
    for bad in ("not-base64!!", encode_cursor({"o": 1})[:-3] + "@@@"):
        with pytest.raises(InvalidInput):
            decode_cursor(bad)


def test_pages_of_a_list_walk_to_the_end():
    items = list(range(45))
    seen, cursor = [], None
    while True:
        page = page_of_list(items, 20, cursor)
        seen += page.items
        cursor = page.end_cursor
        if cursor is None:
            break
    assert seen == items


@pytest.mark.parametrize("size", [0, 101, -1])
def test_page_size_is_bounded(size):
    with pytest.raises(InvalidInput):
        page_of_list([1], size, None)
