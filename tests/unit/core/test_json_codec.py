from datetime import UTC, datetime
from decimal import Decimal

import pytest

from returndesk.core import json_codec


def test_decimals_keep_their_digits_both_ways():
    text = json_codec.dumps({"a": Decimal("39.00"), "b": [Decimal("0.10"), 3, None, True]})
    assert text == '{"a":39.00,"b":[0.10,3,null,true]}'
    assert json_codec.loads(text)["a"] == Decimal("39.00")


def test_float_is_never_encoded():
    with pytest.raises(TypeError):
        json_codec.dumps({"x": 1.5})


@pytest.mark.parametrize("bad", [Decimal("NaN"), Decimal("Infinity")])
def test_non_finite_refused(bad):
    with pytest.raises(ValueError, match="non-finite"):
        json_codec.dumps(bad)


def test_nan_in_input_refused():
    with pytest.raises(ValueError, match="not a number"):
        json_codec.loads('{"x": NaN}')


def test_datetime_and_unicode():
    when = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    expected = '{"t":"2026-01-02T03:04:05+00:00","n":"Åsa"}'
    assert json_codec.dumps({"t": when, "n": "Åsa"}) == expected
