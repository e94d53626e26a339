"""Reading KPIs: a center's, a province's or the nation's, over a range of months."""

from __future__ import annotations

import re
from typing import Protocol

from portal.dossiers.counters import KpiCounts, national_scopes
from portal.errors import InvalidInput
from portal.identity.access import check_can_read_kpis
from portal.identity.principal import Principal
from portal.input_limits import check_length

MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


class StatsReader(Protocol):
    def totals(self, scope: str, from_month: str, to_month: str) -> KpiCounts: ...


def kpis(
    stats: StatsReader,
    principal: Principal,
    center_id: str | None,
    province_code: str | None,
    from_month: str,
    to_month: str,
) -> KpiCounts:
    check_length("centerId", center_id, "code")
    check_length("provinceCode", province_code, "code")
    if center_id and province_code:
        raise InvalidInput.for_field(
            "scope", "Chọn trung tâm hoặc tỉnh, không chọn cả hai.", "Give a center or a province, not both."
        )
    for name, value in (("fromMonth", from_month), ("toMonth", to_month)):
        if not MONTH.match(value):
            raise InvalidInput.for_field(name, "Tháng có dạng YYYY-MM.", "A month is written YYYY-MM.")
    if from_month > to_month:
        raise InvalidInput.for_field(
            "fromMonth", "Tháng bắt đầu phải trước tháng kết thúc.", "fromMonth must not be after toMonth."
        )
    check_can_read_kpis(principal, center_id)
    if center_id or province_code:
        return stats.totals(f"center:{center_id}" if center_id else f"province:{province_code}", from_month, to_month)
    return sum((stats.totals(shard, from_month, to_month) for shard in national_scopes()), KpiCounts())
