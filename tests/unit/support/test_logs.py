import logging
import sys

import pytest

from returndesk.settings.model import LogSettings
from returndesk.support.logs import LOG_NAME, log_files, recent_log, setup_logging
from returndesk.support.redact import Redactor

SECRET = "Pw-canary-log-5d1e77"


@pytest.fixture
def logging_to(tmp_path):
    root = logging.getLogger()
    before = list(root.handlers), root.level, sys.excepthook
    path = setup_logging(
        tmp_path / "logs",
        LogSettings(max_bytes=100_000, keep_files=2),
        Redactor([SECRET]),
    )
    yield path
    for handler in root.handlers:
        if handler not in before[0]:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(before[1])
    sys.excepthook = before[2]


def test_log_file_is_written_masked_in_utc(logging_to):
    log = logging.getLogger("returndesk.test")
    log.info("talking to nShift with %s", SECRET)
    try:
        raise RuntimeError(f"refused {SECRET}")
    except RuntimeError:
        log.exception("a failure")
    text = logging_to.read_text(encoding="utf-8")
    assert "talking to nShift with ***" in text
    assert "RuntimeError: refused ***" in text
    assert SECRET not in text
    assert "+00:00 INFO returndesk.test" in text


def test_files_rotate_and_the_newest_is_first(logging_to):
    log = logging.getLogger("returndesk.test")
    for n in range(3000):
        log.warning("line %05d %s", n, "x" * 80)
    files = log_files(logging_to.parent)
    assert [p.name for p in files] == [LOG_NAME, LOG_NAME + ".1", LOG_NAME + ".2"]
    assert all(p.stat().st_size <= 100_200 for p in files)
    tail = recent_log(logging_to.parent, max_chars=500)
    assert tail.endswith("x" * 80 + "\n")
    assert tail.startswith("20")  # a whole line, not the middle of one


def test_crashes_are_logged_masked(logging_to):
    try:
        raise ValueError(f"crash with {SECRET}")
    except ValueError:
        sys.excepthook(*sys.exc_info())
    text = logging_to.read_text(encoding="utf-8")
    assert "CRITICAL returndesk.crash: uncaught exception" in text
    assert "ValueError: crash with ***" in text


def test_an_unwritable_folder_leaves_logging_to_stderr(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    root = logging.getLogger()
    before = list(root.handlers)
    hook = sys.excepthook
    try:
        assert setup_logging(blocker / "logs", LogSettings(), Redactor()) is None
        assert root.handlers == before
    finally:
        sys.excepthook = hook
