"""Taking photos of an item: a live camera preview with capture and retake, or files.

A station without a camera works fully: the dialog says so and offers importing photos from
files or a whole folder (a phone's photos copied over, a network share). Nothing slow happens
here: the chosen images go back to the caller, which prepares them on a worker thread.

Signals:
    chosen(list): the photos to keep, each a ``Path`` (file) or a ``QImage`` (captured)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QSizeF, Qt, Signal
from PySide6.QtGui import QImage, QImageReader, QKeySequence, QPixmap, QShortcut, QTransform
from PySide6.QtWidgets import (
    QDialog,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from returndesk.ui.common import multimedia
from returndesk.ui.common.cameras import find_camera, is_selfie
from returndesk.ui.common.file_dialogs import existing_folder, open_files
from returndesk.ui.common.tasks import TaskRunner

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".bmp", ".tif", ".tiff")
IMAGE_FILTER = "Images (*.jpg *.jpeg *.png *.webp *.bmp *.tif *.tiff)"
THUMBNAIL_PX = 96


def _thumbnail(path: Path) -> QImage:
    """A photo file read small (JPEG decodes at a fraction of its size): off the GUI thread."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and max(size.width(), size.height()) > THUMBNAIL_PX:
        reader.setScaledSize(
            size.scaled(THUMBNAIL_PX, THUMBNAIL_PX, Qt.AspectRatioMode.KeepAspectRatio)
        )
    return reader.read()


def _fit(pixmap: QPixmap) -> QPixmap:
    return pixmap.scaled(
        THUMBNAIL_PX,
        THUMBNAIL_PX,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


class PhotoDialog(QDialog):
    chosen = Signal(list)

    def __init__(
        self,
        subject: str,
        camera: str = "",
        parent: QWidget | None = None,
        *,
        start_folder: str = "",
        runner: TaskRunner | None = None,
    ) -> None:
        super().__init__(parent)
        self._start_folder = start_folder
        #: where thumbnails of imported files are read (a 12-megapixel file is no GUI work)
        self._runner = runner or TaskRunner(parent=self)
        self.setWindowTitle(self.tr("Photos — {subject}").format(subject=subject))
        self.resize(900, 640)
        self._taken: list[Path | QImage] = []
        layout = QVBoxLayout(self)
        title = QLabel(subject)
        title.setObjectName("CaseTitle")
        layout.addWidget(title)
        self.view = QStackedWidget()
        layout.addWidget(self.view, 1)
        self.note = QLabel()
        self.note.setObjectName("ScanHint")
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.still = QLabel()
        self.still.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.view.addWidget(self.note)
        self.view.addWidget(self.still)
        # each photo to keep, small: the operator sees what was imported or captured
        self.thumbnails = QHBoxLayout()
        self.thumbnails.setSpacing(8)
        strip = QWidget()
        strip.setLayout(self.thumbnails)
        strip.setMinimumHeight(THUMBNAIL_PX + 8)
        layout.addWidget(strip)
        self.count = QLabel()
        layout.addWidget(self.count)
        buttons = QHBoxLayout()
        self.capture = QPushButton(self.tr("Capture (Space)"))
        self.retake = QPushButton(self.tr("Retake"))
        import_files = QPushButton(self.tr("Import files…"))
        import_folder = QPushButton(self.tr("Import folder…"))
        self.done_button = QPushButton(self.tr("Done"))
        self.done_button.setObjectName("PrimaryButton")
        for button in (self.capture, self.retake, import_files, import_folder, self.done_button):
            # never narrower than its text: a German label is longer than the English one
            button.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.capture.clicked.connect(self._capture)
        self.retake.clicked.connect(self._retake)
        import_files.clicked.connect(self._import_files)
        import_folder.clicked.connect(self._import_folder)
        self.done_button.clicked.connect(self._done)
        # QtMultimedia's camera and capture, when a camera could be started
        self._camera: Any = None
        self._image_capture: Any = None
        self._start_camera(camera)
        if self.has_camera:  # set by _start_camera
            # only with a camera: otherwise Space must still press the focused button
            QShortcut(QKeySequence(Qt.Key.Key_Space), self, self._capture)
            self.capture.setFocus()
        else:
            import_files.setFocus()
        self._update()

    def showEvent(self, event: object) -> None:
        # as wide as its buttons in this language (German ones are longer), never cut
        layout = self.layout()
        if layout is not None:
            layout.activate()
        wanted = self.sizeHint()
        if wanted.width() > self.width():
            self.resize(wanted.width(), self.height())
        super().showEvent(event)  # type: ignore[arg-type]

    def scan_ignored(self) -> None:
        """A scan while photos are taken goes nowhere: said here, nothing opens behind."""
        self.count.setText(self.tr("Scan ignored — press Done first, then scan."))

    @property
    def has_camera(self) -> bool:
        return self._camera is not None

    # ------------------------------------------------------------------ camera
    def _start_camera(self, wanted: str) -> None:
        qm, widgets = multimedia.module(), multimedia.module("QtMultimediaWidgets")
        if qm is None or widgets is None:
            why = multimedia.problem() or multimedia.problem("QtMultimediaWidgets")
            self.note.setText(
                self.tr(
                    "The camera cannot be used on this station ({why}). Import photos from "
                    "files or a folder instead — everything else works the same."
                ).format(why=why)
            )
            self.view.setCurrentWidget(self.note)
            return
        device = find_camera(wanted)
        if device is None:
            self.note.setText(
                self.tr(
                    "No camera on this station{named}. Import photos from files or a folder "
                    "instead — everything else works the same."
                ).format(named=self.tr(" (looked for {c!r})").format(c=wanted) if wanted else "")
            )
            self.view.setCurrentWidget(self.note)
            return
        preview = QGraphicsView()
        preview.setScene(QGraphicsScene(preview))
        video = widgets.QGraphicsVideoItem()
        video.setSize(QSizeF(800, 450))
        if is_selfie(device):
            # a camera facing the operator is shown as a mirror, as people expect; the photo
            # itself is kept the right way round
            video.setTransform(QTransform.fromScale(-1, 1), combine=False)
            video.setPos(800, 0)
        preview.scene().addItem(video)
        self.view.addWidget(preview)
        self.view.setCurrentWidget(preview)
        self._camera = qm.QCamera(device, self)
        self._image_capture = qm.QImageCapture(self)
        self._image_capture.imageCaptured.connect(self._captured)
        session = qm.QMediaCaptureSession(self)
        session.setCamera(self._camera)
        session.setImageCapture(self._image_capture)
        session.setVideoOutput(video)
        self._preview = preview
        self._camera.start()

    def _capture(self) -> None:
        if self._image_capture is not None and self._image_capture.isReadyForCapture():
            self._image_capture.capture()

    def _captured(self, _id: int, image: QImage) -> None:
        self._taken.append(image)
        self._add_thumbnail(image)
        self.still.setPixmap(
            QPixmap.fromImage(image).scaled(self.view.size(), Qt.AspectRatioMode.KeepAspectRatio)
        )
        self.view.setCurrentWidget(self.still)
        self._update()

    def _retake(self) -> None:
        """Drop the last photo and go back to the live preview (without a camera: drop it)."""
        if self._taken:
            self._taken.pop()
            item = self.thumbnails.takeAt(self.thumbnails.count() - 1)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        if self._camera is not None:
            self.view.setCurrentWidget(self._preview)
        self._update()

    # ------------------------------------------------------------------ files
    def add_files(self, paths: list[Path]) -> None:
        for path in paths:
            if path.suffix.lower() in IMAGE_SUFFIXES:
                self._taken.append(path)
                self._add_thumbnail(path)
        self._update()

    def _add_thumbnail(self, photo: Path | QImage) -> None:
        label = QLabel()
        label.setObjectName("Thumbnail")
        label.setFixedSize(THUMBNAIL_PX, THUMBNAIL_PX)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.thumbnails.addWidget(label)
        if isinstance(photo, QImage):
            label.setPixmap(_fit(QPixmap.fromImage(photo)))
            return
        label.setText("…")
        label.setToolTip(photo.name)

        def shown(image: QImage) -> None:
            if not isValid(label):  # the dialog closed while the file was read
                return
            if image.isNull():
                label.setText(self.tr("not an image"))
            else:
                label.setPixmap(_fit(QPixmap.fromImage(image)))

        self._runner.run(lambda: _thumbnail(photo), shown, lambda _exc: shown(QImage()))

    def _import_files(self) -> None:
        names = open_files(
            self, self.tr("Photos of the item"), self._start_folder, self.tr(IMAGE_FILTER)
        )
        self.add_files([Path(name) for name in names])

    def _import_folder(self) -> None:
        folder = existing_folder(self, self.tr("A folder of photos"), self._start_folder)
        if folder:
            self.add_files(sorted(Path(folder).iterdir()))

    def _update(self) -> None:
        # without a camera there is nothing to capture or retake: only files, and undo
        self.capture.setEnabled(self._camera is not None)
        self.capture.setVisible(self._camera is not None)
        self.retake.setText(
            self.tr("Retake") if self._camera is not None else self.tr("Remove last")
        )
        self.retake.setEnabled(bool(self._taken))
        self.count.setText(self.tr("{n} photo(s) to keep").format(n=len(self._taken)))

    def _done(self) -> None:
        if self._camera is not None:
            self._camera.stop()
        self.chosen.emit(list(self._taken))
        self.accept()
