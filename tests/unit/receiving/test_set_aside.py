"""A parcel set aside is recorded with its reason; a bad reason or code is refused, and
nothing is recorded then."""

from datetime import UTC, datetime

import pytest

from returndesk.core.codes import CodeError
from returndesk.outbox.store import OutboxStore
from returndesk.receiving.set_aside import SOURCE, SetAsideError, set_aside


@pytest.fixture
def store(tmp_path):
    store = OutboxStore(tmp_path / "o.db")
    yield store
    store.close()


def test_the_reason_and_the_operator_are_recorded_and_nothing_is_queued(store):
    set_aside(store, "pkg-42 ", "  label \n  torn ", operator="Ada")  # spaces made one
    (row,) = store.history_since(datetime(2000, 1, 1, tzinfo=UTC), "")
    assert row["return_id"] == "SET-ASIDE-PKG-42"
    assert row["source"] == SOURCE
    assert row["summary"]["reason"] == "label torn"
    assert row["operator"] == "Ada"
    assert store.items() == []


@pytest.mark.parametrize("reason", ["", "   ", "x" * 201, "a\x00b", "torn\x1b[2Jlabel"])
def test_a_missing_or_unprintable_reason_is_refused(store, reason):
    with pytest.raises(SetAsideError):
        set_aside(store, "PKG-1", reason, operator=None)
    assert store.history_for_return("SET-ASIDE-PKG-1") == []


def test_a_code_with_control_characters_is_refused(store):
    with pytest.raises(CodeError):
        set_aside(store, "PKG\x1b1", "torn", operator=None)
