"""A station without its window, in a process of its own, for the fleet tests.

Built from a settings file as the station builds itself (``build_station``,
``receiving_service``, ``fleet_agent``, ``start_drainer``; secrets from the environment),
driven by one JSON command a line on stdin, answering one JSON line each on stdout. With
``--rounds S`` it also does its fleet rounds every S seconds, as the window's timer does.

    python -m tests.fleet_station --config DIR/settings.toml [--rounds 2]
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
from pathlib import Path
from typing import Any

from returndesk.cache.expected_returns import CACHE_NAME, ExpectedReturnsCache
from returndesk.fleet.errors import TakenOver
from returndesk.outbox.startup import InstanceLock, open_outbox
from returndesk.settings.loader import load_settings
from returndesk.settings.paths import Paths
from returndesk.station import build_station, fleet_agent, receiving_service, start_drainer


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", type=Path, required=True)
    parser.add_argument("--rounds", type=float, default=0)
    args = parser.parse_args()
    settings = load_settings(args.config)
    paths = Paths.default(args.config, settings.station.data_dir)
    lock = InstanceLock(paths.data_dir)
    lock.acquire()
    station = build_station(settings, paths, demo=False)
    store, _ = open_outbox(paths.data_dir)
    cache = ExpectedReturnsCache(paths.data_dir / CACHE_NAME, settings.returnmate.fields)
    service = receiving_service(station, store, cache)
    agent = fleet_agent(station, store.path, paths.data_dir / CACHE_NAME)
    assert agent is not None, "a fleet station needs [fleet] database_url"
    drainer = start_drainer(station, store.path)
    stop = threading.Event()

    def rounds() -> None:
        while not stop.is_set():
            agent.tick()
            stop.wait(args.rounds)

    if args.rounds:
        threading.Thread(target=rounds, daemon=True).start()
    case = None
    print(json.dumps({"ready": settings.station.name}), flush=True)
    for line in sys.stdin:
        command = json.loads(line)
        op = command["op"]
        answer: dict[str, Any] = {"op": op}
        if op == "tick":
            tick = agent.tick()
            answer.update(
                reachable=tick.reachable, problem=tick.problem, syncing=tick.syncing,
                synced=tick.synced, cached=tick.cached, receipts_added=tick.receipts_added,
            )  # fmt: skip
        elif op == "open":
            service.operator = command.get("operator")
            found = service.lookup(command["code"])
            case = found.case
            answer.update(
                opened=case is not None,
                refusal=found.refusal,
                return_id=case.return_id if case else None,
                problem=found.problem,
            )
        elif op == "submit":
            assert case is not None, "nothing open"
            case.accept_all()
            try:
                answer["history_id"] = service.submit(
                    case, operator=command.get("operator"), anyway=command.get("anyway", False)
                )
                case = None
            except TakenOver as exc:
                answer["taken_over"] = str(exc.message)
        elif op == "close":
            if case is not None:
                service.close(case)
                case = None
        elif op == "renew":
            answer["lost"] = [str(s) for s in service.renew_leases()]
        elif op == "drain":
            deadline = time.monotonic() + command.get("timeout", 20)
            drainer.notify()
            while store.counts().pending and time.monotonic() < deadline:
                time.sleep(0.1)
            answer["pending"] = store.counts().pending
        elif op == "state":
            counts = store.counts()
            answer.update(
                received=len(store.history_after(None, limit=10_000)),
                pending=counts.pending, sent=counts.sent, attention=counts.attention,
                cached=cache.count(),
            )  # fmt: skip
        elif op == "quit":
            break
        print(json.dumps(answer), flush=True)
    stop.set()
    drainer.stop()
    agent.give_up()
    agent.close()
    cache.close()
    store.close()
    station.close()
    lock.release()
    print(json.dumps({"op": "quit"}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
