import base64
import json
from datetime import UTC, datetime

import pytest

from returndesk.sandbox.app import (
    DEMO_CREDENTIALS,
    NSHIFT_PREFIX,
    RETURNMATE_PREFIX,
    WMTECH_PREFIX,
    Sandbox,
    SandboxConfig,
)
from returndesk.sandbox.protocol import SandboxRequest

BASIC = (
    "Basic "
    + base64.b64encode(
        f"{DEMO_CREDENTIALS['nshift_username']}:{DEMO_CREDENTIALS['nshift_password']}".encode()
    ).decode()
)


def wms_body(rma, *, accepted=True, drop_items=0):
    items = []
    for item in rma.record["items"][: len(rma.record["items"]) - drop_items]:
        gross = str(item["unit_price"]) if accepted else "0"
        items.append(
            {
                "forwardOrderItemId": item["order_item_id"],
                "sku": item["sku"],
                "isPresent": True,
                "isAccepted": accepted,
                "netAmount": gross,
                "taxAmount": "0",
                "grossAmount": gross,
            }
        )
    for item in items:
        for key in ("netAmount", "taxAmount", "grossAmount"):
            item[key] = float(item[key]) if "." in item[key] else int(item[key])
    return json.dumps(
        {
            "returns": [
                {
                    "forwardOrderId": rma.record["forward_order_id"],
                    "returnId": rma.record["nshift_return_id"],
                    "updatedAt": datetime.now(UTC).isoformat(),
                    "itemCount": len(items),
                    "items": items,
                }
            ]
        }
    ).encode()


def post_nshift(sb, body, auth=BASIC):
    return sb.handle(
        SandboxRequest(
            "POST", NSHIFT_PREFIX + "wms-update", headers={"authorization": auth}, body=body
        )
    )


def test_nshift_processes_a_not_processed_return_once(sandbox):
    rma = sandbox.data.by_rma_number("RMA-2026-000001")
    first = post_nshift(sandbox, wms_body(rma))
    assert first.status == 200, first.body
    again = post_nshift(sandbox, wms_body(rma))
    assert again.status == 400
    assert b"Not Processed" in again.body
    assert sandbox.nshift.processings[rma.record["nshift_return_id"]] == 1


def test_nshift_requires_the_exact_item_count(sandbox):
    rma = next(
        r
        for r in sandbox.data.rmas.values()
        if len(r.record["items"]) > 1 and r.nshift_status == "Not Processed"
    )
    response = post_nshift(sandbox, wms_body(rma, drop_items=1))
    assert response.status == 400
    assert b"exact number of items" in response.body
    assert sandbox.nshift.processings == {}


@pytest.mark.parametrize(
    ("auth", "status"), [("", 401), ("Basic Zm9vOmJhcg==", 401), ("Bearer x", 401)]
)
def test_nshift_basic_auth(sandbox, auth, status):
    rma = sandbox.data.by_rma_number("RMA-2026-000001")
    response = post_nshift(sandbox, wms_body(rma), auth=auth)
    assert response.status == status
    body = json.loads(response.body)
    assert set(body) == {"code", "error", "message", "timestamp"}


def test_nshift_rejects_inconsistent_amounts(sandbox):
    rma = sandbox.data.by_rma_number("RMA-2026-000001")
    body = json.loads(wms_body(rma))
    body["returns"][0]["items"][0]["taxAmount"] = 1
    assert post_nshift(sandbox, json.dumps(body).encode()).status == 400


@pytest.mark.parametrize("form", ["seconds", "http-date"])
def test_rate_limit_answers_429_with_retry_after(form):
    now = [1_800_000_000.0]
    sb = Sandbox(SandboxConfig(wmtech_per_minute=2, retry_after_form=form), clock=lambda: now[0])
    request = SandboxRequest(
        "POST",
        WMTECH_PREFIX + "returns/analyze",
        headers={"authorization": "Bearer wmtech_test_x"},
        body=b'{"order_id":"1","store_id":"s","photo_url":"https://p/a.jpg"}',
    )
    statuses = [sb.handle(request).status for _ in range(3)]
    assert statuses == [200, 200, 429]
    limited = sb.handle(request)
    assert limited.headers["X-RateLimit-Remaining"] == "0"
    retry_after = limited.headers["Retry-After"]
    assert retry_after == "60" if form == "seconds" else retry_after.endswith("GMT")
    now[0] += 61
    assert sb.handle(request).status == 200


def test_wmtech_decisions_are_deterministic_and_refuse_live_keys(sandbox):
    def analyze(url, key="wmtech_test_x"):
        body = json.dumps(
            {
                "order_id": "#10007",
                "store_id": "s",
                "photo_url": url,
                "sku": sandbox.data.by_rma_number("RMA-2026-000001").record["items"][0]["sku"],
            }
        ).encode()
        return sandbox.handle(
            SandboxRequest(
                "POST",
                WMTECH_PREFIX + "returns/analyze",
                headers={"authorization": f"Bearer {key}"},
                body=body,
            )
        )

    ok = json.loads(analyze("https://p/item.jpg").body)
    assert ok["decision"] == "approved"
    assert ok == json.loads(analyze("https://p/item.jpg").body)
    assert json.loads(analyze("https://p/damaged-seam.jpg").body)["decision"] == "rejected"
    assert analyze("https://p/a.jpg", key="wmtech_live_x").status == 401
    assert analyze("http://p/a.jpg").status == 400


def test_returnmate_envelope_filters_and_log(sandbox):
    headers = {"x-api-key": DEMO_CREDENTIALS["returnmate_api_key"]}
    response = sandbox.handle(
        SandboxRequest(
            "GET", RETURNMATE_PREFIX + "rmas", query=[("status", "draft")], headers=headers
        )
    )
    body = json.loads(response.body)
    assert body["success"] is True
    assert [r["status"] for r in body["data"]] == ["draft"]
    assert body["meta"]["total"] == 1
    denied = sandbox.handle(SandboxRequest("GET", RETURNMATE_PREFIX + "rmas"))
    assert denied.status == 401
    assert json.loads(denied.body)["error"]["code"] == "AUTHENTICATION_ERROR"
    assert [(r.vendor, r.status) for r in sandbox.log] == [("returnmate", 200), ("returnmate", 401)]


def test_reset_restores_the_demo_data(sandbox):
    rma = sandbox.data.by_rma_number("RMA-2026-000001")
    post_nshift(sandbox, wms_body(rma))
    sandbox.reset()
    assert sandbox.data.by_rma_number("RMA-2026-000001").nshift_status == "Not Processed"
    assert sandbox.log == []
