"""Secret values removed from any text the station writes for people (logs, bundles).

Vendor errors are already sanitised where they are made; this is the second line, for text
that did not pass through a vendor client (a traceback, a third-party library's message).
"""

from __future__ import annotations

import base64
from collections.abc import Iterable

MASK = "***"
#: shorter values are not masked: they would also match ordinary words and numbers
MIN_SECRET_LENGTH = 4


class Redactor:
    def __init__(self, secrets: Iterable[str] = ()) -> None:
        self._needles: list[str] = []
        self.add(secrets)

    def add(self, secrets: Iterable[str]) -> None:
        for secret in secrets:
            if secret and len(secret) >= MIN_SECRET_LENGTH:
                for form in forms_of(secret):
                    if form not in self._needles:
                        self._needles.append(form)
        # longest first, so a secret inside a longer one never leaves the rest behind
        self._needles.sort(key=len, reverse=True)

    def __call__(self, text: str) -> str:
        for needle in self._needles:
            if needle in text:
                text = text.replace(needle, MASK)
        return text


def forms_of(secret: str) -> list[str]:
    """The secret as written, and the base64 form an HTTP Basic header would carry it in."""
    forms = [secret]
    encoded = base64.b64encode(secret.encode("utf-8")).decode("ascii")
    # base64 of a value shifts with its position in the encoded text: every alignment, minus
    # the partial characters at its edges
    for shift in range(3):
        chunk = base64.b64encode(b"\0" * shift + secret.encode("utf-8")).decode("ascii")
        start = (shift * 4 + 2) // 3
        core = chunk[start : len(chunk) - 4]
        if len(core) >= MIN_SECRET_LENGTH * 2:
            forms.append(core)
    forms.append(encoded.rstrip("="))
    return forms
