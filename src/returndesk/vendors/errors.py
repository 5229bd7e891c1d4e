"""One exception hierarchy for every vendor, sorted by what the caller should do next.

The outbox decides from :attr:`VendorError.kind` alone: retry later, give up, pause the lane
for credentials, wait for the rate limit, or treat the outcome as unknown because the request
may already have reached the server.
"""

from __future__ import annotations

from enum import StrEnum

from returndesk.vendors.ratelimit import RateLimit


class FailureKind(StrEnum):
    #: the server never got the request, or said "try again" (5xx): safe to send again
    RETRYABLE = "retryable"
    #: the server refused the request as it is (4xx): sending it again changes nothing
    PERMANENT = "permanent"
    #: credentials missing, wrong or lacking permission (401/403): a human must fix settings
    AUTH = "auth"
    #: 429: wait as long as the server asks, without counting it as an attempt
    RATE_LIMITED = "rate_limited"
    #: the request may have been processed (read timeout, dropped connection, bad 2xx body)
    OUTCOME_UNKNOWN = "outcome_unknown"


class VendorError(Exception):
    """Base of every vendor failure. The message is sanitized: no secrets, bounded length."""

    kind: FailureKind = FailureKind.RETRYABLE

    def __init__(
        self,
        message: str,
        *,
        vendor: str,
        status: int | None = None,
        code: str | None = None,
        request_id: str | None = None,
        rate_limit: RateLimit | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.vendor = vendor
        self.status = status
        self.code = code
        self.request_id = request_id
        self.rate_limit = rate_limit or RateLimit()

    def __str__(self) -> str:
        parts = [self.vendor]
        if self.status is not None:
            parts.append(f"HTTP {self.status}")
        if self.code:
            parts.append(self.code)
        text = f"{' '.join(parts)}: {self.message}"
        if self.request_id:
            text += f" (request id {self.request_id})"
        return text

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self)!r})"


class RetryableError(VendorError):
    kind = FailureKind.RETRYABLE


class ConnectFailed(RetryableError):
    """No connection was made, so the server cannot have the request."""


class ServerError(RetryableError):
    """5xx: the server failed; the vendors document no side effects for these."""


class PermanentError(VendorError):
    kind = FailureKind.PERMANENT


class NotFound(PermanentError):
    pass


class AuthError(VendorError):
    kind = FailureKind.AUTH


class RateLimited(VendorError):
    kind = FailureKind.RATE_LIMITED


class OutcomeUnknown(VendorError):
    kind = FailureKind.OUTCOME_UNKNOWN


class InvalidResponse(OutcomeUnknown):
    """A success status with a body we cannot use (HTML, truncated, wrong types, too big).

    The server accepted the request, so for writes the effect may have happened.
    """


class ConfigurationError(PermanentError):
    """The request could not be built (bad base URL, missing credential)."""
