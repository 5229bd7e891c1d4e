"""Where prepared photos are published so WM Tech can fetch them by a public HTTPS URL.

Two real stores and the sandbox's:

* :class:`FolderStore` writes into a folder that a web server already publishes (local or
  mounted); the URL is the configured HTTPS base plus the file name.
* :class:`HttpUploadStore` PUTs the file to an upload URL (WebDAV, an nginx upload location, a
  pre-signed URL template), optionally with Bearer or Basic auth; the URL is again the public
  base plus the name.
* The sandbox store PUTs into the embedded sandbox, which serves the photos back.

Publishing the same name again writes the same bytes (PUT and file replace are idempotent),
so an upload whose outcome is unknown is simply done again. A public URL that is not HTTPS is
refused outside the sandbox: WM Tech fetches only HTTPS, and photos of customers' goods must
not travel in clear text.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import quote

import httpx

from returndesk.core.files import write_atomically
from returndesk.vendors.errors import ConfigurationError
from returndesk.vendors.transport import ErrorInfo, Transport, error_message_of


class PhotoStore(Protocol):
    def public_url(self, name: str) -> str: ...

    def publish(self, name: str, data: bytes) -> str:
        """Make ``data`` public under ``name``; its URL. Raises a VendorError on failure."""
        ...


def public_https_base(base: str, *, sandbox: bool = False) -> str:
    url = httpx.URL(base)
    if not url.host:
        raise ConfigurationError(f"{base!r} is not a URL", vendor="photos")
    if url.scheme != "https" and not sandbox:
        raise ConfigurationError(
            "the public photo address must be https:// (WM Tech fetches only HTTPS)",
            vendor="photos",
        )
    if url.userinfo:
        raise ConfigurationError(
            "the public photo address must not carry credentials", vendor="photos"
        )
    return base if base.endswith("/") else base + "/"


def _upload_error(data: Any) -> ErrorInfo:
    """Upload servers answer in many shapes; a message is taken where there is one."""
    return ErrorInfo(message=error_message_of(data, "message", "error", "detail"))


class FolderStore:
    def __init__(self, folder: Path, public_base: str) -> None:
        self._folder = folder
        self._base = public_https_base(public_base)

    def public_url(self, name: str) -> str:
        return self._base + quote(name)

    def publish(self, name: str, data: bytes) -> str:
        self._folder.mkdir(parents=True, exist_ok=True)
        # the bytes wait in a dot file, which a web server does not list
        write_atomically(self._folder / name, data, temporary=self._folder / f".{name}.part")
        return self.public_url(name)


class HttpUploadStore:
    def __init__(
        self,
        upload_url: str,
        public_base: str,
        *,
        auth: httpx.Auth | None = None,
        headers: dict[str, str] | None = None,
        secrets: tuple[str, ...] = (),
        transport: httpx.BaseTransport | None = None,
        ca_file: Path | None = None,
        sandbox: bool = False,
    ) -> None:
        if "{name}" not in upload_url:
            raise ConfigurationError('the upload URL needs "{name}"', vendor="photos")
        upload = httpx.URL(upload_url.replace("{name}", "x"))
        if upload.scheme != "https" and not (sandbox or upload.host in ("127.0.0.1", "localhost")):
            raise ConfigurationError("the photo upload URL must be https://", vendor="photos")
        self._upload_url = upload_url
        self._base = public_https_base(public_base, sandbox=sandbox)
        origin = f"{upload.scheme}://{upload.netloc.decode()}"
        self._http = Transport(
            vendor="photos",
            base_url=origin,
            error_parser=_upload_error,
            auth=auth,
            headers=headers,
            secrets=secrets,
            transport=transport,
            ca_file=ca_file,
        )

    def public_url(self, name: str) -> str:
        return self._base + quote(name)

    def publish(self, name: str, data: bytes) -> str:
        url = self._upload_url.replace("{name}", quote(name))
        self._http.request("PUT", url, content=data, content_type="image/jpeg", expect_json=False)
        return self.public_url(name)

    def close(self) -> None:
        self._http.close()

    def on_answer(self, listener: Callable[[], None]) -> None:
        """``listener()`` runs after every answer from the vendor: it is reachable."""
        self._http.on_answer(listener)

    def on_unreachable(self, listener: Callable[[], None]) -> None:
        """``listener()`` runs when the vendor could not be reached at all."""
        self._http.on_unreachable(listener)
