"""Test-wide isolation: no real settings, data dirs, keyring or display are touched."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from returndesk.sandbox.app import Sandbox
from returndesk.sandbox.server import SandboxServer


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
    return Sandbox()


@pytest.fixture
def sandbox_server(sandbox):
    with SandboxServer(sandbox) as server:
        yield server
