from datetime import UTC, datetime, timedelta

import pytest

from returndesk.vendors.ratelimit import parse_rate_limit, parse_retry_after

NOW = datetime(2026, 11, 24, 12, 0, 0, tzinfo=UTC)


def test_retry_after_seconds_and_http_date():
    assert parse_retry_after("120", NOW) == timedelta(seconds=120)
    assert parse_retry_after("Tue, 24 Nov 2026 12:00:30 GMT", NOW) == timedelta(seconds=30)
    # a date in the past means "now", never a negative wait
    assert parse_retry_after("Tue, 24 Nov 2026 11:00:00 GMT", NOW) == timedelta(0)


@pytest.mark.parametrize("bad", ["", "soon", "-5", "1.5", "Tue, 99 Foo 2026"])
def test_retry_after_garbage_is_ignored(bad):
    assert parse_retry_after(bad, NOW) is None


def test_ratelimit_headers_epoch_and_delta_reset():
    epoch = int((NOW + timedelta(seconds=40)).timestamp())
    rl = parse_rate_limit(
        {"x-ratelimit-limit": "120", "x-ratelimit-remaining": "0", "x-ratelimit-reset": str(epoch)},
        NOW,
    )
    assert (rl.limit, rl.remaining) == (120, 0)
    assert rl.wait_hint(NOW) == timedelta(seconds=40)
    delta = parse_rate_limit({"x-ratelimit-remaining": "5", "x-ratelimit-reset": "30"}, NOW)
    assert delta.reset_at == NOW + timedelta(seconds=30)
    assert delta.wait_hint(NOW) is None  # requests remain


def test_retry_after_wins_over_reset():
    rl = parse_rate_limit(
        {"retry-after": "7", "x-ratelimit-remaining": "0", "x-ratelimit-reset": "100"}, NOW
    )
    assert rl.wait_hint(NOW) == timedelta(seconds=7)


def test_absurd_values_do_not_crash():
    rl = parse_rate_limit(
        {"x-ratelimit-reset": "9" * 12, "x-ratelimit-limit": "x", "retry-after": "9" * 30}, NOW
    )
    assert rl.limit is None
    assert rl.retry_after is not None
    assert rl.retry_after.days > 100
