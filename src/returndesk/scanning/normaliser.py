"""From what a scanner delivered to the code it meant, or a clear refusal.

Prefix and suffix come off, the AIM symbology identifier is split off, GS substitutes become
ASCII 29, stray line ends go, and the rest must be characters a barcode here can carry. A
keyboard scanner whose layout does not match the host's types characters such as 'ß' or '§'
(or keys that type nothing): that scan is refused with the layout message, never passed on.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from returndesk.core.operator_text import Say
from returndesk.settings.scanner import GS, ParseSettings

#: the longest scan accepted: a dense 2-D label carries a few hundred characters
MAX_SCAN_LENGTH = 3000
#: controls a label may carry: GS1 separator, ISO 15434 RS/EOT, STX/ETX framing
ALLOWED_CONTROLS = frozenset({GS, "\x1e", "\x04", "\x02", "\x03"})
AIM = re.compile(r"^\][A-Za-z][0-9A-Za-z]")
#: a ']' typed through a German ('+'), French (')' → '°') or similar layout, before an AIM id
_MANGLED_AIM = re.compile(r"^[+*°¨$£§ü][CdEeQJ][0-9]")

LAYOUT_MESSAGE = Say(
    "Scanner keyboard layout does not match — scan refused. Set the scanner to this computer's "
    "keyboard layout (or the station to US physical keys); see the setup guide."
)


class ScanRejected(ValueError):
    """The scan cannot be used; ``str(exc)`` is the operator's message, ``reason`` a tag."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class RawScan:
    text: str
    #: "wedge", "serial", "camera" or "manual"
    source: str
    #: keys inside the burst that typed no character (dead keys, unmapped symbols)
    unmapped_keys: int = 0
    #: milliseconds between keys, for the support log
    gaps_ms: tuple[int, ...] = field(default=())
    #: what the same physical keys type on a US keyboard (None where a key had no scan code)
    us_text: str | None = None
    #: with ``decode = "us_physical"`` (``text`` is then the US reading): what the host's
    #: keyboard layout typed, so a scanner programmed for the host layout is recognised
    layout_text: str | None = None

    @property
    def from_keyboard(self) -> bool:
        return self.source == "wedge"


@dataclass(frozen=True, slots=True)
class Scan:
    #: the code's data, without AIM id; GS1 separators are ASCII 29
    text: str
    #: the AIM symbology identifier (]C1, ]E0 …) when the scanner sent one
    aim: str | None
    source: str


def normalise(
    raw: RawScan,
    settings: ParseSettings,
    *,
    prefix: str = "",
    suffix: str = "",
    us_scanner: bool = False,
) -> Scan:
    """``us_scanner``: this station has already seen the scanner type US keys through another
    layout (see :func:`reveals_us_scanner`); any scan whose text differs from its US keys is
    then refused too, which catches the swaps that stay plausible (Y/Z on German)."""
    text = raw.text
    mismatched = raw.us_text is not None and raw.us_text != raw.text
    if us_scanner and raw.from_keyboard and settings.layout_check and mismatched:
        raise ScanRejected(LAYOUT_MESSAGE, "layout")
    if len(text) > MAX_SCAN_LENGTH:
        raise ScanRejected(
            Say(
                "The scan is {length} characters long; no label here carries more than "
                "{limit}. Scan again.",
                length=len(text),
                limit=MAX_SCAN_LENGTH,
            ),
            "too_long",
        )
    if prefix and text.startswith(prefix):
        text = text[len(prefix) :]
    if suffix and text.endswith(suffix):
        text = text[: -len(suffix)]
    text = text.strip("\r\n").replace("\r", "").replace("\n", "")
    if text.startswith("\x02") and text.endswith("\x03"):
        text = text[1:-1]  # STX … ETX framing, as serial scanners send it
    for substitute in settings.gs_substitutes:
        text = text.replace(substitute, GS)
    if raw.from_keyboard and settings.layout_check:
        if raw.unmapped_keys:
            raise ScanRejected(LAYOUT_MESSAGE, "layout")
        if settings.expect_aim_ids and _MANGLED_AIM.match(text):
            raise ScanRejected(LAYOUT_MESSAGE, "layout")
    _check_characters(text, raw, settings)
    aim = None
    if AIM.match(text):
        aim, text = text[:3], text[3:]
    text = text.strip(" ")
    if not text.strip(GS):
        raise ScanRejected(Say("Nothing readable was scanned. Scan again."), "empty")
    return Scan(text=text, aim=aim, source=raw.source)


def reveals_us_scanner(raw: RawScan, settings: ParseSettings) -> bool:
    """A scan refused for its layout whose physical keys read as a clean US code: the scanner
    is programmed for US and the host has another layout."""
    if not raw.from_keyboard or raw.us_text is None or raw.us_text == raw.text:
        return False
    try:
        normalise(RawScan(raw.us_text, "us_keys"), settings)
    except ScanRejected:
        return False
    return True


def _check_characters(text: str, raw: RawScan, settings: ParseSettings) -> None:
    if "\ufffd" in text:
        raise ScanRejected(
            Say(
                "The scanner sent bytes that are not text. Check its serial settings (baud "
                "rate, parity) against the station's."
            ),
            "garbled",
        )
    for char in text:
        if " " <= char <= "~" or char in ALLOWED_CONTROLS:
            continue
        category = unicodedata.category(char)
        if category[0] in "LNPS" and not char.isascii():
            if raw.from_keyboard and settings.layout_check:
                raise ScanRejected(LAYOUT_MESSAGE, "layout")
            # a serial or camera read of a UTF-8 label says what it says
            continue
        # NUL, other controls, bidi and zero-width marks: no label here carries them
        name = unicodedata.name(char, f"U+{ord(char):04X}")
        raise ScanRejected(
            Say(
                "The scan contains a character no label here carries ({name}). Scan again.",
                name=name,
            ),
            "control",
        )
