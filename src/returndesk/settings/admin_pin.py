"""The admin PIN: stored as a scrypt hash, compared in constant time, locked after wrong tries.

The hash is not a secret (it cannot be turned back into the PIN at any useful speed), so it
lives in the settings file as ``[admin] pin_hash``. The lockout is held by the running station:
a kiosk operator cannot restart the station to reset it, because quitting needs the PIN.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

from returndesk.core.operator_text import Say

#: scrypt cost: about 50 ms on the station's CPU, so guessing offline is slow too
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
MIN_PIN_LENGTH = 4
MAX_PIN_LENGTH = 12
#: wrong PINs in a row before the gate locks, and how long it stays locked
MAX_TRIES = 5
LOCKOUT_SECONDS = 60.0


class PinError(ValueError):
    """A PIN that cannot be set; the message says why."""


def check_new_pin(pin: str) -> None:
    if not pin.isdigit() or not pin.isascii():
        raise PinError(Say("the PIN is digits only (0–9)"))
    if not MIN_PIN_LENGTH <= len(pin) <= MAX_PIN_LENGTH:
        raise PinError(
            Say("the PIN has {low} to {high} digits", low=MIN_PIN_LENGTH, high=MAX_PIN_LENGTH)
        )
    if len(set(pin)) == 1 or pin in "0123456789" or pin in "9876543210":
        raise PinError(Say("choose a PIN that is not one digit repeated or a run like 1234"))


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode("ascii"), salt=salt, n=n, r=r, p=p, dklen=32)


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def hash_pin(pin: str) -> str:
    """``scrypt$n$r$p$salt$hash``: the parameters travel with the hash, so they can grow."""
    check_new_pin(pin)
    salt = secrets.token_bytes(16)
    digest = _scrypt(pin, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def is_pin_hash(text: str) -> bool:
    try:
        _parse(text)
    except ValueError:
        return False
    return True


def _parse(stored: str) -> tuple[int, int, int, bytes, bytes]:
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        raise ValueError("not a ReturnDesk PIN hash (scrypt$n$r$p$salt$hash)")
    n, r, p = (int(x) for x in parts[1:4])
    if n < 2**10 or n & (n - 1) or not 1 <= r <= 64 or not 1 <= p <= 16:
        raise ValueError("PIN hash parameters out of range")
    salt, digest = _unb64(parts[4]), _unb64(parts[5])
    if len(salt) < 16 or len(digest) != 32:
        raise ValueError("PIN hash is damaged")
    return n, r, p, salt, digest


def verify_pin(pin: str, stored: str) -> bool:
    n, r, p, salt, digest = _parse(stored)
    candidate = b"" if not pin.isascii() else _scrypt(pin, salt, n, r, p)
    return hmac.compare_digest(candidate, digest)


@dataclass(frozen=True, slots=True)
class Attempt:
    accepted: bool
    #: seconds until another try is allowed; 0 when not locked
    locked_for: float = 0.0
    #: wrong tries left before the lock
    tries_left: int = MAX_TRIES


class PinGate:
    """Checks PINs against ``stored`` and locks for :data:`LOCKOUT_SECONDS` after
    :data:`MAX_TRIES` wrong ones in a row. While locked, no PIN is even compared."""

    def __init__(self, stored: str, *, clock: Callable[[], float] = time.monotonic) -> None:
        _parse(stored)  # a damaged hash is refused now, not at the first try
        self._stored = stored
        self._clock = clock
        self._wrong = 0
        self._locked_until = 0.0

    def locked_for(self) -> float:
        return max(0.0, self._locked_until - self._clock())

    def attempt(self, pin: str) -> Attempt:
        wait = self.locked_for()
        if wait > 0:
            return Attempt(False, wait, 0)
        if verify_pin(pin, self._stored):
            self._wrong = 0
            return Attempt(True)
        self._wrong += 1
        if self._wrong >= MAX_TRIES:
            self._wrong = 0
            self._locked_until = self._clock() + LOCKOUT_SECONDS
            return Attempt(False, LOCKOUT_SECONDS, 0)
        return Attempt(False, 0.0, MAX_TRIES - self._wrong)
