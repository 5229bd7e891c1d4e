"""The photo store a live station's settings describe."""

from __future__ import annotations

from pathlib import Path

import httpx

from returndesk.photos.stores import FolderStore, HttpUploadStore
from returndesk.settings.photos import PhotoSettings
from returndesk.settings.secrets import PHOTO_UPLOAD_SECRET
from returndesk.vendors.errors import ConfigurationError


def configured_store(
    settings: PhotoSettings,
    secret: str | None,
    *,
    transport: httpx.BaseTransport | None = None,
) -> FolderStore | HttpUploadStore | None:
    """None for ``store = "sandbox"``: a live station then keeps photos without publishing."""
    if settings.store == "folder":
        return FolderStore(Path(settings.folder), settings.public_base_url)
    if settings.store != "http":
        return None
    if settings.upload_auth != "none" and not secret:
        raise ConfigurationError(
            "the photo upload needs its secret (keyring "
            f"{PHOTO_UPLOAD_SECRET.keyring_user} or {PHOTO_UPLOAD_SECRET.env_var})",
            vendor="photos",
        )
    headers = None
    auth: httpx.Auth | None = None
    if settings.upload_auth == "bearer":
        headers = {"Authorization": f"Bearer {secret}"}
    elif settings.upload_auth == "basic":
        auth = httpx.BasicAuth(settings.upload_username, secret or "")
    return HttpUploadStore(
        settings.upload_url,
        settings.public_base_url,
        auth=auth,
        headers=headers,
        secrets=(secret,) if secret else (),
        transport=transport,
    )
