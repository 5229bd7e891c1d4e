"""Station administration: Settings and Support behind the admin PIN, and operator sign-on.

Reading secrets (the keyring may wait on a desktop service), checking and saving settings,
testing connections and writing the support bundle all run on a :class:`TaskRunner`; the GUI
thread only shows and collects.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal, qVersion
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel

from returndesk.fleet.errors import FleetUnavailable
from returndesk.labels.configured import configured_printer, stock_of
from returndesk.labels.content import LabelData, test_label
from returndesk.outbox.store import utcnow
from returndesk.settings.code_csv import read_codes, write_codes
from returndesk.settings.loader import (
    SettingsInvalid,
    changed_values,
    environment_overrides,
    save_changes,
    validate_settings,
)
from returndesk.settings.model import Settings
from returndesk.settings.paths import Paths
from returndesk.settings.secrets import SECRET_NAMES, SecretName, SecretStore, SecretStoreError
from returndesk.station import budget_use
from returndesk.support.bundle import paths_summary, versions, write_support_bundle
from returndesk.support.logs import recent_log
from returndesk.support.redact import Redactor
from returndesk.ui.admin.pin_dialog import PinDialog
from returndesk.ui.admin.pin_guard import AdminGuard
from returndesk.ui.admin.settings_fields import ListField
from returndesk.ui.admin.settings_screen import SettingsScreen
from returndesk.ui.admin.support_screen import SupportScreen
from returndesk.ui.common.command_sheet import write_command_sheet
from returndesk.ui.common.file_dialogs import open_file, save_file
from returndesk.ui.common.i18n import format_datetime
from returndesk.ui.common.label_drawing import label_image, label_pdf
from returndesk.ui.common.tasks import TaskRunner
from returndesk.ui.screens.main_window import MainWindow
from returndesk.ui.screens.sign_on_screen import SignOnScreen
from returndesk.vendors.probe import ProbeResult

if TYPE_CHECKING:
    from returndesk.fleet.summary import FleetSummary

log = logging.getLogger(__name__)

#: checks settings (with the secrets as typed) the way a start would; raises with a message
StationCheck = Callable[[Settings, SecretStore], None]
#: tests one vendor's connection from its form section and secret
Prober = Callable[[str, dict[str, Any], str | None], ProbeResult]


class AdminFlow(QObject):
    """Signals:
    restart_requested(): saved settings take effect after a restart, which the admin asked for
    operator_changed(str): an operator signed on ("" when they signed off)
    """

    restart_requested = Signal()
    operator_changed = Signal(str)

    def __init__(
        self,
        window: MainWindow,
        settings: Settings,
        paths: Paths,
        secrets: SecretStore,
        *,
        check: StationCheck,
        prober: Prober,
        queue_summary: Callable[[], dict[str, Any]],
        redactor: Redactor,
        runner: TaskRunner,
        fleet_summary: Callable[[], FleetSummary] | None = None,
    ) -> None:
        super().__init__(window)
        #: reads the fleet database for the Support screen; None: no fleet
        self._fleet_summary = fleet_summary
        self._window = window
        self._settings = settings
        self._paths = paths
        self._secrets = secrets
        self._check = check
        self._prober = prober
        self._queue_summary = queue_summary
        self._redactor = redactor
        self._runner = runner
        self._pending_pin: str | None = None
        #: the form's values as it was last filled: what a save compares against
        self._as_loaded: dict[str, Any] = {}
        self.guard = AdminGuard(settings.admin.pin_hash, self)
        self._no_pin = self.tr(
            "No admin PIN is set: anyone can open Settings. Set one under Settings → Station."
        )
        self.guard.pin_missing.connect(lambda: window.banner.show_message(self._no_pin))
        self._settings_screen: SettingsScreen | None = None
        self._support: SupportScreen | None = None
        self.sign_on = SignOnScreen(settings.operators)
        window.screens.addWidget(self.sign_on)
        window.sign_on = self.sign_on
        self.sign_on.signed_on.connect(self._signed_on)
        ready = window.ready
        ready.settings_button.clicked.connect(self.open_settings)
        ready.support_button.clicked.connect(self.open_support)
        ready.sign_off_button.clicked.connect(self.sign_off)
        ready.sign_off_button.setVisible(settings.station.sign_on)
        for key, slot in (
            (Qt.Key.Key_F2, self.open_settings),
            (Qt.Key.Key_F3, self.open_support),
        ):
            QShortcut(QKeySequence(key), ready, slot)
        QShortcut(QKeySequence(Qt.Key.Key_F6), ready, self.sign_off)

    # Settings and Support are built when first opened: a station starts without them
    @property
    def settings_screen(self) -> SettingsScreen:
        if self._settings_screen is None:
            window = self._window
            screen = SettingsScreen()
            window.screens.addWidget(screen)
            screen.cancel_clicked.connect(lambda: window.show_screen(window.ready))
            screen.save_clicked.connect(self.save)
            screen.test_clicked.connect(self.test_connection)
            screen.import_clicked.connect(self._choose_import)
            screen.export_clicked.connect(self._choose_export)
            screen.pin_clicked.connect(self.change_pin)
            screen.restart_clicked.connect(self.restart_requested.emit)
            screen.test_label_clicked.connect(self.print_test_label)
            screen.command_sheet_clicked.connect(self._choose_command_sheet)
            self._settings_screen = screen
        return self._settings_screen

    @property
    def support(self) -> SupportScreen:
        if self._support is None:
            window = self._window
            support = SupportScreen()
            window.screens.addWidget(support)
            support.back.connect(lambda: window.show_screen(window.ready))
            support.refresh_clicked.connect(self.refresh_support)
            support.bundle_clicked.connect(self.write_bundle)
            self._support = support
        return self._support

    # ------------------------------------------------------------------ operators
    def start_shift(self) -> None:
        """The first screen of a run: sign-on, or Ready where the station has no sign-on."""
        if self._settings.station.sign_on:
            self.sign_off()
        else:
            self._window.show_screen(self._window.ready)

    def _signed_on(self, name: str) -> None:
        log.info("operator signed on: %s", name)
        self.operator_changed.emit(name)
        self._window.show_screen(self._window.ready)
        self._window.ready.show_status(self.tr("Signed on: {name}").format(name=name))

    def sign_off(self) -> None:
        if not self._settings.station.sign_on:
            return
        self.operator_changed.emit("")
        self.sign_on.reset()
        self._window.show_screen(self.sign_on)

    # ------------------------------------------------------------------ settings
    def open_settings(self) -> None:
        self.guard.request(self.tr("Settings"), self._window, self._load_settings, what="Settings")

    def _load_settings(self) -> None:
        self._pending_pin = None

        def status() -> dict[SecretName, str]:
            return {name: self._secret_status(name) for name in SECRET_NAMES}

        def show(statuses: dict[SecretName, str]) -> None:
            self.settings_screen.load(
                self._settings.model_dump(mode="json"),
                statuses,
                bool(self._settings.admin.pin_hash),
            )
            self._as_loaded = self.settings_screen.values()
            self._show_label_preview(self._settings)
            self._window.show_screen(self.settings_screen)

        self._runner.run(status, show, self._failed)

    def _secret_status(self, name: SecretName) -> str:
        try:
            source = self._secrets.source(name)
        except SecretStoreError as exc:
            return str(exc)
        if source == "environment":
            return self.tr("set by {var} (type here to store one in the keyring instead)").format(
                var=name.env_var
            )
        if source == "keyring":
            return self.tr("stored in the keyring — leave empty to keep it")
        return self.tr("not set")

    def change_pin(self) -> None:
        dialog = PinDialog.choose(self.tr("New admin PIN"), self._window)
        dialog.chosen.connect(self._pin_chosen)
        dialog.finished.connect(lambda _r: dialog.deleteLater())
        dialog.open()

    def _pin_chosen(self, pin_hash: str) -> None:
        self._pending_pin = pin_hash
        self.settings_screen.pin_state.setText(self.tr("new PIN chosen — Save to keep it"))

    def collected(self) -> dict[str, Any]:
        data = self.settings_screen.values()
        if self._pending_pin is not None:
            data.setdefault("admin", {})["pin_hash"] = self._pending_pin
        return data

    def save(self) -> None:
        screen = self.settings_screen
        collected = self.collected()
        try:
            validate_settings(collected)
        except SettingsInvalid as exc:
            screen.show_problems(exc.problems)
            return
        # only what the administrator changed is written (see save_changes)
        changes = changed_values(self._as_loaded, collected)
        typed = screen.typed_secrets()
        screen.clear_errors()
        screen.show_message(self.tr("Checking and saving…"), good=True)
        screen.save_button.setEnabled(False)

        def work() -> Settings:
            # the station must start with these: checked with the secrets as typed
            as_typed = {name.env_var: value for name, value in typed.items()}
            overlay = SecretStore({**self._secrets.environ, **as_typed}, self._secrets.backend)
            self._check(validate_settings(collected), overlay)
            for name, value in typed.items():
                self._secrets.set(name, value)
            return save_changes(self._paths.config_file, changes)

        def done(settings: Settings) -> None:
            path = self._paths.config_file
            screen.save_button.setEnabled(True)
            self._settings = settings
            self.guard.set_pin_hash(settings.admin.pin_hash)
            if settings.admin.pin_hash:
                self._window.banner.withdraw(self._no_pin)
            self._pending_pin = None
            screen.load(settings.model_dump(mode="json"), {}, bool(settings.admin.pin_hash))
            self._as_loaded = screen.values()
            self._load_statuses()
            message = self.tr("Saved to {path}. Restart the station to use the new settings.")
            overridden = environment_overrides(changes)
            if overridden:
                message += " " + self.tr(
                    "Set by the environment, which wins over the file: {names}."
                ).format(names=", ".join(overridden))
            screen.show_message(message.format(path=path), good=True)
            screen.restart_button.show()
            log.info("settings saved to %s", path)

        def failed(exc: Exception) -> None:
            screen.save_button.setEnabled(True)
            screen.show_message(self.tr("Not saved: {reason}").format(reason=exc), good=False)
            log.warning("settings not saved: %s", exc)

        self._runner.run(work, done, failed)

    def _load_statuses(self) -> None:
        def show(statuses: dict[SecretName, str]) -> None:
            for name, status in statuses.items():
                self.settings_screen.show_secret_status(name, status)

        self._runner.run(
            lambda: {name: self._secret_status(name) for name in SECRET_NAMES}, show, self._failed
        )

    def test_connection(self, vendor: str) -> None:
        screen = self.settings_screen
        label = screen.test_results[vendor]
        label.setText(self.tr("Testing…"))
        section = screen.section(vendor)
        typed = screen.typed_secrets()
        secret_name = next(n for n in SECRET_NAMES if n.section == vendor)

        def work() -> ProbeResult:
            secret = typed.get(secret_name) or self._secrets.get(secret_name)
            return self._prober(vendor, section, secret)

        def done(result: ProbeResult) -> None:
            label.setText(("✓ " if result.ok else "✗ ") + result.message)
            label.setProperty("good", result.ok)
            label.style().unpolish(label)
            label.style().polish(label)

        self._runner.run(work, done, lambda exc: done(ProbeResult(False, str(exc))))

    # ------------------------------------------------------------------ labels
    def _sample_label(self, settings: Settings) -> LabelData:
        return test_label(settings.grading, station=settings.station.name, now=utcnow())

    def _show_label_preview(self, settings: Settings) -> None:
        """The label as the printer settings draw it: the same layout as the ZPL."""
        stock = stock_of(settings.printer)
        image = label_image(self._sample_label(settings), stock, dots_per_mm=4)
        self.settings_screen.show_label_preview(image)

    def print_test_label(self) -> None:
        """A test label to the printer as the form has it now (saved or not): it is printed
        at once, not queued, so the answer says whether this printer works."""
        screen = self.settings_screen
        result = screen.test_results["printer"]
        try:
            settings = validate_settings(self.collected())
        except SettingsInvalid as exc:
            screen.show_problems(exc.problems)
            return
        self._show_label_preview(settings)
        printer = configured_printer(settings.printer, self._paths.data_dir, label_pdf)
        if printer is None:
            self._show_result(result, False, self.tr("Choose a printer first."))
            return
        label = self._sample_label(settings)
        result.setText(self.tr("Printing…"))

        def done(size: int) -> None:
            self._show_result(
                result,
                True,
                self.tr("Test label sent to {printer} ({n} bytes).").format(
                    printer=printer.name, n=size
                ),
            )

        self._runner.run(
            lambda: printer.print_label(label),
            done,
            lambda exc: self._show_result(result, False, str(exc)),
        )

    def _show_result(self, label: QLabel, ok: bool, text: str) -> None:
        label.setText(("✓ " if ok else "✗ ") + text)
        label.setProperty("good", ok)
        label.style().unpolish(label)
        label.style().polish(label)

    def _choose_command_sheet(self) -> None:
        path = save_file(
            self._window,
            self.tr("Save the command sheet"),
            str(Path.home() / "returndesk-command-sheet.pdf"),
            self.tr("PDF files (*.pdf)"),
        )
        if path:
            self.save_command_sheet(Path(path))

    def save_command_sheet(self, path: Path) -> None:
        """The command sheet of the rules as the station runs them (saved settings)."""
        screen = self.settings_screen
        rules, station = self._settings.grading, self._settings.station.name
        self._runner.run(
            lambda: write_command_sheet(path, rules, station),
            lambda written: screen.show_message(
                self.tr("Command sheet saved: {path}").format(path=written), good=True
            ),
            lambda exc: screen.show_message(
                self.tr("The command sheet was not saved: {error}").format(error=exc), good=False
            ),
        )

    # ------------------------------------------------------------------ code lists
    def _code_field(self, which: str) -> ListField:
        field = self.settings_screen.fields[f"codes.{which}"]
        assert isinstance(field, ListField)
        return field

    def _choose_import(self, which: str) -> None:
        path = open_file(self._window, self.tr("Import codes"), "", self.tr("CSV files (*.csv)"))
        if path:
            self.import_codes(which, Path(path))

    def _choose_export(self, which: str) -> None:
        path = save_file(
            self._window, self.tr("Export codes"), f"{which}.csv", self.tr("CSV files (*.csv)")
        )
        if path:
            self.export_codes(which, Path(path))

    def import_codes(self, which: str, path: Path) -> None:
        screen = self.settings_screen

        def done(codes: list[str]) -> None:
            self._code_field(which).load(codes)
            screen.show_message(
                self.tr("{n} codes read from {name}; Save to keep them.").format(
                    n=len(codes), name=path.name
                ),
                good=True,
            )

        self._runner.run(
            lambda: read_codes(path.read_text(encoding="utf-8-sig")),
            done,
            lambda exc: screen.show_message(
                self.tr("{name} was not imported: {reason}").format(name=path.name, reason=exc),
                good=False,
            ),
        )

    def export_codes(self, which: str, path: Path) -> None:
        codes = self._code_field(which).value()
        screen = self.settings_screen
        self._runner.run(
            lambda: path.write_text(write_codes(codes), encoding="utf-8"),
            lambda _n: screen.show_message(
                self.tr("{n} codes written to {path}").format(n=len(codes), path=path), good=True
            ),
            lambda exc: screen.show_message(str(exc), good=False),
        )

    # ------------------------------------------------------------------ support
    def open_support(self) -> None:
        self.guard.request(self.tr("Support"), self._window, self._show_support, what="Support")

    def _show_support(self) -> None:
        self._window.show_screen(self.support)
        self.refresh_support()

    def _facts(self) -> tuple[dict[str, dict[str, str]], str]:
        queue = {k: _readable(v) for k, v in self._queue_summary().items()}
        facts = {
            self.tr("Versions"): versions({"Qt": qVersion()}),
            self.tr("Folders"): paths_summary(self._paths),
            self.tr("Queue"): queue,
            self.tr("ReturnMate requests"): self._budget_facts(),
        }
        if self._fleet_summary is not None:
            facts[self.tr("Fleet database")] = self._fleet_facts(self._fleet_summary)
        return facts, self._redactor(recent_log(self._paths.log_dir))

    def _budget_facts(self) -> dict[str, str]:
        """Today's share of ReturnMate's quota, as counted by every process of this station."""
        use = budget_use(self._settings, self._paths)
        if use is None:
            return {self.tr("Budget"): self.tr("none set")}
        return {
            self.tr("Today (UTC)"): self.tr("{n} of {limit}").format(
                n=use.today, limit=use.per_day
            ),
            self.tr("This minute"): self.tr("{n} of {limit}").format(
                n=use.this_minute, limit=use.per_minute
            ),
        }

    def _fleet_facts(self, read: Callable[[], FleetSummary]) -> dict[str, str]:
        """The fleet as the Support screen shows it (on the runner: it reads the database)."""
        try:
            summary = read()
        except FleetUnavailable as exc:
            return {self.tr("State"): str(exc)}
        silent = sum(1 for row in summary.stations if row.silent)
        holder = summary.syncer
        return {
            self.tr("State"): self.tr("answers"),
            self.tr("Stations"): self.tr("{n} ({silent} silent)").format(
                n=len(summary.stations), silent=silent
            ),
            self.tr("Syncer"): holder.station or self.tr("none yet"),
            self.tr("Fleet's requests today (UTC)"): self.tr("{n} of {limit}").format(
                n=summary.requests.today, limit=summary.requests.per_day
            ),
            self.tr("Returns open now"): str(len(summary.open_returns)),
        }

    def refresh_support(self) -> None:
        self._runner.run(self._facts, lambda result: self.support.show_facts(*result), self._failed)

    def write_bundle(self) -> None:
        folder = self._paths.data_dir / "exports" / "support"
        self.support.message.setText(self.tr("Writing the support bundle…"))

        def work() -> Path:
            return write_support_bundle(
                folder,
                paths=self._paths,
                settings=self._settings,
                queue=self._queue_summary(),
                redactor=self._redactor,
                extra_versions={"Qt": qVersion()},
            )

        self._runner.run(
            work,
            lambda path: self.support.message.good(
                self.tr("Support bundle written to {path}").format(path=path)
            ),
            lambda exc: self.support.message.bad(
                self.tr("The support bundle was not written: {reason}").format(reason=exc)
            ),
        )

    def _failed(self, exc: Exception) -> None:
        log.warning("admin task failed: %s", exc)
        self._window.banner.show_message(str(exc))


def _readable(value: Any) -> str:
    """Moments the database keeps as ISO text, in the station's time zone and language."""
    if isinstance(value, str) and len(value) >= 19 and value[4] == "-" and value[10] == "T":
        try:
            return format_datetime(datetime.fromisoformat(value))
        except ValueError:
            return value
    return str(value)
