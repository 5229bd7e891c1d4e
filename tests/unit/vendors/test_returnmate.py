import pytest
import respx

from returndesk.vendors.errors import AuthError, ConfigurationError, InvalidResponse, NotFound
from returndesk.vendors.returnmate import BASE_URL, AuthStyle, ReturnMateClient, RmaFilter


def rma(n):
    return {
        "id": f"rma_{n}",
        "rma_number": f"RMA-2024-{n:06d}",
        "status": "approved",
        "order_number": f"#{1000 + n}",
        "customer": {"email": "c@example.com", "name": "C"},
        "items": [{"sku": "A", "quantity": 1}],
        "created_at": "2024-12-30T10:30:00Z",
    }


def page(numbers, page_no, total_pages, per_page=2):
    return {
        "success": True,
        "data": [rma(n) for n in numbers],
        "meta": {"page": page_no, "per_page": per_page, "total": 5, "total_pages": total_pages},
    }


@respx.mock
def test_iterates_every_page_with_filters():
    route = respx.get(f"{BASE_URL}/rmas")
    route.side_effect = [
        respx.MockResponse(200, json=page([1, 2], 1, 3)),
        respx.MockResponse(200, json=page([3, 4], 2, 3)),
        respx.MockResponse(200, json=page([5], 3, 3)),
    ]
    client = ReturnMateClient.create(BASE_URL, "rm_key")
    found = list(
        client.iter_rmas(
            RmaFilter(status=["approved", "in_transit"], customer_email="c@example.com"), per_page=2
        )
    )
    assert [r.id for r in found] == [f"rma_{n}" for n in range(1, 6)]
    first = route.calls[0].request
    assert first.url.params.get_list("status[]") == ["approved", "in_transit"]
    assert first.url.params["per_page"] == "2"
    assert first.url.params["page"] == "1"
    assert route.calls[2].request.url.params["page"] == "3"


@respx.mock
def test_pagination_without_total_pages_stops_on_a_short_page():
    route = respx.get(f"{BASE_URL}/rmas")
    route.side_effect = [
        respx.MockResponse(
            200,
            json={"success": True, "data": [rma(1), rma(2)], "meta": {"page": 1, "per_page": 2}},
        ),
        respx.MockResponse(
            200, json={"success": True, "data": [rma(3)], "meta": {"page": 2, "per_page": 2}}
        ),
    ]
    assert len(list(ReturnMateClient.create(BASE_URL, "k").iter_rmas(per_page=2))) == 3


@respx.mock
def test_a_server_that_ignores_page_is_caught():
    respx.get(f"{BASE_URL}/rmas").respond(
        200, json={"success": True, "data": [rma(1), rma(2)], "meta": {"page": 1, "per_page": 2}}
    )
    with pytest.raises(InvalidResponse, match="same page twice"):
        list(ReturnMateClient.create(BASE_URL, "k").iter_rmas(per_page=2))


@pytest.mark.parametrize(
    ("style", "header", "value"),
    [
        (AuthStyle.BEARER, "authorization", "Bearer rm_key"),
        (AuthStyle.X_API_KEY, "x-api-key", "rm_key"),
    ],
)
@respx.mock
def test_both_auth_header_styles(style, header, value):
    route = respx.get(f"{BASE_URL}/rmas/rma_1").respond(200, json={"success": True, "data": rma(1)})
    ReturnMateClient.create(BASE_URL, "rm_key", auth_style=style).get_rma("rma_1")
    assert route.calls.last.request.headers[header] == value


@respx.mock
def test_error_envelope_is_unwrapped():
    respx.get(f"{BASE_URL}/rmas/nope").respond(
        404,
        json={"success": False, "error": {"code": "NOT_FOUND", "message": "RMA nope not found"}},
    )
    with pytest.raises(NotFound) as caught:
        ReturnMateClient.create(BASE_URL, "k").get_rma("nope")
    assert (caught.value.code, caught.value.message) == ("NOT_FOUND", "RMA nope not found")


@respx.mock
def test_auth_error():
    respx.get(f"{BASE_URL}/rmas/x").respond(
        401,
        json={
            "success": False,
            "error": {"code": "AUTHENTICATION_ERROR", "message": "Invalid key"},
        },
    )
    with pytest.raises(AuthError):
        ReturnMateClient.create(BASE_URL, "k").get_rma("x")


@respx.mock
def test_status_patch_and_internal_note():
    patch = respx.patch(f"{BASE_URL}/rmas/rma_1").respond(
        200, json={"success": True, "data": rma(1)}
    )
    note = respx.post(f"{BASE_URL}/rmas/rma_1/notes").respond(
        201, json={"success": True, "data": {"id": "n1"}}
    )
    client = ReturnMateClient.create(BASE_URL, "k")
    client.update_status("rma_1", "received", notes="checked at bench 1")
    assert client.add_note("rma_1", "2 of 3 accepted") == {"id": "n1"}
    assert patch.calls.last.request.content == b'{"status":"received","notes":"checked at bench 1"}'
    assert note.calls.last.request.content == b'{"content":"2 of 3 accepted","internal":true}'


@pytest.mark.parametrize(
    "body",
    [
        {
            "total_returns": 5,
            "total_refunded": 450.00,
            "return_rate": 12.5,
            "last_return": "2024-12-15T08:00:00Z",
        },
        {
            "success": True,
            "data": {
                "total_returns": 5,
                "total_refunded": 450.00,
                "return_rate": 12.5,
                "last_return": "2024-12-15T08:00:00Z",
            },
        },
    ],
)
@respx.mock
def test_customer_stats_with_or_without_envelope(body):
    route = respx.get(f"{BASE_URL}/customers/a%2Bb@example.com/stats").respond(200, json=body)
    stats = ReturnMateClient.create(BASE_URL, "k").customer_stats("a+b@example.com")
    assert stats.total_returns == 5
    assert str(stats.total_refunded) == "450.0"
    assert route.called


@pytest.mark.parametrize("bad_id", ["", "..", "."])
def test_path_ids_cannot_escape(bad_id):
    with pytest.raises(ConfigurationError):
        ReturnMateClient.create(BASE_URL, "k").get_rma(bad_id)


@respx.mock
def test_slash_in_an_id_stays_in_one_segment():
    route = respx.get(f"{BASE_URL}/rmas/a%2Fb").respond(200, json={"success": True, "data": rma(1)})
    ReturnMateClient.create(BASE_URL, "k").get_rma("a/b")
    assert route.called
