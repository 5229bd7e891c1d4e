"""Settings → Printer: the label preview, a test label to a printer as the form has it (read
back from a loopback printer), a refused printer setting under its field, the command sheet."""

from __future__ import annotations

import pytest

from returndesk.labels.content import TEST_PLATE
from returndesk.settings.model import Settings
from returndesk.settings.secrets import SecretStore
from tests.label_printer import LoopbackPrinter, read_back
from tests.ui.conftest import MemoryKeyring

pytestmark = pytest.mark.qt_log_ignore(r"Couldn't (load|resolve) ", "This plugin does not support")


@pytest.fixture
def opened(make_admin):
    settings = Settings.model_validate({"station": {"sign_on": False}})
    *_, admin, _ = make_admin(settings, SecretStore({}, MemoryKeyring()))
    admin.open_settings()
    return admin, admin.settings_screen


def choose(screen, key, value):
    combo = screen.fields[key].combo
    combo.setCurrentIndex(combo.findData(value))


def test_the_preview_shows_a_label_the_size_of_the_stock(opened):
    _, screen = opened
    pixmap = screen.label_preview.pixmap()
    assert (pixmap.width(), pixmap.height()) == (408, 204)  # 102 x 51 mm at 4 px a mm


def test_a_test_label_goes_to_the_printer_the_form_names_before_it_is_saved(opened, qtbot):
    admin, screen = opened
    printer = LoopbackPrinter().start()
    try:
        choose(screen, "printer.kind", "zpl_tcp")
        screen.fields["printer.host"].line.setText("127.0.0.1")
        screen.fields["printer.port"].line.setText(str(printer.port))
        admin.print_test_label()
        qtbot.waitUntil(lambda: screen.test_results["printer"].text().startswith("✓"))
        label = read_back(printer.wait_for(1)[0])
        assert label.plate_id == TEST_PLATE
        assert "RESTOCK" in label.texts
        printer.stop()
        admin.print_test_label()
        qtbot.waitUntil(lambda: screen.test_results["printer"].text().startswith("✗"))
        assert "cannot be reached" in screen.test_results["printer"].text()
    finally:
        printer.stop()


def test_a_printer_without_its_address_is_refused_under_the_form(opened):
    admin, screen = opened
    choose(screen, "printer.kind", "zpl_tcp")
    admin.print_test_label()
    assert "printer.host is needed" in screen.message.text() + "".join(
        f.error.text() for f in screen.fields.values()
    )
    choose(screen, "printer.kind", "none")
    admin.print_test_label()
    assert screen.test_results["printer"].text() == "✗ Choose a printer first."


def test_labels_without_a_printer_are_refused_when_saving(opened):
    _, screen = opened
    choose(screen, "labels.print", "item")
    screen.save_button.click()
    assert "needs a printer" in screen.message.text() + "".join(
        f.error.text() for f in screen.fields.values()
    )


def test_the_command_sheet_is_saved_from_settings(opened, qtbot, tmp_path):
    admin, screen = opened
    target = tmp_path / "sheet.pdf"
    admin.save_command_sheet(target)
    qtbot.waitUntil(lambda: "Command sheet saved" in screen.message.text())
    assert target.read_bytes().startswith(b"%PDF")
