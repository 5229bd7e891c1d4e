from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from returndesk.core.money import MoneyError
from returndesk.core.money_format import (
    format_amount,
    parse_amount,
    plain_amount,
    style_for,
)


@pytest.mark.parametrize(
    ("language", "currency", "expected"),
    [
        ("en", "SEK", "1\u2009299.50"),
        ("sv", "SEK", "1\u2009299,50"),
        ("de", "EUR", "1.299,50"),
        ("de", "JPY", "1.300"),
        ("xx", "SEK", "1\u2009299.50"),
    ],
)
def test_format_per_language(language, currency, expected):
    assert format_amount(Decimal("1299.50"), currency, style_for(language)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12,50", "12.50"),
        ("12.50", "12.50"),
        (" 1 299,00 ", "1299.00"),
        ("1\u2009299.00", "1299.00"),
    ],
)
def test_parse_takes_either_point(text, expected):
    assert parse_amount(text) == Decimal(expected)


@pytest.mark.parametrize("text", ["1.299,50", "1,299.50", "12,5,0", "abc", "", "NaN"])
def test_parse_refuses_ambiguous_or_no_amounts(text):
    with pytest.raises(MoneyError):
        parse_amount(text)


@given(
    st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False),
    st.sampled_from(["en", "sv", "de"]),
)
def test_what_an_edit_field_shows_reads_back_exactly(amount, language):
    assert parse_amount(plain_amount(amount, "SEK", style_for(language))) == amount
