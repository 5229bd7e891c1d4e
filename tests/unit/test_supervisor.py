import sys

import pytest

from returndesk import supervisor
from returndesk.supervisor import (
    MAX_QUICK_CRASHES,
    QUICK_SECONDS,
    RESTART_EXIT_CODE,
    station_command,
    supervise,
)


class Runs:
    """Plays the station's exit codes, each run taking ``seconds`` of a fake clock."""

    def __init__(self, codes, seconds=1.0):
        self.codes = list(codes)
        self.seconds = seconds
        self.now = 0.0
        self.commands = []
        self.pauses = []

    def run(self, command):
        self.commands.append(list(command))
        self.now += self.seconds
        return self.codes.pop(0)

    def sleep(self, seconds):
        self.pauses.append(seconds)
        self.now += seconds

    def clock(self):
        return self.now


def supervised(runs):
    return supervise(["station"], run=runs.run, sleep=runs.sleep, clock=runs.clock)


def test_a_crash_is_restarted_and_a_clean_quit_ends_it():
    runs = Runs([-11, 1, 0], seconds=3600)
    assert supervised(runs) == 0
    assert len(runs.commands) == 3
    assert runs.pauses == [1.0, 1.0]  # crashes far apart: each the first in a row


@pytest.mark.parametrize("code", [0, 2])
def test_quit_and_cannot_start_are_not_restarted(code):
    runs = Runs([code])
    assert supervised(runs) == code
    assert len(runs.commands) == 1


def test_an_asked_for_restart_follows_at_once():
    runs = Runs([RESTART_EXIT_CODE, RESTART_EXIT_CODE, 0])
    assert supervised(runs) == 0
    assert runs.pauses == []


def test_repeated_start_up_crashes_back_off_then_give_up():
    runs = Runs([1] * 10, seconds=QUICK_SECONDS / 10)
    assert supervised(runs) == 1
    assert len(runs.commands) == MAX_QUICK_CRASHES
    assert runs.pauses == [1.0, 2.0, 4.0, 8.0]


def test_the_child_is_the_same_station_without_the_flag(monkeypatch):
    command = station_command(["--kiosk", "--restart-on-crash", "--config", "x.toml"])
    assert command == [sys.executable, "-m", "returndesk", "--kiosk", "--config", "x.toml"]
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert station_command(["--kiosk"]) == [sys.executable, "--kiosk"]


def test_a_real_child_that_crashes_is_run_again(tmp_path):
    marker = tmp_path / "runs"
    script = (
        "import pathlib, sys; p = pathlib.Path(sys.argv[1]); "
        "n = len(p.read_text()) if p.exists() else 0; p.write_text('x' * (n + 1)); "
        "sys.exit(0 if n else 3)"
    )
    code = supervise([sys.executable, "-c", script, str(marker)], sleep=lambda s: None)
    assert code == 0
    assert marker.read_text() == "xx"
    assert supervisor.is_supervised() is False


def test_sigterm_to_the_supervisor_ends_the_station_and_is_not_restarted():
    import os
    import signal
    import threading

    script = "import time; time.sleep(30)"
    timer = threading.Timer(0.5, lambda: os.kill(os.getpid(), signal.SIGTERM))
    timer.start()
    before = signal.getsignal(signal.SIGTERM)
    code = supervise([sys.executable, "-c", script], sleep=lambda s: None)
    timer.join()
    assert code == -signal.SIGTERM  # the child was terminated, and not started again
    assert signal.getsignal(signal.SIGTERM) is before
