"""Photos through the outbox: upload, then WM Tech's analysis, also when WM Tech is offline."""

from __future__ import annotations

import random
from datetime import timedelta

import httpx
import pytest

from returndesk.outbox.drainer import process_one
from returndesk.outbox.model import Lane, State
from returndesk.outbox.senders import build_senders
from returndesk.outbox.store import OutboxStore
from returndesk.photos.library import PhotoLibrary
from returndesk.photos.stores import HttpUploadStore
from returndesk.receiving.case_from_rma import case_from_mapped_rma
from returndesk.receiving.photo_evidence import PhotoEvidence
from returndesk.sandbox.app import DEMO_CREDENTIALS
from returndesk.sandbox.demo_photos import write_demo_photos
from returndesk.sandbox.transport import DEMO_ORIGIN, sandbox_transport
from returndesk.sandbox.urls import SandboxUrls
from returndesk.settings.model import Settings
from returndesk.settings.paths import Paths
from returndesk.station import build_station
from returndesk.vendors.wmtech import WmTechClient
from tests.clock import Clock


@pytest.fixture
def rig(tmp_path, sandbox):
    paths = Paths(tmp_path / "s.toml", tmp_path / "data", tmp_path / "logs")
    station = build_station(Settings(), paths, demo=True, sandbox=sandbox)
    clock = Clock()
    store = OutboxStore(tmp_path / "outbox.db", clock=clock)
    urls = SandboxUrls.at(DEMO_ORIGIN)
    photos = HttpUploadStore(
        urls.photos + "/{name}", urls.photos, transport=sandbox_transport(sandbox)
    )
    service = PhotoEvidence(
        station.settings, store, PhotoLibrary(tmp_path / "photos"), photos.public_url, analyse=True
    )
    record = sandbox.data.by_rma_number("RMA-2026-000002").record
    case = case_from_mapped_rma(station.returnmate.get_rma(record["id"]), station.settings)
    demo = write_demo_photos(tmp_path / "demo")
    yield station, store, photos, service, case, demo, clock, sandbox
    store.close()
    station.close()


def drain(store, lane, senders, clock):
    while process_one(store, lane, senders, rng=random.Random(0), clock=clock):
        pass


def offline_wmtech() -> WmTechClient:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("network unreachable", request=request)

    return WmTechClient.create(
        SandboxUrls.at(DEMO_ORIGIN).wmtech,
        DEMO_CREDENTIALS["wmtech_api_key"],
        transport=httpx.MockTransport(refuse),
    )


def test_offline_the_photo_waits_and_the_analysis_is_attached_later(rig):
    station, store, photos, service, case, demo, clock, sandbox = rig
    intact, damaged = case.lines[0], case.lines[-1]
    service.add(case, intact.order_item_id, demo["intact"].read_bytes(), suffix=".jpg")
    service.add(case, damaged.order_item_id, demo["damaged"].read_bytes(), suffix=".jpg")
    assert [item.lane for item in store.items()] == [Lane.PHOTOS, Lane.PHOTOS]

    offline = build_senders(wmtech=offline_wmtech(), photos=photos)
    drain(store, Lane.PHOTOS, offline, clock)
    drain(store, Lane.WMTECH, offline, clock)
    by_lane = {(item.lane, item.state) for item in store.items()}
    assert (Lane.PHOTOS, State.SENT) in by_lane
    assert (Lane.WMTECH, State.WAITING) in by_lane  # the analysis waits, nothing is lost
    assert store.analyses_for_return(case.return_id) == []

    clock.now += timedelta(minutes=30)  # back online, past every retry time
    online = build_senders(wmtech=station.wmtech, photos=photos)
    drain(store, Lane.WMTECH, online, clock)
    analyses = {a["order_item_id"]: a["result"] for a in store.analyses_for_return(case.return_id)}
    assert analyses[intact.order_item_id]["decision"] == "approved"
    assert analyses[damaged.order_item_id]["decision"] == "rejected"
    assert all(item.state is State.SENT for item in store.items())
    analyze_calls = [r for r in sandbox.requests_to("wmtech") if r.status == 200]
    assert len(analyze_calls) == 2  # each photo analysed exactly once


def test_the_published_photo_is_the_prepared_file(rig):
    _, store, photos, service, case, demo, clock, sandbox = rig
    taken = service.add(case, None, demo["intact"].read_bytes(), suffix=".jpg")
    drain(store, Lane.PHOTOS, build_senders(photos=photos), clock)
    (record,) = store.photos_for_return(case.return_id)
    assert record == taken.record
    assert record.public_url.startswith("https://")
    assert record.public_url.endswith(record.name)
    served = httpx.Client(transport=sandbox_transport(sandbox)).get(record.public_url)
    assert served.status_code == 200
    from hashlib import sha256

    assert sha256(served.content).hexdigest() == record.sha256


def test_a_photo_file_changed_after_it_was_taken_is_not_published(rig):
    _, store, photos, service, case, demo, clock, _ = rig
    taken = service.add(case, None, demo["intact"].read_bytes(), suffix=".jpg")
    with open(taken.record.prepared_path, "ab") as file:
        file.write(b"tampered")
    drain(store, Lane.PHOTOS, build_senders(photos=photos), clock)
    (item,) = store.items()
    assert item.state is State.FAILED
    assert "changed after it was taken" in (item.last_error or "")


def test_without_wm_tech_a_photo_is_evidence_only(rig):
    station, store, photos, _, case, demo, clock, _ = rig
    service = PhotoEvidence(
        station.settings,
        store,
        PhotoLibrary(store.path.parent / "p2"),
        photos.public_url,
        analyse=False,
    )
    taken = service.add(case, None, demo["damaged"].read_bytes(), suffix=".jpg")
    assert not taken.analysis_queued
    drain(store, Lane.PHOTOS, build_senders(photos=photos), clock)
    assert [item.lane for item in store.items()] == [Lane.PHOTOS]


def test_the_evidence_bundle_has_photos_hashes_advice_and_decision(rig, tmp_path):
    import json

    from returndesk.core.ai_advice import Advice, apply
    from returndesk.outbox.export import export_evidence
    from returndesk.outbox.model import Capture
    from returndesk.receiving.summaries import case_summary

    station, store, photos, service, case, demo, clock, _ = rig
    line = case.lines[0]
    service.add(case, line.order_item_id, demo["intact"].read_bytes(), suffix=".jpg")
    senders = build_senders(wmtech=station.wmtech, photos=photos)
    drain(store, Lane.PHOTOS, senders, clock)
    drain(store, Lane.WMTECH, senders, clock)
    (analysis,) = store.analyses_for_return(case.return_id)
    case.verdicts[line.order_item_id] = apply(
        case, line.order_item_id, Advice.from_result(analysis["result"], photo=analysis["photo"])
    )
    history_id, _ = store.capture(
        Capture(
            case.return_id,
            "rma",
            case_summary(case),
            rma_id=case.rma_id,
            rma_number=case.rma_number,
            operator="op",
        ),
        [],
    )
    bundle = json.loads(export_evidence(store, history_id, tmp_path / "out").read_text())
    (photo,) = bundle["photos"]
    assert len(photo["sha256"]) == 64
    assert len(photo["original_sha256"]) == 64
    assert bundle["analyses"][0]["result"]["decision"] == "approved"
    ai = bundle["summary"]["lines"][0]["ai"]
    assert ai["action"] == "applied"
    assert ai["advice"]["photo"] == photo["name"]
    assert ai["disagrees"] is False
