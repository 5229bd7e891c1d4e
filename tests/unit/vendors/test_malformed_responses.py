"""Whatever a vendor sends back, the clients answer with a result or a typed VendorError."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from returndesk.vendors.errors import VendorError
from returndesk.vendors.nshift import NShiftClient
from returndesk.vendors.returnmate import ReturnMateClient
from returndesk.vendors.wmtech import AnalyzeRequest, WmTechClient

from .test_nshift import valid_body

RMA = {
    "id": "rma_1",
    "rma_number": "RMA-2024-000001",
    "status": "approved",
    "order_number": "#1001",
    "customer": {"email": "c@example.com", "name": "C"},
    "items": [{"sku": "A", "quantity": 1, "unit_price": 10.5}],
    "created_at": "2024-12-30T10:30:00Z",
}
GOOD = {
    "rm_list": {
        "success": True,
        "data": [RMA],
        "meta": {"page": 1, "per_page": 25, "total": 1, "total_pages": 1},
    },
    "rm_get": {"success": True, "data": RMA},
    "rm_stats": {
        "total_returns": 5,
        "total_refunded": 450.0,
        "return_rate": 12.5,
        "last_return": "2024-12-15T08:00:00Z",
    },
    "wm_analyze": {
        "request_id": "req_1",
        "decision": "approved",
        "confidence": 0.96,
        "reason": "ok",
        "refund_amount": 64.0,
        "currency": "USD",
        "policy_rule_matched": "r",
        "processing_ms": 10,
    },
    "ns_submit": {"status": "ok"},
}
REPLACEMENTS: list[Any] = [None, "", "x" * 5000, -1, 10**30, [], {}, True, {"nested": [1]}]


def _calls(transport: httpx.BaseTransport) -> dict[str, Callable[[], Any]]:
    rm = ReturnMateClient.create("https://rm.test/v1", "k", transport=transport)
    wm = WmTechClient.create("https://wm.test/v1", "wmtech_test_k", transport=transport)
    ns = NShiftClient.create("https://ns.test/public-api/v3", "u", "p", transport=transport)
    req = AnalyzeRequest(order_id="1", store_id="s", photo_url="https://p.test/a.jpg")
    return {
        "rm_list": lambda: list(rm.iter_rmas()),
        "rm_get": lambda: rm.get_rma("rma_1"),
        "rm_stats": lambda: rm.customer_stats("c@example.com"),
        "wm_analyze": lambda: wm.analyze(req),
        "ns_submit": lambda: ns.submit(valid_body()),
    }


def _leaf_paths(value: Any, path: tuple = ()) -> Iterator[tuple]:
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _leaf_paths(child, (*path, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from _leaf_paths(child, (*path, i))
    if path:
        yield path


def _replace(value: Any, path: tuple, new: Any) -> Any:
    copy = json.loads(json.dumps(value))
    target = copy
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = new
    return copy


def corpus() -> list[tuple[str, int, bytes]]:
    """(call, status, body): mutations of each good answer plus generic garbage."""
    cases: list[tuple[str, int, bytes]] = []
    generic = [
        b"",
        b"null",
        b"[]",
        b"{}",
        b'"text"',
        b"<html><body>Bad gateway</body></html>",
        b"\x00\xff\xfe",
        b"NaN",
        b'{"x": Infinity}',
        b"[" * 100_000,
        b"1e999999",
        b'{"success": false}',
        b'{"success": false, "error": "flat"}',
    ]
    for name, good in GOOD.items():
        text = json.dumps(good).encode()
        for cut in range(1, len(text), max(1, len(text) // 12)):
            cases.append((name, 200, text[:cut]))
        for path in _leaf_paths(good):
            for new in REPLACEMENTS[:4]:
                cases.append((name, 200, json.dumps(_replace(good, path, new)).encode()))
        cases += [(name, 200, body) for body in generic]
        cases += [
            (name, status, body) for status in (400, 401, 429, 500, 502) for body in generic[:7]
        ]
        cases.append((name, 200, b"[" + b"0," * 1_200_000 + b"0]"))  # ~2.4 MB
    return cases


CORPUS = corpus()


def run_case(name: str, status: int, body: bytes) -> None:
    transport = httpx.MockTransport(
        lambda request: httpx.Response(
            status, content=body, headers={"Content-Type": "application/json"}
        )
    )
    with contextlib.suppress(VendorError):
        _calls(transport)[name]()


def test_corpus_is_large_enough():
    assert len(CORPUS) >= 200, len(CORPUS)


@pytest.mark.parametrize(
    ("name", "status", "body"), CORPUS, ids=[f"{n}-{s}-{i}" for i, (n, s, _) in enumerate(CORPUS)]
)
def test_malformed_body_raises_only_typed_errors(name, status, body):
    run_case(name, status, body)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=st.sampled_from(sorted(GOOD)),
    status=st.sampled_from([200, 201, 204, 400, 404, 409, 429, 500, 503]),
    body=st.one_of(
        st.binary(max_size=300),
        st.recursive(
            st.none()
            | st.booleans()
            | st.integers()
            | st.text(max_size=20)
            | st.floats(allow_nan=False, allow_infinity=False),
            lambda c: (
                st.lists(c, max_size=4) | st.dictionaries(st.text(max_size=10), c, max_size=4)
            ),
            max_leaves=20,
        ).map(lambda v: json.dumps(v).encode()),
    ),
)
def test_fuzzed_bodies_raise_only_typed_errors(name, status, body):
    run_case(name, status, body)
