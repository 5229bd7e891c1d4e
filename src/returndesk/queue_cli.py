"""Headless outbox commands for IT over SSH: list, retry, export, drain, submit."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from returndesk.core.wms_update import WmsUpdate
from returndesk.outbox.export import export_items, item_dict
from returndesk.outbox.model import Capture, Kind, Lane, NewItem, State
from returndesk.outbox.startup import AlreadyRunning, InstanceLock, open_outbox
from returndesk.outbox.store import AlreadyCaptured, OutboxStore, StorageError, utcnow
from returndesk.settings.loader import SettingsError, load_settings
from returndesk.settings.paths import Paths


def add_parsers(sub: Any) -> None:
    queue = sub.add_parser("queue", help="the outbox of submissions waiting to be sent")
    queue_sub = queue.add_subparsers(dest="queue_command", required=True)
    listing = queue_sub.add_parser("list", help="list outbox items")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    listing.add_argument("--state", choices=[s.value for s in State], action="append")
    retry = queue_sub.add_parser("retry", help="send failed or held items again")
    target = retry.add_mutually_exclusive_group(required=True)
    target.add_argument("id", nargs="?", help="item id (or its first characters)")
    target.add_argument("--all", action="store_true")
    export = queue_sub.add_parser("export", help="write items as JSON files into DIR")
    export.add_argument("dir", type=Path)
    export.add_argument("--include-sent", action="store_true")
    drain = queue_sub.add_parser("drain", help="send what is due now, then stop")
    drain.add_argument(
        "--until-empty",
        action="store_true",
        help="keep going (with backoff) until nothing is waiting",
    )
    submit = sub.add_parser("submit", help="validate a wms-update body and put it in the outbox")
    submit.add_argument("--file", type=Path, required=True, metavar="PAYLOAD.json")


def run(args: argparse.Namespace) -> int:
    try:
        settings = load_settings(Paths.default(args.config).config_file)
    except SettingsError as exc:
        print(f"settings: {exc}", file=sys.stderr)
        return 2
    from returndesk.app import resolve_paths, wants_demo

    demo = wants_demo(settings, args.demo)
    paths = resolve_paths(args.config, settings, demo)
    if demo:
        print("(demo station: the embedded sandbox and its own data folder)", file=sys.stderr)
    store, report = open_outbox(paths.data_dir)
    for problem in report.problems:
        print(f"warning: {problem}", file=sys.stderr)
    try:
        if args.command == "submit":
            return _submit(store, args.file)
        command = args.queue_command
        if command == "list":
            return _list(store, args)
        if command == "retry":
            count = store.retry(None if args.all else args.id)
            print(f"{count} item(s) will be sent again")
            return 0 if count or args.all else 1
        if command == "export":
            return _export(store, args.dir, args.include_sent)
        return _drain(store, settings, paths, demo, args.until_empty)
    except StorageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 3
    finally:
        store.close()


def _list(store: OutboxStore, args: argparse.Namespace) -> int:
    states = [State(s) for s in args.state or []]
    items = store.items(states, limit=100_000)
    if args.json:
        print(json.dumps([item_dict(i) for i in items], indent=2))
        return 0
    counts = store.counts()
    print(f"{counts.pending} waiting, {counts.attention} need attention, {counts.sent} sent")
    for item in items:
        when = item.next_attempt_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        error = f"  {item.last_error}" if item.last_error else ""
        print(
            f"{item.id[:8]}  {item.state.value:<15} {item.kind.value:<10} "
            f"attempts={item.attempts:<2} next={when}{error}"
        )
    return 0


def _export(store: OutboxStore, target: Path, include_sent: bool) -> int:
    count = export_items(store, target, include_sent=include_sent)
    print(f"exported {count} item(s) to {target}")
    return 0


def _submit(store: OutboxStore, path: Path) -> int:
    try:
        update = WmsUpdate.from_json(path.read_bytes())
    except OSError as exc:
        print(f"cannot read {path}: {exc.strerror}", file=sys.stderr)
        return 2
    except ValidationError as exc:
        print(f"{path} is not a valid wms-update:", file=sys.stderr)
        for error in exc.errors():
            where = ".".join(str(p) for p in error["loc"]) or "body"
            print(f"  {where}: {error['msg']}", file=sys.stderr)
        return 2
    except ValueError as exc:
        print(f"{path} is not valid JSON: {exc}", file=sys.stderr)
        return 2
    for ret in update.returns:
        payload = WmsUpdate(returns=[ret]).to_wire()
        try:
            _, ids = store.capture(
                Capture(return_id=ret.return_id, source="cli", summary={"file": path.name}),
                [NewItem(Kind.WMS_UPDATE, payload)],
            )
        except AlreadyCaptured as exc:
            print(f"skipped: {exc}", file=sys.stderr)
            continue
        print(f"queued return {ret.return_id} as {ids[0]}")
    return 0


def _drain(store: OutboxStore, settings: Any, paths: Paths, demo: bool, until_empty: bool) -> int:
    from returndesk.app import build_station, start_drainer

    lock = InstanceLock(paths.data_dir)
    try:
        lock.acquire()
    except AlreadyRunning as exc:
        print(f"{exc}; the running station sends by itself", file=sys.stderr)
        return 4
    station = build_station(settings, paths, demo=demo)
    drainer = start_drainer(station, store.path)
    try:
        while True:
            time.sleep(0.2)
            counts = store.counts()
            if counts.pending == 0:
                break
            if not until_empty and counts.sending == 0 and not _anything_due(store):
                break
    except KeyboardInterrupt:
        pass
    finally:
        drainer.stop()
        station.close()
        lock.release()
    counts = store.counts()
    print(f"{counts.sent} sent, {counts.pending} waiting, {counts.attention} need attention")
    return 0 if counts.attention == 0 else 1


def _anything_due(store: OutboxStore) -> bool:
    now = utcnow()
    for lane in Lane:
        due = store.next_due(lane)
        paused = store.lane_state(lane).paused_until
        if due is not None and due <= now and not (paused and paused > now):
            return True
    return False
