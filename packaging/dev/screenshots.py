"""Render the README's screenshots from the real window, offscreen.

Usage: .venv/bin/python packaging/dev/screenshots.py [OUTPUT_DIR]
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from returndesk.core.return_case import Decision
from returndesk.outbox.drainer import process_one
from returndesk.outbox.model import Capture, Counts, Kind, Lane, NewItem
from returndesk.outbox.senders import build_senders
from returndesk.outbox.store import OutboxStore
from returndesk.settings.model import Settings
from returndesk.settings.paths import Paths
from returndesk.station import Station, build_station
from returndesk.ui.common.outbox_monitor import OutboxMonitor
from returndesk.ui.common.theme import STYLESHEET
from returndesk.ui.flows.records_flow import RecordsFlow
from returndesk.ui.wiring import build_window, start_admin, start_receiving

ROOT = Path(__file__).resolve().parents[2]


def _update_body(record: dict) -> dict:
    """The nShift update of a return with every item present and rejected (0.00)."""
    items = [
        {
            "forwardOrderItemId": item["order_item_id"],
            "sku": item["sku"],
            "isPresent": True,
            "isAccepted": False,
            "netAmount": 0,
            "taxAmount": 0,
            "grossAmount": 0,
        }
        for item in record["items"]
    ]
    ret = {
        "forwardOrderId": record["forward_order_id"],
        "returnId": record["nshift_return_id"],
        "updatedAt": "2026-11-24T08:00:00Z",
        "currency": record["currency"],
        "itemCount": len(items),
        "items": items,
    }
    return {"returns": [ret]}


def _demo_outbox_counts(station: Station, scratch: Path) -> Counts:
    """A real outbox in a scratch folder, in the state an offline morning leaves it:
    three returns captured while nShift was unreachable, one item the vendor refused."""
    store = OutboxStore(scratch / "outbox.db")
    assert station.sandbox is not None
    rmas = [r for r in station.sandbox.data.rmas.values() if r.nshift_status == "Not Processed"]
    for rma in rmas[:3]:
        store.capture(
            Capture(rma.record["nshift_return_id"], "rma", {}),
            [NewItem(Kind.WMS_UPDATE, _update_body(rma.record))],
        )
    store.enqueue([NewItem(Kind.RMA_NOTE, {"content": "missing rma_id"})])
    process_one(
        store, Lane.RETURNMATE, build_senders(returnmate=station.returnmate), rng=random.Random(0)
    )
    counts = store.counts()
    store.close()
    return counts


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "resources" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setStyleSheet(STYLESHEET)
    settings = Settings()
    station = build_station(settings, Paths.default(), demo=True)
    with tempfile.TemporaryDirectory() as scratch:
        monitor = OutboxMonitor(_demo_outbox_counts(station, Path(scratch)))
    window = build_window(station, monitor=monitor)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    target = out / "ready.png"
    window.grab().save(str(target))
    print(f"wrote {target}")

    # Items: a parcel mid-inspection, driven through the real flow
    with tempfile.TemporaryDirectory() as scratch:
        store = OutboxStore(Path(scratch) / "outbox.db")
        station.paths = Paths(Path(scratch) / "s.toml", Path(scratch), Path(scratch))
        receiving = start_receiving(
            station, window, store, notify=monitor.counts_changed.emit, synchronous=True
        )
        flow, timer = receiving.flow, receiving.refresher
        # a parcel mid-inspection: one of two units here, a reject, a missing line, and an
        # item the return does not list, each decided with its own control
        window.ready.code_entered.emit("RMA-2026-000004")
        items = window.items
        rma = station.sandbox.data.by_rma_number("RMA-2026-000004").record
        for item in rma["items"][:2] + rma["items"][3:]:
            items.item_code.setText(item["gtin"])
            items.item_code.returnPressed.emit()
        items.item_code.setText("4006381333931")  # not in this return
        items.item_code.returnPressed.emit()
        case = items.model.case
        case.set_decision(case.lines[0].order_item_id, Decision.ACCEPTED)
        case.set_decision(case.lines[1].order_item_id, Decision.REJECTED)
        case.lines[1].condition_code = "DAMAGED"
        case.set_decision(case.lines[2].order_item_id, Decision.MISSING)
        case.set_decision(case.lines[3].order_item_id, Decision.ACCEPTED)
        for line in case.lines:
            items.refresh_row(line.order_item_id)
        items.table.selectRow(3)
        items.submit.click()
        app.processEvents()
        target = out / "items.png"
        window.grab().save(str(target))
        print(f"wrote {target}")
        # Queue: finish this parcel and one more, then look at the outbox
        items.accept_all.click()
        items.submit.click()
        items.submit.click()
        window.ready.code_entered.emit("RMA-2026-000001")
        items.accept_all.click()
        items.submit.click()
        items.submit.click()
        views = window.findChild(RecordsFlow)
        views.show_queue()
        app.processEvents()
        target = out / "queue.png"
        window.grab().save(str(target))
        print(f"wrote {target}")
        # Unknown parcel: nothing matches, the operator opens "Receive without RMA"
        window.ready.code_entered.emit("#99999")
        window.unknown.open_manual()
        app.processEvents()
        target = out / "unknown.png"
        window.grab().save(str(target))
        print(f"wrote {target}")
        _admin_screens(station, window, flow, store, out, app)
        timer.stop()
        receiving.cache.close()
        store.close()
    window.close()
    station.close()
    _swedish_ready(out, app)
    return 0


def _admin_screens(station, window, flow, store, out, app) -> None:
    """Settings (Vendors, with a connection test against the sandbox) behind the PIN."""
    from returndesk.sandbox.app import DEMO_CREDENTIALS
    from returndesk.sandbox.transport import DEMO_ORIGIN, sandbox_transport
    from returndesk.sandbox.urls import SandboxUrls
    from returndesk.settings.secrets import NSHIFT_PASSWORD, SecretStore
    from returndesk.support.connections import probe_section
    from returndesk.support.redact import Redactor

    transport = sandbox_transport(station.sandbox)
    admin = start_admin(
        station, window, flow, store.path, SecretStore({}), Redactor(), synchronous=True
    )
    admin._prober = lambda vendor, section, secret: probe_section(
        vendor, section, secret, transport=transport
    )
    admin.open_settings()
    window.banner.hide()  # "no admin PIN yet": true of the demo, not the point of the picture
    screen = admin.settings_screen
    screen.tabs.setCurrentIndex(2)
    urls = SandboxUrls.at(DEMO_ORIGIN)
    screen.fields["nshift.base_url"].combo.setEditText(urls.nshift)
    screen.fields["nshift.username"].line.setText(DEMO_CREDENTIALS["nshift_username"])
    screen.secret_fields[NSHIFT_PASSWORD].line.setText(DEMO_CREDENTIALS["nshift_password"])
    admin.test_connection("nshift")
    app.processEvents()
    target = out / "settings.png"
    window.grab().save(str(target))
    print(f"wrote {target}")


def _swedish_ready(out: Path, app: QApplication) -> None:
    """The Ready screen of a Swedish station, an operator signed on by badge."""
    from returndesk.ui.common.i18n import install_language

    install_language("sv")
    settings = Settings.model_validate(
        {"station": {"language": "sv"}, "operators": [{"name": "Ada Lind", "badge": "EMP-1"}]}
    )
    with tempfile.TemporaryDirectory() as scratch:
        paths = Paths(Path(scratch) / "s.toml", Path(scratch), Path(scratch))
        station = build_station(settings, paths, demo=True)
        window = build_window(station, monitor=OutboxMonitor(Counts(waiting=2)))
        window.resize(1280, 800)
        window.show()
        store = OutboxStore(Path(scratch) / "outbox.db")
        receiving = start_receiving(
            station, window, store, notify=lambda counts: None, synchronous=True
        )
        flow, timer = receiving.flow, receiving.refresher
        from returndesk.settings.secrets import SecretStore
        from returndesk.support.redact import Redactor

        admin = start_admin(
            station, window, flow, store.path, SecretStore({}), Redactor(), synchronous=True
        )
        admin.start_shift()
        admin.sign_on.badge_scanned("EMP-1")
        app.processEvents()
        target = out / "ready-sv.png"
        window.grab().save(str(target))
        print(f"wrote {target}")
        timer.stop()
        receiving.cache.close()
        store.close()
        window.close()
        station.close()
    install_language("en")


if __name__ == "__main__":
    sys.exit(main())
