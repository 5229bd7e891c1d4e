"""The sandbox as a real HTTP server on 127.0.0.1 (``returndesk sandbox serve``).

It can also misbehave on purpose (:meth:`SandboxServer.inject`), for the outbox's network
fault tests: drop the connection before or after the vendor processed a request, answer late,
truncate the body, or answer with a chosen status.
"""

from __future__ import annotations

import hashlib
import logging
import socket
import struct
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from returndesk.sandbox.app import Sandbox
from returndesk.sandbox.protocol import SandboxRequest

log = logging.getLogger(__name__)
HOST = "127.0.0.1"
MAX_REQUEST_BYTES = 20 * 1024 * 1024

#: fault modes: how the connection fails, and whether the vendor processed the request first
FAULT_MODES = {
    "reset": False,  # TCP reset before any answer; not processed
    "drop_before": False,  # connection closed before any answer; not processed
    "drop_after": True,  # processed, then closed without an answer
    "timeout_after": True,  # processed, answer withheld past the client's timeout
    "truncated": True,  # processed, body cut short of its Content-Length
    "html_200": True,  # processed, answered 200 with an HTML page
}


@dataclass
class FaultRule:
    """Misbehave on the first request of each distinct body under ``prefix``.

    ``mode`` is a key of :data:`FAULT_MODES`, ``"status:NNN"`` (answer NNN with the vendor's
    error body, not processed), ``"html:NNN"`` (an HTML error page), ``"gateway:NNN"`` (the
    vendor processes it, then a gateway answers NNN with its own page), ``"429:seconds"`` or
    ``"429:date"`` (the two ``Retry-After`` forms).
    """

    prefix: str
    mode: str
    delay: float = 1.0
    seen: set[str] = field(default_factory=set)
    hits: int = 0


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    # headers and body go out in two writes; without TCP_NODELAY each answer waits ~40 ms
    # for the client's delayed ACK
    disable_nagle_algorithm = True

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_REQUEST_BYTES:
            self.send_error(413)
            return
        body = self.rfile.read(length) if length else b""
        url = urlsplit(self.path)
        request = SandboxRequest(
            method=self.command,
            path=url.path,
            query=parse_qsl(url.query, keep_blank_values=True),
            headers={k.lower(): v for k, v in self.headers.items()},
            body=body,
        )
        rule = self.server.fault_for(url.path, body)
        if rule is not None:
            self._fault(rule, request)
            return
        response = self.server.sandbox.handle(request)
        self._answer(response.status, response.headers, response.body)

    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _serve

    def _answer(
        self, status: int, headers: dict[str, str], body: bytes, length: int | None = None
    ) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        self.wfile.write(body)

    def _fault(self, rule: FaultRule, request: SandboxRequest) -> None:
        mode = rule.mode
        sandbox = self.server.sandbox
        if mode.startswith("gateway:"):
            sandbox.handle(request)
            status = int(mode.split(":")[1])
            page = f"<html><body><h1>{status} Bad Gateway</h1></body></html>".encode()
            self._answer(status, {"Content-Type": "text/html"}, page)
            return
        if mode.startswith(("status:", "html:", "429:")):
            status = 429 if mode.startswith("429:") else int(mode.split(":")[1])
            error = sandbox.error_response(request.path, status)
            if mode.startswith("html:"):
                page = f"<html><body><h1>{status}</h1></body></html>".encode()
                self._answer(status, {"Content-Type": "text/html"}, page)
                return
            headers = dict(error.headers)
            if status == 429:
                headers["Retry-After"] = sandbox.http_date(1) if mode == "429:date" else "1"
            self._answer(status, headers, error.body)
            return
        response = sandbox.handle(request) if FAULT_MODES[mode] else None
        if mode == "html_200":
            self._answer(200, {"Content-Type": "text/html"}, b"<html>OK</html>")
            return
        if mode == "truncated" and response is not None:
            half = response.body[: len(response.body) // 2]
            self._answer(response.status, response.headers, half, length=len(response.body))
        elif mode == "timeout_after":
            time.sleep(rule.delay)
        self.close_connection = True
        if mode == "reset":
            # linger 0: closing the socket sends RST instead of FIN
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        else:
            self.connection.shutdown(socket.SHUT_RDWR)

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("sandbox %s", format % args)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, port: int, sandbox: Sandbox) -> None:
        self.sandbox = sandbox
        self.faults: list[FaultRule] = []
        self.fault_lock = threading.Lock()
        super().__init__((HOST, port), _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # a client that went away mid-answer (killed, timed out) is routine here
        log.debug("sandbox: connection from %s ended early", client_address, exc_info=True)

    def fault_for(self, path: str, body: bytes) -> FaultRule | None:
        key = hashlib.sha256(path.encode() + b"|" + body).hexdigest()
        with self.fault_lock:
            for rule in self.faults:
                if path.startswith(rule.prefix) and key not in rule.seen:
                    rule.seen.add(key)
                    rule.hits += 1
                    return rule
        return None


class SandboxServer:
    """Runs the sandbox on 127.0.0.1; ``port=0`` picks a free port."""

    def __init__(self, sandbox: Sandbox | None = None, port: int = 0) -> None:
        self.sandbox = sandbox or Sandbox()
        self._server = _Server(port, self.sandbox)
        self._thread: threading.Thread | None = None

    def inject(self, prefix: str, mode: str, delay: float = 1.0) -> FaultRule:
        """Misbehave once for every distinct request body under ``prefix``."""
        if (
            not mode.startswith(("status:", "html:", "gateway:", "429:"))
            and mode not in FAULT_MODES
        ):
            raise ValueError(f"unknown fault mode {mode!r}")
        rule = FaultRule(prefix, mode, delay)
        with self._server.fault_lock:
            self._server.faults = [rule]
        return rule

    def clear_faults(self) -> None:
        with self._server.fault_lock:
            self._server.faults = []

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
