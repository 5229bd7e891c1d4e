"""``python -m benchmarks [--quick] [--db-dir DIR]``: print the figures and write JSON.

``--quick`` runs each benchmark small and once (seconds), so CI keeps them from rotting;
its timings are not asserted.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the benchmarks reuse the tests' payload helpers

from benchmarks import (  # noqa: E402
    cold_start,
    fleet_day,
    gui_stall,
    labels,
    large_return,
    outbox_drain,
    photo_prepare,
    scan_to_items,
    shift,
    sync_budget,
    wedge,
)
from benchmarks.runner import print_table, write_json  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--quick", action="store_true", help="small and once, for CI")
    parser.add_argument(
        "--db-dir",
        type=Path,
        default=None,
        help="where the outbox databases go (default: a temporary folder "
        "on the same disk as the station's data)",
    )
    parser.add_argument(
        "--json", type=Path, default=ROOT / "benchmarks" / "results" / "latest.json"
    )
    args = parser.parse_args()
    db_dir = args.db_dir or Path(os.environ.get("TMPDIR", "/tmp"))
    figures = (
        cold_start.run(args.quick)
        + scan_to_items.run(args.quick)
        + large_return.run(args.quick)
        + wedge.run(args.quick)
        + gui_stall.run(args.quick)
        + photo_prepare.run(args.quick)
        + outbox_drain.run(args.quick, db_dir)
        + shift.run(args.quick)
        + labels.run(args.quick)
        + sync_budget.run(args.quick)
        + fleet_day.run(args.quick)
    )
    print_table(figures)
    write_json(figures, args.json, args.quick)
    print(f"\nwritten to {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
