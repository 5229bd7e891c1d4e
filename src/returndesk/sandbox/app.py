"""The sandbox: routes requests to the three vendors, applies rate limits, logs everything.

Paths: ``/returnmate/v1/...``, ``/wmtech/v1/...``, ``/nshift/public-api/v3/...``, the demo's
public photo host ``/photos/...``; and
``/_sandbox/...`` for tests and trainers (the request log, nShift's view of a return, reset).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any

from returndesk.sandbox import nshift_api, returnmate_api, wmtech_api
from returndesk.sandbox.demo_data import DemoData, build_demo_data
from returndesk.sandbox.nshift_api import NShiftApi
from returndesk.sandbox.photos_api import PHOTOS_PREFIX, PhotosApi
from returndesk.sandbox.protocol import SandboxRequest, SandboxResponse, parse_logged_body
from returndesk.sandbox.ratelimit import MinuteWindow
from returndesk.sandbox.returnmate_api import ReturnMateApi
from returndesk.sandbox.wmtech_api import WmTechApi

RETURNMATE_PREFIX = "/returnmate/v1/"
WMTECH_PREFIX = "/wmtech/v1/"
NSHIFT_PREFIX = "/nshift/public-api/v3/"
CONTROL_PREFIX = "/_sandbox/"

#: the credentials a station uses against the sandbox (they are published demo values)
DEMO_CREDENTIALS = {
    "nshift_username": nshift_api.USERNAME,
    "nshift_password": nshift_api.PASSWORD,
    "returnmate_api_key": returnmate_api.API_KEY,
    "wmtech_api_key": "wmtech_test_sandbox_demo",
}


@dataclass
class SandboxConfig:
    """Limits per minute (None: unlimited) and how a 429 says when to come back."""

    returnmate_per_minute: int | None = 600
    wmtech_per_minute: int | None = 60
    nshift_per_minute: int | None = None
    retry_after_form: str = "seconds"  # or "http-date"
    rma_count: int = 48
    #: ReturnMate serves documented fields only; True adds the example integrator's custom
    #: fields (see returndesk.sandbox.custom_fields)
    custom_fields: bool = False


@dataclass(frozen=True, slots=True)
class LoggedRequest:
    vendor: str
    method: str
    path: str
    status: int
    body: Any
    at: datetime = field(default_factory=lambda: datetime.now(UTC))


class Sandbox:
    def __init__(
        self,
        config: SandboxConfig | None = None,
        *,
        data: DemoData | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.config = config or SandboxConfig()
        self._clock = clock
        self._lock = threading.Lock()
        self._log: list[LoggedRequest] = []
        self._load(data or build_demo_data(self.config.rma_count))

    def _load(self, data: DemoData) -> None:
        self.data = data
        self.returnmate = ReturnMateApi(data, custom_fields=self.config.custom_fields)
        self.photos = PhotosApi()
        self.wmtech = WmTechApi(data, self.photos)
        self.nshift = NShiftApi(data)
        self._windows = {
            "returnmate": MinuteWindow(self.config.returnmate_per_minute, self._clock),
            "wmtech": MinuteWindow(self.config.wmtech_per_minute, self._clock),
            "nshift": MinuteWindow(self.config.nshift_per_minute, self._clock),
        }

    # ------------------------------------------------------------------ inspection
    @property
    def log(self) -> list[LoggedRequest]:
        with self._lock:
            return list(self._log)

    def requests_to(self, vendor: str) -> list[LoggedRequest]:
        return [r for r in self.log if r.vendor == vendor]

    def reset(self) -> None:
        with self._lock:
            self._log.clear()
            self._load(build_demo_data(self.config.rma_count))

    # ------------------------------------------------------------------ dispatch
    def handle(self, request: SandboxRequest) -> SandboxResponse:
        with self._lock:
            vendor, response = self._route(request)
            if vendor != "control":
                self._log.append(
                    LoggedRequest(
                        vendor,
                        request.method,
                        request.path,
                        response.status,
                        None if vendor == "photos" else parse_logged_body(request.body),
                    )
                )
            return response

    def _route(self, request: SandboxRequest) -> tuple[str, SandboxResponse]:
        path = request.path
        routes: list[tuple[str, str, Callable[[SandboxRequest, str], SandboxResponse]]] = [
            ("returnmate", RETURNMATE_PREFIX, self.returnmate.handle),
            ("wmtech", WMTECH_PREFIX, self.wmtech.handle),
            ("nshift", NSHIFT_PREFIX, self.nshift.handle),
        ]
        for vendor, prefix, handler in routes:
            if path.startswith(prefix):
                window = self._windows[vendor]
                if not window.take():
                    response = self._rate_limited(vendor, window)
                else:
                    response = handler(request, path[len(prefix) :])
                self._rate_headers(vendor, window, response)
                return vendor, response
        if path.startswith(PHOTOS_PREFIX):
            return "photos", self.photos.handle(request, path[len(PHOTOS_PREFIX) :])
        if path.startswith(CONTROL_PREFIX):
            return "control", self._control(request, path[len(CONTROL_PREFIX) :])
        return "unknown", SandboxResponse.of_json(404, {"message": f"no vendor at {path}"})

    def error_response(self, path: str, status: int) -> SandboxResponse:
        """The vendor's own error body for ``status``, for the vendor serving ``path``."""
        if path.startswith(RETURNMATE_PREFIX):
            return returnmate_api.error(
                status, "SERVER_ERROR" if status >= 500 else "ERROR", f"simulated HTTP {status}"
            )
        if path.startswith(WMTECH_PREFIX):
            code = {
                429: "rate_limited",
                401: "unauthorized",
                403: "forbidden",
                404: "not_found",
                400: "invalid_request",
            }.get(status, "server_error")
            return wmtech_api.error(status, code, f"simulated HTTP {status}", "req_fault")
        return nshift_api.error(status, f"simulated HTTP {status}")

    def http_date(self, seconds_from_now: int) -> str:
        return format_datetime(
            datetime.fromtimestamp(self._clock() + seconds_from_now, UTC), usegmt=True
        )

    def _rate_limited(self, vendor: str, window: MinuteWindow) -> SandboxResponse:
        wait = window.seconds_until_free()
        if self.config.retry_after_form == "http-date":
            retry_after = self.http_date(wait)
        else:
            retry_after = str(wait)
        if vendor == "returnmate":
            response = returnmate_api.error(429, "RATE_LIMITED", "Too many requests")
        elif vendor == "wmtech":
            response = wmtech_api.error(429, "rate_limited", "Too many requests")
        else:
            response = nshift_api.error(429, "Too many requests")
        response.headers["Retry-After"] = retry_after
        return response

    def _rate_headers(self, vendor: str, window: MinuteWindow, response: SandboxResponse) -> None:
        if vendor == "nshift":
            return  # nShift documents no rate-limit headers
        if vendor == "returnmate" and window.per_minute is not None:
            response.headers["X-RateLimit-Limit"] = str(window.per_minute)
        response.headers["X-RateLimit-Remaining"] = str(window.remaining())
        response.headers["X-RateLimit-Reset"] = str(window.reset_epoch())

    def _control(self, request: SandboxRequest, path: str) -> SandboxResponse:
        if path == "log" and request.method == "GET":
            return SandboxResponse.of_json(
                200,
                [
                    {
                        "vendor": r.vendor,
                        "method": r.method,
                        "path": r.path,
                        "status": r.status,
                        "body": r.body,
                        "at": r.at.isoformat(),
                    }
                    for r in self._log
                ],
            )
        if path == "reset" and request.method == "POST":
            self._log.clear()
            self._load(build_demo_data(self.config.rma_count))
            return SandboxResponse.of_json(200, {"reset": True})
        if path.startswith("nshift/returns/") and request.method == "GET":
            return_id = path.rsplit("/", 1)[-1]
            status = self.nshift.status_of(return_id)
            if status is None:
                return SandboxResponse.of_json(404, {"message": "no such return"})
            return SandboxResponse.of_json(
                200,
                {
                    "returnId": return_id,
                    "status": status,
                    "processings": self.nshift.processings.get(return_id, 0),
                },
            )
        return SandboxResponse.of_json(404, {"message": f"no control endpoint {path}"})
