"""Every screen and dialog of the station, in each language, at a given window size.

``python packaging/dev/gallery.py [OUT]`` renders the gallery (en, sv and de at 1280x800)
into ``resources/screenshots/gallery/`` offscreen. The layout tests walk the same tour
(:func:`tour`) at 1280x800, 1366x768 and 1280x720 and fail on any clipped text, so what the pictures
show is what the tests check.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QWidget

from returndesk.outbox.model import Counts
from returndesk.outbox.store import OutboxStore
from returndesk.sandbox.demo_photos import write_demo_photos
from returndesk.settings.model import Settings
from returndesk.settings.paths import Paths
from returndesk.settings.secrets import SecretStore
from returndesk.station import build_station
from returndesk.support.redact import Redactor
from returndesk.ui.admin.pin_dialog import PinDialog
from returndesk.ui.common.i18n import install_language
from returndesk.ui.common.outbox_monitor import OutboxMonitor
from returndesk.ui.common.tasks import TaskRunner
from returndesk.ui.common.theme import STYLESHEET
from returndesk.ui.flows.records_flow import RecordsFlow
from returndesk.ui.photos.photo_dialog import PhotoDialog
from returndesk.ui.wiring import build_window, start_admin, start_receiving

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("en", "sv", "de")
SIZES = ((1280, 800), (1366, 768), (1280, 720))
#: a name and a badge, so the sign-on screen has a button to show
OPERATORS = [{"name": "Ada Lind", "badge": "EMP-1"}]


@contextmanager
def language(code: str) -> Iterator[None]:
    install_language(code)
    try:
        yield
    finally:
        install_language("en")


def tour(lang: str, size: tuple[int, int], scratch: Path) -> Iterator[tuple[str, QWidget]]:
    """Drive a demo station through every screen and dialog; yields each one's name and the
    top-level widget showing it (the window, or a dialog), laid out and ready to grab."""
    app = QApplication.instance()
    assert app is not None
    with language(lang):
        settings = Settings.model_validate(
            {"station": {"language": lang, "sign_on": True}, "operators": OPERATORS}
        )
        paths = Paths(scratch / "s.toml", scratch / "data", scratch / "logs")
        station = build_station(settings, paths, demo=True)
        store = OutboxStore(scratch / "outbox.db")
        window = build_window(station, monitor=OutboxMonitor(Counts(waiting=2)))
        window.resize(*size)
        window.show()
        receiving = start_receiving(
            station, window, store, notify=lambda counts: None, synchronous=True
        )
        admin = start_admin(
            station,
            window,
            receiving.flow,
            store.path,
            SecretStore({}),
            Redactor(),
            synchronous=True,
        )
        router, items = receiving.router, window.items

        def shown(name: str, widget: QWidget | None = None) -> tuple[str, QWidget]:
            app.processEvents()
            return name, widget or window

        try:
            admin.start_shift()
            window.banner.hide()  # "no admin PIN": true of a demo, said on its own picture
            yield shown("sign-on")
            admin.sign_on.badge_scanned("EMP-1")
            yield shown("ready")
            router.typed("4006381333931")  # an item's barcode where a parcel is expected
            yield shown("ready-refusal")
            router.typed("RMA-2026-000004")
            rma = station.sandbox.data.by_rma_number("RMA-2026-000004").record  # type: ignore[union-attr]
            router.typed(rma["items"][0]["gtin"])
            yield shown("items")
            router.typed(rma["items"][0]["gtin"])  # the same again at once: a warning
            yield shown("items-warning")
            router.typed("4006381333931")  # not in this return: a refusal
            yield shown("items-refusal")
            items.accept_all.click()
            # graded and routed with the command sheet, as a gloved operator would
            for row, commands in enumerate(
                (["RDCMD-GRADE-A"], ["RDCMD-GRADE-B"], ["RDCMD-GRADE-C"], ["RDCMD-GRADE-D"])
            ):
                items.table.selectRow(row)
                for command in commands:
                    router.typed(command)
            router.typed("RDCMD-ROUTE-DONATE")
            yield shown("items-graded")
            router.typed("RDCMD-GUIDE")  # the grading questions of the chosen item
            dialog = items.guide_dialog
            assert dialog is not None
            yield shown("guide-dialog", dialog)
            dialog.reject()
            items.submit.click()
            yield shown("items-summary")
            items.submit.click()
            yield shown("ready-success")
            router.typed("#99999")
            yield shown("unknown")
            window.unknown.open_manual()
            yield shown("unknown-form")
            receiving.flow.show_ready()
            receiving.flow.receive_without_rma()
            yield shown("without-rma")
            receiving.flow.show_ready()
            records = window.findChild(RecordsFlow)
            assert records is not None
            records.show_queue()
            yield shown("queue")
            records.show_history()
            yield shown("history")
            window.show_screen(window.ready)
            window.ready.check_requested.emit()
            yield shown("scanner-check")
            window.show_screen(window.ready)
            admin.open_settings()
            screen = admin.settings_screen
            for tab in range(screen.tabs.count()):
                screen.tabs.setCurrentIndex(tab)
                yield shown(f"settings-{tab + 1}")
            admin.open_support()
            yield shown("support")
            admin.change_pin()  # as Settings → Station → Change PIN opens it
            pin = window.findChild(PinDialog)
            assert pin is not None
            yield shown("pin-dialog", pin)
            pin.close()
            photos = write_demo_photos(scratch / "photos")
            dialog = PhotoDialog(
                "JKT-RAIN-M — Rain jacket", parent=window, runner=TaskRunner(synchronous=True)
            )
            dialog.add_files([photos["intact"], photos["damaged"]])
            dialog.show()
            yield shown("photo-dialog", dialog)
            dialog.close()
        finally:
            receiving.refresher.stop()
            receiving.cache.close()
            store.close()
            window.close()
            station.close()


def _shrink(path: Path) -> None:
    """128 colours, no dithering: a third of the size, and flat screens stay sharp."""
    from PIL import Image

    with Image.open(path) as image:
        small = image.convert("RGB").quantize(128, dither=Image.Dither.NONE)
    small.save(path, optimize=True)


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "resources" / "screenshots" / "gallery"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setStyleSheet(STYLESHEET)
    for lang in LANGUAGES:
        with tempfile.TemporaryDirectory() as scratch:
            for name, widget in tour(lang, SIZES[0], Path(scratch)):
                target = out / f"{lang}-{name}.png"
                widget.grab().save(str(target))
                _shrink(target)
                print(f"wrote {target}")
    feedback = ROOT / "resources" / "screenshots" / "feedback.png"
    _side_by_side([out / f"en-{n}.png" for n in FEEDBACK], feedback)
    print(f"wrote {feedback}")
    return 0


#: a success, a warning and a refusal, for the README's picture of the feedback language
FEEDBACK = ("ready-success", "items-warning", "ready-refusal")


def _side_by_side(paths: list[Path], target: Path) -> None:
    from PIL import Image

    images = [Image.open(path).convert("RGB") for path in paths]
    width = 640
    scaled = [im.resize((width, im.height * width // im.width)) for im in images]
    sheet = Image.new("RGB", (width * len(scaled) + 8 * (len(scaled) - 1), scaled[0].height))
    for n, image in enumerate(scaled):
        sheet.paste(image, (n * (width + 8), 0))
    sheet.quantize(128, dither=Image.Dither.NONE).save(target, optimize=True)


if __name__ == "__main__":
    sys.exit(main())
