import base64

import pytest

from returndesk.support.redact import MASK, Redactor

SECRET = "Pw-canary-81f2c0d9"


@pytest.mark.parametrize("prefix", ["", "u:", "us:", "use:", "station-demo:"])
def test_plain_and_basic_auth_forms_are_masked(prefix):
    redactor = Redactor([SECRET])
    header = "Authorization: Basic " + base64.b64encode((prefix + SECRET).encode()).decode()
    for text in (f"error: {SECRET} refused", header):
        masked = redactor(text)
        assert SECRET not in masked
        assert MASK in masked
        encoded_core = base64.b64encode(SECRET.encode()).decode()[2:-4]
        assert encoded_core not in masked


def test_short_values_are_not_masked_and_longest_first():
    redactor = Redactor(["abc", "token-1", "token-1-longer"])
    assert redactor("abc token-1-longer token-1") == f"abc {MASK} {MASK}"
