"""A keyboard scanner typing into the real station window on a real X server.

Xvfb runs the display, the station runs as it would on a till (``returndesk`` with the xcb
platform), and xdotool types scans at 5 ms a key, as a wired USB scanner does. With a German
layout (``setxkbmap de``) the keys a US-programmed scanner presses are sent by their physical
position: the keycode a US keyboard has for each character, whatever the German layout makes
of it. (xdotool takes key names and picks the first key that carries the name, so the codes
here avoid names a German layout has on two keys, such as its dead keys.) The station's own
log says how it read each scan; every scan must be read exactly or
refused with the layout message — never read as a different code.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from returndesk.scanning.keymap import US_EVDEV, X11_OFFSET
from returndesk.scanning.normaliser import LAYOUT_MESSAGE

TOOLS = ("Xvfb", "xdotool", "setxkbmap", "xkbcomp")
MISSING = [tool for tool in TOOLS if shutil.which(tool) is None]
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.xvfb,
    pytest.mark.skipif(
        bool(MISSING),
        reason=f"needs {', '.join(MISSING)} (apt-get install xvfb xdotool x11-xkb-utils)",
    ),
    pytest.mark.skipif(sys.platform != "linux", reason="X11 only"),
]
#: how the station logs what it made of a scan (before any screen used it)
OUTCOME = re.compile(r"scan (read as \S+ .*|not read: .*)$")


class Display:
    """A private Xvfb display; the server picks a free number itself (-displayfd)."""

    def __init__(self) -> None:
        read, write = os.pipe()
        self.server = subprocess.Popen(
            [
                "Xvfb",
                "-displayfd",
                str(write),
                "-screen",
                "0",
                "1280x800x24",
                # -noreset: the server resets its keymap whenever its last client leaves,
                # which would undo setxkbmap before the station connects
                "-noreset",
                "-nolisten",
                "tcp",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            pass_fds=(write,),
        )
        os.close(write)
        with os.fdopen(read) as announced:
            number = announced.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        self.name = f":{number}"
        self.env = {**os.environ, "DISPLAY": self.name}

    def run(self, *args: str) -> str:
        return subprocess.run(
            args, env=self.env, check=True, capture_output=True, text=True, timeout=30
        ).stdout

    def layout(self, name: str) -> dict[int, list[str]]:
        """Switch the keyboard layout; the keysyms of each keycode under it."""
        self.run("setxkbmap", name)
        keymap = self.run("xkbcomp", "-xkb", self.name, "-")
        codes = {name: int(code) for name, code in re.findall(r"<(\w+)>\s*=\s*(\d+);", keymap)}
        levels: dict[int, list[str]] = {}
        for name, body in re.findall(r"key\s+<(\w+)>\s*\{([^}]*)\}", keymap):
            groups = [g for g in re.findall(r"\[([^\]]*)\]", body) if g.strip() != "Group1"]
            if groups and name in codes:
                levels[codes[name]] = [sym.strip() for sym in groups[0].split(",")]
        return levels

    def close(self) -> None:
        self.server.terminate()
        self.server.wait(10)


#: a US keyboard: character → (X keycode, shifted)
US_KEYS: dict[str, tuple[int, bool]] = {}
for _evdev, (_plain, _shifted) in sorted(US_EVDEV.items(), reverse=True):
    if _evdev < 70:  # the main block, not the keypad
        US_KEYS[_shifted] = (_evdev + X11_OFFSET, True)
        US_KEYS[_plain] = (_evdev + X11_OFFSET, False)


def us_scanner_keys(code: str, levels: dict[int, list[str]]) -> list[str]:
    """xdotool key names that press, under the current layout, the keys a US keyboard
    presses for ``code`` (GS is Ctrl+])."""
    names = []
    for char in code:
        if char == "\x1d":
            keycode, shifted, ctrl = US_KEYS["]"][0], False, True
        else:
            (keycode, shifted), ctrl = US_KEYS[char], False
        syms = levels[keycode]
        name = syms[1 if shifted and len(syms) > 1 else 0]
        # keysyms whose case decides the level: xdotool adds Shift itself
        names.append(("ctrl+" if ctrl else "") + name)
    return [*names, "Return"]


@pytest.fixture
def display():
    screen = Display()
    yield screen
    screen.close()


def start_station(
    display: Display, home: Path, config: str | None = None, *, sign_on: bool = False
):
    home.mkdir(parents=True, exist_ok=True)
    env = {
        **display.env,
        "QT_QPA_PLATFORM": "xcb",
        "RETURNDESK_LOG_LEVEL": "INFO",
        # the scanner tests scan parcels from the first frame: no operator sign-on screen
        "RETURNDESK_STATION__SIGN_ON": "true" if sign_on else "false",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
    }
    args = [sys.executable, "-m", "returndesk"]
    if config is not None:
        path = home / "station.toml"
        path.write_text(config)
        args += ["--config", str(path)]
    log = home / "station.log"
    process = subprocess.Popen(args, env=env, stdout=subprocess.DEVNULL, stderr=log.open("w"))
    deadline = time.monotonic() + 40
    while True:
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", "ReturnDesk"],
            env=display.env,
            capture_output=True,
        )
        if found.returncode == 0:
            window = found.stdout.split()[0].decode()
            break
        if time.monotonic() > deadline or process.poll() is not None:
            process.kill()
            raise RuntimeError("the station window did not appear:\n" + log.read_text()[-3000:])
        time.sleep(0.2)
    time.sleep(1.0)  # first frame, focus on the Ready field
    display.run("xdotool", "windowfocus", window)
    return process, log


def outcomes(log: Path, count: int) -> list[str]:
    deadline = time.monotonic() + 20
    while True:
        lines = [m.group(1) for m in map(OUTCOME.search, log.read_text().splitlines()) if m]
        if len(lines) >= count or time.monotonic() > deadline:
            return lines
        time.sleep(0.1)


def scan(display: Display, keys: list[str]) -> None:
    display.run("xdotool", "key", "--delay", "5", *keys)
    time.sleep(0.3)  # beyond the duplicate window of a scanner's double read: a new scan


CODES = [
    ("RMA-2026-000002", "parcel RMA-2026-000002"),
    ("#10042", "parcel #10042"),
    ("4006381333931", "item 4006381333931"),
    ("]C10104006381333931\x1d10ABC", "item 4006381333931 batch=ABC"),
    ("1Z999AA10123456784", "parcel 1Z999AA10123456784"),
]


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(15)
    except subprocess.TimeoutExpired:
        process.kill()


def scan_all(display: Display, home: Path, layout: str, config: str | None = None) -> list[str]:
    """Start the station, scan every code as a US-programmed scanner would, and return what
    the station made of each."""
    levels = display.layout(layout)
    process, log = start_station(display, home, config)
    try:
        for code, _ in CODES:
            scan(display, us_scanner_keys(code, levels))
        return outcomes(log, len(CODES))
    finally:
        stop(process)


def test_us_layout_scans_are_read_exactly(display, tmp_path):
    results = scan_all(display, tmp_path / "us", "us")
    assert results == [f"read as {expected}" for _, expected in CODES]


def test_a_us_scanner_on_a_german_host_in_text_mode_is_refused_never_misread(display, tmp_path):
    """Text mode reads what the German layout made of the keys. '-', '#', ']' and Ctrl+]
    become 'ß', '§', '+' and nothing: refused. Digits are the same on both: read exactly.
    Y and Z merely swap, which looks like a valid code; the first refusal taught the station
    that this scanner types US keys, so the swapped tracking number is refused too."""
    results = scan_all(display, tmp_path / "de-text", "de")
    assert len(results) == len(CODES)
    for (code, expected), result in zip(CODES, results, strict=True):
        assert result in (f"read as {expected}", f"not read: {LAYOUT_MESSAGE}"), code
    assert results[0] == f"not read: {LAYOUT_MESSAGE}"
    assert results[2] == "read as item 4006381333931"
    assert results[4] == f"not read: {LAYOUT_MESSAGE}"


def test_a_us_scanner_on_a_german_host_reads_exactly_with_us_physical(display, tmp_path):
    config = '[scanner.wedge]\ndecode = "us_physical"\n'
    results = scan_all(display, tmp_path / "de-physical", "de", config)
    assert results == [f"read as {expected}" for _, expected in CODES]


def test_an_operator_signs_on_by_scanning_a_badge_then_scans_a_parcel(display, tmp_path):
    config = '[[operators]]\nname = "Ada Lind"\nbadge = "EMP-0042"\n'
    levels = display.layout("us")
    process, log = start_station(display, tmp_path / "badge", config, sign_on=True)
    try:
        scan(display, us_scanner_keys("EMP-9999", levels))  # a badge the station does not know
        scan(display, us_scanner_keys("EMP-0042", levels))
        scan(display, us_scanner_keys("RMA-2026-000002", levels))
        deadline = time.monotonic() + 20
        while "scan read as parcel RMA-2026-000002" not in log.read_text():
            assert time.monotonic() < deadline, log.read_text()[-3000:]
            time.sleep(0.1)
    finally:
        stop(process)
    text = log.read_text()
    assert "operator signed on: Ada Lind" in text
    assert text.count("operator signed on") == 1  # the unknown badge signed nobody on
    assert text.index("operator signed on") < text.index("scan read as parcel RMA-2026-000002")
