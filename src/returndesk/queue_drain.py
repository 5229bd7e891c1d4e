"""``queue drain``: send what is due (or everything, ``--until-empty``), say what blocks.

It holds the station's lock, recovers what an earlier run left "sending", and reports refused
credentials and paused lanes with their resume time; the exit code says whether anything is
blocked (see :mod:`returndesk.cli_output`).
"""

from __future__ import annotations

import time
from datetime import datetime
from typing import Any

from returndesk.cli_output import (
    EXIT_ATTENTION,
    EXIT_BLOCKED,
    EXIT_LOCKED,
    EXIT_OK,
    EXIT_USAGE,
    err,
)
from returndesk.outbox.model import Counts, Lane
from returndesk.outbox.startup import AlreadyRunning, InstanceLock
from returndesk.outbox.store import OutboxStore, utcnow
from returndesk.settings.paths import Paths

#: how long ``drain --until-empty`` waits for the last item by default
DEFAULT_MAX_WAIT = 15 * 60
PROGRESS_EVERY = 5.0


def drain(
    store: OutboxStore,
    settings: Any,
    paths: Paths,
    demo: bool,
    until_empty: bool,
    max_wait: float,
) -> int:
    from returndesk.station import StationConfigError, build_station, start_drainer

    lock = InstanceLock(paths.data_dir)
    try:
        lock.acquire()
    except AlreadyRunning as exc:
        err(f"{exc}; the running station sends by itself")
        return EXIT_LOCKED
    try:
        recovered = store.recover_after_crash()
        if recovered:
            err(f"{recovered} item(s) left sending by an earlier run are checked again")
        try:
            station = build_station(settings, paths, demo=demo)
        except StationConfigError as exc:
            err(f"ReturnDesk cannot send: {exc}")
            return EXIT_USAGE
        problems: list[str] = []
        drainer = start_drainer(station, store.path, on_problem=problems.append)
        gave_up = False
        try:
            gave_up = _wait(store, until_empty, max_wait, problems)
        except KeyboardInterrupt:
            err("interrupted: what is not sent stays queued")
        finally:
            if drainer.stop():
                station.close()
    finally:
        lock.release()
    counts = store.counts()
    print(f"{counts.sent} sent, {counts.pending} waiting, {counts.attention} need attention")
    for problem in dict.fromkeys(problems):
        err(f"problem: {problem}")
    blocked = _report_blocked(store)
    if gave_up:
        err(f"gave up after {max_wait:.0f} s with {counts.pending} item(s) still waiting")
    if blocked or gave_up:
        return EXIT_BLOCKED
    return EXIT_OK if counts.attention == 0 else EXIT_ATTENTION


def _wait(store: OutboxStore, until_empty: bool, max_wait: float, problems: list[str]) -> bool:
    """Until nothing is pending (or nothing is due, without ``until_empty``); True if
    ``max_wait`` ran out."""
    started = last_progress = time.monotonic()
    while True:
        time.sleep(0.2)
        counts = store.counts()
        if counts.pending == 0:
            return False
        if not until_empty:
            if counts.sending == 0 and not _anything_due(store):
                return False
            continue
        if _auth_blocked(store) and counts.sending == 0:
            return False  # waiting cannot help: the settings must change
        if time.monotonic() - started >= max_wait:
            return True
        if time.monotonic() - last_progress >= PROGRESS_EVERY:
            last_progress = time.monotonic()
            err(_progress(counts, store))


def _progress(counts: Counts, store: OutboxStore) -> str:
    due = [d for lane in Lane if (d := store.next_due(lane)) is not None]
    when = f"; next attempt {_local(min(due))}" if due else ""
    return f"… {counts.sent} sent, {counts.pending} waiting{when}"


def _auth_blocked(store: OutboxStore) -> list[Lane]:
    return [lane for lane in Lane if store.lane_state(lane).auth_blocked]


def _report_blocked(store: OutboxStore) -> bool:
    """Say which lanes cannot send and until when; True if any holds items back."""
    now = utcnow()
    blocked = False
    for lane in Lane:
        state = store.lane_state(lane)
        if store.next_due(lane) is None:
            continue
        if state.auth_blocked:
            err(
                f"{lane.value}: the vendor refused the station's credentials ({state.reason}); "
                "nothing more is sent there until the settings are fixed, then "
                "'queue retry --all'"
            )
            blocked = True
        elif state.paused_until is not None and state.paused_until > now:
            err(f"{lane.value}: paused until {_local(state.paused_until)} ({state.reason})")
            blocked = True
    return blocked


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%H:%M:%S")


def _anything_due(store: OutboxStore) -> bool:
    now = utcnow()
    for lane in Lane:
        due = store.next_due(lane)
        paused = store.lane_state(lane).paused_until
        if due is not None and due <= now and not (paused and paused > now):
            return True
    return False
