"""Test-wide isolation: no real settings, data dirs, keyring or display are touched."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import logging

# pydantic resolves some names lazily (a module __getattr__); PySide6's import hook, active
# once pytest-qt has loaded Qt, probes modules with hasattr() and can set that lazy import
# off in the middle of another, a circular ImportError. Loading pydantic whole first avoids it
import pydantic.fields  # noqa: F401
import pytest

from returndesk.sandbox.app import Sandbox, SandboxConfig
from returndesk.sandbox.server import SandboxServer
from tests.canary import CanaryLogHandler, scan
from tests.clock import Clock

_canary_log = CanaryLogHandler()


def pytest_configure(config):
    # INFO, as a station logs by default: the canary scan sees what a station's log would hold
    root = logging.getLogger()
    root.addHandler(_canary_log)
    if root.level > logging.INFO:
        root.setLevel(logging.INFO)


def pytest_sessionfinish(session, exitstatus):
    """The canary secret scan: every file the suite wrote and every log record of the run."""
    factory = getattr(session.config, "_tmp_path_factory", None)
    if factory is None or not hasattr(session, "testscollected") or not session.testscollected:
        return
    files, hits = scan(factory.getbasetemp())
    hits += [f"log: {text}" for text in _canary_log.hits]
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    line = (
        f"canary secret scan: {files} files and {_canary_log.records} log records, "
        f"{len(hits)} occurrences"
    )
    if reporter is not None:
        reporter.ensure_newline()
        reporter.write_line(line)
        for hit in hits[:20]:
            reporter.write_line(f"  canary found in {hit}")
    if hits:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path, monkeypatch):
    for name in list(os.environ):
        if name.startswith("RETURNDESK_"):
            monkeypatch.delenv(name)
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for var, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        monkeypatch.setenv(var, str(home / sub))
    # a test never reaches the machine's real keyring
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")


@pytest.fixture
def sandbox() -> Sandbox:
    """The demo station's sandbox: ReturnMate RMAs carry the example integrator's custom
    fields, which the demo settings map (see returndesk.sandbox.custom_fields)."""
    return Sandbox(SandboxConfig(custom_fields=True))


@pytest.fixture
def documented_sandbox() -> Sandbox:
    """A sandbox whose ReturnMate serves only the fields its API reference documents."""
    return Sandbox()


@pytest.fixture
def sandbox_server(sandbox):
    with SandboxServer(sandbox) as server:
        yield server


@pytest.fixture
def clock():
    """The suite's one settable clock (UTC; ``Clock(100.0)`` where a test needs seconds)."""
    return Clock()


@pytest.fixture(scope="session")
def postgres_server():
    """One throwaway PostgreSQL cluster for the run (see tests/postgres.py)."""
    import shutil

    from tests.postgres import PostgresUnavailable, prepare, start_postgres, unavailable

    try:
        server = start_postgres()
    except PostgresUnavailable as exc:
        unavailable(str(exc))
    try:
        prepare(server)
        yield server
    finally:
        server.stop("immediate")
        shutil.rmtree(server.data.parent, ignore_errors=True)


@pytest.fixture
def postgres(postgres_server):
    """The cluster, its tables empty and running (a test may have stopped it)."""
    from tests.postgres import wait_until

    if not wait_until(lambda: _answers(postgres_server), timeout=1, step=0.2):
        postgres_server.start()
    postgres_server.reset()
    return postgres_server


def _answers(server) -> bool:
    import psycopg

    try:
        server.connect().close()
    except psycopg.OperationalError:
        return False
    return True
