"""Photo settings: how photos are prepared, kept, and published for WM Tech."""

from __future__ import annotations

from typing import Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, model_validator

#: WM Tech's limit for a photo; the budget stays well below it
VENDOR_MAX_BYTES = 8 * 1024 * 1024


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True, str_max_length=2000)


class PhotoSettings(_Section):
    #: the prepared photo's longer side, in pixels
    long_edge: int = Field(default=1600, ge=320, le=8000)
    #: the prepared JPEG's size budget
    max_bytes: int = Field(default=1_500_000, ge=50_000, le=VENDOR_MAX_BYTES // 2)
    #: days the originals and prepared files stay under the data folder
    retention_days: int = Field(default=30, ge=1, le=3650)
    #: "sandbox": the demo's own store; "folder": a folder a web server publishes;
    #: "http": PUT to an upload URL (WebDAV, nginx upload, pre-signed URLs)
    store: Literal["sandbox", "folder", "http"] = "sandbox"
    #: folder store: where files are written (a local or mounted folder)
    folder: str = Field(default="", max_length=1000)
    #: the public HTTPS address a photo name is appended to (folder and http stores)
    public_base_url: str = Field(default="", max_length=1000)
    #: http store: the upload address, "{name}" replaced by the photo's file name
    upload_url: str = Field(default="", max_length=1000)
    #: http store: how the upload authenticates (the secret comes from the keyring/env)
    upload_auth: Literal["none", "bearer", "basic"] = "none"
    upload_username: str = Field(default="", max_length=200)

    @model_validator(mode="after")
    def _store_complete(self) -> PhotoSettings:
        if self.store == "folder" and not (self.folder and self.public_base_url):
            raise ValueError('store = "folder" needs folder and public_base_url')
        if self.store == "http" and not (self.upload_url and self.public_base_url):
            raise ValueError('store = "http" needs upload_url and public_base_url')
        if self.store == "http" and "{name}" not in self.upload_url:
            raise ValueError('upload_url must contain "{name}", where the file name goes')
        if self.public_base_url and not self.public_base_url.lower().startswith("https://"):
            # WM Tech fetches photos over HTTPS only: refused here, for every command, not
            # first when the station's window starts
            raise ValueError(
                "public_base_url must be an https:// address (WM Tech fetches only HTTPS)"
            )
        if self.upload_url and not _https_or_loopback(self.upload_url):
            raise ValueError(
                "upload_url must be an https:// address (photos are not sent in clear), "
                "or http:// to this machine (127.0.0.1, localhost)"
            )
        if self.upload_auth == "basic" and not self.upload_username:
            raise ValueError('upload_auth = "basic" needs upload_username')
        return self


def _https_or_loopback(url: str) -> bool:
    parts = urlsplit(url.replace("{name}", "x"))
    return parts.scheme == "https" or (
        parts.scheme == "http" and parts.hostname in ("127.0.0.1", "localhost")
    )
