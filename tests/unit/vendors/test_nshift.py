import base64
import json
from pathlib import Path

import pytest
import respx
from pydantic import ValidationError

from returndesk.core.wms_update import WmsUpdate
from returndesk.vendors.errors import AuthError, PermanentError
from returndesk.vendors.nshift import STAGING_BASE_URL, NShiftClient

EXAMPLE = Path(__file__).parents[2] / "data" / "nshift_wms_update_example.json"
URL = f"{STAGING_BASE_URL}/wms-update"


def valid_body() -> dict:
    body = json.loads(EXAMPLE.read_text())
    body["returns"][0]["itemCount"] = 2
    body["returns"][0]["items"][1]["forwardOrderItemId"] = "2"
    return body


@pytest.fixture
def client():
    c = NShiftClient.create(STAGING_BASE_URL, "station-7", "pw-secret")
    yield c
    c.close()


@respx.mock
def test_submit_uses_basic_auth_and_the_example_shape(client):
    route = respx.post(URL).respond(200)
    result = client.submit(WmsUpdate.model_validate(valid_body()))
    assert result.status == 200
    assert result.body is None
    request = route.calls.last.request
    assert (
        request.headers["authorization"]
        == "Basic " + base64.b64encode(b"station-7:pw-secret").decode()
    )
    sent = json.loads(request.content)
    assert sent["returns"][0]["altForwardOrderIds"][0] == {
        "type": "magentoId",
        "value": "10000254585",
    }
    assert b'"grossAmount":39.00' in request.content


@respx.mock
def test_vendor_error_body_is_read(client):
    respx.post(URL).respond(
        400,
        json={
            "code": 400,
            "error": "Bad Request",
            "message": "Return is processed",
            "timestamp": "2023-02-22T07:50:24Z",
        },
    )
    with pytest.raises(PermanentError) as caught:
        client.submit(valid_body())
    assert caught.value.message == "Return is processed"
    assert caught.value.code == "Bad Request"


@respx.mock
def test_wrong_credentials_are_an_auth_error_without_the_password(client):
    respx.post(URL).respond(
        401, json={"code": 401, "error": "Unauthorized", "message": "bad credentials"}
    )
    with pytest.raises(AuthError) as caught:
        client.submit(valid_body())
    assert "pw-secret" not in repr(caught.value)


def test_an_invalid_dict_is_refused_before_sending(client):
    with pytest.raises(ValidationError):
        client.submit(json.loads(EXAMPLE.read_text()))  # the vendor's example, verbatim


@pytest.mark.parametrize("body", [b"", b"OK", b"<html>done</html>"])
@respx.mock
def test_any_2xx_body_means_delivered(client, body):
    respx.post(URL).respond(200, content=body, headers={"Content-Type": "text/plain"})
    assert client.submit(valid_body()).status == 200
