import pytest

from returndesk.outbox.store import OutboxStore


class Clock:
    """A settable UTC clock for the store and policy."""

    def __init__(self):
        from datetime import UTC, datetime

        self.now = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)

    def __call__(self):
        return self.now

    def advance(self, **delta):
        from datetime import timedelta

        self.now += timedelta(**delta)


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def store(tmp_path, clock):
    s = OutboxStore(tmp_path / "outbox.db", clock=clock)
    yield s
    s.close()
