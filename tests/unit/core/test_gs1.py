import pytest

from returndesk.core.gs1 import check_digit, is_valid, with_check_digit


@pytest.mark.parametrize(
    "number", ["4006381333931", "73513537", "036000291452", "00012345600012", "376104250021234569"]
)
def test_known_valid_numbers(number):
    assert is_valid(number)


def test_wrong_check_digit_and_non_digits():
    assert not is_valid("4006381333932")
    assert not is_valid("40063813339a1")
    assert not is_valid("٤٠٠٦٣٨١٣٣٣٩٣١")  # Arabic-Indic digits are not GS1 digits
    with pytest.raises(ValueError, match="digits only"):
        check_digit("12a")


def test_with_check_digit_round_trips():
    assert is_valid(with_check_digit("0735000000000001"))
