"""GS1 check digits (GTIN-8/12/13/14, SSCC): the mod-10 rule with weights 3 and 1."""

from __future__ import annotations


def check_digit(payload: str) -> int:
    """The check digit for ``payload`` (all digits, without its check digit)."""
    if not payload.isascii() or not payload.isdigit():
        raise ValueError("GS1 numbers are digits only")
    total = 0
    # weights run 3, 1, 3, … from the rightmost payload digit
    for position, char in enumerate(reversed(payload)):
        total += int(char) * (3 if position % 2 == 0 else 1)
    return (10 - total % 10) % 10


def with_check_digit(payload: str) -> str:
    return payload + str(check_digit(payload))


def is_valid(number: str) -> bool:
    """True if ``number`` (digits incl. its check digit) has a correct check digit."""
    if len(number) < 2 or not number.isascii() or not number.isdigit():
        return False
    return check_digit(number[:-1]) == int(number[-1])
