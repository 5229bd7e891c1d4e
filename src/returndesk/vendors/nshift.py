"""nShift Return ``POST /public-api/v3/wms-update`` with HTTP Basic auth.

The base URL includes ``/public-api/v3`` (staging ``https://staging.returnado.com/public-api/v3``;
production is believed to be ``https://new-prod.returnado.com/public-api/v3``, so it is a
setting). nShift applies an update only while the return is *Not Processed*; that gate is the
only duplicate protection the vendor offers, and the outbox relies on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx

from returndesk.core.wms_update import WmsUpdate
from returndesk.vendors.ratelimit import RateLimit
from returndesk.vendors.transport import ErrorInfo, Transport, error_message_of

VENDOR = "nShift"
WMS_UPDATE_PATH = "wms-update"
STAGING_BASE_URL = "https://staging.returnado.com/public-api/v3"
PRODUCTION_BASE_URL = "https://new-prod.returnado.com/public-api/v3"


def parse_error(data: Any) -> ErrorInfo:
    """``{"code": 400, "error": "Bad Request", "message": "...", "timestamp": "..."}``"""
    return ErrorInfo(
        code=error_message_of(data, "error", "code"),
        message=error_message_of(data, "message", "error"),
    )


@dataclass(frozen=True, slots=True)
class WmsUpdateResult:
    status: int
    #: whatever nShift answered; the documentation only promises "HTTP 200"
    body: Any
    rate_limit: RateLimit


class NShiftClient:
    def __init__(self, transport: Transport) -> None:
        self._transport = transport

    @classmethod
    def create(
        cls,
        base_url: str,
        username: str,
        password: str,
        *,
        transport: httpx.BaseTransport | None = None,
        **options: Any,
    ) -> NShiftClient:
        return cls(
            Transport(
                vendor=VENDOR,
                base_url=base_url,
                error_parser=parse_error,
                auth=httpx.BasicAuth(username, password),
                secrets=[password, f"{username}:{password}"],
                transport=transport,
                **options,
            )
        )

    def submit(self, update: WmsUpdate | dict[str, Any]) -> WmsUpdateResult:
        """Send a body; a ``dict`` is validated first (the outbox stores frozen JSON)."""
        if not isinstance(update, WmsUpdate):
            update = WmsUpdate.model_validate(update)
        # the vendor only promises "HTTP 200": any 2xx body, JSON or not, means delivered
        response = self._transport.request(
            "POST", WMS_UPDATE_PATH, json=update.to_wire(), expect_json=False
        )
        return WmsUpdateResult(response.status, response.data, response.rate_limit)

    def check_credentials(self) -> int:
        """Post an update that names no return: nothing can be processed by it, but the
        credentials are checked first. Returns the status nShift answered (400 expected);
        a refusal of the credentials raises :class:`~returndesk.vendors.errors.AuthError`."""
        return self._transport.refusal_status("POST", WMS_UPDATE_PATH, json={"returns": []})

    @property
    def rate_limit(self) -> RateLimit:
        """Rate-limit headers of this client's latest answer."""
        return self._transport.last_rate_limit

    def close(self) -> None:
        self._transport.close()
