"""The one settable clock of the suite: UTC datetimes for the outbox and policy, or plain
seconds for the code that takes ``time.monotonic``-style clocks (PIN lockout, scan timing)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

#: the suite's "now" for everything dated
START = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)


class Clock:
    """``clock()`` is the current time; set ``clock.now`` or call ``clock.advance(...)``."""

    def __init__(self, now: datetime | float = START) -> None:
        self.now = now

    def __call__(self):
        return self.now

    def advance(self, **delta: float) -> None:
        """``advance(minutes=16)``: timedelta's keywords, for either kind of clock."""
        step = timedelta(**delta)
        if isinstance(self.now, datetime):
            self.now += step
        else:
            self.now += step.total_seconds()
