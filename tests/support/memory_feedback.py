"""In-memory stand-ins for the feedback service's ports (portal.feedback.repository): the repository keeps
what the store keeps (versions, queues, the open list, published answers, counters) and refuses a stale
version as the store does."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from portal.centers.model import Center
from portal.errors import Conflict
from portal.feedback import rules
from portal.feedback.model import CountsDelta, FeedbackCounts, Report
from portal.pagination import Page


@dataclass
class MemoryFeedback:
    reports: dict[str, Report] = field(default_factory=dict)
    stats: dict[tuple[str, str], FeedbackCounts] = field(default_factory=dict)

    def save(self, report: Report, deltas: tuple[CountsDelta, ...] = ()) -> Report:
        stored = self.reports.get(report.id)
        if (stored.version if stored else 0) != report.version:
            raise Conflict("Đã thay đổi.", "Changed meanwhile.")
        report = replace(report, version=report.version + 1)
        self.reports[report.id] = report
        for delta in deltas:
            for scope in delta.scopes:
                key = (scope, delta.month)
                self.stats[key] = self.stats.get(key, FeedbackCounts()) + delta.counts
        return report

    def get(self, report_id: str) -> Report | None:
        return self.reports.get(report_id)

    def queue(self, queue_key: str) -> list[Report]:
        return [r for r in self.reports.values() if r.received_at and queue_key in rules.queues(r)]

    def open_due_before(self, day: date) -> list[Report]:
        return [r for r in self.reports.values() if rules.is_open(r) and r.due_on and r.due_on < day]

    def published(self, procedure_code: str | None) -> list[Report]:
        found = [r for r in self.reports.values() if r.published and procedure_code in (None, r.procedure_code)]
        return sorted(found, key=lambda r: r.answer.answered_at, reverse=True)

    def of_reporter(self, reporter_key: str) -> list[Report]:
        return [r for r in self.reports.values() if r.reporter.key == reporter_key]

    def counts(self, scopes: Iterable[str], month: str) -> dict[str, FeedbackCounts]:
        return {s: self.stats[(s, month)] for s in scopes if (s, month) in self.stats}


@dataclass
class MemoryCounters:
    values: dict[str, int] = field(default_factory=dict)

    def increment(self, key: str, expires_at: int, amount: int = 1) -> int:
        self.values[key] = self.values.get(key, 0) + amount
        return self.values[key]


@dataclass
class RecordedNotices:
    told: list[tuple[str, str, Any]] = field(default_factory=list)  # (step, report id, extra)

    def confirmation_code(self, report: Report, code: str) -> None:
        self.told.append(("code", report.id, code))

    def received(self, report: Report) -> None:
        self.told.append(("received", report.id, None))

    def escalated(self, report: Report, province_center_id: str | None) -> None:
        self.told.append(("escalated", report.id, province_center_id))

    def answered(self, report: Report) -> None:
        self.told.append(("answered", report.id, None))

    def steps(self, report_id: str) -> list[str]:
        return [step for step, rid, _ in self.told if rid == report_id]


@dataclass
class ProvinceCenters:
    centers: dict[str, Center] = field(default_factory=dict)

    def get(self, center_id: str) -> Center | None:
        return self.centers.get(center_id)

    def by_province(self, province_code: str, first: int | None, after: str | None) -> Page[Center]:
        return Page([c for c in self.centers.values() if c.province_code == province_code], None)
