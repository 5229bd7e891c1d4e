"""Command line: the station, ``--self-test``, and the headless subcommands for IT."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from returndesk import __version__, queue_cli
from returndesk.settings.loader import SettingsError, load_settings
from returndesk.settings.paths import Paths


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="returndesk",
        description="ReturnDesk return-receiving station. Without vendor settings it starts "
        "in the demo sandbox.",
    )
    parser.add_argument("--version", action="version", version=f"ReturnDesk {__version__}")
    parser.add_argument("--config", type=Path, metavar="PATH", help="settings file (TOML)")
    parser.add_argument("--demo", action="store_true", help="use the embedded sandbox")
    parser.add_argument("--kiosk", action="store_true", help="full-screen kiosk mode")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="build the application offscreen, print OK and exit 0, or say what is wrong",
    )
    sub = parser.add_subparsers(dest="command")
    sandbox = sub.add_parser("sandbox", help="the embedded vendor sandbox")
    sandbox_sub = sandbox.add_subparsers(dest="sandbox_command", required=True)
    serve = sandbox_sub.add_parser("serve", help="serve the sandbox on 127.0.0.1")
    serve.add_argument("--port", type=int, default=8765)
    serve.add_argument("--returnmate-per-minute", type=int, default=600)
    serve.add_argument("--wmtech-per-minute", type=int, default=60)
    serve.add_argument("--nshift-per-minute", type=int, default=0, help="0: unlimited")
    serve.add_argument("--retry-after", choices=["seconds", "http-date"], default="seconds")
    serve.add_argument(
        "--rmas", type=int, default=48, help="how many demo RMAs (the same seed: same data)"
    )
    queue_cli.add_parsers(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=os.environ.get("RETURNDESK_LOG_LEVEL", "WARNING").upper(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if args.command == "sandbox":
        return _sandbox_serve(args)
    if args.command in ("queue", "submit"):
        return queue_cli.run(args)
    if args.self_test:
        from returndesk.selftest import run_self_test

        code, lines = run_self_test(config=args.config, demo=args.demo)
        print("\n".join(lines), flush=True)
        return code
    return _run_station(args)


def _sandbox_serve(args: argparse.Namespace) -> int:
    from returndesk.sandbox.app import DEMO_CREDENTIALS, Sandbox, SandboxConfig
    from returndesk.sandbox.server import SandboxServer
    from returndesk.sandbox.urls import SandboxUrls

    config = SandboxConfig(
        returnmate_per_minute=args.returnmate_per_minute or None,
        wmtech_per_minute=args.wmtech_per_minute or None,
        nshift_per_minute=args.nshift_per_minute or None,
        retry_after_form=args.retry_after,
        rma_count=args.rmas,
    )
    if not 1 <= args.rmas <= 100_000:
        print("--rmas must be between 1 and 100000", file=sys.stderr)
        return 2
    try:
        server = SandboxServer(Sandbox(config), port=args.port)
    except OSError as exc:
        print(f"cannot listen on 127.0.0.1:{args.port}: {exc.strerror}", file=sys.stderr)
        return 2
    urls = SandboxUrls.at(server.origin)
    print(f"ReturnDesk sandbox on {server.origin}", flush=True)
    print(f"  ReturnMate  {urls.returnmate}  (API key {DEMO_CREDENTIALS['returnmate_api_key']})")
    print(f"  WM Tech     {urls.wmtech}  (API key {DEMO_CREDENTIALS['wmtech_api_key']})")
    print(
        f"  nShift      {urls.nshift}  (Basic {DEMO_CREDENTIALS['nshift_username']}:"
        f"{DEMO_CREDENTIALS['nshift_password']})"
    )
    print("  request log GET /_sandbox/log · Ctrl+C stops", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


def _run_station(args: argparse.Namespace) -> int:
    from returndesk.app import (
        StationConfigError,
        build_station,
        resolve_paths,
        run_gui,
        wants_demo,
    )
    from returndesk.outbox.startup import AlreadyRunning

    try:
        settings = load_settings(Paths.default(args.config).config_file)
        demo = wants_demo(settings, args.demo)
        station = build_station(settings, resolve_paths(args.config, settings, demo), demo=demo)
    except (SettingsError, StationConfigError) as exc:
        print(f"ReturnDesk cannot start: {exc}", file=sys.stderr)
        return 2

    try:
        return run_gui(station, kiosk=args.kiosk or settings.station.kiosk)
    except AlreadyRunning as exc:
        print(f"ReturnDesk cannot start: {exc}", file=sys.stderr)
        return 2
    finally:
        station.close()
