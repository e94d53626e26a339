"""Timing loops, percentiles, and the printed table."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

RESULTS = Path(__file__).resolve().parents[2] / "bench-results"


@dataclass
class Timing:
    name: str
    n: int
    p50_ms: float
    p99_ms: float
    mean_ms: float

    def row(self, ratio: float | None = None) -> str:
        r = f"{ratio:6.2f}x" if ratio is not None else "       "
        return f"  {self.name:<46} {self.p50_ms:9.3f} {self.p99_ms:9.3f} {r}   (n={self.n})"


def measure(name: str, call: Callable[[], object], n: int = 300, warmup: int = 20) -> Timing:
    for _ in range(warmup):
        call()
    samples = []
    for _ in range(n):
        start = time.perf_counter_ns()
        call()
        samples.append((time.perf_counter_ns() - start) / 1e6)
    samples.sort()
    return Timing(
        name=name,
        n=n,
        p50_ms=round(statistics.median(samples), 3),
        p99_ms=round(samples[min(len(samples) - 1, int(len(samples) * 0.99))], 3),
        mean_ms=round(statistics.fmean(samples), 3),
    )


def header(title: str) -> None:
    print(f"\n{title}\n  {'':<46} {'p50 ms':>9} {'p99 ms':>9} {'ratio':>7}")


def save(name: str, payload: object) -> Path:
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / f"{name}.json"

    def default(o: object) -> object:
        return asdict(o) if hasattr(o, "__dataclass_fields__") else str(o)

    path.write_text(json.dumps(payload, indent=2, default=default, ensure_ascii=False))
    return path
