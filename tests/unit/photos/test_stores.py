"""Photo stores against real servers on 127.0.0.1: a plain HTTP one and an HTTPS one."""

from __future__ import annotations

import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
import trustme

from returndesk.photos.library import new_name
from returndesk.photos.stores import FolderStore, HttpUploadStore
from returndesk.vendors.errors import AuthError, ConfigurationError, ConnectFailed, ServerError

JPEG = b"\xff\xd8\xff\xe0" + b"photo" * 100


class UploadServer:
    """Accepts PUT /photos/<name> and serves GET /photos/<name> back."""

    def __init__(self, tls: ssl.SSLContext | None = None, answer: int = 201) -> None:
        self.files: dict[str, bytes] = {}
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        self.answer = answer
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_PUT(self) -> None:
                length = int(self.headers["Content-Length"])
                body = self.rfile.read(length)
                server.requests.append(("PUT", self.path, dict(self.headers)))
                if server.answer < 300:
                    server.files[self.path] = body
                self.send_response(server.answer)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def do_GET(self) -> None:
                body = server.files.get(self.path)
                self.send_response(200 if body else 404)
                self.send_header("Content-Type", "image/jpeg")
                self.send_header("Content-Length", str(len(body or b"")))
                self.end_headers()
                self.wfile.write(body or b"")

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        if tls is not None:
            self.httpd.socket = tls.wrap_socket(self.httpd.socket, server_side=True)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def http_server():
    server = UploadServer()
    yield server
    server.close()


@pytest.fixture
def ca():
    return trustme.CA()


@pytest.fixture
def https_server(ca):
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(context)
    server = UploadServer(tls=context)
    yield server
    server.close()


# ---------------------------------------------------------------- folder
def test_the_folder_store_writes_where_the_web_server_publishes(tmp_path):
    store = FolderStore(tmp_path / "www" / "returns", "https://photos.example.com/returns")
    name = new_name()
    url = store.publish(name, JPEG)
    assert url == f"https://photos.example.com/returns/{name}"
    assert (tmp_path / "www" / "returns" / name).read_bytes() == JPEG
    assert [p.name for p in (tmp_path / "www" / "returns").iterdir()] == [name]
    assert store.publish(name, JPEG) == url  # again: the same file, the same URL


@pytest.mark.parametrize(
    "base",
    ["http://photos.example.com/", "https://user:pw@photos.example.com/", "photos.example.com"],
)
def test_a_public_address_must_be_plain_https(tmp_path, base):
    with pytest.raises(ConfigurationError):
        FolderStore(tmp_path, base)


# ---------------------------------------------------------------- http upload
def test_upload_with_bearer_auth(http_server):
    store = HttpUploadStore(
        f"http://127.0.0.1:{http_server.port}/photos/{{name}}",
        "https://cdn.example.com/photos",
        auth=_Bearer("upload-token-123"),
        secrets=("upload-token-123",),
    )
    name = new_name()
    assert store.publish(name, JPEG) == f"https://cdn.example.com/photos/{name}"
    method, path, headers = http_server.requests[0]
    assert (method, path) == ("PUT", f"/photos/{name}")
    assert headers["Content-Type"] == "image/jpeg"
    assert headers["Authorization"] == "Bearer upload-token-123"
    assert http_server.files[f"/photos/{name}"] == JPEG
    store.close()


def test_upload_with_basic_auth(http_server):
    store = HttpUploadStore(
        f"http://127.0.0.1:{http_server.port}/dav/{{name}}",
        "https://cdn.example.com/dav",
        auth=httpx.BasicAuth("station", "secret"),
        secrets=("secret",),
    )
    store.publish(new_name(), JPEG)
    assert http_server.requests[0][2]["Authorization"].startswith("Basic ")
    store.close()


@pytest.mark.parametrize(("status", "error"), [(500, ServerError), (401, AuthError)])
def test_upload_failures_are_typed(http_server, status, error):
    http_server.answer = status
    store = HttpUploadStore(
        f"http://127.0.0.1:{http_server.port}/photos/{{name}}", "https://cdn.example.com/"
    )
    with pytest.raises(error):
        store.publish(new_name(), JPEG)
    store.close()


def test_upload_over_https_with_the_servers_certificate(https_server, ca, tmp_path):
    ca_file = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    store = HttpUploadStore(
        f"https://127.0.0.1:{https_server.port}/photos/{{name}}",
        "https://cdn.example.com/photos",
        ca_file=ca_file,
    )
    name = new_name()
    store.publish(name, JPEG)
    assert https_server.files[f"/photos/{name}"] == JPEG
    store.close()


def test_an_untrusted_certificate_is_refused(https_server):
    store = HttpUploadStore(
        f"https://127.0.0.1:{https_server.port}/photos/{{name}}", "https://cdn.example.com/"
    )
    with pytest.raises(ConnectFailed):
        store.publish(new_name(), JPEG)
    assert https_server.files == {}
    store.close()


def test_a_plain_http_upload_to_another_host_is_refused():
    with pytest.raises(ConfigurationError, match="https"):
        HttpUploadStore("http://uploads.example.com/{name}", "https://cdn.example.com/")
    with pytest.raises(ConfigurationError, match="name"):
        HttpUploadStore("https://uploads.example.com/photos/", "https://cdn.example.com/")


class _Bearer(httpx.Auth):
    def __init__(self, token: str) -> None:
        self._token = token

    def auth_flow(self, request: httpx.Request):
        request.headers["Authorization"] = f"Bearer {self._token}"
        yield request
