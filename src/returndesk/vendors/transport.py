"""The one place HTTP happens: timeouts, TLS, user agent, size caps, error mapping.

Every vendor client holds a :class:`Transport` and only calls :meth:`Transport.request`.
Tests inject an ``httpx`` transport (respx, ``MockTransport`` or the sandbox) through the
constructor, so no test patches the network globally.
"""

from __future__ import annotations

import base64
import contextvars
import logging
import re
import ssl
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from returndesk import __version__
from returndesk.core import json_codec
from returndesk.vendors.errors import (
    AuthError,
    ConfigurationError,
    ConnectFailed,
    InvalidResponse,
    NotFound,
    OutcomeUnknown,
    PermanentError,
    RateLimited,
    RetryableError,
    ServerError,
    VendorError,
)
from returndesk.vendors.ratelimit import RateLimit, rate_limit_of_raw

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = httpx.Timeout(20.0, connect=5.0)
#: no vendor answer the station uses comes near this; a bigger body is refused, not parsed
MAX_BODY_BYTES = 2 * 1024 * 1024
USER_AGENT = f"ReturnDesk/{__version__}"
_MAX_MESSAGE = 300
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

M = TypeVar("M", bound=BaseModel)

#: the outbox item being sent, if any: its id goes out as the Idempotency-Key of every
#: POST/PATCH/PUT (no vendor documents the header; one that ignores it loses nothing, one
#: that honours it drops a repeat after an unknown outcome)
_IDEMPOTENCY_KEY: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "idempotency_key", default=None
)
_WRITES = frozenset({"POST", "PATCH", "PUT"})


class idempotency_key:
    """Requests made inside carry ``Idempotency-Key: key`` when they write. (A class, not a
    generator: it is entered once per outbox item sent.)"""

    __slots__ = ("_key", "_token")

    def __init__(self, key: str) -> None:
        self._key = key

    def __enter__(self) -> None:
        self._token = _IDEMPOTENCY_KEY.set(self._key)

    def __exit__(self, *exc_info: object) -> None:
        _IDEMPOTENCY_KEY.reset(self._token)


@dataclass(frozen=True, slots=True)
class ErrorInfo:
    code: str | None = None
    message: str | None = None
    request_id: str | None = None


#: reads a vendor's error body (already parsed JSON) into an :class:`ErrorInfo`
ErrorParser = Callable[[Any], ErrorInfo]


@dataclass(frozen=True, slots=True)
class VendorResponse:
    status: int
    data: Any
    rate_limit: RateLimit


def quiet_http_loggers() -> None:
    """httpx logs full URLs at INFO (httpx#2760); the station never wants that in its log."""
    for name in ("httpx", "httpcore"):
        logging.getLogger(name).setLevel(logging.WARNING)


def sanitize(text: str, secrets: Sequence[str]) -> str:
    """Remove secrets and control characters from ``text`` and bound its length."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, "***")
    text = _CONTROL.sub(" ", text)
    if len(text) > _MAX_MESSAGE:
        text = text[: _MAX_MESSAGE - 1] + "…"
    return text


def tls_context(ca_file: Path | None = None) -> ssl.SSLContext:
    """Verification is always on; a deployment may only add its own CA bundle."""
    context = ssl.create_default_context(cafile=str(ca_file) if ca_file else None)
    context.check_hostname = True
    context.verify_mode = ssl.CERT_REQUIRED
    return context


#: request paths whose parsed URL is kept (see Transport._url)
_URL_CACHE = 256


class Transport:
    """An ``httpx.Client`` for one vendor and base URL, with typed failures."""

    def __init__(
        self,
        *,
        vendor: str,
        base_url: str,
        error_parser: ErrorParser,
        auth: httpx.Auth | None = None,
        headers: Mapping[str, str] | None = None,
        secrets: Sequence[str] = (),
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        transport: httpx.BaseTransport | None = None,
        ca_file: Path | None = None,
        max_body_bytes: int = MAX_BODY_BYTES,
        user_agent: str = USER_AGENT,
    ) -> None:
        quiet_http_loggers()
        self.vendor = vendor
        #: rate-limit headers of the latest answer, for callers that pace themselves
        self.last_rate_limit = RateLimit()
        self._error_parser = error_parser
        self._max_body = max_body_bytes
        #: called after every answer the vendor gives (any status): it is reachable
        self._answer_listeners: list[Callable[[], None]] = []
        #: asked before every request; raises a VendorError when it may not be sent (a budget)
        self._gate: Callable[[], None] | None = None
        #: called when the vendor could not be reached at all (no connection)
        self._unreachable_listeners: list[Callable[[], None]] = []
        self._urls: dict[str, httpx.URL] = {}
        # the base64 form is what a Basic auth header carries; redact it too
        self._secrets = [s for s in secrets if s] + [
            base64.b64encode(s.encode()).decode() for s in secrets if s
        ]
        all_headers = {"User-Agent": user_agent, "Accept": "application/json"}
        all_headers.update(headers or {})
        try:
            self._client = httpx.Client(
                base_url=base_url,
                auth=auth,
                headers=all_headers,
                timeout=timeout,
                transport=transport,
                verify=tls_context(ca_file) if transport is None else True,
                follow_redirects=False,  # a redirect must not carry credentials elsewhere
            )
        except (ValueError, TypeError, httpx.InvalidURL) as exc:
            raise ConfigurationError(self._clean(str(exc)), vendor=vendor) from None

    @property
    def base_url(self) -> str:
        return str(self._client.base_url)

    def close(self) -> None:
        self._client.close()

    def on_answer(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` (on the requesting thread) whenever the vendor answers."""
        self._answer_listeners.append(listener)

    def on_unreachable(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` (on the requesting thread) when no connection could be made."""
        self._unreachable_listeners.append(listener)

    def set_gate(self, gate: Callable[[], None] | None) -> None:
        """``gate()`` runs before each request and raises to keep it from being sent."""
        self._gate = gate

    def __enter__(self) -> Transport:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Transport(vendor={self.vendor!r}, base_url={self.base_url!r})"

    # ------------------------------------------------------------------ requests
    def request(
        self,
        method: str,
        path: str,
        *,
        params: Sequence[tuple[str, str]] = (),
        json: Any = None,
        content: bytes | None = None,
        content_type: str = "application/octet-stream",
        expect_json: bool = True,
    ) -> VendorResponse:
        """Send one request; returns the parsed body or raises a :class:`VendorError`.

        With ``expect_json=False`` a success whose body is not JSON is still a success (its
        text is returned, shortened): for endpoints that only promise a status code.
        ``content`` sends raw bytes (a photo upload) instead of ``json``.
        """
        if self._gate is not None:
            self._gate()
        if json is not None:
            content, content_type = json_codec.dumps(json).encode(), "application/json"
        headers = {"Content-Type": content_type} if content is not None else {}
        key = _IDEMPOTENCY_KEY.get()
        if key is not None and method.upper() in _WRITES:
            headers["Idempotency-Key"] = key
        started = time.monotonic()
        try:
            request = self._client.build_request(
                method,
                self._url(path),
                params=tuple(params) or None,  # an empty one still costs a URL rebuild
                content=content,
                headers=headers,
            )
            response = self._client.send(request, stream=True)
            try:
                body, too_big = self._read_capped(response)
            finally:
                response.close()
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
            for listener in self._unreachable_listeners:
                listener()
            raise ConnectFailed(self._network_message(exc), vendor=self.vendor) from None
        except (httpx.UnsupportedProtocol, httpx.InvalidURL, httpx.LocalProtocolError) as exc:
            raise ConfigurationError(self._network_message(exc), vendor=self.vendor) from None
        except httpx.HTTPError as exc:
            # read timeouts, dropped connections, truncated bodies: the server had the request
            raise OutcomeUnknown(self._network_message(exc), vendor=self.vendor) from None
        if log.isEnabledFor(logging.DEBUG):
            log.debug(
                "%s %s %s -> %s in %.0f ms",
                self.vendor,
                method,
                request.url.path,
                response.status_code,
                (time.monotonic() - started) * 1000,
            )
        rate_limit = rate_limit_of_raw(response.headers.raw)
        self.last_rate_limit = rate_limit
        for listener in self._answer_listeners:
            listener()
        return self._interpret(response, body, too_big, rate_limit, expect_json)

    def refusal_status(self, method: str, path: str, *, json: Any) -> int:
        """Send a request the vendor is expected to refuse as invalid once it accepts the
        credentials (a harmless connection check); returns the status it answered. A refusal
        of the credentials raises :class:`AuthError`; a wrong path (404) or no answer raises
        as usual."""
        try:
            return self.request(method, path, json=json, expect_json=False).status
        except PermanentError as exc:
            if isinstance(exc, NotFound) or exc.status is None:
                raise
            return exc.status

    def parse(self, model: type[M], data: Any, *, status: int | None = None) -> M:
        """Validate a response body into ``model``; a mismatch is an :class:`InvalidResponse`."""
        try:
            return model.model_validate(data)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"]) or "body"
            raise InvalidResponse(
                f"unexpected response: {where}: {first['msg']}",
                vendor=self.vendor,
                status=status,
            ) from None

    # ------------------------------------------------------------------ internals
    def _url(self, path: str) -> httpx.URL:
        """The absolute URL of ``path`` under the base URL, parsed once per path: merging
        and parsing it again was a tenth of what a request cost the station on a fast link."""
        url = self._urls.get(path)
        if url is None:
            if len(self._urls) >= _URL_CACHE:  # per-RMA paths: keep it bounded
                self._urls.clear()
            url = httpx.URL(path)
            if url.is_relative_url:  # as httpx merges it: the base URL always ends with "/"
                url = httpx.URL(str(self._client.base_url) + path.lstrip("/"))
            self._urls[path] = url
        return url

    def _read_capped(self, response: httpx.Response) -> tuple[bytes, bool]:
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self._max_body:
                return b"", True
            chunks.append(chunk)
        return b"".join(chunks), False

    def _interpret(
        self,
        response: httpx.Response,
        body: bytes,
        too_big: bool,
        rate_limit: RateLimit,
        expect_json: bool,
    ) -> VendorResponse:
        status = response.status_code
        if too_big:
            data: Any = None
            parse_problem: str | None = f"response body larger than {self._max_body} bytes"
        else:
            data, parse_problem = _parse_json(body)
        if 200 <= status < 300:
            if parse_problem and not expect_json:
                text = self._clean(body[:200].decode("utf-8", "replace")) if body else None
                return VendorResponse(status, text, rate_limit)
            if parse_problem:
                raise InvalidResponse(
                    f"unusable response: {parse_problem} ({_content_type(response)})",
                    vendor=self.vendor,
                    status=status,
                    rate_limit=rate_limit,
                )
            return VendorResponse(status, data, rate_limit)

        info = ErrorInfo()
        if parse_problem is None and data is not None:
            try:
                info = self._error_parser(data)
            except (KeyError, TypeError, ValueError, AttributeError):
                info = ErrorInfo()
        message = info.message or (
            f"HTTP {status} with a body that is not JSON ({_content_type(response)})"
            if parse_problem
            else f"HTTP {status}"
        )
        error_cls = _class_for(status)
        raise error_cls(
            self._clean(message),
            vendor=self.vendor,
            status=status,
            code=self._clean(info.code)[:60] if info.code else None,
            request_id=self._clean(info.request_id)[:80] if info.request_id else None,
            rate_limit=rate_limit,
        )

    def _clean(self, text: str) -> str:
        return sanitize(str(text), self._secrets)

    def _network_message(self, exc: Exception) -> str:
        detail = str(exc) or type(exc).__name__
        return self._clean(f"{type(exc).__name__}: {detail}")


def _content_type(response: httpx.Response) -> str:
    """For messages only (a looked-up header decodes every header of the answer)."""
    return response.headers.get("content-type") or "no content type"


def _class_for(status: int) -> type[VendorError]:
    if status in (401, 403):
        return AuthError
    if status == 429:
        return RateLimited
    if status == 404:
        return NotFound
    if status == 408:
        return RetryableError
    if status >= 500:
        return ServerError
    return PermanentError


def _parse_json(body: bytes) -> tuple[Any, str | None]:
    if not body.strip():
        return None, None
    try:
        return json_codec.loads(body), None
    except (ValueError, RecursionError):
        return None, "body is not valid JSON"


def error_message_of(data: Any, *keys: str) -> str | None:
    """First string value found under ``keys`` in a mapping, for error parsers."""
    if not isinstance(data, Mapping):
        return None
    for key in keys:
        value = data.get(key)
        if isinstance(value, str | int) and not isinstance(value, bool):
            return str(value)
    return None
