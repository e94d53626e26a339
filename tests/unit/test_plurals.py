"""A number of days (or hours, months...) is written as each language writes it: English says "1 day",
"1 working day", "2 working days"; Vietnamese has no plural ("1 ngày làm việc", "2 ngày làm việc"). The
site's words (frontend/assets/text/common.js, run by node) and the e-mails the server writes."""

from __future__ import annotations

import json
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from portal.clients.expiry import days_en, expiry_notice
from portal.clock import VIETNAM
from tests.unit.test_client_rules import make_client

ASSETS = Path(__file__).resolve().parents[2] / "frontend" / "assets"
CASES = [
    (1, "WORKING_DAYS"), (2, "WORKING_DAYS"), (1, "DAYS"), (15, "DAYS"), (1, "WORKING_HOURS"), (8, "HOURS"),
    (1, "MONTHS"), (3, "YEARS"), (0.5, "DAYS"), (None, "SAME_DAY"),
]  # fmt: skip


@pytest.fixture(scope="module")
def site_words() -> dict[str, list[str]]:
    cases = json.dumps(CASES)
    script = (
        "import('./text/common.js').then(({ vi, en }) => console.log(JSON.stringify({"
        f"  time: [vi, en].map((w) => {cases}.map(([amount, unit]) => w.timeOf({{ amount, unit }}))),"
        f"  duration: [vi, en].map((w) => {cases}.map(([amount, unit]) => w.duration(amount, unit))),"
        "})))"
    )
    out = subprocess.run(["node", "-e", script], cwd=ASSETS, capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def test_english_says_one_day_and_two_days(site_words):
    vi, en = site_words["duration"]
    assert en[:8] == [
        "1 working day", "2 working days", "1 calendar day", "15 calendar days", "1 working hour", "8 hours",
        "1 month", "3 years",
    ]  # fmt: skip
    assert en[8:] == ["0.5 calendar days", "same day"]
    assert vi[:4] == ["1 ngày làm việc", "2 ngày làm việc", "1 ngày", "15 ngày"] and vi[-1] == "trong ngày"


def test_a_procedures_processing_time_uses_the_same_words(site_words):
    vi, en = site_words["time"]
    assert en[0] == "1 working day" and en[1] == "2 working days" and vi[0] == "1 ngày làm việc"
    assert en[-1].startswith("Same day") and vi[-1].startswith("Trong ngày")
    assert not any(" 1 days" in f" {w}" or " 1 working days" in f" {w}" for w in en)


NOW = datetime(2026, 3, 2, 9, 0, tzinfo=VIETNAM)


@pytest.mark.parametrize(("left", "said"), [(1, "in 1 day"), (7, "in 7 days"), (0, "in 0 days")])
def test_an_expiry_warning_says_one_day_or_several(left, said):
    subject, body = expiry_notice(make_client(expires_at=NOW + timedelta(days=left, hours=1)), NOW, "https://x.vn")
    assert subject.endswith(f"Client expires {said}") and f"{left} ngày" in subject
    assert f", {said}. " in body and "1 days" not in subject + body
    assert days_en(1) == "1 day" and days_en(30) == "30 days"
