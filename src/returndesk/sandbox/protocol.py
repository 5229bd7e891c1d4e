"""The sandbox's framework-free request and response, and helpers to build answers."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from returndesk.core import json_codec


@dataclass(frozen=True, slots=True)
class SandboxRequest:
    method: str
    path: str
    query: list[tuple[str, str]] = field(default_factory=list)
    #: header names in lower case
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""

    def param(self, name: str) -> str | None:
        for key, value in self.query:
            if key == name:
                return value
        return None

    def params(self, name: str) -> list[str]:
        return [value for key, value in self.query if key == name]

    def json(self) -> Any:
        """The body as JSON with exact decimals; raises ``ValueError`` if it is not JSON."""
        return json_codec.loads(self.body)


@dataclass(slots=True)
class SandboxResponse:
    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of_json(
        cls, status: int, data: Any, headers: Mapping[str, str] | None = None
    ) -> SandboxResponse:
        all_headers = {"Content-Type": "application/json"}
        all_headers.update(headers or {})
        return cls(status, json_codec.dumps(data).encode(), all_headers)


def parse_logged_body(body: bytes) -> Any:
    """What the request log keeps of a body: JSON if it is JSON, else a short text."""
    if not body:
        return None
    try:
        return json_codec.loads(body)
    except ValueError:
        return json.dumps(body[:200].decode("utf-8", "replace"))
