"""The clients against the sandbox over real HTTP on 127.0.0.1."""

import os
import re
import subprocess
import sys
import time
from datetime import UTC, datetime
from decimal import Decimal

import httpx
import pytest

from returndesk.core.wms_builder import build_wms_update
from returndesk.receiving.case_from_rma import case_from_mapped_rma
from returndesk.sandbox.app import DEMO_CREDENTIALS
from returndesk.sandbox.urls import SandboxUrls
from returndesk.settings.model import Settings
from returndesk.station import demo_settings
from returndesk.vendors.errors import AuthError, ConnectFailed, PermanentError
from returndesk.vendors.nshift import NShiftClient
from returndesk.vendors.returnmate import AuthStyle, ReturnMateClient, RmaFilter
from returndesk.vendors.rma_fields import read_rma
from returndesk.vendors.wmtech import AnalyzeRequest, WmTechClient

pytestmark = pytest.mark.e2e


#: the demo settings: the example integrator's mapping of ReturnMate's custom fields
DEMO = demo_settings(Settings())


def test_all_three_vendors_over_loopback(sandbox_server):
    urls = SandboxUrls.at(sandbox_server.origin)
    rm = ReturnMateClient.create(
        urls.returnmate, DEMO_CREDENTIALS["returnmate_api_key"], auth_style=AuthStyle.X_API_KEY
    )
    rmas = list(
        rm.iter_rmas(RmaFilter(status=["approved", "label_issued", "in_transit"]), per_page=7)
    )
    assert len(rmas) == 46  # 48 demo RMAs less one received and one draft
    mapped = {r.id: read_rma(r, DEMO.returnmate.fields) for r in rmas}
    jpy = next(
        r for r in rmas if mapped[r.id].currency == "JPY" and r.rma_number != "RMA-2026-000003"
    )
    stats = rm.customer_stats(jpy.customer.email)
    assert stats.total_returns >= 1

    wm = WmTechClient.create(urls.wmtech, DEMO_CREDENTIALS["wmtech_api_key"])
    advice = wm.analyze(
        AnalyzeRequest(
            order_id=jpy.order_number,
            store_id="S1",
            photo_url="https://photos.test/x.jpg",
            sku=jpy.items[0].sku,
        )
    )
    assert advice.currency == "JPY"
    assert advice.refund_amount == mapped[jpy.id].items[0].unit_price

    case = case_from_mapped_rma(jpy, DEMO)
    assert case.tax_rate == Decimal("0.10")
    for line in case.lines:
        case.decide(line.order_item_id, present=True, accepted=True)
    ns = NShiftClient.create(
        urls.nshift, DEMO_CREDENTIALS["nshift_username"], DEMO_CREDENTIALS["nshift_password"]
    )
    assert ns.submit(build_wms_update(case, datetime.now(UTC))).status == 200
    with pytest.raises(PermanentError, match="Not Processed"):
        ns.submit(build_wms_update(case, datetime.now(UTC)))
    return_id = mapped[jpy.id].nshift_return_id
    assert sandbox_server.sandbox.nshift.processings == {return_id: 1}

    rm.update_status(jpy.id, "received")
    rm.add_note(jpy.id, "all items accepted at bench 1")
    assert rm.get_rma(jpy.id).status == "received"

    log = httpx.get(f"{sandbox_server.origin}/_sandbox/log").json()
    assert {entry["vendor"] for entry in log} == {"returnmate", "wmtech", "nshift"}
    state = httpx.get(f"{sandbox_server.origin}/_sandbox/nshift/returns/{return_id}")
    assert state.json()["processings"] == 1


def test_wrong_credentials_over_loopback(sandbox_server):
    urls = SandboxUrls.at(sandbox_server.origin)
    with pytest.raises(AuthError):
        ReturnMateClient.create(urls.returnmate, "wrong").get_rma("x")
    with pytest.raises(AuthError):
        WmTechClient.create(urls.wmtech, "wmtech_live_real").analyze(
            AnalyzeRequest(order_id="1", store_id="s", photo_url="https://p/a.jpg")
        )


def test_connection_refused_is_connect_failed():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    urls = SandboxUrls.at(f"http://127.0.0.1:{port}")
    with pytest.raises(ConnectFailed):
        ReturnMateClient.create(urls.returnmate, "k").get_rma("x")


def test_untrusted_tls_certificate_is_refused(tmp_path):
    import http.server
    import ssl
    import threading

    import trustme

    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1")
    server = http.server.HTTPServer(("127.0.0.1", 0), http.server.BaseHTTPRequestHandler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    cert.configure_cert(context)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        client = ReturnMateClient.create(f"https://127.0.0.1:{server.server_port}/v1", "k")
        with pytest.raises(ConnectFailed, match="CERTIFICATE_VERIFY_FAILED"):
            client.get_rma("x")
    finally:
        server.shutdown()
        server.server_close()


def test_sandbox_serve_command_answers_all_three_vendors():
    with __import__("socket").socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "returndesk", "sandbox", "serve", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        first_line = process.stdout.readline()
        assert re.match(rf"ReturnDesk sandbox on http://127\.0\.0\.1:{port}", first_line)
        urls = SandboxUrls.at(f"http://127.0.0.1:{port}")
        deadline = time.monotonic() + 10
        while True:
            try:
                rmas = (
                    ReturnMateClient.create(urls.returnmate, DEMO_CREDENTIALS["returnmate_api_key"])
                    .list_rmas(per_page=3)
                    .rmas
                )
                break
            except ConnectFailed:
                assert time.monotonic() < deadline
                time.sleep(0.1)
        assert len(rmas) == 3
        assert (
            WmTechClient.create(urls.wmtech, DEMO_CREDENTIALS["wmtech_api_key"])
            .analyze(
                AnalyzeRequest(
                    order_id=rmas[0].order_number, store_id="s", photo_url="https://p/a.jpg"
                )
            )
            .decision
            == "approved"
        )
        with pytest.raises(PermanentError, match="exact number"):
            NShiftClient.create(
                urls.nshift,
                DEMO_CREDENTIALS["nshift_username"],
                DEMO_CREDENTIALS["nshift_password"],
            ).submit(
                {
                    "returns": [
                        {
                            # the sandbox's nShift knows a return by the shop's order number
                            "forwardOrderId": rmas[0].order_number,
                            "returnId": f"NSR{int(rmas[0].rma_number[-6:]):08d}",
                            "updatedAt": "2026-11-24T10:00:00Z",
                            "itemCount": 1,
                            "items": [
                                {
                                    "forwardOrderItemId": "99",
                                    "sku": "X",
                                    "isAccepted": False,
                                    "netAmount": 0,
                                    "taxAmount": 0,
                                    "grossAmount": 0,
                                }
                            ],
                        }
                    ]
                }
            )
    finally:
        process.terminate()
        process.wait(timeout=10)
