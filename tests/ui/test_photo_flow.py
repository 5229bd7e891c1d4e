"""Photos on the Items screen through to WM Tech's advice, applied or overridden."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import Qt

from returndesk.outbox.drainer import process_one
from returndesk.outbox.model import Lane
from returndesk.outbox.senders import build_senders
from returndesk.sandbox.demo_photos import write_demo_photos
from returndesk.ui.flows.photo_flow import PhotoFlow
from returndesk.ui.screens.items_columns import COL_PHOTO

pytestmark = pytest.mark.qt_log_ignore(r".*")  # QtMultimedia: no PipeWire/VA-API here


@pytest.fixture
def rig(demo_station, tmp_path):
    station, window, store, router = demo_station
    window.resize(1280, 800)
    window.show()
    flow = window.findChild(PhotoFlow)
    assert flow is not None
    router.typed("RMA-2026-000002")
    assert window.screens.currentWidget() is window.items
    return station, window, store, flow, write_demo_photos(tmp_path / "demo")


def drain(station, store, window):
    senders = build_senders(wmtech=station.wmtech, photos=station.photos)
    for lane in (Lane.PHOTOS, Lane.WMTECH):
        while process_one(store, lane, senders, rng=random.Random(0)):
            pass
    window.outbox_changed.emit(store.counts())


def photo_cell(window, row):
    return window.items.model.index(row, COL_PHOTO).data()


def test_a_photo_is_kept_then_the_advice_arrives_and_is_applied(qtbot, rig):
    station, window, store, flow, demo = rig
    items = window.items
    items.table.selectRow(0)
    flow.add_photos([demo["intact"]])
    assert photo_cell(window, 0) == "1 photo  …"  # kept, analysis on its way
    assert "on its way" in items.advice.text.text()
    assert "analysis follows" in items.message.text()
    drain(station, store, window)
    assert photo_cell(window, 0).startswith("1 photo  ✓")
    # the status line belonged to the wait: it no longer says the analysis follows
    assert "analysis is in" in items.message.text()
    assert "AI: approved" in items.advice.text.text()
    line = items.model.case.lines[0]
    qtbot.mouseClick(items.advice.apply, Qt.MouseButton.LeftButton)
    assert (line.present, line.accepted) == (True, True)
    assert items.model.case.refund(line).gross == line.unit_gross
    assert items.model.case.verdicts[line.order_item_id].action == "applied"
    assert photo_cell(window, 0).endswith("✔")


def test_an_override_needs_a_reason_and_is_kept(qtbot, rig):
    station, window, store, flow, demo = rig
    items = window.items
    last = len(items.model.case.lines) - 1
    items.table.selectRow(last)
    flow.add_photos([demo["damaged"]])
    drain(station, store, window)
    assert "AI: rejected" in items.advice.text.text()
    line = items.model.case.lines[last]
    items.model.case.decide(line.order_item_id, present=True, accepted=True)  # operator's call
    qtbot.mouseClick(items.advice.override, Qt.MouseButton.LeftButton)
    assert "needs a reason" in items.message.text()
    assert line.order_item_id not in items.model.case.verdicts
    items.advice.reason.setCurrentText("AI_DAMAGE_NOT_THERE")
    qtbot.mouseClick(items.advice.override, Qt.MouseButton.LeftButton)
    verdict = items.model.case.verdicts[line.order_item_id]
    assert (verdict.action, verdict.override_reason) == ("overridden", "AI_DAMAGE_NOT_THERE")
    assert "overridden" in items.advice.text.text()


def test_photos_while_offline_leave_the_operator_free_to_decide(qtbot, rig):
    _, window, _, flow, demo = rig
    items = window.items
    items.table.selectRow(0)
    flow.add_photos([demo["intact"], demo["damaged"]])
    assert photo_cell(window, 0) == "2 photos  …"
    assert not items.advice.apply.isEnabled()  # nothing to apply yet
    qtbot.mouseClick(items.accept_all, Qt.MouseButton.LeftButton)
    assert items.model.case.problems() == []  # the return can be submitted without advice


def test_a_file_that_is_no_photo_is_refused_with_a_message(qtbot, rig, tmp_path):
    _, window, _, flow, _ = rig
    bad = tmp_path / "notes.jpg"
    bad.write_text("not a photo")
    window.items.table.selectRow(0)
    flow.add_photos([bad])
    assert "not a photo" in window.items.message.text()
    assert photo_cell(window, 0) == ""


def test_a_live_key_asks_once_per_shift_before_photos_go_out(qtbot, rig):
    _, window, store, flow, demo = rig
    answers = [False, True]
    asked: list[bool] = []

    def confirm() -> bool:
        asked.append(True)
        return answers[len(asked) - 1]

    flow._confirm_live, flow._live_confirmed = confirm, False
    window.items.table.selectRow(0)
    flow.add_photos([demo["intact"]])
    assert "not confirmed" in window.items.message.text()
    assert store.photos_for_return(window.items.model.case.return_id) == []
    flow.add_photos([demo["intact"]])  # confirmed now
    flow.add_photos([demo["damaged"]])  # not asked again this shift
    assert len(asked) == 2
    assert len(store.photos_for_return(window.items.model.case.return_id)) == 2


def test_submitted_verdicts_make_the_shift_summary_and_the_history_column(qtbot, rig):
    station, window, store, flow, demo = rig
    from returndesk.ui.screens.history_screen import ai_column

    items = window.items
    return_id = items.model.case.return_id
    items.table.selectRow(0)
    flow.add_photos([demo["intact"]])
    drain(station, store, window)
    qtbot.mouseClick(items.advice.apply, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(items.accept_all, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(items.submit, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(items.submit, Qt.MouseButton.LeftButton)
    assert window.screens.currentWidget() is window.ready
    assert "1 applied, 0 overridden" in window.ready.shift_summary.text()
    (entry,) = store.history_for_return(return_id)
    summary = store.history_entry(entry["id"])["summary"]
    assert ai_column(summary["lines"]) == "1 applied"


def test_photos_of_the_parcel_itself(qtbot, rig):
    station, window, store, flow, demo = rig
    flow.add_photos([demo["damaged"]], parcel=True)
    (photo,) = store.photos_for_return(window.items.model.case.return_id)
    assert photo.order_item_id is None
    drain(station, store, window)  # analysed too, with no SKU; kept for the evidence bundle
    (analysis,) = store.analyses_for_return(window.items.model.case.return_id)
    assert analysis["order_item_id"] is None
    assert all(photo_cell(window, row) == "" for row in range(window.items.model.rowCount()))


def test_the_dialog_without_a_camera_imports_files(qtbot, rig, tmp_path):
    from returndesk.ui.common.tasks import TaskRunner
    from returndesk.ui.photos.photo_dialog import PhotoDialog

    _, window, _, _, demo = rig
    dialog = PhotoDialog(
        "JKT-RAIN-M — Rain jacket", parent=window, runner=TaskRunner(synchronous=True)
    )
    qtbot.addWidget(dialog)
    assert not dialog.has_camera
    assert "No camera on this station" in dialog.note.text()
    assert not dialog.capture.isEnabled()
    assert not dialog.capture.isVisibleTo(dialog)  # nothing to capture from: not offered
    assert dialog.retake.text() == "Remove last"
    assert not dialog.retake.isEnabled()  # nothing to remove yet
    (tmp_path / "notes.txt").write_text("x")
    dialog.add_files([demo["intact"], demo["damaged"], demo["intact"], tmp_path / "notes.txt"])
    assert dialog.count.text() == "3 photo(s) to keep"
    # a thumbnail of each, read small off the GUI thread
    thumbs = [dialog.thumbnails.itemAt(i).widget() for i in range(dialog.thumbnails.count())]
    assert len(thumbs) == 3
    assert all(t.pixmap() is not None and not t.pixmap().isNull() for t in thumbs)
    assert all(max(t.pixmap().width(), t.pixmap().height()) <= 96 for t in thumbs)
    qtbot.mouseClick(dialog.retake, Qt.MouseButton.LeftButton)  # the third was one too many
    assert dialog.count.text() == "2 photo(s) to keep"
    chosen: list[list[object]] = []
    dialog.chosen.connect(chosen.append)
    qtbot.mouseClick(dialog.done_button, Qt.MouseButton.LeftButton)
    assert chosen == [[demo["intact"], demo["damaged"]]]
