"""What a normalised scan is: a parcel label, an item, or plain text (a SKU, a typed code).

Order matters and follows the scanner guide: the AIM id decides first where there is one;
bare digits are tried as EAN/UPC/GTIN (and SSCC) *before* GS1, because "4006381333931" also
parses as GS1 AI (400); parcel patterns (RMA, order, nShift return id, tracking) come from
settings. A code that fits both a parcel and an item keeps both readings and the screen that
expects one of them uses it; nothing is guessed across kinds silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from biip import ParseConfig
    from biip.gs1_element_strings import GS1ElementString

from returndesk.core.codes import CodeKind, ParcelCode, classify
from returndesk.core.gs1 import is_valid
from returndesk.core.operator_text import Say
from returndesk.core.plates import is_plate_id
from returndesk.scanning.commands import is_command
from returndesk.scanning.normaliser import Scan, ScanRejected
from returndesk.settings.scanner import GS, ParseSettings

#: AIM ids of symbologies that carry GS1 element strings
GS1_AIMS = frozenset({"]C1", "]d2", "]Q3", "]e0", "]e1", "]J1"})
#: AIM ids of EAN/UPC
EAN_AIMS = frozenset({"]E0", "]E1", "]E2", "]E3", "]E4"})
GTIN_LENGTHS = frozenset({8, 12, 13, 14})
_GS1_START = re.compile(r"^0[12]\d{14}(?:1[0-7]|2[01])")


class ScanKind(StrEnum):
    PARCEL = "parcel"
    ITEM = "item"
    #: neither a known parcel code nor a GTIN: a SKU, or a code to look up as typed
    TEXT = "text"
    #: a licence plate this (or another) station printed: opens the return's history
    PLATE = "plate"
    #: a command barcode (see scanning.commands): only the Items screen takes it
    COMMAND = "command"


@dataclass(frozen=True, slots=True)
class Classified:
    kind: ScanKind
    #: what the screens look up: the parcel code, the GTIN, or the text
    code: str
    parcel: ParcelCode | None = None
    gtin: str | None = None
    batch: str | None = None
    serial: str | None = None
    expiry: date | None = None
    #: a parcel code that is also a valid GTIN (an item screen reads it as the item)
    also_item: str | None = None
    aim: str | None = None

    def describe(self) -> str:
        extra = [f"{k}={v}" for k, v in (("batch", self.batch), ("serial", self.serial)) if v]
        return " ".join([self.kind.value, self.code, *extra])


def classify_scan(scan: Scan, settings: ParseSettings) -> Classified:
    text, aim = scan.text, scan.aim
    if aim in EAN_AIMS:
        return _ean(text, aim)
    if aim in GS1_AIMS or GS in text or text.lower().startswith(("https://", "http://")):
        return _gs1(text, aim, settings)
    if text.isascii() and text.isdigit():
        digits = _digits(text, aim, settings)
        if digits is not None:
            return digits
    if is_command(text):
        return Classified(ScanKind.COMMAND, text.strip().upper(), aim=aim)
    if is_plate_id(text):
        return Classified(ScanKind.PLATE, text.strip().upper(), aim=aim)
    parcel = _parcel(text, settings)
    if parcel is not None:
        return Classified(ScanKind.PARCEL, parcel.text, parcel=parcel, aim=aim)
    if _GS1_START.match(text) and is_valid(text[2:16]):
        return _gs1(text, aim, settings)  # a GTIN element string followed by batch, serial …
    if any(ord(char) < 0x20 for char in text):
        raise ScanRejected(_structured_message(text), "format")
    return Classified(ScanKind.TEXT, text.strip().upper(), aim=aim)


def _structured_message(text: str) -> Say:
    if text.startswith("[)>"):
        return Say(
            "This is a carrier's 2-D data label (ISO 15434); the station does not read it. "
            "Scan the parcel's return label or its 1-D tracking barcode."
        )
    return Say("The code carries control characters but is no GS1 code. Scan another barcode.")


def _ean(text: str, aim: str) -> Classified:
    if not (text.isascii() and text.isdigit() and len(text) in GTIN_LENGTHS and is_valid(text)):
        raise ScanRejected(
            Say("{code}: the EAN/UPC check digit is wrong. Scan again.", code=text), "check_digit"
        )
    return Classified(ScanKind.ITEM, _gtin13(text), gtin=_gtin13(text), aim=aim)


def _digits(text: str, aim: str | None, settings: ParseSettings) -> Classified | None:
    parcel = _parcel(text, settings)
    sscc = text[2:] if len(text) == 20 and text.startswith("00") else text
    if len(sscc) == 18 and is_valid(sscc):
        return Classified(ScanKind.PARCEL, sscc, parcel=ParcelCode(sscc, (CodeKind.SSCC,)), aim=aim)
    if len(text) in GTIN_LENGTHS and is_valid(text):
        gtin = _gtin13(text)
        if parcel is not None:
            # e.g. an 12-digit order format that is also a valid UPC: both readings kept
            return Classified(ScanKind.PARCEL, parcel.text, parcel=parcel, also_item=gtin, aim=aim)
        return Classified(ScanKind.ITEM, gtin, gtin=gtin, aim=aim)
    if parcel is not None:
        return Classified(ScanKind.PARCEL, parcel.text, parcel=parcel, aim=aim)
    if len(text) > 14 and text.startswith(("00", "01", "02")):
        return _gs1(text, aim, settings)  # GS1 element strings without a separator
    if len(text) in GTIN_LENGTHS | {18, 20}:
        raise ScanRejected(
            Say(
                "{code}: looks like a GTIN or SSCC, but its check digit is wrong. Scan again.",
                code=text,
            ),
            "check_digit",
        )
    return None


def _gtin13(text: str) -> str:
    """GTIN-14 with a 0 indicator and UPC-A are the same product as their GTIN-13."""
    return text.zfill(13)[-13:] if len(text) != 8 and text.zfill(14)[0] == "0" else text


def _parcel(text: str, settings: ParseSettings) -> ParcelCode | None:
    try:
        parcel = classify(text, settings.code_patterns())
    except ValueError:
        return None
    return parcel if parcel.kinds else None


def _gs1(text: str, aim: str | None, settings: ParseSettings) -> Classified:
    # imported at the first scan (or by warm_up): biip builds its GS1 tables at import, a
    # tenth of a second the station's first frame does not wait for
    import biip

    config = biip.ParseConfig(separator_chars=[GS, *settings.gs_substitutes])
    try:
        result = biip.parse((aim or "") + text, config=config)
    # the parser has raised IndexError on short junk (']' after a GS): any failure is a refusal
    except Exception as exc:
        raise ScanRejected(_gs1_message(text, str(exc)), "gs1") from None
    message = result.gs1_message
    if message is None:
        link = result.gs1_digital_link_uri
        if link is not None:
            message = link.as_gs1_message()
    if message is None:
        error = result.gs1_message_error or result.gs1_digital_link_uri_error or "not GS1"
        raise ScanRejected(_gs1_message(text, error), "gs1")
    if GS not in text and aim in GS1_AIMS | {None}:
        _refuse_lost_separator(text, message.element_strings[-1], config)
    values: dict[str, str] = {}
    for element in message.element_strings:
        if element.gtin_error or element.sscc_error:
            raise ScanRejected(
                _gs1_message(text, element.gtin_error or element.sscc_error or ""), "check_digit"
            )
        values.setdefault(element.ai.ai, element.value)
    if "00" in values:
        sscc = values["00"]
        return Classified(ScanKind.PARCEL, sscc, parcel=ParcelCode(sscc, (CodeKind.SSCC,)), aim=aim)
    if "01" in values:
        gtin = _gtin13(values["01"])
        expiry = next((e.date for e in message.element_strings if e.ai.ai == "17" and e.date), None)
        return Classified(
            ScanKind.ITEM,
            gtin,
            gtin=gtin,
            batch=values.get("10"),
            serial=values.get("21"),
            expiry=expiry,
            aim=aim,
        )
    raise ScanRejected(
        Say(
            "This GS1 label has neither an SSCC (00) nor a GTIN (01): scan the parcel's return "
            "label or the item's barcode."
        ),
        "gs1",
    )


def _refuse_lost_separator(text: str, last: GS1ElementString, config: ParseConfig) -> None:
    """A variable-length value that hides another element string means the separator was lost
    on the way (a keyboard that cannot type GS, FNC1 output off): the data cannot be split."""
    if not last.ai.separator_required:
        return
    value = last.value
    for start in range(1, len(value) - 2):
        try:
            import biip

            rest = biip.parse(value[start:], config=config).gs1_message
        except Exception:  # noqa: S112 - no GS1 tail starts here; the parser fails on junk
            continue
        if rest is not None and rest.element_strings:
            raise ScanRejected(
                Say(
                    "GS1 code {code}: the group separator is missing, so ({ai}) {value} cannot "
                    "be told from ({ai}) {head} followed by ({next_ai}). Set the scanner to send "
                    "FNC1 as GS (Ctrl+]) — see the setup guide.",
                    code=text[:40],
                    ai=last.ai.ai,
                    value=repr(value),
                    head=repr(value[:start]),
                    next_ai=rest.element_strings[0].ai.ai,
                ),
                "gs_lost",
            )


def _gs1_message(text: str, detail: str) -> Say:
    shown = text.replace(GS, "<GS>")
    if len(shown) > 60:
        shown = shown[:57] + "…"
    return Say(
        "GS1 code {code} could not be read ({detail}). Scan again.", code=shown, detail=detail
    )


def warm_up() -> None:
    """Import the GS1 parser now (call it off the GUI thread, after the first frame)."""
    import biip  # noqa: F401
