"""Money as ``Decimal`` in a currency's minor units, and the net/tax/gross split.

Rounding rule (documented because refunds must match the shop's receipts):
tax is computed from the amount the operator entered and rounded *half up* to the currency's
minor unit; the third amount then follows by subtraction or addition. That way
``net + tax == gross`` holds exactly for every input, and entering the gross a customer paid
never changes that gross by rounding.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

# ISO 4217 minor units for the currencies a station may meet. Kept explicit rather than
# derived from a locale: a wrong exponent would send a JPY refund 100 times too large.
MINOR_UNITS: dict[str, int] = {
    "SEK": 2,
    "NOK": 2,
    "DKK": 2,
    "EUR": 2,
    "USD": 2,
    "GBP": 2,
    "CHF": 2,
    "PLN": 2,
    "CZK": 2,
    "HUF": 2,
    "ISK": 0,
    "JPY": 0,
    "KRW": 0,
    "AUD": 2,
    "CAD": 2,
    "NZD": 2,
}

ZERO = Decimal(0)


class MoneyError(ValueError):
    """An amount or currency that cannot be a refund."""


def minor_units(currency: str) -> int:
    """Number of decimal places of ``currency``; raises :class:`MoneyError` if unknown."""
    try:
        return MINOR_UNITS[currency.upper()]
    except KeyError:
        raise MoneyError(f"unsupported currency {currency!r}") from None


def quantum(currency: str) -> Decimal:
    return Decimal(1).scaleb(-minor_units(currency))


def to_decimal(value: object) -> Decimal:
    """Parse an amount from user or wire input; never goes through ``float``."""
    if isinstance(value, bool):
        raise MoneyError("a yes/no value is not an amount")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, str):
        try:
            result = Decimal(value.strip())
        except InvalidOperation:
            raise MoneyError(f"{value[:40]!r} is not an amount") from None
    else:
        raise MoneyError(f"an amount cannot be a {type(value).__name__}")
    if not result.is_finite():
        raise MoneyError("an amount must be a finite number")
    return result


def check_amount(amount: Decimal, currency: str) -> Decimal:
    """Return ``amount`` at the currency's exponent, or raise if it is not a valid refund.

    Refuses negatives, non-finite values and more decimals than the currency has (rounding a
    typed ``39.005`` silently would change what the operator meant).
    """
    if not amount.is_finite():
        raise MoneyError("an amount must be a finite number")
    if amount < 0:
        raise MoneyError("an amount cannot be negative")
    q = quantum(currency)
    try:
        exact = amount.quantize(q)
    except InvalidOperation:
        raise MoneyError("amount is too large") from None
    if exact != amount:
        raise MoneyError(f"{currency} has {minor_units(currency)} decimals; got {amount}")
    return exact


def round_to_currency(amount: Decimal, currency: str) -> Decimal:
    return amount.quantize(quantum(currency), rounding=ROUND_HALF_UP)


@dataclass(frozen=True, slots=True)
class Amounts:
    """Net, tax and gross of one refund line, always consistent (``net + tax == gross``)."""

    net: Decimal
    tax: Decimal
    gross: Decimal
    currency: str

    def __post_init__(self) -> None:
        for value in (self.net, self.tax, self.gross):
            check_amount(value, self.currency)
        if self.net + self.tax != self.gross:
            raise MoneyError(f"net {self.net} + tax {self.tax} != gross {self.gross}")

    @classmethod
    def zero(cls, currency: str) -> Amounts:
        z = ZERO.quantize(quantum(currency))
        return cls(z, z, z, currency.upper())

    @classmethod
    def from_gross(cls, gross: Decimal, tax_rate: Decimal, currency: str) -> Amounts:
        currency = currency.upper()
        gross = check_amount(gross, currency)
        _check_rate(tax_rate)
        tax = round_to_currency(gross * tax_rate / (1 + tax_rate), currency)
        return cls(gross - tax, tax, gross, currency)

    @classmethod
    def from_net(cls, net: Decimal, tax_rate: Decimal, currency: str) -> Amounts:
        currency = currency.upper()
        net = check_amount(net, currency)
        _check_rate(tax_rate)
        tax = round_to_currency(net * tax_rate, currency)
        return cls(net, tax, net + tax, currency)


def _check_rate(rate: Decimal) -> None:
    if not rate.is_finite() or rate < 0 or rate > 1:
        raise MoneyError(f"tax rate must be between 0 and 1, got {rate}")
