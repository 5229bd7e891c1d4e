"""Photos and WM Tech's advice on the Items screen: take, show, apply or override.

Photos are prepared on the image runner (a 12-megapixel photo takes a few hundred ms) and
recorded on the outbox runner, which owns the database. Analyses arrive through the outbox;
whenever the outbox moves while a return is open, the photos and analyses of that return are
read again (one indexed query each) and shown in the item's row and the panel.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QObject
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMessageBox

from returndesk.core.ai_advice import Advice, AdviceError, ShiftTally, apply, override
from returndesk.core.return_case import ReturnCase
from returndesk.outbox.store import OutboxStore
from returndesk.receiving.photo_evidence import KeptPhoto, PhotoEvidence, PhotoTaken
from returndesk.ui.common.tasks import TaskRunner
from returndesk.ui.photos.photo_dialog import PhotoDialog
from returndesk.ui.screens.main_window import MainWindow

log = logging.getLogger(__name__)


class PhotoFlow(QObject):
    def __init__(
        self,
        window: MainWindow,
        service: PhotoEvidence,
        store: OutboxStore,
        runner: TaskRunner,
        images: TaskRunner,
        *,
        analyse: bool,
        camera: str = "",
        start_folder: str = "",
        notify: Callable[[], None] = lambda: None,
        confirm_live: Callable[[], bool] | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._service = service
        self._store = store
        self._runner = runner
        self._images = images
        self._analyse = analyse
        self._camera = camera
        self._start_folder = start_folder
        self._notify = notify
        #: asked once per shift before the first photo goes to a live WM Tech key
        self._confirm_live = confirm_live
        self._live_confirmed = confirm_live is None
        items = window.items
        items.advice.photo_requested.connect(self.open_dialog)
        items.advice.parcel_photo_requested.connect(lambda: self.open_dialog(parcel=True))
        items.advice.apply_requested.connect(self.apply_advice)
        items.advice.override_requested.connect(self.override_advice)
        items.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_panel())
        window.screens.currentChanged.connect(lambda _index: self.refresh())
        self.tally = ShiftTally()
        window.outbox_changed.connect(lambda _counts: self.refresh())

    # ------------------------------------------------------------------ taking photos
    def _current(self, *, parcel: bool = False) -> tuple[ReturnCase, str | None, str] | None:
        case = self._window.items.model.case
        if case is None:
            return None
        row = -1 if parcel else self._window.items.table.currentIndex().row()
        if 0 <= row < len(case.lines):
            line = case.lines[row]
            return case, line.order_item_id, f"{line.sku} — {line.description}"
        return case, None, self.tr("the parcel")

    def open_dialog(self, *, parcel: bool = False) -> None:
        current = self._current(parcel=parcel)
        if current is None:
            return
        dialog = PhotoDialog(
            current[2],
            self._camera,
            self._window,
            start_folder=self._start_folder,
            runner=self._images,
        )
        dialog.chosen.connect(lambda photos: self.add_photos(photos, parcel=parcel))
        dialog.open()

    def add_photos(self, photos: list[Any], *, parcel: bool = False) -> None:
        """Keep each photo (a Path or a captured QImage) for the selected item, or the parcel."""
        current = self._current(parcel=parcel)
        if current is None or not photos:
            return
        if self._analyse and not self._live_confirmed:
            assert self._confirm_live is not None
            if not self._confirm_live():
                self._window.items.message.setText(
                    self.tr("Photos not taken: the live WM Tech key was not confirmed.")
                )
                return
            self._live_confirmed = True
        case, order_item_id, _ = current

        def keep(photo: Path | QImage) -> KeptPhoto:
            data, suffix = _original(photo)
            return self._service.keep(case, order_item_id, data, suffix=suffix)

        for photo in photos:
            self._images.run(_bound(keep, photo), self._kept, self._failed)

    def _kept(self, kept: KeptPhoto) -> None:
        self._runner.run(lambda: self._service.queue(kept), self._queued, self._failed)

    def _queued(self, taken: PhotoTaken) -> None:
        self._window.items.message.setText(
            self._follows_text() if taken.analysis_queued else self.tr("Photo kept as evidence.")
        )
        self._notify()
        self.refresh()

    def _failed(self, exc: Exception) -> None:
        log.warning("photo not kept: %s", exc)
        self._window.items.show_refusal(self.tr("Photo not kept: {error}").format(error=exc))

    def count_submitted(self, case: ReturnCase) -> None:
        """A return went out: its verdicts join the shift's summary on the Ready screen."""
        if not case.verdicts:
            return
        self.tally.count(case, case.verdicts)
        tally = self.tally
        self._window.ready.show_shift_summary(
            self.tr(
                "AI advice this shift: {applied} applied, {overridden} overridden, "
                "{disagreed} disagreed with"
            ).format(applied=tally.applied, overridden=tally.overridden, disagreed=tally.disagreed)
        )

    # ------------------------------------------------------------------ advice
    def refresh(self) -> None:
        case = self._window.items.model.case
        if case is None or self._window.screens.currentWidget() is not self._window.items:
            return  # nobody is looking: the next return shown reads its own evidence
        return_id = case.return_id
        self._runner.run(
            lambda: (
                return_id,
                self._store.photos_for_return(return_id),
                self._store.analyses_for_return(return_id),
            ),
            self._evidence,
            lambda exc: log.warning("photo evidence not read: %s", exc),
        )

    def _evidence(self, result: tuple[str, list[Any], list[dict[str, Any]]]) -> None:
        return_id, photos, analyses = result
        model = self._window.items.model
        if model.case is None or model.case.return_id != return_id:
            return  # another return is open by now
        counts: dict[str, int] = {}
        for photo in photos:
            if photo.order_item_id:
                counts[photo.order_item_id] = counts.get(photo.order_item_id, 0) + 1
        advice: dict[str, Advice] = {}
        for analysis in analyses:  # oldest first: the latest answer wins
            if analysis["order_item_id"]:
                try:
                    advice[analysis["order_item_id"]] = Advice.from_result(
                        analysis["result"], photo=analysis["photo"]
                    )
                except AdviceError as exc:
                    log.warning("analysis not shown: %s", exc)
        pending = {line for line in counts if line not in advice} if self._analyse else set()
        model.set_evidence(counts, advice, pending)
        items = self._window.items
        if not pending and items.message.text() == self._follows_text():
            # the line belongs to the wait: once the analysis is here it says so instead
            items.message.good(self.tr("WM Tech's analysis is in — see the advice panel."))
        self.show_panel()

    def _follows_text(self) -> str:
        return self.tr("Photo kept; WM Tech's analysis follows.")

    def show_panel(self) -> None:
        current = self._current()
        items = self._window.items
        if current is None or current[1] is None:
            items.advice.show_advice(None, None, photos=0, pending=False)
            return
        case, order_item_id, _ = current
        assert order_item_id is not None
        model = items.model
        items.advice.show_advice(
            model.advice_for(order_item_id),
            case.verdicts.get(order_item_id),
            photos=model.photo_count(order_item_id),
            pending=self._analyse,
            currency=case.currency,
        )

    def apply_advice(self) -> None:
        self._decide(lambda case, line, advice: apply(case, line, advice))

    def override_advice(self, reason: str) -> None:
        self._decide(lambda case, line, advice: override(case, line, advice, reason))

    def _decide(self, action: Callable[..., Any]) -> None:
        current = self._current()
        if current is None or current[1] is None:
            return
        case, order_item_id, _ = current
        assert order_item_id is not None
        advice = self._window.items.model.advice_for(order_item_id)
        if advice is None:
            return
        try:
            case.verdicts[order_item_id] = action(case, order_item_id, advice)
        except AdviceError as exc:
            self._window.items.show_refusal(str(exc))
            return
        self._window.items.clear_refusal()  # what it refused ("type the amount") is done
        self._window.items.refresh_row(order_item_id)
        self.show_panel()


def _original(photo: Path | QImage) -> tuple[bytes, str]:
    """A photo's bytes and suffix: a file as it is, a captured frame as a fine JPEG."""
    if isinstance(photo, Path):
        return photo.read_bytes(), photo.suffix or ".jpg"
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    photo.save(buffer, b"JPG", 95)
    return bytes(data.data()), ".jpg"


def _bound(work: Callable[[Any], KeptPhoto], photo: Any) -> Callable[[], KeptPhoto]:
    return lambda: work(photo)


def confirm_live_key(window: MainWindow) -> bool:
    """The first photo of a shift on a live WM Tech key: real refunds may follow."""
    answer = QMessageBox.question(
        window,
        QCoreApplication.translate("PhotoFlow", "LIVE WM Tech key"),
        QCoreApplication.translate(
            "PhotoFlow",
            "This station uses a LIVE WM Tech key: its analyses can trigger real refunds and "
            "fraud holds. Send this shift's photos for analysis?",
        ),
    )
    return answer == QMessageBox.StandardButton.Yes
