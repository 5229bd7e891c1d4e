import logging

import httpx
import pytest
import respx

from returndesk.vendors.errors import (
    AuthError,
    ConfigurationError,
    ConnectFailed,
    FailureKind,
    InvalidResponse,
    NotFound,
    OutcomeUnknown,
    PermanentError,
    RateLimited,
    RetryableError,
    ServerError,
)
from returndesk.vendors.transport import ErrorInfo, Transport, error_message_of, sanitize

BASE = "https://api.example.test/v1"
SECRET = "s3cr3t-TOKEN-value"


def parser(data):
    return ErrorInfo(
        code=error_message_of(data, "code"),
        message=error_message_of(data, "message"),
        request_id=error_message_of(data, "request_id"),
    )


@pytest.fixture
def transport():
    t = Transport(
        vendor="Test",
        base_url=BASE,
        error_parser=parser,
        headers={"Authorization": f"Bearer {SECRET}"},
        secrets=[SECRET],
    )
    yield t
    t.close()


@pytest.mark.parametrize(
    ("status", "cls", "kind"),
    [
        (400, PermanentError, FailureKind.PERMANENT),
        (401, AuthError, FailureKind.AUTH),
        (403, AuthError, FailureKind.AUTH),
        (404, NotFound, FailureKind.PERMANENT),
        (408, RetryableError, FailureKind.RETRYABLE),
        (409, PermanentError, FailureKind.PERMANENT),
        (422, PermanentError, FailureKind.PERMANENT),
        (429, RateLimited, FailureKind.RATE_LIMITED),
        (500, ServerError, FailureKind.RETRYABLE),
        (502, ServerError, FailureKind.RETRYABLE),
        (503, ServerError, FailureKind.RETRYABLE),
        (504, ServerError, FailureKind.RETRYABLE),
        (302, PermanentError, FailureKind.PERMANENT),
    ],
)
@respx.mock
def test_status_maps_to_a_typed_error(transport, status, cls, kind):
    respx.get(f"{BASE}/thing").respond(
        status, json={"code": "x_code", "message": "went wrong", "request_id": "req_1"}
    )
    with pytest.raises(cls) as caught:
        transport.request("GET", "thing")
    err = caught.value
    assert err.kind is kind
    assert err.status == status
    assert err.message == "went wrong"
    assert err.code == "x_code"
    assert err.request_id == "req_1"
    assert str(err) == f"Test HTTP {status} x_code: went wrong (request id req_1)"


@respx.mock
def test_429_carries_retry_after(transport):
    respx.get(f"{BASE}/thing").respond(429, headers={"Retry-After": "17"}, json={})
    with pytest.raises(RateLimited) as caught:
        transport.request("GET", "thing")
    assert caught.value.rate_limit.retry_after.total_seconds() == 17


@pytest.mark.parametrize(
    ("exc", "cls"),
    [
        (httpx.ConnectError("refused"), ConnectFailed),
        (httpx.ConnectTimeout("slow"), ConnectFailed),
        (httpx.PoolTimeout("pool"), ConnectFailed),
        (httpx.ReadTimeout("read"), OutcomeUnknown),
        (httpx.WriteTimeout("write"), OutcomeUnknown),
        (httpx.RemoteProtocolError("peer closed connection"), OutcomeUnknown),
        (httpx.ReadError("reset"), OutcomeUnknown),
        (httpx.UnsupportedProtocol("ftp"), ConfigurationError),
    ],
)
@respx.mock
def test_network_faults_say_whether_the_server_may_have_the_request(transport, exc, cls):
    respx.post(f"{BASE}/thing").mock(side_effect=exc)
    with pytest.raises(cls):
        transport.request("POST", "thing", json={"a": 1})


@pytest.mark.parametrize(
    ("body", "ctype"),
    [
        (b"<html><body>502 Bad Gateway</body></html>", "text/html"),
        (b'{"truncated": ', "application/json"),
        (b'{"x": NaN}', "application/json"),
        (b"\xff\xfe\x00garbage", "application/octet-stream"),
    ],
)
@respx.mock
def test_unusable_success_body_is_invalid_response(transport, body, ctype):
    respx.get(f"{BASE}/thing").respond(200, content=body, headers={"Content-Type": ctype})
    with pytest.raises(InvalidResponse) as caught:
        transport.request("GET", "thing")
    assert caught.value.kind is FailureKind.OUTCOME_UNKNOWN


@respx.mock
def test_html_error_page_keeps_its_status_class(transport):
    respx.get(f"{BASE}/thing").respond(
        503, content=b"<html>down</html>", headers={"Content-Type": "text/html"}
    )
    with pytest.raises(ServerError, match="not JSON \\(text/html\\)"):
        transport.request("GET", "thing")


@respx.mock
def test_five_megabyte_body_is_refused_not_parsed(transport):
    respx.get(f"{BASE}/thing").respond(200, content=b"[" + b"1," * 2_500_000 + b"1]")
    with pytest.raises(InvalidResponse, match="larger than"):
        transport.request("GET", "thing")


@respx.mock
def test_secret_never_appears_in_errors_or_logs(transport, caplog):
    caplog.set_level(logging.DEBUG)
    respx.get(f"{BASE}/thing").respond(
        401, json={"message": f"bad token Bearer {SECRET}", "code": SECRET}
    )
    with pytest.raises(AuthError) as caught:
        transport.request("GET", "thing")
    for text in (
        str(caught.value),
        repr(caught.value),
        caught.value.message,
        caplog.text,
        repr(transport),
    ):
        assert SECRET not in text
    assert "***" in caught.value.message


@respx.mock
def test_requests_carry_user_agent_and_json_with_exact_decimals(transport):
    from decimal import Decimal

    route = respx.post(f"{BASE}/thing").respond(200, json={"ok": True})
    response = transport.request("POST", "thing", json={"amount": Decimal("39.00")})
    sent = route.calls.last.request
    assert sent.headers["user-agent"].startswith("ReturnDesk/")
    assert sent.content == b'{"amount":39.00}'
    assert response.data == {"ok": True}


def test_http_loggers_are_quiet(transport):
    assert logging.getLogger("httpx").level >= logging.WARNING
    assert logging.getLogger("httpcore").level >= logging.WARNING


def test_sanitize_strips_control_and_bidi_characters_and_bounds_length():
    text = sanitize("a\x00b\u202ec" + "x" * 1000, ["nothing"])
    assert "\x00" not in text
    assert "\u202e" not in text
    assert len(text) <= 300


def test_bad_base_url_is_a_configuration_error():
    with pytest.raises(ConfigurationError):
        Transport(vendor="T", base_url="ht!tp://", error_parser=parser).request("GET", "x")
