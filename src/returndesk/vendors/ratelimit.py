"""Rate-limit information from response headers, as one typed value."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

#: below this an ``X-RateLimit-Reset`` is read as seconds from now, above it as a Unix time.
#: ReturnMate documents an epoch timestamp; WM Tech does not say which, so accept both.
_EPOCH_THRESHOLD = 1_000_000_000


@dataclass(frozen=True, slots=True)
class RateLimit:
    limit: int | None = None
    remaining: int | None = None
    reset_at: datetime | None = None
    #: how long the server asked us to wait (``Retry-After``), never negative
    retry_after: timedelta | None = None

    def wait_hint(self, now: datetime) -> timedelta | None:
        """How long to wait before the next request on this lane, if the headers say so."""
        if self.retry_after is not None:
            return self.retry_after
        if self.remaining == 0 and self.reset_at is not None:
            return max(self.reset_at - now, timedelta(0))
        return None


def parse_rate_limit(headers: Mapping[str, str], now: datetime | None = None) -> RateLimit:
    now = now or datetime.now(UTC)
    return RateLimit(
        limit=_int(headers.get("x-ratelimit-limit")),
        remaining=_int(headers.get("x-ratelimit-remaining")),
        reset_at=_reset(headers.get("x-ratelimit-reset"), now),
        retry_after=parse_retry_after(headers.get("retry-after"), now),
    )


#: the headers parse_rate_limit reads, as they come off the wire (lower-cased)
_HEADER_NAMES = frozenset(
    {b"x-ratelimit-limit", b"x-ratelimit-remaining", b"x-ratelimit-reset", b"retry-after"}
)


def rate_limit_of_raw(raw: Iterable[tuple[bytes, bytes]]) -> RateLimit:
    """:func:`parse_rate_limit` over raw header pairs, read in one pass: a looked-up header
    of an ``httpx.Headers`` decodes every header each time, and most answers carry none of
    these (a repeated one counts by its first value)."""
    found: dict[str, str] = {}
    for name, value in raw:
        lowered = name.lower()
        if lowered in _HEADER_NAMES:
            found.setdefault(lowered.decode(), value.decode("latin-1"))
    return parse_rate_limit(found) if found else RateLimit()


def parse_retry_after(value: str | None, now: datetime) -> timedelta | None:
    """``Retry-After`` as delta-seconds or an HTTP-date (RFC 9110 §10.2.3)."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return timedelta(seconds=min(int(value), 10**7))
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(when - now, timedelta(0))


def _int(value: str | None) -> int | None:
    if value is None:
        return None
    value = value.strip()
    if not value.isdigit() or len(value) > 12:
        return None
    return int(value)


def _reset(value: str | None, now: datetime) -> datetime | None:
    number = _int(value)
    if number is None:
        return None
    if number >= _EPOCH_THRESHOLD:
        try:
            return datetime.fromtimestamp(number, UTC)
        except (OverflowError, OSError, ValueError):
            return None
    return now + timedelta(seconds=number)
