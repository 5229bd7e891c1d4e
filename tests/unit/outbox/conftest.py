import pytest

from returndesk.outbox.store import OutboxStore


@pytest.fixture
def store(tmp_path, clock):
    s = OutboxStore(tmp_path / "outbox.db", clock=clock)
    yield s
    s.close()
