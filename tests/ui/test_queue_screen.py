"""The Queue as staff use it: newest and unsent first, every row reachable by paging, what
each item is for, Mark resolved with a reason (shown in History), and retries that ask
before anything could be duplicated."""

from __future__ import annotations

import pytest

from returndesk.outbox.model import Capture, Kind, NewItem, State
from returndesk.outbox.policy import Outcome
from returndesk.outbox.store import utcnow
from returndesk.ui.flows.records_flow import RecordsFlow
from returndesk.ui.screens.queue_screen import QUEUE_PAGE
from tests.outbox_bodies import update_body


@pytest.fixture
def views(demo_station):
    _station, window, store, _ = demo_station
    window.show()
    found = window.findChild(RecordsFlow)
    asked: list[tuple[str, str]] = []
    found.answers = []  # what the operator answers, in order
    found.asked = asked

    def confirm(title, text):
        asked.append((title, text))
        return found.answers.pop(0)

    found.confirm = confirm
    found.ask_reason = lambda prompt: found.answers.pop(0)
    return found, store


def needs_attention(store, kind, payload, *, was_unknown):
    (item_id,) = store.enqueue([NewItem(kind, payload)])
    item = store.claim_next(kind.lane)
    assert item.id == item_id
    store.record_outcome(
        item, Outcome(State.NEEDS_ATTENTION, utcnow(), "no answer", was_unknown=was_unknown)
    )
    return item_id


def cell(model, row, column):
    return model.data(model.index(row, column))


def test_the_newest_of_2103_items_comes_first_and_every_page_is_reachable(views):
    views, store = views
    for n in range(2103):
        store.capture(
            Capture(f"NSR{n:06d}", "rma", {}, rma_number=f"RMA-{n:06d}"),
            [NewItem(Kind.WMS_UPDATE, update_body(f"NSR{n:06d}"))],
        )
    views.show_queue()
    model = views.queue.model
    assert model.rowCount() == QUEUE_PAGE
    assert cell(model, 0, 1) == "RMA-002102"  # item 2,103 of 2,103, first
    assert views.queue.page_label.text() == f"1–{QUEUE_PAGE} of 2103"
    assert not views.queue.newer.isEnabled()
    for _ in range(4):
        views.queue.older.click()
    assert model.rowCount() == 2103 - 4 * QUEUE_PAGE
    assert cell(model, model.rowCount() - 1, 1) == "RMA-000000"  # the oldest is reachable
    assert not views.queue.older.isEnabled()


def test_unsent_items_come_before_sent_ones_and_the_filter_narrows(views):
    views, store = views
    store.enqueue([NewItem(Kind.RMA_STATUS, {"rma_id": "a", "status": "received"})])
    store.record_sent(store.claim_next(Kind.RMA_STATUS.lane).id, {})
    needs_attention(store, Kind.RMA_NOTE, {"rma_id": "b", "content": "x"}, was_unknown=True)
    store.enqueue([NewItem(Kind.RMA_STATUS, {"rma_id": "c", "status": "received"})])
    views.show_queue()
    model = views.queue.model
    states = [cell(model, r, 3) for r in range(model.rowCount())]
    assert states == ["waiting", "needs attention", "sent"]
    views.queue.state_filter.setCurrentIndex(2)  # needs attention
    assert [cell(model, r, 3) for r in range(model.rowCount())] == ["needs attention"]


def test_retry_of_a_note_that_may_have_landed_asks_first(views):
    views, store = views
    item_id = needs_attention(
        store, Kind.RMA_NOTE, {"rma_id": "b", "content": "x"}, was_unknown=True
    )
    views.show_queue()
    views.queue.table.selectRow(0)
    views.answers = [False]
    views._retry_selected()
    assert "may duplicate" in views.asked[-1][1]
    assert store.get(item_id).state is State.NEEDS_ATTENTION  # "no": nothing changes
    views.answers = [True]
    views._retry_selected()
    assert store.get(item_id).state is State.WAITING
    assert "1 item(s) will be sent again" in views.queue.message.text()


def test_retry_all_asks_with_counts_and_keeps_unknown_marks(views):
    views, store = views
    note = needs_attention(store, Kind.RMA_NOTE, {"rma_id": "b", "content": "x"}, was_unknown=True)
    status = needs_attention(
        store, Kind.RMA_STATUS, {"rma_id": "c", "status": "received"}, was_unknown=False
    )
    views.show_queue()
    views.answers = [False]
    views._retry_all()
    _title, text = views.asked[-1]
    assert "1 × RMA status" in text
    assert "1 note(s) or analyses are left" in text
    assert store.get(status).state is State.NEEDS_ATTENTION  # declined: untouched
    views.answers = [True]
    views._retry_all()
    assert store.get(status).state is State.WAITING
    left = store.get(note)
    assert left.state is State.NEEDS_ATTENTION  # never re-queued behind the operator's back
    assert left.was_unknown


def test_mark_resolved_needs_a_reason_and_history_shows_it(views, demo_station):
    views, store = views
    station = demo_station[0]
    _history_id, (item_id,) = store.capture(
        Capture("NSR1", "rma", {"lines": []}, rma_number="RMA-1", operator="Ada"),
        [NewItem(Kind.RMA_NOTE, {"rma_id": "r", "content": "x"})],
    )
    item = store.claim_next(Kind.RMA_NOTE.lane)
    store.record_outcome(
        item, Outcome(State.NEEDS_ATTENTION, utcnow(), "no answer", was_unknown=True)
    )
    views.show_queue()
    views.queue.table.selectRow(0)
    views.answers = ["   "]
    views._resolve_selected()
    assert "say why" in views.queue.message.text()
    assert store.get(item_id).state is State.NEEDS_ATTENTION
    views.answers = ["the note is on the RMA's timeline"]
    views._resolve_selected()
    assert store.get(item_id).state is State.RESOLVED
    model = views.queue.model
    views.queue.state_filter.setCurrentIndex(4)  # resolved
    assert cell(model, 0, 3) == "resolved"
    assert cell(model, 0, 6) == "the note is on the RMA's timeline"
    views.show_history()
    history = views.history.model
    assert "RMA note resolved: the note is on the RMA's timeline" in cell(history, 0, 8)
    assert store.counts().attention == 0
    del station
