"""Cold start to the first rendered frame of the Ready screen, against a bare Qt script.

Each run is a new process, timed from its spawn until it reports its first frame:
- the station: ``returndesk``'s own start (``cli.main`` → settings, demo station, outbox,
  drainer, window, receiving, admin, ``run_gui``), offscreen, with the sign-on screen off so the
  first screen is Ready; its event loop is replaced by one that renders the window once,
  prints ``frame`` and quits (the rest of ``run_gui``'s shutdown is not timed);
- the baseline: a script that imports PySide6, httpx and pydantic and shows an empty
  ``QMainWindow`` the same way — the floor Python and Qt set.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.runner import Figure

BARE = """
import httpx, pydantic
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.resize(1280, 800)
window.show()
app.processEvents()
window.grab()
print("frame", flush=True)
"""

STATION = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow

def first_frame(self=None):
    app = QApplication.instance()
    app.processEvents()
    window = next(w for w in app.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible())
    assert window.screens.currentWidget() is window.ready, "the first screen is not Ready"
    window.grab()
    print("frame", flush=True)
    return 0

QApplication.exec = first_frame
from returndesk.cli import main
sys.exit(main([]))
"""


def _time_to_frame(code: str, home: Path) -> float:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "RETURNDESK_STATION__SIGN_ON": "false",
    }
    # an installed station runs from bytecode (pip compiles it, the frozen build carries
    # it); the first, untimed run writes it where this environment would not
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-c", code],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    elapsed = (time.perf_counter() - started) * 1000
    process.wait(60)
    if line.strip() != "frame":
        raise RuntimeError(f"no first frame (exit {process.returncode}): {line!r}")
    return elapsed


def run(quick: bool) -> list[Figure]:
    runs = 1 if quick else 7
    with tempfile.TemporaryDirectory() as scratch:
        home = Path(scratch)
        _time_to_frame(BARE, home)  # warm the page cache for both, as a second start is
        _time_to_frame(STATION, home)
        bare = [_time_to_frame(BARE, home) for _ in range(runs)]
        station = [_time_to_frame(STATION, home) for _ in range(runs)]
    median, base = statistics.median(station), statistics.median(bare)
    return [
        Figure(
            "cold start to the Ready screen's first frame",
            "ms",
            median,
            min(station),
            max(station),
            baseline_name="PySide6+httpx+pydantic, empty window",
            baseline=base,
            ratio=base / median,
            note=f"target <= 1.3x the baseline: {median / base:.2f}x",
        )
    ]
