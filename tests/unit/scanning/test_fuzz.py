"""Arbitrary input never crashes the normaliser or classifier, and no invalid code gets through.

Run counts: 6,000 arbitrary strings plus 4,000 mutated real codes per run (10,000 in all),
and explicit 1 MB inputs.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from returndesk.core.gs1 import is_valid, with_check_digit
from returndesk.scanning.classifier import Classified, ScanKind, classify_scan
from returndesk.scanning.normaliser import MAX_SCAN_LENGTH, RawScan, ScanRejected, normalise
from returndesk.settings.scanner import GS, ParseSettings

PARSE = ParseSettings()
PATTERNS = PARSE.code_patterns()
SOURCES = st.sampled_from(["wedge", "serial", "camera", "manual"])
#: characters a scanner path can deliver, weighted towards the troublesome ones
_CONTROLS = ["\x00", GS, "\x1e", "\x04", "\x02", "\x03", "\r", "\n", "\t", "\x7f", "\x9b"]
_MARKS = ["\u202e", "\u200f", "\u200b", "\ufeff", "\U0001f4e6"]
NASTY = st.sampled_from([*_CONTROLS, *_MARKS, "ß", "§", "é", "+", "]", "#", "°"])
TEXT = st.lists(st.one_of(st.characters(), NASTY, st.sampled_from("0123456789")), max_size=80).map(
    "".join
)


def _valid_code() -> st.SearchStrategy[str]:
    digits = st.text("0123456789", min_size=1, max_size=1)
    gtin = st.text("0123456789", min_size=12, max_size=12).map(with_check_digit)
    sscc = st.text("0123456789", min_size=17, max_size=17).map(with_check_digit)
    rma = st.tuples(st.integers(2000, 2099), st.integers(0, 999_999)).map(
        lambda p: f"RMA-{p[0]}-{p[1]:06d}"
    )
    order = st.integers(100, 10**9).map(lambda n: f"#{n}")
    gs1 = st.tuples(gtin, st.text("ABCXYZ0123456789", max_size=20)).map(
        lambda p: f"]C101{p[0].zfill(14)}{GS}10{p[1]}"
    )
    return st.one_of(gtin, sscc, rma, order, gs1, st.tuples(gtin, digits).map("".join))


@st.composite
def mutated(draw: st.DrawFn) -> str:
    """A real code with a few characters replaced, dropped or inserted."""
    code = list(draw(_valid_code()))
    for _ in range(draw(st.integers(0, 3))):
        if not code:
            break
        index = draw(st.integers(0, len(code) - 1))
        action = draw(st.sampled_from(["replace", "drop", "insert"]))
        char = draw(st.one_of(NASTY, st.sampled_from("0123456789-#ABZYß")))
        if action == "replace":
            code[index] = char
        elif action == "drop":
            del code[index]
        else:
            code.insert(index, char)
    return "".join(code)


def assert_valid(result: Classified, raw: RawScan) -> None:
    """What the classifier may hand a screen: nothing a label here cannot mean."""
    assert result.code
    assert len(result.code) <= MAX_SCAN_LENGTH
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in result.code)
    if raw.from_keyboard:
        assert result.code.isascii()
    if result.kind is ScanKind.ITEM:
        assert result.gtin == result.code
        assert result.gtin.isdigit()
        assert len(result.gtin) in (8, 12, 13, 14)
        assert is_valid(result.gtin)
    elif result.kind is ScanKind.PARCEL:
        assert result.parcel is not None
        assert result.parcel.kinds
        for kind in result.parcel.kinds:
            if kind.value == "sscc":
                assert len(result.code) == 18
                assert is_valid(result.code)
            else:
                assert any(re.fullmatch(p, result.code) for p in PATTERNS[kind])
        if result.also_item is not None:
            assert is_valid(result.also_item)


REASONS = {
    "too_long",
    "layout",
    "control",
    "empty",
    "check_digit",
    "gs1",
    "gs_lost",
    "format",
    "garbled",
}


def run(text: str, source: str) -> None:
    raw = RawScan(text, source)
    try:
        result = classify_scan(normalise(raw, PARSE), PARSE)
    except ScanRejected as exc:
        refusal = exc
    else:
        assert_valid(result, raw)
        return
    assert str(refusal)  # every refusal says why
    assert refusal.reason in REASONS


@settings(max_examples=6000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXT, source=SOURCES)
@example(text="\x00" * 1_000_000, source="serial")
@example(text="RMA-2024-000123" * 70_000, source="wedge")
@example(text="]C101" + "0" * 1_000_000, source="serial")
@example(text="4006381333931\u202e", source="camera")
def test_arbitrary_input(text, source):
    run(text, source)


@settings(max_examples=4000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=mutated(), source=SOURCES)
def test_mutated_real_codes(text, source):
    run(text, source)


def test_a_megabyte_of_gs1_is_refused_quickly():
    for text in ("0" * 1_048_576, GS * 1_048_576, "]C1" + "01" * 524_288):
        with pytest.raises(ScanRejected) as caught:
            normalise(RawScan(text, "serial"), PARSE)
        assert caught.value.reason == "too_long"
