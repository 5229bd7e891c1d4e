"""Headless outbox commands for IT over SSH: list, retry, resolve, analyze, export, drain
(``queue_drain``), submit.

Exit codes (the README lists them): 0 done; 1 items need a human; 2 bad input or settings;
3 the database could not be written; 4 the station runs (drain only); 5 nothing was queued
(every return was submitted before); 6 sending is blocked (credentials refused, a lane
paused, or ``--max-wait`` ran out).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from returndesk.cli_output import (
    EXIT_ATTENTION,
    EXIT_BLOCKED,
    EXIT_LOCKED,
    EXIT_NOTHING_QUEUED,
    EXIT_OK,
    EXIT_STORAGE,
    EXIT_USAGE,
    err,
    shown,
)
from returndesk.core.json_codec import TooDeep
from returndesk.core.wms_update import WmsUpdate
from returndesk.outbox.export import export_items, item_dict
from returndesk.outbox.model import UNSENT, Capture, Kind, NewItem, State
from returndesk.outbox.startup import AlreadyRunning, InstanceLock, open_outbox
from returndesk.outbox.store import (
    AlreadyCaptured,
    DuplicateRisk,
    OutboxStore,
    StorageError,
    utcnow,
)
from returndesk.queue_drain import DEFAULT_MAX_WAIT, drain
from returndesk.settings.loader import SettingsError, load_settings
from returndesk.settings.model import Settings
from returndesk.settings.paths import Paths

#: a payload file bigger than this is refused unread (100 returns of 1,000 items fit)
MAX_PAYLOAD_BYTES = 16 * 1024 * 1024
#: how long ``drain --until-empty`` waits for the last item by default
#: commands that change no row: they never recover, repair or take the lock
READ_ONLY = ("list", "export")


def add_parsers(sub: Any) -> None:
    status = sub.add_parser(
        "status", help="the outbox, the expected-returns cache and today's ReturnMate requests"
    )
    status.add_argument("--json", action="store_true", help="machine-readable output")
    queue = sub.add_parser("queue", help="the outbox of submissions waiting to be sent")
    queue_sub = queue.add_subparsers(dest="queue_command", required=True)
    listing = queue_sub.add_parser("list", help="list outbox items (changes nothing)")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.add_argument("--state", choices=[s.value for s in State], action="append")
    retry = queue_sub.add_parser("retry", help="send failed or held items again")
    target = retry.add_mutually_exclusive_group(required=True)
    target.add_argument("id", nargs="?", help="item id (or its first characters)")
    target.add_argument(
        "--all",
        action="store_true",
        help="every unsent item except notes and analyses that may have reached the vendor",
    )
    retry.add_argument(
        "--accept-duplicate-risk",
        action="store_true",
        help="send a note or analysis again although its earlier attempt may have landed",
    )
    resolve = queue_sub.add_parser(
        "resolve", help="close a failed or needs-attention item after checking with the vendor"
    )
    resolve.add_argument("id", help="item id (or its first characters)")
    resolve.add_argument("--reason", required=True, help="what the vendor shows; kept")
    resolve.add_argument("--operator", help="who checked it")
    analyze = queue_sub.add_parser("analyze", help="queue WM Tech's analysis of kept photos again")
    analyze.add_argument("photos", nargs="+", metavar="PHOTO", help="the photo's file name")
    analyze.add_argument(
        "--again",
        action="store_true",
        help="also where WM Tech analysed the photo before (it may act on each analysis)",
    )
    export = queue_sub.add_parser("export", help="write items as JSON files into DIR")
    export.add_argument("dir", type=Path)
    export.add_argument("--include-sent", action="store_true")
    drain = queue_sub.add_parser("drain", help="send what is due now, then stop")
    drain.add_argument(
        "--until-empty",
        action="store_true",
        help="keep going (with backoff) until nothing is waiting",
    )
    drain.add_argument(
        "--max-wait",
        type=float,
        default=DEFAULT_MAX_WAIT,
        metavar="SECONDS",
        help=f"with --until-empty: give up after this long (default {DEFAULT_MAX_WAIT})",
    )
    submit = sub.add_parser("submit", help="validate a wms-update body and put it in the outbox")
    submit.add_argument("--file", type=Path, required=True, metavar="PAYLOAD.json")


def run(args: argparse.Namespace) -> int:
    from returndesk.support.logs import install_crash_hooks

    install_crash_hooks()
    try:
        settings = load_settings(Paths.default(args.config).config_file)
    except SettingsError as exc:
        err(f"settings: {exc}")
        return EXIT_USAGE
    from returndesk.station import resolve_paths, wants_demo

    demo = wants_demo(settings, args.demo)
    paths = resolve_paths(args.config, settings, demo)
    if demo:
        err("(demo station: the embedded sandbox and its own data folder)")
    command = args.command if args.command in ("submit", "status") else args.queue_command
    try:
        with _outbox(paths.data_dir, command) as store:
            if command == "submit":
                return _submit(store, args.file)
            if command == "status":
                return _status(store, settings, paths, demo, as_json=args.json)
            if command == "list":
                return _list(store, args)
            if command == "retry":
                return _retry(store, args)
            if command == "resolve":
                return _resolve(store, args)
            if command == "analyze":
                return _analyze(store, args)
            if command == "export":
                return _export(store, args.dir, args.include_sent)
            return drain(store, settings, paths, demo, args.until_empty, args.max_wait)
    except StorageError as exc:
        err(f"error: {exc}")
        return EXIT_STORAGE


def _status(
    store: OutboxStore, settings: Settings, paths: Paths, demo: bool, *, as_json: bool
) -> int:
    """What a team lead asks of a station: its queue, its cache, its share of the quota."""
    from returndesk.cache.expected_returns import CACHE_NAME, ExpectedReturnsCache
    from returndesk.station import budget_use

    counts = store.counts()
    cache = ExpectedReturnsCache(paths.data_dir / CACHE_NAME)
    try:
        cached, last_full = cache.count(), cache.last_full()
    finally:
        cache.close()
    # the demo station talks to the sandbox: no quota'd account, no budget
    use = None if demo else budget_use(settings, paths)
    if as_json:
        print(
            json.dumps(
                {
                    "outbox": {
                        "waiting": counts.pending,
                        "needs_attention": counts.attention,
                        "sent": counts.sent,
                        "labels_waiting": counts.labels_pending,
                    },
                    "cache": {
                        "receivable_rmas": cached,
                        "last_full_refresh": last_full.isoformat() if last_full else None,
                    },
                    "returnmate_requests": None
                    if use is None
                    else {
                        "today": use.today,
                        "per_day": use.per_day,
                        "this_minute": use.this_minute,
                        "per_minute": use.per_minute,
                    },
                },
                indent=2,
            )
        )
        return EXIT_OK
    print(
        f"outbox: {counts.pending} waiting ({counts.labels_pending} of them labels), "
        f"{counts.attention} need attention, {counts.sent} sent"
    )
    full = last_full.astimezone().strftime("%Y-%m-%d %H:%M") if last_full else "never"
    print(f"cache: {cached:,} receivable RMAs, last full refresh {full}")
    if use is None:
        print("ReturnMate: no request budget (the demo sandbox, or none set)")
    else:
        print(f"{use.describe()}, {use.this_minute} of {use.per_minute} this minute")
    return EXIT_OK


@contextmanager
def _outbox(data_dir: Path, command: str) -> Iterator[OutboxStore]:
    """The outbox as ``command`` may use it. Recovery (rows left "sending" become "unknown")
    runs only where this process holds the station's lock: while a station or a drain runs,
    those rows are its requests in flight."""
    lock = InstanceLock(data_dir)
    holds_lock = False
    if command not in READ_ONLY and command != "drain":
        try:
            lock.acquire()
            holds_lock = True
        except AlreadyRunning:
            pass  # the running station recovers; this command only adds or changes rows
    try:
        store, report = open_outbox(data_dir, recover=holds_lock, repair=command not in READ_ONLY)
        for problem in report.problems:
            err(f"warning: {problem}")
        try:
            yield store
        finally:
            store.close()
    finally:
        if holds_lock:
            lock.release()


def _list(store: OutboxStore, args: argparse.Namespace) -> int:
    states = [State(s) for s in args.state or []]
    items = store.items(states, limit=1_000_000)
    if args.json:
        print(json.dumps([item_dict(i) for i in items], indent=2))
        return EXIT_OK
    counts = store.counts()
    print(f"{counts.pending} waiting, {counts.attention} need attention, {counts.sent} sent")
    now = utcnow()
    for item in items:
        if item.state in UNSENT and item.state is not State.SENDING:
            due = item.next_attempt_at
            when = "now" if due <= now else due.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            next_text = f" next={when}"
        else:
            next_text = ""  # sent, resolved or in flight: no next attempt
        error = f"  {item.last_error}" if item.last_error else ""
        print(
            shown(
                f"{item.id[:8]}  {item.state.value:<15} {item.kind.value:<12} "
                f"attempts={item.attempts:<2}{next_text}{error}"
            )
        )
    return EXIT_OK


def _retry(store: OutboxStore, args: argparse.Namespace) -> int:
    if args.all:
        plan = store.retry_all()
        kinds = ", ".join(f"{n} {k.value.replace('_', ' ')}" for k, n in plan.per_kind.items())
        print(f"{plan.total} item(s) will be sent again" + (f" ({kinds})" if kinds else ""))
        if plan.risky:
            err(
                f"{plan.risky} note(s) or analyses were left as they are: their earlier attempt "
                "may have reached the vendor. Check each there, then retry it by id with "
                "--accept-duplicate-risk, or close it with 'queue resolve'"
            )
        return EXIT_OK
    try:
        count = store.retry(args.id, accept_duplicate_risk=args.accept_duplicate_risk)
    except DuplicateRisk as exc:
        err(f"not sent again: {exc} (--accept-duplicate-risk)")
        return EXIT_USAGE
    except ValueError as exc:
        err(f"not sent again: {exc}")
        return EXIT_USAGE
    print(f"{count} item(s) will be sent again")
    return EXIT_OK if count else EXIT_ATTENTION


def _resolve(store: OutboxStore, args: argparse.Namespace) -> int:
    try:
        item = store.resolve(args.id, args.reason, args.operator)
    except ValueError as exc:
        err(f"not resolved: {exc}")
        return EXIT_USAGE
    print(f"{item.id[:8]} {item.kind.value} resolved")
    return EXIT_OK


def _analyze(store: OutboxStore, args: argparse.Namespace) -> int:
    refused = 0
    for photo in args.photos:
        try:
            item_id = store.requeue_analysis(photo, accept_repeat=args.again)
        except DuplicateRisk as exc:
            err(f"{photo}: not queued: {exc} (--again)")
            refused += 1
        except ValueError as exc:
            err(f"{photo}: not queued: {exc}")
            refused += 1
        else:
            print(shown(f"queued the analysis of {photo} as {item_id}"))
    if refused == len(args.photos):
        return EXIT_NOTHING_QUEUED
    return EXIT_OK


def _export(store: OutboxStore, target: Path, include_sent: bool) -> int:
    try:
        count = export_items(store, target, include_sent=include_sent)
    except OSError as exc:
        err(f"cannot write to {target}: {exc.strerror or exc}")
        return EXIT_USAGE
    print(shown(f"exported {count} item(s) to {target}"))
    return EXIT_OK


def _read_payload(path: Path) -> WmsUpdate | None:
    """The file as a strictly typed wms-update, or None after saying what is wrong."""
    try:
        size = path.stat().st_size
        if size > MAX_PAYLOAD_BYTES:
            err(f"{path} is {size} bytes; a wms-update body is at most {MAX_PAYLOAD_BYTES}")
            return None
        data = path.read_bytes()
    except OSError as exc:
        err(f"cannot read {path}: {exc.strerror or exc}")
        return None
    try:
        return WmsUpdate.from_json(data)
    except UnicodeDecodeError:
        err(f"{path} is not UTF-8 text")
    except TooDeep as exc:
        err(f"{path} is not a wms-update: {exc}")
    except ValidationError as exc:
        err(f"{path} is not a valid wms-update:")
        for error in exc.errors():
            where = ".".join(str(p) for p in error["loc"]) or "body"
            err(f"  {where}: {error['msg']}")
    except (ValueError, RecursionError) as exc:
        err(f"{path} is not valid JSON: {exc}")
    return None


def _submit(store: OutboxStore, path: Path) -> int:
    update = _read_payload(path)
    if update is None:
        return EXIT_USAGE
    queued = 0
    for ret in update.returns:
        payload = WmsUpdate(returns=[ret]).to_wire()
        try:
            _, ids = store.capture(
                Capture(return_id=ret.return_id, source="cli", summary={"file": path.name}),
                [NewItem(Kind.WMS_UPDATE, payload)],
            )
        except AlreadyCaptured as exc:
            err(f"skipped: {exc}")
            continue
        queued += 1
        print(shown(f"queued return {ret.return_id} as {ids[0]}"))
    if not queued:
        err("nothing was queued")
        return EXIT_NOTHING_QUEUED
    return EXIT_OK


__all__ = [
    "EXIT_ATTENTION",
    "EXIT_BLOCKED",
    "EXIT_LOCKED",
    "EXIT_NOTHING_QUEUED",
    "EXIT_OK",
    "EXIT_STORAGE",
    "EXIT_USAGE",
    "add_parsers",
    "run",
    "shown",
]
