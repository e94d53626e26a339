from infra.backup import item_line, line_item

ITEM = {
    "pk": {"S": "STATS#national"},
    "count": {"N": "42"},
    "blob": {"B": b"\x00\xffbytes"},
    "blobs": {"BS": [b"b", b"a"]},
    "codes": {"SS": ["2.000908", "1.001193"]},
    "nested": {"M": {"list": {"L": [{"BOOL": True}, {"NULL": True}, {"NS": ["2", "1"]}]}}},
}


def test_an_item_survives_a_line_with_its_types_binary_included():
    back = line_item(item_line(ITEM))
    assert back["blob"] == {"B": b"\x00\xffbytes"}
    assert sorted(back["blobs"]["BS"]) == [b"a", b"b"]
    assert back["count"] == {"N": "42"} and back["nested"]["M"]["list"]["L"][1] == {"NULL": True}
    assert item_line(back) == item_line(ITEM)


def test_equal_items_make_equal_lines_whatever_the_order_of_their_sets_and_keys():
    shuffled = dict(reversed(list(ITEM.items())))
    shuffled["codes"] = {"SS": ["1.001193", "2.000908"]}
    assert item_line(shuffled) == item_line(ITEM)
    assert item_line({**ITEM, "count": {"N": "43"}}) != item_line(ITEM)
