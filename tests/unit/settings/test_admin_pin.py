import hmac

import pytest

from returndesk.settings import admin_pin
from returndesk.settings.admin_pin import (
    LOCKOUT_SECONDS,
    MAX_TRIES,
    PinError,
    PinGate,
    hash_pin,
    is_pin_hash,
    verify_pin,
)
from tests.clock import Clock


@pytest.fixture(scope="module")
def stored():
    return hash_pin("2468")


def test_hash_is_scrypt_with_its_parameters_and_a_fresh_salt(stored):
    parts = stored.split("$")
    assert parts[:4] == ["scrypt", "16384", "8", "1"]
    assert "2468" not in stored
    assert hash_pin("2468") != stored  # another salt
    assert is_pin_hash(stored)
    assert verify_pin("2468", stored)
    assert not verify_pin("2469", stored)
    assert not verify_pin("", stored)
    assert not verify_pin("２４６８", stored)  # full-width digits are not the PIN


def test_comparison_is_constant_time(stored, monkeypatch):
    calls = []
    real = hmac.compare_digest

    def spy(a, b):
        calls.append((len(a), len(b)))
        return real(a, b)

    monkeypatch.setattr(admin_pin.hmac, "compare_digest", spy)
    verify_pin("1357", stored)
    assert calls == [(32, 32)]


@pytest.mark.parametrize(
    ("pin", "message"),
    [
        ("123", "4 to 12 digits"),
        ("1234567890123", "4 to 12 digits"),
        ("12a4", "digits only"),
        ("1111", "not one digit repeated"),
        ("1234", "a run like 1234"),
        ("9876", "a run like 1234"),
    ],
)
def test_weak_or_malformed_pins_are_refused(pin, message):
    with pytest.raises(PinError, match=message):
        hash_pin(pin)


@pytest.mark.parametrize(
    "text",
    ["", "plain", "scrypt$1$8$1$c2FsdA$aGFzaA", "bcrypt$16384$8$1$x$y", "scrypt$16384$8$1$$"],
)
def test_damaged_hashes_are_not_hashes(text):
    assert not is_pin_hash(text)
    with pytest.raises(ValueError, match="PIN hash"):
        PinGate(text)


def test_five_wrong_tries_lock_the_gate_for_a_minute(stored):
    clock = Clock(1000.0)
    gate = PinGate(stored, clock=clock)
    for left in range(MAX_TRIES - 1, 0, -1):
        result = gate.attempt("0000")
        assert not result.accepted
        assert result.tries_left == left
    locked = gate.attempt("0000")
    assert not locked.accepted
    assert locked.locked_for == LOCKOUT_SECONDS
    # while locked even the right PIN is refused, and not compared at all
    clock.now += LOCKOUT_SECONDS - 1
    assert not gate.attempt("2468").accepted
    assert gate.locked_for() == pytest.approx(1.0)
    clock.now += 1
    assert gate.locked_for() == 0
    assert gate.attempt("2468").accepted


def test_a_right_pin_resets_the_count(stored):
    gate = PinGate(stored, clock=Clock(1000.0))
    for _ in range(MAX_TRIES - 1):
        gate.attempt("0000")
    assert gate.attempt("2468").accepted
    assert gate.attempt("0000").tries_left == MAX_TRIES - 1
