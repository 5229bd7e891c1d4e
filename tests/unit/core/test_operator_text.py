"""A core sentence is its English text and keeps what a translation needs."""

import pickle

import pytest

from returndesk.core.codes import CodeError, checked_text
from returndesk.core.operator_text import Say


def test_a_sentence_is_its_english_text_with_template_and_values():
    said = Say("{code}: the check digit is wrong.", code="4006381333932")
    assert said == "4006381333932: the check digit is wrong."
    assert isinstance(said, str)
    assert said.template == "{code}: the check digit is wrong."
    assert said.values == {"code": "4006381333932"}
    assert f"refused: {said}" == "refused: 4006381333932: the check digit is wrong."


def test_an_exception_raised_with_a_sentence_hands_the_sentence_back():
    with pytest.raises(CodeError) as caught:
        checked_text("A\x07B")
    shown = str(caught.value)
    assert isinstance(shown, Say)
    assert shown.template == "the code contains control characters; scan it again"


def test_a_sentence_survives_pickling():
    said = Say("only {free_mb} MB free", free_mb=12)
    again = pickle.loads(pickle.dumps(said))
    assert again == said
    assert again.template == said.template
    assert again.values == {"free_mb": 12}
