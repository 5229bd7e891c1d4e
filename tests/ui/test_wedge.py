"""The keyboard wedge: scans caught at the window wherever the focus is, typing left alone.

Keys are synthetic ``QKeyEvent``s with native scan codes and timestamps sent to the window,
as a platform plugin delivers them (see ``keys.py``); the idle timer is the only real clock,
and tests that need it wait for it explicitly. Numbers in comments refer to the edge-case
groups of the scanner guide.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from returndesk.scanning.normaliser import LAYOUT_MESSAGE, RawScan, ScanRejected, normalise
from returndesk.settings.scanner import GS, ParseSettings, WedgeSettings
from returndesk.ui.inputs.wedge import WedgeScanSource
from tests.ui.keys import (
    CTRL,
    FRENCH,
    GERMAN,
    UK,
    Key,
    Keyboard,
    char_key,
    return_key,
)

CODE = "RMA-2024-000123"
#: the offscreen platform cannot size, raise or grab windows and says so
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support")


class Station(QWidget):
    """A window with every kind of focus target a station has."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.line = QLineEdit()
        self.spin = QSpinBox()
        self.spin.setRange(0, 10_000)
        self.combo = QComboBox()
        self.combo.addItems(["damaged", "used", "as new"])
        self.editable = QComboBox()
        self.editable.setEditable(True)
        self.text = QPlainTextEdit()
        self.button = QPushButton("Submit")
        self.clicks = 0
        self.button.clicked.connect(self._clicked)
        self.entered: list[str] = []
        self.line.returnPressed.connect(lambda: self.entered.append(self.line.text()))
        for widget in (self.line, self.spin, self.combo, self.editable, self.text, self.button):
            layout.addWidget(widget)

    def _clicked(self) -> None:
        self.clicks += 1


@pytest.fixture
def station(qtbot):
    window = Station()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window


@pytest.fixture
def make_wedge(qtbot):
    made: list[WedgeScanSource] = []

    def make(**changes) -> tuple[WedgeScanSource, list[RawScan]]:
        wedge = WedgeScanSource(WedgeSettings(**changes), platform="x11")
        wedge.install()
        scans: list[RawScan] = []
        wedge.scanned.connect(scans.append)
        made.append(wedge)
        return wedge, scans

    yield make
    for wedge in made:
        wedge.uninstall()


def focus(qtbot, widget: QWidget) -> None:
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget, timeout=1000)


def texts(scans: list[RawScan]) -> list[str]:
    return [scan.text for scan in scans]


# ---------------------------------------------------------------- 1: wherever the focus is
@pytest.mark.parametrize("target", ["line", "spin", "combo", "editable", "text", "button"])
def test_a_scan_is_caught_and_nothing_leaks_into_the_focused_widget(
    qtbot, station, make_wedge, target
):
    _, scans = make_wedge()
    widget = getattr(station, target)
    focus(qtbot, widget)
    Keyboard(station).type(CODE)
    assert texts(scans) == [CODE]
    assert station.line.text() == ""
    assert station.spin.value() == 0
    assert station.combo.currentIndex() == 0
    assert station.editable.currentText() == ""
    assert station.text.toPlainText() == ""
    assert station.clicks == 0  # the scanner's Enter never presses the button
    assert station.entered == []


def test_a_scan_with_no_focused_widget_is_caught(qtbot, station, make_wedge):
    _, scans = make_wedge()
    station.setFocus()  # the window itself, no child
    Keyboard(station).type(CODE)
    assert texts(scans) == [CODE]


def test_a_scan_into_a_modal_dialog_never_accepts_it(qtbot, station, make_wedge):
    _, scans = make_wedge()
    dialog = QDialog(station)
    field = QLineEdit(dialog)
    ok = QPushButton("OK", dialog)
    ok.setDefault(True)
    ok.clicked.connect(dialog.accept)
    QVBoxLayout(dialog).addWidget(field)
    dialog.layout().addWidget(ok)
    dialog.open()
    qtbot.waitExposed(dialog)
    focus(qtbot, field)
    Keyboard(dialog).type(CODE)
    assert texts(scans) == [CODE]
    assert dialog.isVisible()
    assert field.text() == ""
    dialog.reject()


def test_a_scan_while_a_message_box_is_open(qtbot, station, make_wedge):
    _, scans = make_wedge()
    box = QMessageBox(QMessageBox.Icon.Question, "Cancel?", "Cancel this return?", parent=station)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    box.open()
    qtbot.waitExposed(box)
    Keyboard(box).type(CODE)
    assert texts(scans) == [CODE]
    assert box.isVisible()  # the scanner's Enter did not answer "Yes"
    box.done(0)


def test_a_scan_while_a_menu_is_open(qtbot, station, make_wedge):
    _, scans = make_wedge()
    menu = QMenu(station)
    chosen: list[str] = []
    for name in ("Reprint", "Abort"):
        menu.addAction(name).triggered.connect(lambda _=False, n=name: chosen.append(n))
    menu.popup(station.mapToGlobal(station.rect().center()))
    qtbot.waitExposed(menu)
    Keyboard(menu).type("RMA-2024-000123")  # 'R' and 'A' would pick menu entries
    assert texts(scans) == [CODE]
    assert chosen == []
    menu.close()


# ---------------------------------------------------------------- 2: people typing
def test_slow_typing_is_delivered_unchanged_and_enter_still_works(qtbot, station, make_wedge):
    _, scans = make_wedge()
    focus(qtbot, station.line)
    Keyboard(station).type("Shoe #2, left", gap=120)
    assert scans == []
    assert station.line.text() == "Shoe #2, left"
    assert station.entered == ["Shoe #2, left"]


def test_a_short_fast_burst_is_typing_and_passes_through(qtbot, station, make_wedge):
    _, scans = make_wedge(min_length=4)
    focus(qtbot, station.line)
    Keyboard(station).type("abc", gap=5)
    assert scans == []
    assert station.entered == ["abc"]


def test_typing_into_a_spin_box_still_sets_its_value(qtbot, station, make_wedge):
    _, scans = make_wedge()
    focus(qtbot, station.spin)
    station.spin.selectAll()
    Keyboard(station).type("42", gap=150, enter=False)
    assert station.spin.value() == 42
    assert scans == []


def test_held_keys_are_replayed_after_the_idle_timeout(qtbot, station, make_wedge):
    _, scans = make_wedge(idle_flush_ms=50)
    focus(qtbot, station.line)
    Keyboard(station).type("abcdef", gap=5, enter=False)
    assert station.line.text() == ""  # still held: it may be a scan
    qtbot.waitUntil(lambda: station.line.text() == "abcdef", timeout=1000)
    assert scans == []


def test_known_false_positive_four_very_fast_keys_and_enter(qtbot, station, make_wedge):
    """Documented: a person can hit 4 keys and Enter within 50 ms each; that is a scan."""
    _, scans = make_wedge()
    focus(qtbot, station.line)
    Keyboard(station).type("asdf", gap=30)
    assert texts(scans) == ["asdf"]


# ---------------------------------------------------------------- 3: timing boundaries
@pytest.mark.parametrize(("gap", "is_scan"), [(49, True), (50, True), (51, False)])
def test_the_gap_threshold(qtbot, station, make_wedge, gap, is_scan):
    _, scans = make_wedge(max_gap_ms=50)
    focus(qtbot, station.line)
    Keyboard(station).type(CODE, gap=gap)
    assert texts(scans) == ([CODE] if is_scan else [])
    assert station.entered == ([] if is_scan else [CODE])


def test_a_jittery_bluetooth_burst_is_not_a_scan_at_the_default_gap(qtbot, station, make_wedge):
    _, scans = make_wedge()
    focus(qtbot, station.line)
    gaps = [5, 5, 80, 5, 5, 5, 5]
    Keyboard(station).type("ABCDEF", gap=gaps)
    assert scans == []
    # the keys before the pause and the keys after it both reach the field, in order
    assert station.entered == ["ABCDEF"]


def test_a_scan_after_typing_is_still_a_scan(qtbot, station, make_wedge):
    _, scans = make_wedge()
    focus(qtbot, station.line)
    keyboard = Keyboard(station)
    keyboard.type("note", gap=120, enter=False)
    keyboard.type(CODE, gap=[1500] + [5] * len(CODE))
    assert texts(scans) == [CODE]
    assert station.line.text() == "note"


def test_a_scanner_pause_never_makes_a_scan_of_the_codes_tail(qtbot, station, make_wedge):
    _, scans = make_wedge()
    focus(qtbot, station.line)
    gaps = [5] * 8 + [200] + [5] * 8
    Keyboard(station).type(CODE, gap=gaps)
    assert scans == []
    assert station.entered == [CODE]


def test_a_jittery_burst_is_a_scan_with_a_bluetooth_gap(qtbot, station, make_wedge):
    _, scans = make_wedge(max_gap_ms=100, idle_flush_ms=150)
    focus(qtbot, station.line)
    Keyboard(station).type("ABCDEF", gap=[5, 5, 80, 5, 5, 5, 5])
    assert texts(scans) == ["ABCDEF"]


def test_a_terminator_later_than_the_gap_makes_it_typing(qtbot, station, make_wedge):
    _, scans = make_wedge()
    focus(qtbot, station.line)
    Keyboard(station).type(CODE, gap=[5] * len(CODE) + [90])
    assert scans == []
    assert station.entered == [CODE]


# ---------------------------------------------------------------- 4: terminators
@pytest.mark.parametrize(
    "terminator",
    [
        Key(Qt.Key.Key_Return, "\r", scan_code=36),
        Key(Qt.Key.Key_Enter, "\r", Qt.KeyboardModifier.KeypadModifier, scan_code=104),
        Key(Qt.Key.Key_Tab, "\t", scan_code=23),
    ],
    ids=["Return", "KP_Enter", "Tab"],
)
def test_each_terminator_ends_a_scan_and_is_swallowed(qtbot, station, make_wedge, terminator):
    _, scans = make_wedge()
    focus(qtbot, station.line)
    keyboard = Keyboard(station)
    keyboard.type(CODE, enter=False)
    keyboard.press(terminator, after=5)
    assert texts(scans) == [CODE]
    assert QApplication.focusWidget() is station.line  # Tab did not move the focus


def test_a_terminator_not_configured_is_a_character_of_typing(qtbot, station, make_wedge):
    _, scans = make_wedge(terminators=["Return"])
    focus(qtbot, station.line)
    keyboard = Keyboard(station)
    keyboard.type(CODE, enter=False)
    keyboard.press(Key(Qt.Key.Key_Tab, "\t", scan_code=23), after=5)
    assert scans == []


def test_timeout_mode_accepts_a_scan_without_a_terminator(qtbot, station, make_wedge):
    _, scans = make_wedge(accept_without_terminator=True, idle_flush_ms=50)
    focus(qtbot, station.line)
    Keyboard(station).type(CODE, enter=False)
    qtbot.waitUntil(lambda: len(scans) == 1, timeout=1000)
    assert texts(scans) == [CODE]
    assert station.line.text() == ""


def test_back_to_back_scans_from_one_trigger(qtbot, station, make_wedge):
    _, scans = make_wedge()
    focus(qtbot, station.line)
    keyboard = Keyboard(station)
    keyboard.type(CODE, gap=3)
    keyboard.type("4006381333931", gap=3)
    keyboard.type("#10042", gap=3)
    assert texts(scans) == [CODE, "4006381333931", "#10042"]
    assert station.line.text() == ""


def test_a_suffix_ends_a_scan_without_a_terminator(qtbot, station, make_wedge):
    _, scans = make_wedge(suffix="~")
    focus(qtbot, station.line)
    Keyboard(station).type(CODE + "~", enter=False)
    assert texts(scans) == [CODE + "~"]


def test_gaps_are_reported_for_the_support_log(qtbot, station, make_wedge):
    _, scans = make_wedge()
    focus(qtbot, station.line)
    Keyboard(station).type("#10042", gap=[3, 4, 5, 6, 7, 8, 9])
    assert scans[0].gaps_ms == (4, 5, 6, 7, 8)


# ---------------------------------------------------------------- 6: auto-repeat
def test_auto_repeat_is_never_a_scan(qtbot, station, make_wedge):
    _, scans = make_wedge()
    focus(qtbot, station.line)
    keyboard = Keyboard(station)
    held = char_key("a")
    keyboard.press(held, release=False)
    repeat = Key(held.key, "a", scan_code=held.scan_code, auto_repeat=True)
    for _ in range(8):
        keyboard.press(repeat, after=30, release=False)
    keyboard.press(return_key(), after=30)
    assert scans == []
    assert station.line.text() == "a" * 9


# ---------------------------------------------------------------- 7: shift, caps lock
def test_shifted_characters_arrive_as_typed(qtbot, station, make_wedge):
    _, scans = make_wedge()
    focus(qtbot, station.line)
    Keyboard(station).type("Ab#1!?")
    assert texts(scans) == ["Ab#1!?"]


def test_us_physical_honours_caps_lock(qtbot, station, make_wedge):
    _, scans = make_wedge(decode="us_physical")
    focus(qtbot, station.line)
    keyboard = Keyboard(station)
    for char in "Rma-1":
        key = char_key(char)
        # Caps Lock on: the host types the letters inverted; the LockMask bit is set
        key.native_modifiers |= 0x2
        key.text = char.swapcase() if char.isalpha() else char
        keyboard.press(key, after=5)
    keyboard.press(return_key(), after=5)
    assert texts(scans) == ["rMA-1"]


def test_a_modifier_held_by_the_user_does_not_break_a_scan(qtbot, station, make_wedge):
    _, scans = make_wedge()
    focus(qtbot, station.line)
    keyboard = Keyboard(station)
    keyboard.type("RMA-", enter=False)
    keyboard.press(Key(Qt.Key.Key_Shift, scan_code=50), after=4, release=False)
    keyboard.type("2024", enter=True)
    assert texts(scans) == ["RMA-2024"]


def test_a_lone_modifier_is_never_held(qtbot, station, make_wedge):
    _, scans = make_wedge()
    focus(qtbot, station.line)
    keyboard = Keyboard(station)
    keyboard.press(Key(Qt.Key.Key_Shift, scan_code=50))
    keyboard.press(char_key("A"), after=200)
    keyboard.press(return_key(), after=200)
    assert scans == []
    assert station.entered == ["A"]


# ---------------------------------------------------------------- 8: layouts
def _through_normaliser(scans: list[RawScan]) -> list[str]:
    results = []
    for raw in scans:
        try:
            results.append(normalise(raw, ParseSettings()).text)
        except ScanRejected as exc:
            results.append(str(exc))
    return results


@pytest.mark.parametrize(
    ("layout", "code"),
    [
        (GERMAN, "RMA-2024-000123"),
        (GERMAN, "]C1#1001"),
        (FRENCH, "RMA-2024-000123"),
        (FRENCH, "4006381333931"),
        (UK, "#10042"),
    ],
    ids=["de-rma", "de-aim", "fr-rma", "fr-ean", "uk-order"],
)
def test_a_us_scanner_on_another_layout_is_refused_in_text_mode(
    qtbot, station, make_wedge, layout, code
):
    _, scans = make_wedge(decode="text")
    focus(qtbot, station.line)
    Keyboard(station).type(code, layout=layout)
    assert _through_normaliser(scans) == [LAYOUT_MESSAGE]


@pytest.mark.parametrize("layout", [GERMAN, FRENCH, UK, None], ids=["de", "fr", "uk", "us"])
@pytest.mark.parametrize(
    "code", ["RMA-2024-000123", "]C1#1001", "1Z999AA10123456784", "@=[;'", 'A"@\\|~#']
)
def test_us_physical_decodes_exactly_on_any_layout(qtbot, station, make_wedge, layout, code):
    _, scans = make_wedge(decode="us_physical")
    focus(qtbot, station.line)
    Keyboard(station).type(code, layout=layout)
    assert texts(scans) == [code]


def test_windows_scan_codes_decode_exactly(qtbot, station, make_wedge):
    wedge = WedgeScanSource(WedgeSettings(decode="us_physical"), platform="windows")
    wedge.install()
    scans: list[RawScan] = []
    wedge.scanned.connect(scans.append)
    try:
        focus(qtbot, station.line)
        Keyboard(station).type("RMA-2024-000123", layout=GERMAN, platform="windows")
        assert texts(scans) == ["RMA-2024-000123"]
    finally:
        wedge.uninstall()


def test_a_dead_key_inside_a_burst_is_counted_as_unmapped(qtbot, station, make_wedge):
    _, scans = make_wedge()
    focus(qtbot, station.line)
    keyboard = Keyboard(station)
    keyboard.type("RMA", enter=False)
    # a dead circumflex types nothing on its own
    keyboard.press(Key(Qt.Key.Key_Dead_Circumflex, "", scan_code=49), after=4)
    keyboard.type("2024")
    assert scans[0].unmapped_keys == 1
    assert _through_normaliser(scans) == [LAYOUT_MESSAGE]


def test_an_input_method_commit_mid_scan_never_becomes_part_of_a_code(qtbot, station, make_wedge):
    """ibus/fcitx or compose send QInputMethodEvent, not keys: the burst before it stays a
    held run that is replayed as typing, so a composed character can never join a code."""
    _, scans = make_wedge(idle_flush_ms=50)
    focus(qtbot, station.line)
    keyboard = Keyboard(station)
    keyboard.type("RMA-20", enter=False)
    from PySide6.QtGui import QInputMethodEvent

    commit = QInputMethodEvent()
    commit.setCommitString("ß")
    QApplication.sendEvent(station.line, commit)
    qtbot.waitUntil(lambda: "RMA-20" in station.line.text(), timeout=1000)
    assert scans == []


# ---------------------------------------------------------------- 9: the GS1 separator
def test_gs_as_ctrl_bracket_with_x11_text(qtbot, station, make_wedge):
    _, scans = make_wedge()
    focus(qtbot, station.line)
    keyboard = Keyboard(station)
    keyboard.type("]C10104006381333931", enter=False)
    keyboard.press(Key(Qt.Key.Key_BracketRight, GS, CTRL, scan_code=35), after=4)
    keyboard.type("10ABC")
    assert texts(scans) == ["]C10104006381333931" + GS + "10ABC"]


def test_gs_as_ctrl_bracket_without_text_is_mapped(qtbot, station, make_wedge):
    _, scans = make_wedge()
    focus(qtbot, station.line)
    keyboard = Keyboard(station)
    keyboard.type("0104006381333931", enter=False)
    keyboard.press(Key(Qt.Key.Key_BracketRight, "", CTRL, scan_code=35), after=4)
    keyboard.type("10ABC")
    assert texts(scans) == ["0104006381333931" + GS + "10ABC"]


def test_gs_as_a_unicode_keysym(qtbot, station, make_wedge):
    _, scans = make_wedge()
    focus(qtbot, station.line)
    keyboard = Keyboard(station)
    keyboard.type("0104006381333931", enter=False)
    keyboard.press(Key(0x1D, GS), after=4)  # what xdotool's U001D keysym delivers
    keyboard.type("10ABC")
    assert texts(scans) == ["0104006381333931" + GS + "10ABC"]


def test_gs_as_windows_alt_0029(qtbot, station, make_wedge):
    _, scans = make_wedge()
    focus(qtbot, station.line)
    keyboard = Keyboard(station)
    keyboard.type("0104006381333931", enter=False)
    keyboard.press(Key(0, GS), after=4)  # delivered after the Alt release with key() == 0
    keyboard.type("10ABC")
    assert texts(scans) == ["0104006381333931" + GS + "10ABC"]


def test_gs_with_ctrl_chars_off_is_unmapped_and_refused(qtbot, station, make_wedge):
    _, scans = make_wedge(ctrl_chars=False)
    focus(qtbot, station.line)
    keyboard = Keyboard(station)
    keyboard.type("0104006381333931", enter=False)
    keyboard.press(Key(Qt.Key.Key_BracketRight, GS, CTRL, scan_code=35), after=4)
    keyboard.type("10ABC")
    assert scans[0].unmapped_keys == 1
    assert _through_normaliser(scans) == [LAYOUT_MESSAGE]


@pytest.mark.parametrize(("key", "control"), [("^", "\x1e"), ("d", "\x04"), ("6", "\x1e")])
def test_other_ctrl_characters(qtbot, station, make_wedge, key, control):
    _, scans = make_wedge()
    focus(qtbot, station.line)
    keyboard = Keyboard(station)
    keyboard.type("[)>", enter=False)
    pressed = char_key(key)
    pressed.modifiers |= CTRL
    pressed.text = ""
    keyboard.press(pressed, after=4)
    keyboard.type("06")
    assert texts(scans) == ["[)>" + control + "06"]


# ---------------------------------------------------------------- 14: shortcuts
def test_a_shortcut_key_inside_a_scan_is_a_character_not_a_shortcut(qtbot, station, make_wedge):
    """Real key delivery (through the shortcut map) with QTest on the window: its keys come
    within a millisecond of each other, a burst."""
    _, scans = make_wedge()
    fired: list[str] = []
    for sequence in ("Q", "Ctrl+]"):
        shortcut = QShortcut(QKeySequence(sequence), station)
        shortcut.activated.connect(lambda s=sequence: fired.append(s))
    focus(qtbot, station.line)
    window = station.windowHandle()
    for char in "AQ12":
        QTest.keyClick(window, Qt.Key(ord(char)), Qt.KeyboardModifier.NoModifier)
    QTest.keyClick(window, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier)
    for char in "Q34":
        QTest.keyClick(window, Qt.Key(ord(char)), Qt.KeyboardModifier.NoModifier)
    QTest.keyClick(window, Qt.Key.Key_Return)
    assert fired == []
    assert [scan.text.upper() for scan in scans] == ["AQ12" + GS + "Q34"]


def test_a_shortcut_typed_by_a_person_still_fires(qtbot, station, make_wedge):
    _, scans = make_wedge()
    fired: list[str] = []
    shortcut = QShortcut(QKeySequence("F9"), station)
    shortcut.activated.connect(lambda: fired.append("F9"))
    focus(qtbot, station.line)
    QTest.keyClick(station.windowHandle(), Qt.Key.Key_F9)
    assert fired == ["F9"]
    assert scans == []


def test_a_disabled_wedge_lets_every_key_through(qtbot, station, make_wedge):
    wedge, scans = make_wedge()
    wedge.enabled = False
    focus(qtbot, station.line)
    Keyboard(station).type(CODE)
    assert scans == []
    assert station.entered == [CODE]


# ---------------------------------------------------------------- 15, 16: load
def test_a_blocked_gui_thread_does_not_split_a_scan(qtbot, station, make_wedge):
    """X11 stamps keys when they are typed: keys queued behind a slow call keep their
    5 ms gaps, and the flush timer cannot fire between events processed in one go."""
    _, scans = make_wedge(idle_flush_ms=50)
    focus(qtbot, station.line)
    keyboard = Keyboard(station)
    keyboard.type("RMA-2024", enter=False)
    import time

    time.sleep(0.1)  # the GUI thread was busy; the rest of the keys were queued meanwhile
    keyboard.type("-000123")
    assert texts(scans) == [CODE]


def test_a_500_character_payload_at_one_millisecond(qtbot, station, make_wedge):
    _, scans = make_wedge()
    focus(qtbot, station.line)
    payload = ("[)>" + "0612345678901234567890ABCDEFGHIJ" * 16)[:500]
    Keyboard(station).type(payload, gap=1)
    assert texts(scans) == [payload]
    assert station.line.text() == ""


def test_a_long_human_paragraph_is_replayed_in_order(qtbot, station, make_wedge):
    _, scans = make_wedge()
    focus(qtbot, station.text)
    sentence = "Box dented on one corner, contents fine."
    Keyboard(station).type(sentence, gap=90, enter=False)
    qtbot.waitUntil(lambda: station.text.toPlainText() == sentence, timeout=1000)
    assert scans == []


def test_release_events_of_a_scan_are_swallowed(qtbot, station, make_wedge):
    _, scans = make_wedge()
    focus(qtbot, station.line)
    releases: list[int] = []
    original = station.line.keyReleaseEvent

    def record(event):
        releases.append(event.key())
        original(event)

    station.line.keyReleaseEvent = record
    Keyboard(station).type(CODE)
    assert texts(scans) == [CODE]
    assert releases == []


def test_events_for_widgets_pass_the_filter_untouched(qtbot, station, make_wedge):
    """Only the window's copy of a key is judged; Qt's re-send to the focus widget is not."""
    wedge, _ = make_wedge()
    press = Key(Qt.Key.Key_A, "a", scan_code=38)
    from tests.ui.keys import event as key_event

    assert not wedge.eventFilter(station.line, key_event(QEvent.Type.KeyPress, press, 1))


# ---------------------------------------------------------------- prefix detection
def test_a_prefixed_scan_over_a_slow_link_is_a_scan(qtbot, station, make_wedge):
    """A scanner programmed to send a prefix is recognised by it, not by its speed: a remote
    desktop session may space the keys 120 ms apart."""
    _, scans = make_wedge(prefix="~")
    focus(qtbot, station.line)
    Keyboard(station).type("~" + CODE, gap=120)
    assert texts(scans) == ["~" + CODE]
    assert station.line.text() == ""
    assert normalise(scans[0], ParseSettings(), prefix="~").text == CODE


def test_without_the_prefix_slow_keys_stay_typing(qtbot, station, make_wedge):
    _, scans = make_wedge(prefix="~")
    focus(qtbot, station.line)
    Keyboard(station).type(CODE, gap=120)
    assert scans == []
    assert station.entered == [CODE]


def test_a_prefixed_scan_right_after_typing(qtbot, station, make_wedge):
    _, scans = make_wedge(prefix="~")
    focus(qtbot, station.line)
    keyboard = Keyboard(station)
    keyboard.type("ab", gap=100, enter=False)
    keyboard.type("~#10042", gap=[40] + [5] * 7)
    assert texts(scans) == ["~#10042"]
    assert station.line.text() == "ab"


def test_us_physical_keeps_what_the_host_layout_typed(qtbot, station, make_wedge):
    """A scanner programmed for the German host presses the keys German types "-" with: the
    US reading is "/", and the host's own reading travels along for the misread check."""
    _, scans = make_wedge(decode="us_physical")
    focus(qtbot, station.line)
    Keyboard(station).type("RMA/2026/000013", layout=GERMAN)
    assert texts(scans) == ["RMA/2026/000013"]
    assert scans[0].layout_text == "RMA-2026-000013"


def test_text_decoding_carries_no_host_reading(qtbot, station, make_wedge):
    _, scans = make_wedge(decode="text")
    focus(qtbot, station.line)
    Keyboard(station).type("RMA-2026-000013")
    assert scans[0].layout_text is None
