import pytest

from returndesk.outbox.store import OutboxStore
from tests.clock import Clock


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def store(tmp_path, clock):
    s = OutboxStore(tmp_path / "outbox.db", clock=clock)
    yield s
    s.close()
