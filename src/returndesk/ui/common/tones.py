"""The station's two feedback tones, synthesised as WAV bytes.

Generated rather than shipped: no binary assets to package, and the tones stay short and
distinct by construction — a rising double beep for "good", a level mid double beep for a
warning, a low buzz for a refusal.
"""

from __future__ import annotations

import io
import math
import sys
import wave
from array import array
from pathlib import Path

RATE = 22_050
#: (frequency Hz, milliseconds) segments; 0 Hz is silence
GOOD = ((880, 70), (0, 25), (1320, 90))
BAD = ((220, 140), (0, 40), (220, 140))
#: a warning: one mid pitch twice, level — neither the rise of "good" nor the buzz of "bad"
WARN = ((600, 90), (0, 60), (600, 90))
#: a fraction of full scale: loud enough for a warehouse, short of clipping
LEVEL = 0.45


def wav_bytes(segments: tuple[tuple[int, int], ...], rate: int = RATE) -> bytes:
    samples = array("h")
    peak = int(32767 * LEVEL)
    for frequency, millis in segments:
        count = rate * millis // 1000
        ramp = max(1, rate // 500)  # 2 ms fade in and out: no click at the edges
        step = 2 * math.pi * frequency / rate
        buzz = bool(frequency) and frequency < 400  # a buzz, not a hum
        for i in range(count):
            envelope = min(1.0, i / ramp, (count - 1 - i) / ramp)
            value = math.sin(step * i) if frequency else 0.0
            if buzz:
                value = math.copysign(min(1.0, abs(value) * 3), value)
            samples.append(int(peak * envelope * value))
    if sys.byteorder == "big":
        samples.byteswap()  # WAV is little-endian
    frames = samples.tobytes()
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(frames)
    return buffer.getvalue()


def write_files(directory: Path) -> dict[str, Path]:
    """Write the tones where a sound player can open them; their paths by name.

    Called by the composition root before the window opens, so the GUI thread never writes
    them mid-shift. Unchanged files are left alone.
    """
    directory.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, segments in (("good", GOOD), ("warn", WARN), ("bad", BAD)):
        path = directory / f"{name}.wav"
        data = wav_bytes(segments)
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
        paths[name] = path
    return paths
