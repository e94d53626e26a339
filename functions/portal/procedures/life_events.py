"""Browsing by life event: what a citizen goes through, and the procedures each event calls for.

Each event lists national procedure codes chosen from the catalog (tests/unit/test_life_events.py checks
that every code exists); the order is the order a citizen usually goes through them. Linked procedures
(liên thông) come first where one exists: one filing instead of several (seed 001).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LifeEvent:
    id: str
    name: str
    name_en: str
    procedure_codes: tuple[str, ...]


LIFE_EVENTS: tuple[LifeEvent, ...] = (
    LifeEvent(
        "sinh-con",
        "Sinh con",
        "A child is born",
        ("2.000986", "2.001023", "1.001193", "1.000689", "1.004222", "2.000693", "1.014166", "1.014062"),
    ),
    LifeEvent(
        "nguoi-than-qua-doi",
        "Người thân qua đời",
        "Someone has died",
        ("1.011537", "1.000656", "1.003197", "1.014177", "2.000821", "1.001731", "1.014028", "2.002307"),
    ),
    LifeEvent(
        "ket-hon",
        "Kết hôn",
        "Getting married",
        ("1.004873", "1.000894", "2.000806", "1.004746"),
    ),
    LifeEvent(
        "xay-nha",
        "Xây, sửa nhà",
        "Building a house",
        ("1.013225", "1.009122", "1.013229", "1.013227", "1.013228"),
    ),
    LifeEvent(
        "khoi-nghiep",
        "Bắt đầu kinh doanh",
        "Starting a business",
        ("1.001612", "2.001610", "2.001583", "2.002043", "1.005280", "1.008498", "2.000720", "1.001570"),
    ),
    LifeEvent(
        "giay-phep-lai-xe",
        "Giấy phép lái xe",
        "A driving licence",
        ("3.000346", "3.000347", "3.000348", "3.000353", "3.000351"),
    ),
    LifeEvent(
        "dat-dai",
        "Nhà đất",
        "Land",
        ("1.013978", "1.012753", "1.013831", "1.012783", "1.012784", "1.013992", "1.013833", "1.012812"),
    ),
    LifeEvent(
        "mua-xe",
        "Mua, bán xe",
        "Buying or selling a vehicle",
        ("1.012575", "1.013066", "1.013076", "1.013080", "1.013079", "1.013065"),
    ),
    LifeEvent(
        "mat-viec",
        "Mất việc làm",
        "Losing a job",
        ("1.014748", "1.014751", "1.014753", "1.014750", "1.001613"),
    ),
)
