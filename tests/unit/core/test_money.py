from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from returndesk.core.money import (
    MINOR_UNITS,
    Amounts,
    MoneyError,
    check_amount,
    minor_units,
    to_decimal,
)

currencies = st.sampled_from(sorted(MINOR_UNITS))
rates = st.decimals(min_value=0, max_value=1, places=4, allow_nan=False, allow_infinity=False)


@st.composite
def amount_in(draw, currency):
    units = draw(st.integers(min_value=0, max_value=10**12))
    return Decimal(units).scaleb(-minor_units(currency))


@given(data=st.data(), currency=currencies, rate=rates)
def test_from_gross_always_balances(data, currency, rate):
    gross = data.draw(amount_in(currency))
    amounts = Amounts.from_gross(gross, rate, currency)
    assert amounts.net + amounts.tax == amounts.gross == gross
    assert amounts.tax >= 0
    assert amounts.net >= 0
    for value in (amounts.net, amounts.tax, amounts.gross):
        assert value.as_tuple().exponent == -minor_units(currency)


@given(data=st.data(), currency=currencies, rate=rates)
def test_from_net_always_balances(data, currency, rate):
    net = data.draw(amount_in(currency))
    amounts = Amounts.from_net(net, rate, currency)
    assert amounts.net + amounts.tax == amounts.gross
    assert amounts.net == net


def test_rounding_is_half_up_on_the_tax():
    # 10.00 gross at 25 %: tax = 2.00 exactly
    assert Amounts.from_gross(Decimal("10.00"), Decimal("0.25"), "SEK").tax == Decimal("2.00")
    # 0.05 gross at 25 %: tax = 0.01 (0.01 exactly), net 0.04
    a = Amounts.from_gross(Decimal("0.05"), Decimal("0.25"), "SEK")
    assert (a.net, a.tax) == (Decimal("0.04"), Decimal("0.01"))
    # 0.10 net at 25 %: tax 0.025 rounds half up to 0.03
    assert Amounts.from_net(Decimal("0.10"), Decimal("0.25"), "EUR").tax == Decimal("0.03")


def test_jpy_has_no_minor_units():
    a = Amounts.from_gross(Decimal(2900), Decimal("0.10"), "JPY")
    assert (a.net, a.tax, a.gross) == (Decimal(2636), Decimal(264), Decimal(2900))
    with pytest.raises(MoneyError, match="0 decimals"):
        check_amount(Decimal("2900.5"), "JPY")


@pytest.mark.parametrize(
    "bad", [Decimal("-1"), Decimal("NaN"), Decimal("Infinity"), Decimal("1.001")]
)
def test_invalid_amounts_are_refused(bad):
    with pytest.raises(MoneyError):
        check_amount(bad, "SEK")


def test_inconsistent_amounts_cannot_exist():
    with pytest.raises(MoneyError, match="!= gross"):
        Amounts(Decimal("1.00"), Decimal("0.25"), Decimal("1.24"), "SEK")


def test_unknown_currency_and_rate_out_of_range():
    with pytest.raises(MoneyError, match="unsupported currency"):
        minor_units("XXX")
    with pytest.raises(MoneyError, match="tax rate"):
        Amounts.from_gross(Decimal(1), Decimal("1.5"), "SEK")


@pytest.mark.parametrize(
    ("raw", "expected"), [("39.00", Decimal("39.00")), (" 12 ", Decimal(12)), (7, Decimal(7))]
)
def test_to_decimal_parses_without_float(raw, expected):
    assert to_decimal(raw) == expected


@pytest.mark.parametrize("raw", ["abc", "nan", "inf", True, 1.5, None])
def test_to_decimal_refuses(raw):
    with pytest.raises(MoneyError):
        to_decimal(raw)
