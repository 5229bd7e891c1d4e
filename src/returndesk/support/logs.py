"""The station's log: rotating files in the platform's log folder, secrets masked.

Times are UTC with their offset, so a support engineer in another time zone reads the same
moment. Uncaught exceptions (crashes) are logged before the process ends, masked like
everything else, so a crash report never carries a credential.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import threading
import time
from pathlib import Path
from types import TracebackType
from typing import Any

from returndesk.settings.model import LogSettings
from returndesk.support.redact import Redactor

LOG_NAME = "returndesk.log"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger(__name__)


class RedactingFormatter(logging.Formatter):
    """Formats as usual, then masks every known secret in the whole text (tracebacks too)."""

    converter = staticmethod(time.gmtime)

    def __init__(self, redactor: Redactor) -> None:
        super().__init__(FORMAT, datefmt="%Y-%m-%dT%H:%M:%S+00:00")
        self.redactor = redactor

    def format(self, record: logging.LogRecord) -> str:
        return self.redactor(super().format(record))


def setup_logging(
    log_dir: Path, settings: LogSettings, redactor: Redactor, *, console_level: str = "WARNING"
) -> Path | None:
    """Log to ``log_dir/returndesk.log`` (rotated) and to stderr; returns the file's path,
    or None when the folder cannot be written (the station still runs, logging to stderr)."""
    root = logging.getLogger()
    formatter = RedactingFormatter(redactor)
    for handler in root.handlers:
        # the console (stderr, from logging.basicConfig) is masked too; other handlers,
        # a test harness's for one, are left as they are
        if type(handler) is logging.StreamHandler and handler.stream in (sys.stderr, sys.stdout):
            handler.setFormatter(formatter)
            handler.setLevel(console_level.upper())
    root.setLevel(min(logging.getLevelName(settings.level), logging.getLevelName(console_level)))
    path = log_dir / LOG_NAME
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            path,
            maxBytes=settings.max_bytes,
            backupCount=settings.keep_files,
            encoding="utf-8",
            delay=False,
        )
    except OSError as exc:
        log.warning("no log file in %s: %s", log_dir, exc)
        return None
    handler.setFormatter(formatter)
    handler.setLevel(settings.level)
    handler.set_name("returndesk-file")
    for old in [h for h in root.handlers if h.get_name() == "returndesk-file"]:
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    install_crash_hooks()
    return path


def install_crash_hooks() -> None:
    """Whatever escapes, on any thread, reaches the log: an uncaught exception, one ending a
    thread (a dead sender would otherwise leave no trace), one Python could only drop."""
    sys.excepthook = _log_crash
    threading.excepthook = _log_thread_crash
    sys.unraisablehook = _log_unraisable


def _log_thread_crash(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit:
        return
    name = args.thread.name if args.thread is not None else "unknown"
    logging.getLogger("returndesk.crash").critical(
        "thread %s ended on an uncaught exception",
        name,
        exc_info=(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback),
    )


def _log_unraisable(args: Any) -> None:
    logging.getLogger("returndesk.crash").error(
        "%s: %r",
        args.err_msg or "exception ignored",
        args.object,
        exc_info=(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback),
    )


def _log_crash(
    kind: type[BaseException], value: BaseException, trace: TracebackType | None
) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, value, trace)
        return
    logging.getLogger("returndesk.crash").critical(
        "uncaught exception", exc_info=(kind, value, trace)
    )


def log_files(log_dir: Path) -> list[Path]:
    """The current log and its rotated predecessors, newest first."""
    found = [p for p in log_dir.glob(LOG_NAME + "*") if p.is_file()]
    return sorted(found, key=lambda p: (p.name != LOG_NAME, p.name))


def recent_log(log_dir: Path, max_chars: int = 20_000) -> str:
    """The end of the current log, for the support screen."""
    path = log_dir / LOG_NAME
    try:
        with path.open("rb") as handle:
            handle.seek(0, 2)
            size = handle.tell()
            handle.seek(max(0, size - max_chars * 2))
            text = handle.read().decode("utf-8", errors="replace")
    except FileNotFoundError:
        return ""
    text = text[-max_chars:]
    if size > max_chars:  # start at a whole line
        text = text[text.find("\n") + 1 :]
    return text
