import pytest
from hypothesis import given
from hypothesis import strategies as st

from returndesk.core.codes import CodeError, CodeKind, classify
from returndesk.core.gs1 import with_check_digit

SSCC = with_check_digit("07350000000000001")


@pytest.mark.parametrize(
    ("raw", "kinds"),
    [
        ("RMA-2026-000001", (CodeKind.RMA,)),
        (" rma-2026-000001 ", (CodeKind.RMA,)),
        ("#10007", (CodeKind.ORDER,)),
        ("20260000001", (CodeKind.ORDER,)),
        ("NSR00000001", (CodeKind.NSHIFT_RETURN,)),
        ("1Z999AA10000000001", (CodeKind.TRACKING,)),
        (SSCC, (CodeKind.SSCC,)),
        ("00" + SSCC, (CodeKind.SSCC,)),
        ("hello", ()),
    ],
)
def test_classify(raw, kinds):
    assert classify(raw).kinds == kinds


def test_sscc_needs_a_valid_check_digit():
    wrong = SSCC[:-1] + str((int(SSCC[-1]) + 1) % 10)
    assert CodeKind.SSCC not in classify(wrong).kinds


@pytest.mark.parametrize("raw", ["", "   ", "RMA\x00-1", "x" * 201, "A\x1dB"])
def test_input_that_is_no_code_is_refused_with_a_message(raw):
    with pytest.raises(CodeError):
        classify(raw)


@given(st.text(max_size=300))
def test_any_text_classifies_or_is_refused(text):
    try:
        code = classify(text)
    except CodeError:
        return
    assert code.text == code.text.strip()
