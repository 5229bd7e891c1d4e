"""Preparing a 12-megapixel photo off the GUI thread, and what the GUI thread feels meanwhile.

The photo is a phone-style JPEG (4000x3000, orientation tag, GPS). Preparation runs on the
station's TaskRunner while a precise heartbeat timer measures event-loop lateness on the GUI
thread. Baselines: decoding the same JPEG at full size with Pillow (the floor any preparation
pays without reduced-scale decoding), and the heartbeat's lateness with nothing running.
"""

from __future__ import annotations

import io
import statistics
import time

from PIL import Image
from PySide6.QtWidgets import QApplication

from benchmarks.gui_stall import Heartbeat, _idle, _spin
from benchmarks.runner import Figure
from returndesk.photos.prepare import prepare
from returndesk.ui.common.tasks import TaskRunner


def camera_jpeg() -> bytes:
    noise = Image.effect_noise((1000, 750), 60).resize((4000, 3000))
    image = Image.merge("RGB", (noise, noise.transpose(Image.Transpose.FLIP_LEFT_RIGHT), noise))
    exif = Image.Exif()
    exif[0x0112] = 6
    exif[0x8825] = {1: "N", 2: (59.0, 19.0, 52.0), 3: "E", 4: (18.0, 4.0, 7.0)}
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=92, exif=exif)
    return buffer.getvalue()


def _prepare_once(app: QApplication, runner: TaskRunner, photo: bytes) -> tuple[float, float]:
    """(milliseconds until the prepared photo is back on the GUI thread, longest stall)"""
    heartbeat = Heartbeat()
    finished: list[float] = []
    heartbeat.start()
    started = time.perf_counter()
    runner.run(
        lambda: prepare(photo),
        lambda _result: finished.append(time.perf_counter() - started),
        lambda exc: finished.append(-1.0),
    )
    _spin(app, lambda: bool(finished), 30)
    heartbeat.stop()
    if finished[0] < 0:
        raise RuntimeError("the photo was not prepared")
    return finished[0] * 1000, max(heartbeat.lateness(), default=0.0)


def run(quick: bool) -> list[Figure]:
    app = QApplication.instance() or QApplication([])
    photo = camera_jpeg()
    runs = 2 if quick else 7
    runner = TaskRunner()
    durations: list[float] = []
    stalls: list[float] = []
    for _ in range(runs):
        duration, stall = _prepare_once(app, runner, photo)
        durations.append(duration)
        stalls.append(stall)
    decode: list[float] = []
    for _ in range(runs):
        started = time.perf_counter()
        Image.open(io.BytesIO(photo)).load()
        decode.append((time.perf_counter() - started) * 1000)
    idle = max(_idle(app, 0.5 if quick else 2.0), default=0.0)
    size = len(prepare(photo).data)
    return [
        Figure.of(
            "photo: prepare a 12 MP JPEG off the GUI thread",
            "ms",
            durations,
            baseline_name="full-size decode only",
            baseline=statistics.median(decode),
            ratio=statistics.median(decode) / statistics.median(durations),
            note=f"target < 400 ms; {len(photo) // 1024} KiB in, {size // 1024} KiB out",
        ),
        Figure.of(
            "photo: longest GUI stall while preparing",
            "ms",
            stalls,
            baseline_name="idle heartbeat",
            baseline=idle,
            note="target < 50 ms",
        ),
    ]
