"""The scanner test sheet, and what a scan of it says about the scanner's setup.

At the start of a shift the operator scans each code of the sheet. Every code has a known
content, so each character can be compared, and the way they differ names the cause: a
scanner set for a US keyboard on a German or French host, Caps Lock, a lost GS1 separator,
characters dropped by a slow link. Each finding comes with the fix to apply.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from returndesk.core.operator_text import Say
from returndesk.scanning.normaliser import AIM, RawScan
from returndesk.settings.scanner import GS, ScannerSettings

PRINTABLE = "".join(chr(code) for code in range(0x20, 0x7F))


@dataclass(frozen=True, slots=True)
class SheetCode:
    #: what the code tests, in words (a ``Say``: shown in the station's language)
    name: str
    #: zxing-cpp's name of the symbology
    format: str
    #: what is encoded (GS1 codes in "(01)…" form)
    content: str
    gs1: bool
    #: the data a correctly set-up scanner delivers, without its AIM id
    expected: str
    #: the AIM id a scanner with AIM ids on puts in front
    aim: str


SHEET = (
    SheetCode(
        Say("Code 128 — printable characters {part} of {parts}", part=1, parts=2),
        "Code128",
        PRINTABLE[:48],
        False,
        PRINTABLE[:48],
        "]C0",
    ),
    SheetCode(
        Say("Code 128 — printable characters {part} of {parts}", part=2, parts=2),
        "Code128",
        PRINTABLE[48:],
        False,
        PRINTABLE[48:],
        "]C0",
    ),
    SheetCode(
        Say("GS1-128 with a group separator"),
        "Code128",
        "(01)04006381333931(10)LOT-7(21)S42",
        True,
        f"010400638133393110LOT-7{GS}21S42",
        "]C1",
    ),
    SheetCode("EAN-13", "EAN13", "4006381333931", False, "4006381333931", "]E0"),
)


@dataclass(frozen=True, slots=True)
class Cell:
    """One character position: what the sheet holds and what arrived ("" = nothing)."""

    expected: str
    received: str

    @property
    def ok(self) -> bool:
        return self.expected == self.received


@dataclass(frozen=True, slots=True)
class CheckResult:
    code: SheetCode
    ok: bool
    cells: tuple[Cell, ...]
    #: each a finding and the fix, for the operator or IT
    findings: tuple[str, ...] = field(default=())
    #: the scanner types US keys through another layout (the station can learn this)
    us_layout: bool = False


US_LAYOUT = (
    "The scanner is set for a US keyboard but this computer uses another layout. Fix: set the "
    'station to read physical keys ([scanner.wedge] decode = "us_physical"), or program the '
    "scanner for this computer's keyboard layout."
)
CAPS_LOCK = (
    "Letters arrive in the wrong case: Caps Lock is on. Fix: turn Caps Lock off, and scan the "
    "scanner's 'Caps Lock override' programming code."
)
GS_LOST = (
    "The GS1 group separator was lost. Fix: program the scanner to send FNC1 as GS (Ctrl+]) "
    "and keep [scanner.wedge] ctrl_chars = true — or use the scanner in serial (USB-CDC) mode."
)
DROPPED = (
    "{lost} of {total} characters were lost on the way. Fix: raise the scanner's "
    "inter-character delay (remote desktop, VM and Bluetooth links drop fast keys) and "
    "[scanner.wedge] max_gap_ms."
)
MISMATCH = (
    "{n} characters arrived wrong. The scanner's keyboard layout does not match this "
    'computer\'s. Fix: program the scanner for this layout, or set decode = "us_physical".'
)
NO_AIM = (
    "The scanner sends no AIM symbology ids. Recommended: turn them on, so the station tells "
    "GS1 and EAN codes apart without guessing."
)
SLOW = (
    "Keys came up to {gap} ms apart, near the {limit} ms limit. Fix: set the scanner's "
    "inter-character delay to 0, or raise [scanner.wedge] max_gap_ms."
)


def check_scan(raw: RawScan, settings: ScannerSettings) -> CheckResult:
    """Compare one scan with the sheet code it is closest to."""
    aim, text = _split_aim(raw.text)
    us_aim, us_text = _split_aim(raw.us_text) if raw.us_text is not None else (None, None)
    code = max(SHEET, key=lambda c: _similarity(c.expected, text, us_text))
    cells = _align(code.expected, text)
    findings: list[str] = []
    us_layout = False
    ok = text == code.expected and not raw.unmapped_keys
    if not ok:
        if us_text == code.expected:
            findings.append(US_LAYOUT)
            us_layout = True
        elif text.swapcase() == code.expected:
            findings.append(CAPS_LOCK)
        elif GS in code.expected and text == code.expected.replace(GS, ""):
            # dropped outright, or a key that typed nothing where the GS should be
            findings.append(GS_LOST)
        elif len(text) < len(code.expected) and _is_subsequence(text, code.expected):
            findings.append(
                DROPPED.format(lost=len(code.expected) - len(text), total=len(code.expected))
            )
        else:
            findings.append(MISMATCH.format(n=sum(not cell.ok for cell in cells)))
    if us_layout and aim is None and us_aim is not None:
        # a ']' typed through the wrong layout is no sign of AIM ids being off
        aim = us_aim
        cells = _align(code.expected, text[len(us_aim) :])
    if aim is None and raw.source == "wedge":
        findings.append(NO_AIM)
    limit = settings.wedge.max_gap_ms
    if raw.gaps_ms and max(raw.gaps_ms) > 0.8 * limit:
        findings.append(SLOW.format(gap=max(raw.gaps_ms), limit=limit))
    return CheckResult(code, ok, tuple(cells), tuple(findings), us_layout)


def _split_aim(text: str) -> tuple[str | None, str]:
    if AIM.match(text):
        return text[:3], text[3:]
    return None, text


def _similarity(expected: str, text: str, us_text: str | None) -> float:
    best = difflib.SequenceMatcher(None, expected, text, autojunk=False).ratio()
    if us_text is not None:
        best = max(best, difflib.SequenceMatcher(None, expected, us_text, autojunk=False).ratio())
    return best


def _align(expected: str, text: str) -> list[Cell]:
    if len(expected) == len(text):
        # as long as the sheet: characters were changed, not lost or added
        return [Cell(wanted, got) for wanted, got in zip(expected, text, strict=True)]
    cells: list[Cell] = []
    matcher = difflib.SequenceMatcher(None, expected, text, autojunk=False)
    for op, e1, e2, t1, t2 in matcher.get_opcodes():
        if op == "equal":
            cells += [Cell(char, char) for char in expected[e1:e2]]
        elif op == "delete":
            cells += [Cell(char, "") for char in expected[e1:e2]]
        elif op == "insert":
            cells += [Cell("", char) for char in text[t1:t2]]
        else:  # replace: pair them up, the longer side's rest stands alone
            wanted, got = expected[e1:e2], text[t1:t2]
            for index in range(max(len(wanted), len(got))):
                cells.append(
                    Cell(
                        wanted[index] if index < len(wanted) else "",
                        got[index] if index < len(got) else "",
                    )
                )
    return cells


def _is_subsequence(short: str, long: str) -> bool:
    chars = iter(long)
    return all(char in chars for char in short)
