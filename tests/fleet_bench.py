"""Station processes on one fleet database and one sandbox over HTTP (tests/fleet_station.py),
for the fleet's end-to-end tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import tomli_w

from returndesk.sandbox.app import DEMO_CREDENTIALS
from returndesk.sandbox.custom_fields import DEMO_FIELDS
from returndesk.sandbox.urls import SandboxUrls
from tests.postgres import STATION_PASSWORD, Postgres

ROOT = Path(__file__).resolve().parent.parent


class StationProcess:
    def __init__(self, name: str, folder: Path, env: dict[str, str], rounds: float) -> None:
        self.name, self.folder, self._env, self._rounds = name, folder, env, rounds
        self.process: subprocess.Popen[str] | None = None

    @property
    def config(self) -> Path:
        return self.folder / "settings.toml"

    def start(self) -> StationProcess:
        argv = [sys.executable, "-m", "tests.fleet_station", "--config", str(self.config)]
        if self._rounds:
            argv += ["--rounds", str(self._rounds)]
        self.process = subprocess.Popen(
            argv, cwd=ROOT, env=self._env, text=True, bufsize=1,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=(self.folder / "stderr.log").open("a"),
        )  # fmt: skip
        ready = self._read()
        assert ready.get("ready") == self.name, ready
        return self

    def _read(self) -> dict[str, Any]:
        assert self.process is not None
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            log = (self.folder / "stderr.log").read_text(errors="replace")[-3000:]
            raise RuntimeError(f"{self.name} ended: {log}")
        return json.loads(line)

    def ask(self, op: str, **values: Any) -> dict[str, Any]:
        self.tell(op, **values)
        return self.answer()

    def tell(self, op: str, **values: Any) -> None:
        """Send without waiting (several stations at once); :meth:`answer` reads it."""
        assert self.process is not None
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps({"op": op, **values}) + "\n")
        self.process.stdin.flush()

    def answer(self) -> dict[str, Any]:
        return self._read()

    def kill(self) -> None:
        assert self.process is not None
        self.process.kill()
        self.process.wait(10)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        try:
            self.ask("quit")
            self.process.wait(20)
        except (RuntimeError, BrokenPipeError, OSError):
            self.process.kill()
            self.process.wait(10)


def make_station(
    tmp_path: Path,
    name: str,
    origin: str,
    postgres: Postgres,
    *,
    rounds: float = 0,
    fleet: dict[str, Any] | None = None,
) -> StationProcess:
    folder = tmp_path / name.replace(" ", "-").lower()
    folder.mkdir(parents=True, exist_ok=True)
    urls = SandboxUrls.at(origin)
    settings = {
        "station": {"name": name, "sign_on": False, "data_dir": str(folder / "data")},
        "nshift": {"base_url": urls.nshift, "username": DEMO_CREDENTIALS["nshift_username"]},
        "returnmate": {"base_url": urls.returnmate, "fields": DEMO_FIELDS},
        "fleet": {"database_url": postgres.url(), **(fleet or {})},
    }
    (folder / "settings.toml").write_text(tomli_w.dumps(settings))
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("RETURNDESK_")},
        "RETURNDESK_NSHIFT__PASSWORD": DEMO_CREDENTIALS["nshift_password"],
        "RETURNDESK_RETURNMATE__API_KEY": DEMO_CREDENTIALS["returnmate_api_key"],
        "RETURNDESK_FLEET__PASSWORD": STATION_PASSWORD,
        "HOME": str(folder),
        "XDG_DATA_HOME": str(folder / "xdg-data"),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    return StationProcess(name, folder, env, rounds)


def receivable(sandbox, count: int) -> list[str]:
    """RMA numbers a station can open: receivable, and nShift has them Not Processed."""
    found = [
        rma.record["rma_number"]
        for rma in sandbox.data.rmas.values()
        if rma.record["status"] in ("approved", "label_issued", "in_transit")
        and rma.nshift_status == "Not Processed"
    ]
    return sorted(found)[:count]
