"""Command line: the station, ``--self-test``, and the headless subcommands for IT."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from returndesk import __version__, fleet_cli, queue_cli
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
        "--restart-on-crash",
        action="store_true",
        help="run the station under a supervisor that starts it again after a crash",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="build the application offscreen, print OK and exit 0, or say what is wrong",
    )
    parser.add_argument(
        "--exit-after-first-frame",
        action="store_true",
        help="start as usual, print 'first frame: SCREEN' once the window is drawn and quit "
        "(times a station's start-up, frozen or not)",
    )
    parser.add_argument(
        "--self-test-log",
        type=Path,
        metavar="FILE",
        help="also write the self-test's lines to FILE (a windowed Windows build has no console)",
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
    serve.add_argument(
        "--custom-fields",
        action="store_true",
        help="ReturnMate RMAs also carry an example integrator's custom fields (metadata.*); "
        "without it, only the fields ReturnMate documents",
    )
    queue_cli.add_parsers(sub)
    fleet_cli.add_parsers(sub)
    admin = sub.add_parser("admin", help="station administration for IT")
    admin_sub = admin.add_subparsers(dest="admin_command", required=True)
    set_pin = admin_sub.add_parser(
        "set-pin", help="set the admin PIN (read twice from the terminal, or once from stdin)"
    )
    set_pin.add_argument("--stdin", action="store_true", help="read the PIN from standard input")
    return parser


#: the exit code after the reader of our output went away (``queue list | head``), as a
#: shell reports a program ended by SIGPIPE
EXIT_CLOSED_PIPE = 141


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:
        # the reader closed the pipe: stop quietly; what Python still flushes at exit goes
        # nowhere instead of raising again
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_CLOSED_PIPE


def _main(argv: Sequence[str] | None) -> int:
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=_console_level(),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if args.command == "sandbox":
        return _sandbox_serve(args)
    if args.command in ("queue", "submit", "status"):
        return queue_cli.run(args)
    if args.command == "fleet":
        return fleet_cli.run(args)
    if args.command == "admin":
        return _set_pin(args)
    if args.restart_on_crash:
        from returndesk.supervisor import station_command, supervise

        return supervise(station_command(sys.argv[1:] if argv is None else list(argv)))
    if args.self_test:
        from returndesk.selftest import run_self_test

        code, lines = run_self_test(config=args.config, demo=args.demo)
        text = "\n".join(lines)
        if sys.stdout is not None:
            print(text, flush=True)
        if args.self_test_log is not None:
            args.self_test_log.write_text(text + "\n", encoding="utf-8")
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
        custom_fields=args.custom_fields,
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
    if args.custom_fields:
        print("  ReturnMate RMAs carry the example integrator's custom fields (metadata.*)")
    print("  request log GET /_sandbox/log · Ctrl+C stops", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


def _set_pin(args: argparse.Namespace) -> int:
    import getpass

    from returndesk.settings.admin_pin import PinError, hash_pin
    from returndesk.settings.loader import save_changes

    path = Paths.default(args.config).config_file
    try:
        load_settings(path)  # a file the station cannot start with is not written to
        if args.stdin:
            pin = sys.stdin.readline().strip()
        else:
            pin = getpass.getpass("New admin PIN: ")
            if getpass.getpass("The same PIN again: ") != pin:
                print("The two PINs differ; nothing was changed.", file=sys.stderr)
                return 2
        save_changes(path, {"admin": {"pin_hash": hash_pin(pin)}})
    except (SettingsError, PinError, OSError) as exc:
        print(f"The PIN was not set: {exc}", file=sys.stderr)
        return 2
    print(f"Admin PIN set in {path}")
    return 0


def _run_station(args: argparse.Namespace) -> int:
    from returndesk.app import run_gui
    from returndesk.outbox.startup import AlreadyRunning
    from returndesk.settings.secrets import SECRET_NAMES, SecretStore, SecretStoreError
    from returndesk.station import StationConfigError, build_station, resolve_paths, wants_demo
    from returndesk.supervisor import RESTART_EXIT_CODE, is_supervised, station_command
    from returndesk.support.logs import setup_logging
    from returndesk.support.redact import Redactor

    secrets = SecretStore()
    redactor = Redactor()
    try:
        paths = Paths.default(args.config)
        settings = load_settings(paths.config_file)
        demo = wants_demo(settings, args.demo)
        if not demo:
            # the log masks every secret the station holds, whatever prints it (a demo
            # station holds none, and does not wait for the keyring to be found)
            redactor.add(value for name in SECRET_NAMES if (value := secrets.get(name)))
        setup_logging(paths.log_dir, settings.logging, redactor, console_level=_console_level())
        kiosk = args.kiosk or settings.kiosk.enabled
        if kiosk and settings.kiosk.restart_on_crash and not is_supervised():
            from returndesk.supervisor import supervise

            return supervise(station_command(sys.argv[1:]))
        station = build_station(
            settings, resolve_paths(args.config, settings, demo), demo=demo, secrets=secrets
        )
    except (SettingsError, StationConfigError, SecretStoreError) as exc:
        logging.getLogger("returndesk").error("cannot start: %s", exc)
        print(f"ReturnDesk cannot start: {exc}", file=sys.stderr)
        return 2

    try:
        code = run_gui(
            station,
            kiosk=kiosk,
            secrets=secrets,
            redactor=redactor,
            exit_after_first_frame=args.exit_after_first_frame,
        )
    except AlreadyRunning as exc:
        print(f"ReturnDesk cannot start: {exc}", file=sys.stderr)
        return 2
    finally:
        station.close()
    if code == RESTART_EXIT_CODE and not is_supervised():
        # no supervisor to do it: start the same station again, then leave
        import subprocess

        subprocess.Popen(station_command(sys.argv[1:]))  # noqa: S603 (our own executable)
        return 0
    return code


def _console_level() -> str:
    return os.environ.get("RETURNDESK_LOG_LEVEL", "WARNING").upper()
