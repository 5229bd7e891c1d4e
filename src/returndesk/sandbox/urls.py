"""The three vendor base URLs for a sandbox at ``origin``."""

from __future__ import annotations

from dataclasses import dataclass

from returndesk.sandbox.app import NSHIFT_PREFIX, RETURNMATE_PREFIX, WMTECH_PREFIX


@dataclass(frozen=True, slots=True)
class SandboxUrls:
    returnmate: str
    wmtech: str
    nshift: str

    @classmethod
    def at(cls, origin: str) -> SandboxUrls:
        origin = origin.rstrip("/")
        return cls(
            returnmate=origin + RETURNMATE_PREFIX.rstrip("/"),
            wmtech=origin + WMTECH_PREFIX.rstrip("/"),
            nshift=origin + NSHIFT_PREFIX.rstrip("/"),
        )
