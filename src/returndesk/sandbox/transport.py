"""The sandbox as an in-process ``httpx`` transport: demo mode and fast tests."""

from __future__ import annotations

import httpx

from returndesk.sandbox.app import Sandbox
from returndesk.sandbox.protocol import SandboxRequest

#: the base of every sandbox URL in demo mode; ``.invalid`` never resolves, so nothing leaks
DEMO_ORIGIN = "https://sandbox.returndesk.invalid"


def sandbox_transport(sandbox: Sandbox) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        response = sandbox.handle(
            SandboxRequest(
                method=request.method,
                path=request.url.path,
                query=list(request.url.params.multi_items()),
                headers={k.lower(): v for k, v in request.headers.items()},
                body=request.read(),
            )
        )
        return httpx.Response(response.status, headers=response.headers, content=response.body)

    return httpx.MockTransport(handler)
