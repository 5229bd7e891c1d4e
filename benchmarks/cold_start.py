"""Cold start to the first rendered frame of the Ready screen, against a bare Qt script, and
the frozen build's against the virtual environment's.

Each run is a new process, timed from its spawn until it reports its first frame:
- the station: ``returndesk --exit-after-first-frame``, its own start (settings, demo station,
  outbox, drainer, window, receiving, admin, ``run_gui``), offscreen, with the sign-on screen
  off so the first screen is Ready; it draws the window once, prints ``first frame: SCREEN``
  and quits (the quitting is not timed);
- the baseline: a script that imports PySide6, httpx and pydantic and shows an empty
  ``QMainWindow`` the same way, the floor that Python and Qt set;
- the frozen build (``dist/returndesk``, when ``packaging/linux/build_linux.sh`` made one): the
  same command; the runs alternate with the virtual environment's, so a busy neighbour on the
  machine slows both alike.
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
print("first frame: QMainWindow", flush=True)
"""

PROBE = "--exit-after-first-frame"
STATION = [sys.executable, "-m", "returndesk", PROBE]
FROZEN = Path(__file__).resolve().parents[1] / "dist" / "returndesk" / "returndesk"


def _time_to_frame(command: list[str], home: Path, screen: str = "ReadyScreen") -> float:
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
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    elapsed = (time.perf_counter() - started) * 1000
    process.wait(60)
    if line.strip() != f"first frame: {screen}":
        raise RuntimeError(f"no first frame of {screen} (exit {process.returncode}): {line!r}")
    return elapsed


def run(quick: bool) -> list[Figure]:
    runs = 1 if quick else 7
    frozen_build = FROZEN.exists() and not quick
    with tempfile.TemporaryDirectory() as scratch:
        home = Path(scratch)
        bare_script = [sys.executable, "-c", BARE]
        # warm the page cache for each, as a second start is
        _time_to_frame(bare_script, home, "QMainWindow")
        _time_to_frame(STATION, home)
        bare = [_time_to_frame(bare_script, home, "QMainWindow") for _ in range(runs)]
        station = [_time_to_frame(STATION, home) for _ in range(runs)]
        if frozen_build:
            _time_to_frame([str(FROZEN), PROBE], home)
            pairs = [
                (_time_to_frame([str(FROZEN), PROBE], home), _time_to_frame(STATION, home))
                for _ in range(runs)
            ]
    median, base = statistics.median(station), statistics.median(bare)
    figures = [
        Figure.of(
            "cold start to the Ready screen's first frame",
            "ms",
            station,
            baseline_name="PySide6+httpx+pydantic, empty window",
            baseline=base,
            ratio=base / median,
            note=f"target <= 1.3x the baseline: {median / base:.2f}x",
        )
    ]
    if frozen_build:
        frozen = [pair[0] for pair in pairs]
        venv = statistics.median(pair[1] for pair in pairs)
        figures.append(
            Figure.of(
                "cold start, frozen build (dist/returndesk)",
                "ms",
                frozen,
                baseline_name="the same start from the virtual environment, in turns",
                baseline=venv,
                ratio=venv / statistics.median(frozen),
                note="target: frozen no slower than the virtual environment",
            )
        )
    return figures
