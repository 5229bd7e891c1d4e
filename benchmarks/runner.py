"""Repeat a measurement, keep median/min/max, print a table and write JSON."""

from __future__ import annotations

import json
import platform
import statistics
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any


@dataclass
class Figure:
    name: str
    unit: str
    median: float
    low: float
    high: float
    baseline_name: str | None = None
    baseline: float | None = None
    #: how this compares to its baseline, as the benchmark defines it (higher is better)
    ratio: float | None = None
    note: str = ""

    @classmethod
    def of(cls, name: str, unit: str, values: Sequence[float], **more: Any) -> Figure:
        """The figure of a series of measurements: its median, lowest and highest."""
        return cls(name, unit, statistics.median(values), min(values), max(values), **more)


def repeat(measure: Callable[[], float], runs: int) -> tuple[float, float, float]:
    values = [measure() for _ in range(runs)]
    return statistics.median(values), min(values), max(values)


def print_table(figures: list[Figure]) -> None:
    header = f"{'figure':<44} {'median':>10} {'min':>10} {'max':>10}  {'baseline':>10}  ratio"
    print(header)
    print("-" * len(header))
    for f in figures:
        baseline = f"{f.baseline:>10.1f}" if f.baseline is not None else " " * 10
        ratio = f"{f.ratio:.2f}x" if f.ratio is not None else ""
        print(
            f"{f.name + ' (' + f.unit + ')':<44} {f.median:>10.1f} {f.low:>10.1f} "
            f"{f.high:>10.1f}  {baseline}  {ratio}  {f.note}"
        )


def write_json(figures: list[Figure], path: Path, quick: bool) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        json.dumps(
            {
                "when": datetime.now(UTC).isoformat(),
                "quick": quick,
                "machine": {
                    "python": platform.python_version(),
                    "system": platform.platform(),
                    "cpus": __import__("os").cpu_count(),
                },
                "figures": [asdict(f) for f in figures],
            },
            indent=2,
        )
    )
