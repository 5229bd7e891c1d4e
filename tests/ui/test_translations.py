"""Swedish and German screens show no English operator-facing text; money in their format."""

import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)

from returndesk.settings.model import Settings
from returndesk.ui.common.i18n import format_money, install_language, qm_file

pytestmark = pytest.mark.qt_log_ignore(r"Couldn't (load|resolve) ", "This plugin does not support")

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = {"operators": [{"name": "Ada Lind", "badge": "EMP-1"}]}
#: the same word in English and the language (cognates), and names that are data
SAME = {
    # "Station · STORE-1": the word is the same in Swedish and German, the store id is data
    "sv": {
        "Station",
        "Station · STORE-1",
        "Support",
        "Support (F3)",
        "Prefix",
        "Suffix",
        "Foto (F4)",
        "OK",
        "AI",
        "Port",
    },
    "de": {
        "Port",
        "Station",
        "Station · STORE-1",
        "Support",
        "Support (F3)",
        "Name",
        "Scanner",
        "Suffix",
        "online",
        "OK",
        "Foto (F4)",
        "Status",
        "RMAs",
    },
}
DATA = {
    "Ada Lind",
    "Receiving 1",
    "STORE-1",
    "SANDBOX",
    "RMA",
    "English",
    "Svenska",
    "Deutsch",
    "ReturnMate",
    "WM Tech",
    "nShift",
    "nShift Return",
}


@pytest.fixture
def language():
    yield install_language
    install_language("en")


def texts(root: QWidget) -> set[str]:
    """What a person reads on ``root``: labels, buttons, placeholders, tabs, table headers."""
    found: set[str] = set()
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) and widget is not root:
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            found.add(widget.text())
        if isinstance(widget, QLineEdit):
            found.add(widget.placeholderText())
        if isinstance(widget, QTabWidget):
            found.update(widget.tabText(i) for i in range(widget.count()))
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            found.update(
                str(model.headerData(c, Qt.Orientation.Horizontal))
                for c in range(model.columnCount())
            )
    plain = {re.sub(r"<[^>]+>", "", t).strip() for t in found}
    return {t for t in plain if re.search(r"[A-Za-zÅÄÖåäöÜüß]{2}", t)}


def screens(make_admin):
    """Every operator screen with something on it, and the admin's Settings and Support."""
    settings = Settings.model_validate(SETTINGS)
    _, window, _, _router, admin, _ = make_admin(settings)
    shown = {"sign on": texts(window)}
    admin.sign_on.buttons[0].click()
    shown["ready"] = texts(window)
    window.ready.code_entered.emit("RMA-2026-000001")
    assert window.screens.currentWidget() is window.items
    shown["items"] = texts(window) - {window.items.title.text()}  # the RMA's own data
    window.show_screen(window.ready)
    window.ready.code_entered.emit("#99999")
    assert window.screens.currentWidget() is window.unknown
    shown["unknown"] = texts(window)
    admin.open_settings()
    for tab in range(admin.settings_screen.tabs.count()):
        admin.settings_screen.tabs.setCurrentIndex(tab)
        shown[f"settings {tab}"] = texts(window)
    admin.open_support()
    shown["support"] = texts(window) - {admin.support.facts.text()}
    return shown


@pytest.mark.parametrize("lang", ["sv", "de"])
def test_no_english_left_on_the_screens(qtbot, make_admin, language, lang):
    english = screens(make_admin)
    assert language(lang)
    translated = screens(make_admin)
    for name, found in translated.items():
        left = (found & english[name]) - SAME[lang] - DATA
        left = {t for t in left if not re.fullmatch(r"[A-Z0-9_\-#. ·:]+", t)}  # codes, ids
        assert not left, f"{lang} {name}: untranslated {sorted(left)}"
    assert "Logga in" in translated["sign on"] or "Anmelden" in translated["sign on"]


def test_money_follows_the_language(qtbot, language):
    amount = Decimal("1299.5")
    assert format_money(amount, "SEK") == "1\u2009299.50"
    language("sv")
    assert format_money(amount, "SEK") == "1\u2009299,50"
    language("de")
    assert format_money(amount, "EUR") == "1.299,50"
    assert format_money(Decimal(1300), "JPY") == "1.300"


def test_a_missing_translation_leaves_english_and_says_so(qtbot, language, caplog):
    assert not language("xx")
    assert "no translation for xx" in caplog.text


def test_compiled_translations_match_their_sources():
    for lang in ("sv", "de"):
        assert qm_file(lang).stat().st_size > 1000
    checked = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "dev" / "translations.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_dates_follow_the_language_and_today_shows_the_time_alone(qtbot, language):
    from datetime import UTC, date, datetime

    from returndesk.ui.common.i18n import format_datetime

    moment = datetime(2026, 11, 30, 13, 5, 9, tzinfo=UTC)
    local_day = moment.astimezone().date()
    clock = moment.astimezone().strftime("%H:%M:%S")
    assert format_datetime(moment, today=local_day) == clock
    later = date(2026, 12, 24)
    language("de")
    assert format_datetime(moment, today=later) == f"{local_day:%d.%m.%y} {clock}"
    language("sv")
    assert format_datetime(moment, today=later) == f"{local_day:%Y-%m-%d} {clock}"


def test_a_refused_scan_is_explained_in_the_language(qtbot, make_admin, language):
    from returndesk.scanning.normaliser import LAYOUT_MESSAGE, RawScan

    language("sv")
    at_ready = Settings.model_validate({"station": {"sign_on": False}})
    _, window, _, router, _, _ = make_admin(at_ready)
    router.receive(RawScan("RMAß2026ß000002\r", "wedge"))
    shown = window.ready.status.text()
    assert shown.startswith("Skannerns tangentbordslayout stämmer inte")
    assert shown != LAYOUT_MESSAGE
    router.receive(RawScan("\x02\x03", "serial"))
    assert window.ready.status.text() == "Inget läsbart skannades. Skanna igen."


def _core_translations(lang: str) -> dict[str, tuple[str, str | None]]:
    import xml.etree.ElementTree as ET

    tree = ET.parse(ROOT / "resources" / "translations" / f"returndesk_{lang}.ts")
    found = {}
    for context in tree.getroot().iter("context"):
        if context.findtext("name") == "core":
            for message in context.iter("message"):
                translation = message.find("translation")
                assert translation is not None
                found[message.findtext("source") or ""] = (
                    translation.text or "",
                    translation.get("type"),
                )
    return found


def _placeholders(text: str) -> set[str]:
    from string import Formatter

    return {name for _, name, _, _ in Formatter().parse(text) if name is not None}


@pytest.mark.parametrize("lang", ["sv", "de"])
def test_every_core_sentence_is_translated_with_the_same_placeholders(lang):
    sys.path.insert(0, str(ROOT / "packaging" / "dev"))
    from translations import core_sentences

    sentences = core_sentences()
    assert len(sentences) > 15  # the scanner's refusals, code errors, start-up problems …
    translated = _core_translations(lang)
    for sentence in sentences:
        assert sentence in translated, f"{lang}: not in the translation file: {sentence!r}"
        text, state = translated[sentence]
        assert text, f"{lang}: empty: {sentence!r}"
        assert state is None, f"{lang}: unfinished: {sentence!r}"
        assert _placeholders(text) == _placeholders(sentence), f"{lang}: {sentence!r}"


def test_a_refusal_that_quotes_the_code_is_shown_in_the_language(qtbot, make_admin, language):
    from returndesk.scanning.normaliser import RawScan

    language("de")
    at_ready = Settings.model_validate({"station": {"sign_on": False}})
    _, window, _, router, _, _ = make_admin(at_ready)
    router.receive(RawScan("4006381333932\r", "wedge"))  # the last digit should be 1
    assert window.ready.status.text() == (
        "4006381333932: sieht wie eine GTIN oder SSCC aus, aber die Prüfziffer ist falsch. "
        "Bitte erneut scannen."
    )


def test_a_start_up_problem_reaches_the_banner_in_the_language(qtbot, language):
    from returndesk.core.operator_text import Say
    from returndesk.ui.common.banner import Banner

    language("sv")
    banner = Banner()
    qtbot.addWidget(banner)
    banner.show_message(
        Say(
            "only {free_mb} MB free on the station's disk; new returns may not be saved", free_mb=12
        )
    )
    assert banner.label.text() == (
        "bara 12 MB ledigt på stationens disk; nya returer kanske inte sparas"
    )


def test_a_translation_that_does_not_fit_its_values_falls_back_to_english(
    qtbot, language, monkeypatch, caplog
):
    from returndesk.core.operator_text import Say
    from returndesk.ui.common import i18n

    language("sv")
    monkeypatch.setattr(
        i18n.QCoreApplication, "translate", staticmethod(lambda context, text: "{kod}: fel")
    )
    shown = i18n.say(Say("{code}: wrong", code="123"))
    assert shown == "123: wrong"
    assert type(shown) is str
    assert "does not fit its values" in caplog.text


@pytest.mark.parametrize("lang", ["sv", "de"])
def test_no_english_left_on_any_screen_or_dialog_of_the_tour(qtbot, tmp_path, lang):
    """The gallery's tour: Queue, History, the scanner check and the dialogs too."""
    sys.path.insert(0, str(ROOT / "packaging" / "dev"))
    import gallery

    def seen(code: str) -> dict[str, set[str]]:
        scratch = tmp_path / code
        scratch.mkdir()
        return {name: texts(widget) for name, widget in gallery.tour(code, (1280, 800), scratch)}

    english, translated = seen("en"), seen(lang)
    assert set(english) == set(translated)
    allowed = SAME[lang] | DATA | {"Ada Lind", "JKT-RAIN-M — Rain jacket"}
    for name, found in translated.items():
        left = (found & english[name]) - allowed
        left = {t for t in left if not re.fullmatch(r"[A-Z0-9_\-#. ·:/]+", t)}  # codes, ids
        left = {t for t in left if not re.fullmatch(r"RMA-\d{4}-\d{6} · .*", t)}  # a heading
        assert not left, f"{lang} {name}: untranslated {sorted(left)}"
