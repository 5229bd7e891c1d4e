from decimal import Decimal

import pytest
import respx
from pydantic import ValidationError

from returndesk.vendors.errors import ConfigurationError, InvalidResponse, RateLimited
from returndesk.vendors.wmtech import (
    BASE_URL,
    AnalyzeRequest,
    Decision,
    KeyEnvironment,
    WmTechClient,
    key_environment,
)

URL = f"{BASE_URL}/returns/analyze"
DOC_RESPONSE = {
    "request_id": "req_2HgJk9pXmN",
    "decision": "approved",
    "confidence": 0.96,
    "reason": "Manufacturing defect confirmed on rear left seam",
    "refund_amount": 64.00,
    "currency": "USD",
    "policy_rule_matched": "manufacturing_defect_full_refund",
    "processing_ms": 3820,
}


def request():
    return AnalyzeRequest(
        order_id="#1001", store_id="st_1", photo_url="https://photos.example.com/a.jpg", sku="TEE"
    )


def test_key_prefixes_give_the_environment():
    assert key_environment("wmtech_live_abc") is KeyEnvironment.LIVE
    assert key_environment("wmtech_test_abc") is KeyEnvironment.SANDBOX
    with pytest.raises(ConfigurationError):
        key_environment("sk_live_abc")


@respx.mock
def test_analyze_sends_bearer_and_reads_the_documented_response():
    route = respx.post(URL).respond(200, json=DOC_RESPONSE, headers={"X-RateLimit-Remaining": "59"})
    client = WmTechClient.create(BASE_URL, "wmtech_test_k1")
    result = client.analyze(request())
    assert client.environment is KeyEnvironment.SANDBOX
    assert route.calls.last.request.headers["authorization"] == "Bearer wmtech_test_k1"
    assert result.decision_kind is Decision.APPROVED
    assert result.refund_amount == Decimal("64.00")
    assert result.confidence == Decimal("0.96")


@respx.mock
def test_unknown_decision_is_kept_for_the_operator():
    respx.post(URL).respond(200, json={**DOC_RESPONSE, "decision": "manual_review"})
    result = WmTechClient.create(BASE_URL, "wmtech_test_k1").analyze(request())
    assert result.decision_kind is Decision.OTHER
    assert result.decision == "manual_review"


@pytest.mark.parametrize(
    "change",
    [{"confidence": 1.5}, {"refund_amount": -1}, {"confidence": "high"}, {"request_id": None}],
)
@respx.mock
def test_implausible_responses_are_invalid(change):
    respx.post(URL).respond(200, json={**DOC_RESPONSE, **change})
    with pytest.raises(InvalidResponse):
        WmTechClient.create(BASE_URL, "wmtech_test_k1").analyze(request())


@respx.mock
def test_rate_limited_with_retry_after():
    respx.post(URL).respond(
        429,
        json={"code": "rate_limited", "message": "slow down"},
        headers={"Retry-After": "30", "X-RateLimit-Remaining": "0"},
    )
    with pytest.raises(RateLimited) as caught:
        WmTechClient.create(BASE_URL, "wmtech_test_k1").analyze(request())
    assert caught.value.code == "rate_limited"
    assert caught.value.rate_limit.retry_after.total_seconds() == 30


@pytest.mark.parametrize("url", ["http://photos.example.com/a.jpg", "ftp://x/a.jpg", "a.jpg"])
def test_photo_url_must_be_https(url):
    with pytest.raises(ValidationError, match="HTTPS"):
        AnalyzeRequest(order_id="1", store_id="s", photo_url=url)
