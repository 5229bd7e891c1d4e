"""Labels through CUPS: a station whose printer is a raw CUPS queue (pycups) prints a
submitted return's plates, and the queue's backend receives the same ZPL a raw-port printer
gets, byte for byte."""

from __future__ import annotations

import time

import pytest

from returndesk.labels.content import LabelData
from returndesk.labels.zpl_label import Stock, label_zpl
from returndesk.outbox.model import Kind
from returndesk.outbox.senders import load_payload
from tests.cups_server import start_cups
from tests.label_printer import read_back
from tests.label_station import receive, station_bench

pytestmark = pytest.mark.e2e


@pytest.fixture
def cups_server(tmp_path_factory, monkeypatch):
    server = start_cups(tmp_path_factory.mktemp("cups"))
    monkeypatch.setenv("CUPS_SERVER", server.socket)  # where libcups (pycups) connects
    yield server
    server.stop()


def test_a_raw_cups_queue_receives_the_same_zpl(cups_server, tmp_path, sandbox):
    printer = {"kind": "cups", "queue": cups_server.queue}
    with station_bench(tmp_path, sandbox, printer) as (service, store, drainer, _):
        _, history_id = receive(service, drainer, "RMA-2026-000005", ["A", "B"])
        labels = [
            LabelData.from_payload(load_payload(i.payload_json))
            for i in store.items_of(history_id)
            if i.kind is Kind.LABEL
        ]
        expected = b"".join(label_zpl(label, Stock()) for label in labels)
        deadline = time.monotonic() + 20
        while cups_server.received() != expected:
            assert time.monotonic() < deadline, cups_server.received()[:200]
            time.sleep(0.1)
        assert store.counts().labels_pending == 0
    formats = cups_server.received().decode().split("^XZ")[:-1]
    assert [read_back(f + "^XZ").plate_id for f in formats] == [x.plate_id for x in labels]


def test_a_queue_that_does_not_exist_is_said_and_the_labels_are_kept(
    cups_server, tmp_path, sandbox
):
    printer = {"kind": "cups", "queue": "no-such-queue"}
    with station_bench(tmp_path, sandbox, printer) as (service, store, drainer, _):
        receive(service, drainer, "RMA-2026-000005", ["A", "B"])
        deadline = time.monotonic() + 15
        while not store.counts().labels_attention:
            assert time.monotonic() < deadline, store.counts()
            time.sleep(0.05)
        failed = [i for i in store.items() if i.kind is Kind.LABEL and i.last_error]
        assert "does not exist: check [printer] queue" in failed[0].last_error
