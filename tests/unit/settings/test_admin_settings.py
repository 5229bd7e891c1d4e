"""The settings the administration adds: operators, PIN hash, kiosk, logging, code lists."""

import pytest

from returndesk.settings.admin_pin import hash_pin
from returndesk.settings.loader import SettingsInvalid, validate_settings
from returndesk.settings.model import Settings


def problems(data):
    with pytest.raises(SettingsInvalid) as caught:
        validate_settings(data)
    return caught.value.problems


def test_operators_with_badges():
    settings = validate_settings(
        {"operators": [{"name": " Ada Lind ", "badge": "EMP-1"}, {"name": "Björn"}]}
    )
    assert [o.name for o in settings.operators] == ["Ada Lind", "Björn"]
    assert settings.operators[1].badge == ""


@pytest.mark.parametrize(
    ("data", "where", "message"),
    [
        ({"operators": [{"name": "A"}]}, "operators.0.name", "at least 2 characters"),
        (
            {"operators": [{"name": "Ada"}, {"name": "ada"}]},
            "operators",
            "share the name ada",
        ),
        (
            {"operators": [{"name": "Ada", "badge": "B1"}, {"name": "Bo", "badge": "B1"}]},
            "operators",
            "share the badge B1",
        ),
        ({"admin": {"pin_hash": "1234"}}, "admin.pin_hash", "not a PIN hash"),
        ({"station": {"language": "fr"}}, "station.language", "should match pattern"),
        ({"station": {"market_code": "NO"}}, "settings", "not among the markets"),
        ({"markets": {}}, "markets", "at least one market"),
        ({"markets": {"S1": {"currency": "SEK", "tax_rate": "0.25"}}}, "markets", "letters"),
        ({"codes": {"reasons": []}}, "codes.reasons", "at least one code"),
        ({"codes": {"conditions": ["USED", "USED"]}}, "codes.conditions", "twice"),
        ({"logging": {"level": "LOUD"}}, "logging.level", "should match pattern"),
        ({"kiosk": {"enabled": "maybe"}}, "kiosk.enabled", "valid boolean"),
    ],
)
def test_refused_with_the_key_and_a_message(data, where, message):
    found = problems(data)
    assert where in found, found
    assert message in found[where]


def test_a_real_pin_hash_is_accepted():
    stored = hash_pin("8642")
    assert validate_settings({"admin": {"pin_hash": stored}}).admin.pin_hash == stored


def test_json_dump_validates_back_to_the_same_settings():
    settings = Settings.model_validate(
        {"operators": [{"name": "Ada", "badge": "7"}], "kiosk": {"enabled": True}}
    )
    assert validate_settings(settings.model_dump(mode="json")) == settings
