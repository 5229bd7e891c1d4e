"""WM Tech ``POST /v1/returns/analyze``: AI advice on a photographed return.

Bearer key. ``wmtech_live_`` keys are production and "trigger real refunds and fraud holds";
``wmtech_test_`` keys hit the vendor's simulated sandbox. The station only uses the analyze
endpoint: ``/fraud/score`` scores orders before dispatch and ``/tickets/summarize`` is for
support agents, neither belongs at a receiving bench.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Any

import httpx
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

from returndesk.vendors.errors import ConfigurationError
from returndesk.vendors.ratelimit import RateLimit
from returndesk.vendors.transport import ErrorInfo, Transport, error_message_of

VENDOR = "WM Tech"
ANALYZE_PATH = "returns/analyze"
BASE_URL = "https://api.wmtechsolutions.online/v1"
LIVE_PREFIX = "wmtech_live_"
TEST_PREFIX = "wmtech_test_"


class KeyEnvironment(StrEnum):
    LIVE = "live"
    SANDBOX = "sandbox"


def key_environment(api_key: str) -> KeyEnvironment:
    """Which WM Tech environment a key belongs to; an unrecognised key is refused."""
    if api_key.startswith(LIVE_PREFIX):
        return KeyEnvironment.LIVE
    if api_key.startswith(TEST_PREFIX):
        return KeyEnvironment.SANDBOX
    raise ConfigurationError(
        f"a WM Tech key starts with {LIVE_PREFIX!r} or {TEST_PREFIX!r}", vendor=VENDOR
    )


def parse_error(data: Any) -> ErrorInfo:
    """``{"code": "rate_limited", "message": "...", "request_id": "..."}``"""
    return ErrorInfo(
        code=error_message_of(data, "code"),
        message=error_message_of(data, "message"),
        request_id=error_message_of(data, "request_id"),
    )


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]


class AnalyzeRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    order_id: Text
    store_id: Text
    photo_url: Annotated[str, StringConstraints(max_length=2000)]
    reason: Text | None = None
    sku: Text | None = None

    @field_validator("photo_url")
    @classmethod
    def _public_https(cls, value: str) -> str:
        url = httpx.URL(value)
        if url.scheme != "https" or not url.host:
            raise ValueError("WM Tech needs a public HTTPS photo URL")
        return value


class Decision(StrEnum):
    APPROVED = "approved"
    REJECTED = "rejected"
    #: anything else WM Tech may answer: shown to the operator, who decides
    OTHER = "other"


class AnalyzeResult(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    request_id: str = Field(max_length=200)
    decision: str = Field(max_length=100)
    confidence: Decimal = Field(ge=0, le=1, allow_inf_nan=False)
    reason: str = Field(default="", max_length=2000)
    refund_amount: Decimal | None = Field(default=None, ge=0, allow_inf_nan=False)
    currency: str | None = Field(default=None, pattern=r"^[A-Z]{3}$")
    policy_rule_matched: str | None = Field(default=None, max_length=200)
    processing_ms: int | None = Field(default=None, ge=0)

    @property
    def decision_kind(self) -> Decision:
        try:
            return Decision(self.decision.lower())
        except ValueError:
            return Decision.OTHER


class WmTechClient:
    def __init__(self, transport: Transport, environment: KeyEnvironment) -> None:
        self._transport = transport
        self.environment = environment

    @classmethod
    def create(
        cls,
        base_url: str,
        api_key: str,
        *,
        transport: httpx.BaseTransport | None = None,
        **options: Any,
    ) -> WmTechClient:
        environment = key_environment(api_key)
        return cls(
            Transport(
                vendor=VENDOR,
                base_url=base_url,
                error_parser=parse_error,
                headers={"Authorization": f"Bearer {api_key}"},
                secrets=[api_key],
                transport=transport,
                **options,
            ),
            environment,
        )

    def analyze(self, request: AnalyzeRequest) -> AnalyzeResult:
        response = self._transport.request(
            "POST", ANALYZE_PATH, json=request.model_dump(exclude_none=True)
        )
        return self._transport.parse(AnalyzeResult, response.data, status=response.status)

    def check_credentials(self) -> int:
        """Ask for an analysis without a photo: WM Tech refuses it as invalid (400) once the
        key is accepted, so nothing is analysed and no refund is triggered, even with a live
        key. A refused key raises :class:`~returndesk.vendors.errors.AuthError`."""
        return self._transport.refusal_status("POST", ANALYZE_PATH, json={})

    @property
    def rate_limit(self) -> RateLimit:
        """Rate-limit headers of this client's latest answer."""
        return self._transport.last_rate_limit

    def close(self) -> None:
        self._transport.close()

    def on_answer(self, listener: Callable[[], None]) -> None:
        """``listener()`` runs after every answer from the vendor: it is reachable."""
        self._transport.on_answer(listener)

    def on_unreachable(self, listener: Callable[[], None]) -> None:
        """``listener()`` runs when the vendor could not be reached at all."""
        self._transport.on_unreachable(listener)
