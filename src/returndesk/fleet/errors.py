"""What the fleet raises that the rest of the station catches, without loading psycopg
(a station without a fleet database never imports it)."""

from __future__ import annotations

from returndesk.core.operator_text import Say


class FleetUnavailable(RuntimeError):
    """The fleet database cannot be reached or refused us; the station works on its own."""


class TakenOver(Exception):
    """The return's lease went to another station while it was open here."""

    def __init__(self, message: Say) -> None:
        super().__init__(message)
        self.message = message
