import copy
import json
from decimal import Decimal
from pathlib import Path

import pytest
from pydantic import ValidationError

from returndesk.core.wms_update import ALT_ORDER_IDS_FIELD, WmsUpdate

EXAMPLE = Path(__file__).parents[2] / "data" / "nshift_wms_update_example.json"


def vendor_example() -> dict:
    return json.loads(EXAMPLE.read_text())


def corrected_example() -> dict:
    """The vendor's example with its two inconsistencies fixed."""
    body = vendor_example()
    ret = body["returns"][0]
    ret["itemCount"] = 2
    ret["items"][1]["forwardOrderItemId"] = "2"
    return body


def test_vendor_example_verbatim_is_caught_for_its_item_count():
    with pytest.raises(ValidationError, match="itemCount is 1 but 2 items"):
        WmsUpdate.from_json(EXAMPLE.read_text())


def test_vendor_example_duplicate_order_item_id_is_caught():
    body = vendor_example()
    body["returns"][0]["itemCount"] = 2
    with pytest.raises(ValidationError, match="forwardOrderItemId '1' appears twice"):
        WmsUpdate.from_json(json.dumps(body))


def test_corrected_example_round_trips_with_exact_amounts():
    update = WmsUpdate.from_json(json.dumps(corrected_example()))
    text = update.to_json()
    assert '"netAmount":39.00' in text
    assert '"taxAmount":0.00' in text
    assert f'"{ALT_ORDER_IDS_FIELD}":[{{"type":"magentoId"' in text
    assert '"updatedAt":"2023-02-20T12:34:56Z"' in text
    again = json.loads(text)
    expected = corrected_example()
    assert again == json.loads(json.dumps(expected))


def test_amounts_are_written_at_the_currency_exponent():
    body = corrected_example()
    body["returns"][0]["items"][0].update(netAmount=39, taxAmount=0, grossAmount=39)
    assert '"grossAmount":39.00' in WmsUpdate.from_json(json.dumps(body)).to_json()


def _mutated(mutate) -> str:
    body = copy.deepcopy(corrected_example())
    mutate(body["returns"][0], body["returns"][0]["items"][0])
    return json.dumps(body)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda r, i: r.pop("returnId"), "returnId"),
        (lambda r, i: r.pop("forwardOrderId"), "forwardOrderId"),
        (lambda r, i: r.pop("updatedAt"), "updatedAt"),
        (lambda r, i: r.update(updatedAt="2023-02-20T12:34:56"), "timezone"),
        (lambda r, i: i.pop("sku"), "sku"),
        (lambda r, i: i.pop("isAccepted"), "isAccepted"),
        (lambda r, i: i.pop("grossAmount"), "grossAmount"),
        (lambda r, i: i.update(netAmount=-1, grossAmount=-1), "greater than or equal"),
        (lambda r, i: i.update(taxAmount=1), r"\+ taxAmount"),
        (lambda r, i: i.update(netAmount=39.001, grossAmount=39.001), "2 decimals"),
        (lambda r, i: i.update(isAccepted=False), "not accepted but refunds"),
        (lambda r, i: i.update(isPresent=False), "accepted but not present"),
        (lambda r, i: r.update(items=[]), "at least 1"),
        (lambda r, i: r.update(currency="sek"), "pattern"),
        (lambda r, i: r.update(unexpected="x"), "Extra inputs"),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_what_the_vendor_would_refuse_is_refused(mutate, message):
    with pytest.raises(ValidationError, match=message):
        WmsUpdate.from_json(_mutated(mutate))


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_non_finite_numbers_are_refused(constant):
    text = json.dumps(corrected_example())
    text = text.replace('"netAmount": 39.0', f'"netAmount": {constant}', 1)
    assert constant in text
    with pytest.raises(ValueError, match="not a number"):
        WmsUpdate.from_json(text)


def test_jpy_amounts_have_no_decimals():
    body = corrected_example()
    ret = body["returns"][0]
    ret["currency"] = "JPY"
    for item in ret["items"]:
        item.update(netAmount=3600, taxAmount=360, grossAmount=3960)
    text = WmsUpdate.from_json(json.dumps(body)).to_json()
    assert '"grossAmount":3960}' in text
    assert "3960." not in text
    assert Decimal("3960") == json.loads(text)["returns"][0]["items"][0]["grossAmount"]
