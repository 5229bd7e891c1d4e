"""The canary credential through a live-configured station: environment, Basic and Bearer
headers, refused answers, the outbox, the log, a support bundle and the self-test. The
session-end scan (tests/conftest.py) reads everything these tests wrote."""

import base64
import logging
import random
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest

from returndesk.outbox.drainer import process_one
from returndesk.outbox.model import Kind, Lane, NewItem, State
from returndesk.outbox.senders import build_senders
from returndesk.outbox.store import OutboxStore
from returndesk.sandbox.urls import SandboxUrls
from returndesk.settings.model import Settings
from returndesk.settings.paths import Paths
from returndesk.settings.secrets import SECRET_NAMES, SecretStore
from returndesk.station import build_station
from returndesk.support.bundle import queue_summary, write_support_bundle
from returndesk.support.logs import setup_logging
from returndesk.support.redact import Redactor
from tests.canary import CANARY, found_in, scan
from tests.outbox_bodies import update_body

pytestmark = pytest.mark.e2e


def test_the_scan_finds_a_planted_canary_in_every_form():
    # planted outside the session's folder, which the end-of-run scan reads
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        (folder / "plain.log").write_text(f"x {CANARY} y")
        basic = base64.b64encode(f"bench-1:{CANARY}".encode()).decode()
        (folder / "header.txt").write_text(f"Authorization: Basic {basic}")
        with zipfile.ZipFile(folder / "bundle.zip", "w", zipfile.ZIP_DEFLATED) as bundle:
            bundle.writestr("logs/returndesk.log", f"{CANARY}\n" * 50)
        (folder / "clean.txt").write_text("nothing here")
        files, hits = scan(folder)
    assert files == 4
    assert sorted(h.removeprefix(scratch + "/") for h in hits) == [
        "bundle.zip!logs/returndesk.log",
        "header.txt",
        "plain.log",
    ]
    assert not found_in(b"rd-canary-")  # a prefix alone is no hit


@pytest.fixture
def logged(tmp_path):
    root = logging.getLogger()
    before = list(root.handlers)
    hook = sys.excepthook
    yield
    for handler in root.handlers:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()
    sys.excepthook = hook


def test_a_station_with_the_canary_as_its_credentials_leaks_it_nowhere(
    tmp_path, sandbox_server, logged, caplog
):
    caplog.set_level(logging.DEBUG)
    urls = SandboxUrls.at(sandbox_server.origin)
    environ = {
        "RETURNDESK_NSHIFT__PASSWORD": CANARY,
        "RETURNDESK_RETURNMATE__API_KEY": CANARY,
        "RETURNDESK_WMTECH__API_KEY": "wmtech_test_" + CANARY,
    }
    secrets = SecretStore(environ)
    settings = Settings.model_validate(
        {
            "nshift": {"base_url": urls.nshift, "username": "bench-1"},
            "returnmate": {"base_url": urls.returnmate},
            "wmtech": {"base_url": urls.wmtech},
        }
    )
    paths = Paths(tmp_path / "settings.toml", tmp_path / "data", tmp_path / "logs")
    redactor = Redactor(v for n in SECRET_NAMES if (v := secrets.get(n)))
    log_file = setup_logging(paths.log_dir, settings.logging, redactor)
    station = build_station(settings, paths, demo=False, secrets=secrets)
    store = OutboxStore(paths.data_dir / "outbox.db")
    try:
        store.enqueue(
            [
                NewItem(Kind.WMS_UPDATE, update_body("NSR1")),
                NewItem(Kind.RMA_STATUS, {"rma_id": "rma_1", "status": "received"}),
            ]
        )
        senders = build_senders(nshift=station.nshift, returnmate=station.returnmate)
        for lane in (Lane.NSHIFT, Lane.RETURNMATE):
            attempt = process_one(store, lane, senders, rng=random.Random(1))
            assert attempt is not None
        items = store.items()
        assert all(i.state is not State.SENT for i in items)
        assert any("401" in (i.last_error or "") for i in items)
        # a refused lookup, logged with its traceback as a failure would be
        try:
            station.returnmate.list_rmas(per_page=1)
        except Exception:
            logging.getLogger("returndesk.test").exception("lookup refused")
        bundle = write_support_bundle(
            paths.data_dir / "exports",
            paths=paths,
            settings=settings,
            queue=queue_summary(store.path),
            redactor=redactor,
        )
    finally:
        store.close()
        station.close()
    assert "lookup refused" in log_file.read_text()
    files, hits = scan(tmp_path)
    assert bundle.exists()
    assert files == 4  # the log, the outbox database, the request budget and the bundle
    assert hits == []
    assert not found_in(caplog.text.encode())
