"""The Qt binding's lost references to None can no longer end the process."""

from __future__ import annotations

import subprocess
import sys

import returndesk.ui  # noqa: F401 - importing the UI package applies the guard
from returndesk.ui.common.binding_guard import HEADROOM

LOOP = """
import sys
{guard}
from PySide6.QtCore import QCoreApplication, QTimer
app = QCoreApplication([])
timer = QTimer()
before = sys.getrefcount(None)
for _ in range({calls}):
    timer.stop()  # a void method
print(before - sys.getrefcount(None))
"""


def run(guard: bool, calls: int) -> subprocess.CompletedProcess[str]:
    code = LOOP.format(guard="import returndesk.ui" if guard else "", calls=calls)
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False
    )


def test_none_true_and_false_have_headroom():
    for singleton in (None, True, False):
        assert sys.getrefcount(singleton) > HEADROOM // 2 or sys.version_info >= (3, 12)


def test_a_long_shift_of_void_calls_ends_cleanly():
    """Half a million void calls (more than None's whole count without the guard)."""
    result = run(guard=True, calls=500_000)
    assert result.returncode == 0, result.stderr[-2000:]
    lost = int(result.stdout.strip())
    unguarded = run(guard=False, calls=500_000)
    if lost > 0:  # this binding loses references: without the guard the process dies
        assert unguarded.returncode != 0
        assert "dealloc" in unguarded.stderr


#: the PySide6 minor and Python pairs the guard was measured on (see binding_guard.py)
TESTED_PAIRS = {("6.12", (3, 11)), ("6.12", (3, 12)), ("6.12", (3, 13))}


def test_this_pyside6_and_python_pair_was_measured():
    import PySide6

    pair = (".".join(PySide6.__version__.split(".")[:2]), sys.version_info[:2])
    assert pair in TESTED_PAIRS, (
        f"PySide6 {pair[0]} on Python {pair[1][0]}.{pair[1][1]} is not a measured pair: "
        "run this file's reference-count test on it, then add the pair here and widen the "
        "bounds in pyproject.toml"
    )
