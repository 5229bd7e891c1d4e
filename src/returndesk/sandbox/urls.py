"""The three vendor base URLs (and the photo host) for a sandbox at ``origin``."""

from __future__ import annotations

from dataclasses import dataclass

from returndesk.sandbox.app import NSHIFT_PREFIX, RETURNMATE_PREFIX, WMTECH_PREFIX
from returndesk.sandbox.photos_api import PHOTOS_PREFIX


@dataclass(frozen=True, slots=True)
class SandboxUrls:
    returnmate: str
    wmtech: str
    nshift: str
    #: where the demo's photos are uploaded and served
    photos: str

    @classmethod
    def at(cls, origin: str) -> SandboxUrls:
        origin = origin.rstrip("/")
        return cls(
            returnmate=origin + RETURNMATE_PREFIX.rstrip("/"),
            wmtech=origin + WMTECH_PREFIX.rstrip("/"),
            nshift=origin + NSHIFT_PREFIX.rstrip("/"),
            photos=origin + PHOTOS_PREFIX.rstrip("/"),
        )
