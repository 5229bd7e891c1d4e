"""The sandbox as a real HTTP server on 127.0.0.1 (``returndesk sandbox serve``)."""

from __future__ import annotations

import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from returndesk.sandbox.app import Sandbox
from returndesk.sandbox.protocol import SandboxRequest

log = logging.getLogger(__name__)
HOST = "127.0.0.1"
MAX_REQUEST_BYTES = 20 * 1024 * 1024


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_REQUEST_BYTES:
            self.send_error(413)
            return
        body = self.rfile.read(length) if length else b""
        url = urlsplit(self.path)
        response = self.server.sandbox.handle(
            SandboxRequest(
                method=self.command,
                path=url.path,
                query=parse_qsl(url.query, keep_blank_values=True),
                headers={k.lower(): v for k, v in self.headers.items()},
                body=body,
            )
        )
        self.send_response(response.status)
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(response.body)))
        self.end_headers()
        self.wfile.write(response.body)

    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _serve

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("sandbox %s", format % args)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port: int, sandbox: Sandbox) -> None:
        self.sandbox = sandbox
        super().__init__((HOST, port), _Handler)


class SandboxServer:
    """Runs the sandbox on 127.0.0.1; ``port=0`` picks a free port."""

    def __init__(self, sandbox: Sandbox | None = None, port: int = 0) -> None:
        self.sandbox = sandbox or Sandbox()
        self._server = _Server(port, self.sandbox)
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def origin(self) -> str:
        return f"http://{HOST}:{self.port}"

    def serve_forever(self) -> None:
        self._server.serve_forever(poll_interval=0.2)

    def start(self) -> SandboxServer:
        self._thread = threading.Thread(target=self.serve_forever, name="sandbox", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> SandboxServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()
