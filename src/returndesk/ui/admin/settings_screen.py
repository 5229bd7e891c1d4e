"""Settings: every group of the station's settings on one screen of tabs, behind the PIN.

The screen only shows and collects: :class:`~returndesk.ui.flows.admin_flow.AdminFlow` loads
it, validates what it collects with the same schema as the settings file, tests connections
and saves in the background. Nothing is saved while any field is refused.

Signals:
    save_clicked(), cancel_clicked()
    test_clicked(str): *Test connection* for "nshift", "returnmate" or "wmtech"
    test_label_clicked(): *Print test label* to the printer as the form has it
    command_sheet_clicked(): *Save command sheet…*
    import_clicked(str), export_clicked(str): a code list ("reasons", "conditions") as CSV
    pin_clicked(): *Change admin PIN…*
    restart_clicked(): restart now, so saved settings take effect
"""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from returndesk.settings.secrets import (
    NSHIFT_PASSWORD,
    PHOTO_UPLOAD_SECRET,
    RETURNMATE_API_KEY,
    WMTECH_API_KEY,
    SecretName,
)
from returndesk.ui.admin.settings_fields import (
    CheckField,
    ChoiceField,
    Data,
    LineField,
    ListField,
    MarketsField,
    TableField,
    UrlField,
    get_path,
)
from returndesk.ui.admin.settings_form import SettingsForm
from returndesk.ui.common.i18n import LANGUAGES
from returndesk.vendors.presets import BASE_URL_PRESETS

VENDORS = ("nshift", "returnmate", "wmtech")


class SettingsScreen(SettingsForm):
    #: a scanner's code is typed into the focused field here (see ScanRouter)
    takes_scanned_text = True
    save_clicked = Signal()
    cancel_clicked = Signal()
    test_clicked = Signal(str)
    import_clicked = Signal(str)
    export_clicked = Signal(str)
    pin_clicked = Signal()
    restart_clicked = Signal()
    test_label_clicked = Signal()
    command_sheet_clicked = Signal()

    def scan_ignored(self) -> None:
        """A scan with no text field to take it goes nowhere: said, so no parcel is lost."""
        self.show_message(
            self.tr(
                "Scan ignored here — click into a text field to type it there, or close "
                "Settings first and scan again."
            ),
            good=False,
        )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.test_results: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        title = QLabel(self.tr("Settings"))
        title.setObjectName("CaseTitle")
        layout.addWidget(title)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        self._station_tab()
        self._markets_tab()
        self._vendors_tab()
        self._photos_tab()
        self._scanner_tab()
        self._printer_tab()
        self._operators_tab()
        self._outbox_tab()
        self.message = QLabel()
        self.message.setObjectName("ScanHint")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.restart_button = QPushButton(self.tr("Restart now"))
        self.restart_button.clicked.connect(self.restart_clicked.emit)
        self.restart_button.hide()
        buttons.addWidget(self.restart_button)
        buttons.addStretch(1)
        self.cancel_button = QPushButton(self.tr("Back (Esc)"))
        self.cancel_button.clicked.connect(self.cancel_clicked.emit)
        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"))
        self.save_button.setObjectName("PrimaryButton")
        self.save_button.clicked.connect(self.save_clicked.emit)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        layout.addLayout(buttons)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save_clicked.emit)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.cancel_clicked.emit)

    # ------------------------------------------------------------------ building
    def _station_tab(self) -> None:
        form = self._page(self.tr("Station"))
        self._add(form, self.tr("Station name"), LineField("station.name"))
        self._add(form, self.tr("Store id"), LineField("station.store_id"))
        self._add(
            form,
            self.tr("Market"),
            LineField("station.market_code", self.tr("For returns that name no market.")),
        )
        languages = [(code, name) for code, name in LANGUAGES.items()]
        self._add(form, self.tr("Language"), ChoiceField("station.language", languages))
        self._add(form, "", CheckField("station.sounds", self.tr("Success and error tones")))
        self._add(
            form, "", CheckField("station.sign_on", self.tr("Operators sign on at shift start"))
        )
        self._add(form, "", CheckField("kiosk.enabled", self.tr("Kiosk mode (full screen)")))
        self._add(
            form,
            "",
            CheckField("kiosk.restart_on_crash", self.tr("Restart the station after a crash")),
        )
        levels = [(level, level) for level in ("DEBUG", "INFO", "WARNING", "ERROR")]
        self._add(form, self.tr("Log level"), ChoiceField("logging.level", levels))
        self.pin_button = QPushButton(self.tr("Change admin PIN…"))
        self.pin_button.clicked.connect(self.pin_clicked.emit)
        self.pin_state = QLabel()
        form.addRow(self.tr("Admin PIN"), self.pin_button)
        form.addRow("", self.pin_state)

    def _markets_tab(self) -> None:
        form = self._page(self.tr("Markets and codes"))
        columns = [
            ("code", self.tr("Market")),
            ("currency", self.tr("Currency")),
            ("tax_rate", self.tr("Tax rate (0.25 = 25 %)")),
        ]
        self._add(form, self.tr("Markets"), MarketsField("markets", columns))
        for key, label in (
            ("reasons", self.tr("Reason codes")),
            ("conditions", self.tr("Condition codes")),
        ):
            self._add(form, label, ListField(f"codes.{key}", self.tr("One code a line.")))
            row = QHBoxLayout()
            imported = QPushButton(self.tr("Import CSV…"))
            imported.clicked.connect(lambda _=False, k=key: self.import_clicked.emit(k))
            exported = QPushButton(self.tr("Export CSV…"))
            exported.clicked.connect(lambda _=False, k=key: self.export_clicked.emit(k))
            row.addWidget(imported)
            row.addWidget(exported)
            row.addStretch(1)
            form.addRow("", row)

    def _vendors_tab(self) -> None:
        form = self._page(self.tr("Vendors"))
        for vendor, title in (
            ("nshift", "nShift Return"),
            ("returnmate", "ReturnMate"),
            ("wmtech", "WM Tech"),
        ):
            box = QGroupBox(title)
            inner = QFormLayout(box)
            presets = BASE_URL_PRESETS[vendor]
            self._add(inner, self.tr("Base URL"), UrlField(f"{vendor}.base_url", presets))
            if vendor == "nshift":
                self._add(inner, self.tr("Username"), LineField("nshift.username"))
                self._secret(inner, self.tr("Password"), NSHIFT_PASSWORD)
                accounts = [
                    ("live", self.tr("Live (refunds customers)")),
                    ("test", self.tr("Test")),
                ]
                self._add(inner, self.tr("Account"), ChoiceField("nshift.environment", accounts))
            elif vendor == "returnmate":
                styles = [("bearer", "Authorization: Bearer"), ("x-api-key", "X-Api-Key")]
                header = ChoiceField("returnmate.auth_style", styles)
                self._add(inner, self.tr("Key header"), header)
                self._secret(inner, self.tr("API key"), RETURNMATE_API_KEY)
            else:
                self._add(inner, self.tr("WM Tech store id"), LineField("wmtech.store_id"))
                self._secret(inner, self.tr("API key"), WMTECH_API_KEY)
                self._add(
                    inner,
                    "",
                    CheckField(
                        "wmtech.allow_live_key",
                        self.tr("Allow a live key (it triggers real refunds)"),
                    ),
                )
            self._add(inner, self.tr("Timeout (s)"), LineField(f"{vendor}.timeout_seconds"))
            test = QPushButton(self.tr("Test connection"))
            test.clicked.connect(lambda _=False, v=vendor: self.test_clicked.emit(v))
            result = QLabel()
            result.setWordWrap(True)
            result.setObjectName("TestResult")
            self.test_results[vendor] = result
            inner.addRow(test, result)
            form.addRow(box)
        form.addRow(self._join_box())

    def _join_box(self) -> QGroupBox:
        """Where the station finds what ReturnMate does not document (see the README)."""
        box = QGroupBox(self.tr("ReturnMate fields and the nShift join"))
        inner = QFormLayout(box)
        hint = self.tr("a field name or dotted path, e.g. metadata.nshift_id; empty: not mapped")
        for key, label in (
            ("nshift_return_id", self.tr("nShift return id")),
            ("forward_order_id", self.tr("Forward order id")),
            ("market", self.tr("Market")),
            ("currency", self.tr("Currency")),
            ("tracking_numbers", self.tr("Tracking numbers")),
            ("item_description", self.tr("Item: description")),
            ("item_unit_price", self.tr("Item: unit price (tax incl.)")),
            ("item_tax_rate", self.tr("Item: tax rate")),
            ("item_gtin", self.tr("Item: GTIN")),
            ("item_order_item_id", self.tr("Item: order item id")),
        ):
            self._add(inner, label, LineField(f"returnmate.fields.{key}", hint))
        self._add(
            inner,
            self.tr("Join sources, in order"),
            ListField("receiving.join_sources", self.tr("One a line: mapping, nshift, scan.")),
        )
        return box

    def _photos_tab(self) -> None:
        form = self._page(self.tr("Photos"))
        stores = [
            ("sandbox", self.tr("Sandbox (demo only)")),
            ("folder", self.tr("Folder published by a web server")),
            ("http", self.tr("HTTP upload (PUT)")),
        ]
        self._add(form, self.tr("Photo store"), ChoiceField("photos.store", stores))
        self._add(form, self.tr("Folder"), LineField("photos.folder"))
        self._add(
            form,
            self.tr("Public base URL"),
            LineField("photos.public_base_url", self.tr("https://…, where WM Tech fetches photos")),
        )
        self._add(
            form,
            self.tr("Upload URL"),
            LineField("photos.upload_url", self.tr("{name} is replaced by the file name")),
        )
        auths = [("none", self.tr("none")), ("bearer", "Bearer"), ("basic", "Basic")]
        self._add(form, self.tr("Upload auth"), ChoiceField("photos.upload_auth", auths))
        self._add(form, self.tr("Upload user"), LineField("photos.upload_username"))
        self._secret(form, self.tr("Upload secret"), PHOTO_UPLOAD_SECRET)
        self._add(form, self.tr("Long edge (px)"), LineField("photos.long_edge"))
        self._add(form, self.tr("Size budget (bytes)"), LineField("photos.max_bytes"))
        self._add(form, self.tr("Keep photos (days)"), LineField("photos.retention_days"))

    def _scanner_tab(self) -> None:
        form = self._page(self.tr("Scanner"))
        self._add(form, "", CheckField("scanner.wedge.enabled", self.tr("Keyboard scanner")))
        self._add(form, self.tr("Max gap between keys (ms)"), LineField("scanner.wedge.max_gap_ms"))
        self._add(form, self.tr("Shortest code"), LineField("scanner.wedge.min_length"))
        self._add(form, self.tr("Prefix"), LineField("scanner.wedge.prefix"))
        self._add(form, self.tr("Suffix"), LineField("scanner.wedge.suffix"))
        decodes = [
            ("text", self.tr("Characters as typed")),
            ("us_physical", self.tr("US keys on any layout")),
        ]
        self._add(form, self.tr("Keyboard decoding"), ChoiceField("scanner.wedge.decode", decodes))
        self._add(form, "", CheckField("scanner.serial.enabled", self.tr("Serial scanner")))
        self._add(form, self.tr("Serial port"), LineField("scanner.serial.port"))
        self._add(form, self.tr("Baud rate"), LineField("scanner.serial.baud"))
        self._add(form, "", CheckField("scanner.camera.enabled", self.tr("Camera scanning")))
        self._add(form, self.tr("Camera"), LineField("scanner.camera.device"))
        self._add(form, self.tr("Double-read window (ms)"), LineField("scanner.parse.dedupe_ms"))

    def _printer_tab(self) -> None:
        form = self._page(self.tr("Printer"))
        # the label first: what the settings below print, and the buttons that try them
        self.label_preview = QLabel()
        self.label_preview.setObjectName("LabelPreview")
        self.label_preview.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.addRow(self.tr("Preview"), self.label_preview)
        row = QHBoxLayout()
        test = QPushButton(self.tr("Print test label"))
        test.clicked.connect(self.test_label_clicked.emit)
        sheet = QPushButton(self.tr("Save command sheet…"))
        sheet.clicked.connect(self.command_sheet_clicked.emit)
        row.addWidget(test)
        row.addWidget(sheet)
        row.addStretch(1)
        form.addRow("", row)
        self.test_results["printer"] = result = QLabel()
        result.setWordWrap(True)
        result.setObjectName("TestResult")
        form.addRow("", result)
        modes = [
            ("off", self.tr("Off")),
            ("item", self.tr("A plate per accepted item, and the RMA plate")),
            ("return", self.tr("The RMA plate only")),
        ]
        self._add(form, self.tr("Labels"), ChoiceField("labels.print", modes))
        kinds = [
            ("none", self.tr("No printer")),
            ("zpl_tcp", self.tr("Label printer on the network (ZPL, port 9100)")),
            ("cups", self.tr("CUPS queue, raw (Linux)")),
            ("windows", self.tr("Windows printer, raw")),
            ("pdf", self.tr("PDF files, for any printer")),
        ]
        self._add(form, self.tr("Printer"), ChoiceField("printer.kind", kinds))
        self._add(form, self.tr("Printer address"), LineField("printer.host"))
        self._add(form, self.tr("Port"), LineField("printer.port"))
        self._add(
            form,
            self.tr("Queue or printer name"),
            LineField("printer.queue", self.tr("CUPS queue, or the Windows printer's name")),
        )
        self._add(
            form,
            self.tr("PDF folder"),
            LineField("printer.folder", self.tr("Empty: the data folder's labels")),
        )
        self._add(form, self.tr("Resolution (dpi)"), LineField("printer.dpi"))
        self._add(form, self.tr("Label width (mm)"), LineField("printer.width_mm"))
        self._add(form, self.tr("Label height (mm)"), LineField("printer.height_mm"))
        self._add(
            form,
            "",
            CheckField(
                "printer.check_status",
                self.tr("Ask the printer first whether it can print (out of labels, paused)"),
            ),
        )

    def show_label_preview(self, image: QImage) -> None:
        self.label_preview.setPixmap(QPixmap.fromImage(image))

    def _operators_tab(self) -> None:
        form = self._page(self.tr("Operators"))
        columns = [("name", self.tr("Name")), ("badge", self.tr("Badge code (optional)"))]
        self._add(
            form,
            self.tr("Operators"),
            TableField(
                "operators",
                columns,
                self.tr("Empty: operators type their name when they sign on."),
            ),
        )

    def _outbox_tab(self) -> None:
        form = self._page(self.tr("Outbox"))
        hint = self.tr("Requests a minute, at or under the vendor's plan (0: no pacing).")
        for vendor, title in (
            ("nshift", "nShift"),
            ("returnmate", "ReturnMate"),
            ("wmtech", "WM Tech"),
        ):
            self._add(form, title, LineField(f"outbox.{vendor}_per_minute", hint))

    # ------------------------------------------------------------------ data
    def load(self, data: Data, secret_status: dict[SecretName, str], pin_set: bool) -> None:
        """Show ``data`` (the settings as JSON-ready values) and where each secret comes from."""
        self._base = copy.deepcopy(data)
        for key, field in self.fields.items():
            field.load(get_path(data, key))
            field.show_error(None)
        for name, field in self.secret_fields.items():
            field.load("")
            field.show_error(None)
            self.show_secret_status(name, secret_status.get(name, ""))
        for result in self.test_results.values():
            result.clear()
        self.show_pin_state(pin_set)
        self.message.clear()
        self.restart_button.hide()

    def show_pin_state(self, pin_set: bool) -> None:
        self.pin_state.setText(
            self.tr("set") if pin_set else self.tr("not set — anyone can open Settings")
        )

    def show_problems(self, problems: dict[str, str]) -> int:
        """Show each message under its field; returns how many had no field of their own."""
        self.clear_errors()
        general: list[str] = []
        first_tab: int | None = None
        for where, message in problems.items():
            field = self._field_for(where)
            if field is None:
                general.append(f"{where}: {message}" if where != "settings" else message)
                continue
            detail = where[len(field.key) + 1 :] if where.startswith(field.key) else ""
            field.show_error(f"{detail}: {message}" if detail else message)
            tab = self._tab_of.get(field.key)
            if first_tab is None and tab is not None:
                first_tab = tab
        if first_tab is not None:
            self.tabs.setCurrentIndex(first_tab)
        count = len(problems)
        text = self.tr("Not saved: {n} setting(s) need a look.").format(n=count)
        if general:
            text += "\n" + "\n".join(general)
        self.show_message(text, good=False)
        return len(general)
