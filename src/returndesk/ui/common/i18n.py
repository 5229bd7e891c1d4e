"""The operator screens' language: Qt translation files, and money and dates in its format.

``install_language`` runs once, before any window is built (a language chosen in Settings
applies at the next start, which Settings offers at once). Compiled ``.qm`` files ship in the
package; their sources are ``resources/translations/*.ts`` (``packaging/dev/translations.py``
updates and compiles them).
"""

from __future__ import annotations

import logging
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QLibraryInfo, QLocale, QTranslator

from returndesk.core.money_format import format_amount, plain_amount, style_for
from returndesk.core.operator_text import CONTEXT, Say

log = logging.getLogger(__name__)

LANGUAGES = {"en": "English", "sv": "Svenska", "de": "Deutsch"}
QM_DIR = Path(__file__).resolve().parents[2] / "translations"

_style = style_for("en")
_installed: list[QTranslator] = []


def qm_file(language: str) -> Path:
    return QM_DIR / f"returndesk_{language}.qm"


def install_language(language: str) -> bool:
    """Translate the operator screens into ``language``; False when its file is missing
    (the screens stay English and the log says why)."""
    global _style
    app = QCoreApplication.instance()
    for old in _installed:
        if app is not None:
            app.removeTranslator(old)
    _installed.clear()
    _style = style_for(language)
    QLocale.setDefault(QLocale(language))
    if language == "en" or app is None:
        return True
    ours = QTranslator(app)
    if not ours.load(str(qm_file(language))):
        log.warning("no translation for %s at %s: the screens stay English", language, QM_DIR)
        return False
    app.installTranslator(ours)
    _installed.append(ours)
    qt_own = QTranslator(app)  # Qt's standard buttons and dialogs
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    return True


def say(text: str) -> str:
    """A sentence from the core in the station's language: a :class:`Say` is looked up by its
    template and filled in with its own values; any other text is shown as it is. A
    translation that does not fit its values (a placeholder mistyped) falls back to English
    rather than failing the screen."""
    if not isinstance(text, Say):
        return text
    translated = QCoreApplication.translate(CONTEXT, text.template)
    try:
        return translated.format(**text.values)
    except (KeyError, IndexError, ValueError):
        log.warning("the %r translation of %r does not fit its values", translated, text.template)
        return str.__str__(text)


def format_money(amount: Decimal | int | str, currency: str) -> str:
    """``1 299.00`` (en), ``1 299,00`` (sv), ``1.299,00`` (de), in the currency's minor units."""
    return format_amount(Decimal(amount), currency, _style)


def edit_money(amount: Decimal, currency: str) -> str:
    return plain_amount(amount, currency, _style)


def format_datetime(moment: datetime, *, today: date | None = None) -> str:
    """A moment in the station's time zone: the time alone when it is today, else with the
    date in the language's short format (``1.12.26``, ``2026-12-01``, ``12/1/26``)."""
    local = moment.astimezone()
    clock = local.strftime("%H:%M:%S")
    if local.date() == (today or datetime.now().astimezone().date()):
        return clock
    day = QDate(local.year, local.month, local.day)
    return f"{QLocale().toString(day, QLocale.FormatType.ShortFormat)} {clock}"


def default_word(text: str) -> str:
    """A grading word from the settings in the station's language where it is one of the
    defaults' ("Restock", a default question); an integrator's own words as they wrote them."""
    return QCoreApplication.translate("defaults", text)
