"""``--restart-on-crash``: run the station as a child process and start it again after a crash.

A clean quit (exit 0, which in kiosk mode needs the admin PIN) ends the supervisor too, and so
does "cannot start" (exit 2: settings or another running station), which a restart would not
mend. A restart the admin asked for (after saving settings) follows at once. Crashes right
after start are retried with growing pauses, and after :data:`MAX_QUICK_CRASHES` in a row the
supervisor gives up, so a station that cannot start does not spin forever.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence

log = logging.getLogger(__name__)

EXIT_CANNOT_START = 2
RESTART_EXIT_CODE = 75
#: a crash within this many seconds of the start counts as a start-up crash
QUICK_SECONDS = 30.0
MAX_QUICK_CRASHES = 5
MAX_PAUSE_SECONDS = 30.0
#: set for the child, so it knows a supervisor restarts it
SUPERVISED_VAR = "RETURNDESK_SUPERVISED"


def station_command(argv: Sequence[str]) -> list[str]:
    """The command that starts this same station again, without the supervisor's flag."""
    args = [a for a in argv if a != "--restart-on-crash"]
    if getattr(sys, "frozen", False):  # an installed build: the executable is the station
        return [sys.executable, *args]
    return [sys.executable, "-m", "returndesk", *args]


def supervise(
    command: Sequence[str],
    *,
    run: Callable[[Sequence[str]], int] | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], float] = time.monotonic,
) -> int:
    """Run ``command`` until it quits cleanly; returns its last exit code.

    SIGTERM or Ctrl+C to the supervisor (a service manager stopping it) is passed on to the
    station, which then ends cleanly, and is not restarted.
    """
    child = _Child()
    run = run or child.run
    previous = {sig: signal.signal(sig, child.stop) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        return _loop(command, run, sleep, clock, child)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def _loop(
    command: Sequence[str],
    run: Callable[[Sequence[str]], int],
    sleep: Callable[[float], None],
    clock: Callable[[], float],
    child: _Child,
) -> int:
    quick = 0
    while True:
        started = clock()
        code = run(command)
        if code in (0, EXIT_CANNOT_START) or child.stopping:
            return code
        if code == RESTART_EXIT_CODE:
            log.info("station restart asked for by the admin")
            quick = 0
            continue
        quick = quick + 1 if clock() - started < QUICK_SECONDS else 1
        if quick >= MAX_QUICK_CRASHES:
            log.critical(
                "the station crashed %d times within %.0f s of starting (last exit %s); "
                "not restarting it again",
                quick,
                QUICK_SECONDS,
                code,
            )
            return code
        pause = min(MAX_PAUSE_SECONDS, 2.0 ** (quick - 1))
        log.error("the station ended with exit code %s; restarting in %.0f s", code, pause)
        sleep(pause)


class _Child:
    def __init__(self) -> None:
        self.process: subprocess.Popen[bytes] | None = None
        self.stopping = False

    def run(self, command: Sequence[str]) -> int:
        env = {**os.environ, SUPERVISED_VAR: "1"}
        self.process = subprocess.Popen(list(command), env=env)  # noqa: S603 (our own program)
        try:
            return self.process.wait()
        finally:
            self.process = None

    def stop(self, signum: int, frame: object) -> None:
        log.info("supervisor stopping (signal %d): the station is asked to end", signum)
        self.stopping = True
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()


def is_supervised() -> bool:
    return os.environ.get(SUPERVISED_VAR) == "1"
