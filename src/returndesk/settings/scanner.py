"""Scanner settings: keyboard wedge, serial and camera sources, and how codes are parsed.

Defaults follow the station's scanner guide: a wired USB scanner types its keys 3 to 22 ms apart
and ends with Enter, so a 50 ms gap and a 4-character minimum tell it from a person.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from returndesk.core.codes import DEFAULT_PATTERNS, CodeKind

GS = "\x1d"


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True, str_max_length=2000)


KeyName = Annotated[str, Field(pattern=r"^(Return|Enter|Tab)$")]


class WedgeSettings(_Section):
    enabled: bool = True
    #: the longest pause between two keys of one scan; raise it for Bluetooth or RDP
    max_gap_ms: int = Field(default=50, ge=5, le=500)
    #: the shortest real code here is "#1001"; fewer fast keys are a person
    min_length: int = Field(default=4, ge=2, le=64)
    terminators: list[KeyName] = Field(default_factory=lambda: ["Return", "Enter", "Tab"])
    accept_without_terminator: bool = False
    #: how long a held key waits for the next one; also the delay a typing person sees
    idle_flush_ms: int = Field(default=70, ge=10, le=1000)
    #: characters a scanner is programmed to send first/last (the most robust detection)
    prefix: str = Field(default="", max_length=8)
    suffix: str = Field(default="", max_length=8)
    #: "text": what the keyboard layout produced; "us_physical": the keys pressed, read as US
    decode: Literal["text", "us_physical"] = "text"
    #: Ctrl+] → GS, Ctrl+^ → RS, Ctrl+D → EOT
    ctrl_chars: bool = True
    suppress_shortcuts_during_burst: bool = True
    #: no input method (ibus, fcitx, compose): dead keys then type nothing instead of
    #: combining with the next key; takes effect at the next start
    disable_input_method: bool = False

    @model_validator(mode="after")
    def _flush_after_gap(self) -> WedgeSettings:
        if self.idle_flush_ms < self.max_gap_ms:
            raise ValueError(
                f"idle_flush_ms ({self.idle_flush_ms}) must be at least max_gap_ms "
                f"({self.max_gap_ms}): held keys would be let go inside a scan"
            )
        return self


class SerialSettings(_Section):
    enabled: bool = False
    #: free text: the OS does not list every device (COM3, /dev/ttyACM0, /dev/serial/by-id/…)
    port: str = Field(default="", max_length=300)
    baud: int = Field(default=9600, ge=300, le=4_000_000)
    data_bits: int = Field(default=8, ge=5, le=8)
    parity: Literal["none", "even", "odd", "mark", "space"] = "none"
    stop_bits: Literal[1, 2] = 1
    flow: Literal["none", "hardware", "software"] = "none"
    terminator: Literal["auto", "CR", "LF", "CRLF", "ETX"] = "auto"
    idle_flush_ms: int = Field(default=100, ge=10, le=5000)
    reconnect_ms: int = Field(default=2000, ge=100, le=60_000)


class CameraSettings(_Section):
    enabled: bool = False
    #: empty: the system's default camera
    device: str = Field(default="", max_length=300)
    formats: list[str] = Field(default_factory=lambda: ["Code128", "DataMatrix", "EAN13", "QRCode"])
    cooldown_ms: int = Field(default=1500, ge=0, le=60_000)

    @field_validator("formats")
    @classmethod
    def _formats(cls, value: list[str]) -> list[str]:
        import zxingcpp  # the decoder is the authority on its names

        if not value:
            raise ValueError("name at least one barcode format")
        for name in value:
            try:
                zxingcpp.barcode_format_from_str(name)
            except ValueError:
                raise ValueError(
                    f"{name!r} is not a barcode format (e.g. Code128, DataMatrix, EAN13, QRCode)"
                ) from None
        return value


def _default_patterns() -> dict[str, list[str]]:
    return {kind.value: list(expressions) for kind, expressions in DEFAULT_PATTERNS.items()}


class ParseSettings(_Section):
    #: characters that stand for the GS1 separator; never "#": order numbers start with it
    gs_substitutes: list[str] = Field(default_factory=lambda: [GS])
    #: a scanner sending AIM ids (]C1, ]E0 …) tells GS1 and EAN apart without guessing
    expect_aim_ids: bool = True
    #: the same code again within this time is a repeat: counted only while its line still
    #: expects units, refused with a message on a complete line (never dropped unseen)
    dedupe_ms: int = Field(default=1500, ge=0, le=60_000)
    #: a repeat faster than this is the scanner reading one label twice: refused, not counted
    double_read_ms: int = Field(default=250, ge=0, le=5_000)
    #: parcel-code patterns by kind (rma, order, nshift_return, tracking)
    patterns: dict[str, list[str]] = Field(default_factory=_default_patterns)
    #: refuse codes a mismatched keyboard layout has changed (ß, §, é …)
    layout_check: bool = True

    @field_validator("gs_substitutes")
    @classmethod
    def _no_hash(cls, value: list[str]) -> list[str]:
        for substitute in value:
            if len(substitute) != 1:
                raise ValueError("each GS substitute is one character")
            if substitute == "#":
                raise ValueError('"#" cannot stand for GS: order numbers start with it')
            if substitute.isalnum():
                raise ValueError(f"{substitute!r} cannot stand for GS: codes contain it")
        return value

    @field_validator("patterns")
    @classmethod
    def _patterns(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        known = {kind.value for kind in CodeKind} - {CodeKind.SSCC.value}
        for kind, expressions in value.items():
            if kind not in known:
                raise ValueError(f"unknown code kind {kind!r}; known: {', '.join(sorted(known))}")
            for expression in expressions:
                try:
                    re.compile(expression)
                except re.error as exc:
                    raise ValueError(f"{kind}: {expression!r} is not a pattern: {exc}") from None
        return value

    def code_patterns(self) -> dict[CodeKind, list[str]]:
        return {CodeKind(kind): expressions for kind, expressions in self.patterns.items()}


class ScannerSettings(_Section):
    wedge: WedgeSettings = Field(default_factory=WedgeSettings)
    serial: SerialSettings = Field(default_factory=SerialSettings)
    camera: CameraSettings = Field(default_factory=CameraSettings)
    parse: ParseSettings = Field(default_factory=ParseSettings)
