"""Which world the station talks to; shown on every screen so nobody confuses them."""

from __future__ import annotations

from enum import StrEnum


class Environment(StrEnum):
    #: the embedded sandbox: no accounts, no network; training mode
    SANDBOX = "SANDBOX"
    #: real vendor systems, but staging hosts or test keys
    TEST = "TEST"
    #: real vendors, real refunds
    LIVE = "LIVE"
