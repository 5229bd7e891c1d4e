"""The sandbox's photo host: the demo's public photo store, and what its simulated AI sees.

``PUT /photos/<name>`` stores a JPEG or PNG (at most WM Tech's 8 MB), ``GET`` serves it back.
The simulated analysis looks at the pixels: a photo with a clear red damage mark (at least
1.5% strongly red pixels, as on the demo's "damaged" photo) looks damaged and is rejected.
"""

from __future__ import annotations

import io
import re
from collections import OrderedDict

from PIL import Image, UnidentifiedImageError

from returndesk.sandbox.protocol import SandboxRequest, SandboxResponse

PHOTOS_PREFIX = "/photos/"
MAX_PHOTO_BYTES = 8 * 1024 * 1024
#: the oldest photos are forgotten beyond this many (the sandbox lives in memory)
MAX_PHOTOS = 300
NAME = re.compile(r"^[A-Za-z0-9_-]{8,100}\.(jpg|jpeg|png)$")
DAMAGE_SHARE = 0.015
_MAGIC = {b"\xff\xd8\xff": "image/jpeg", b"\x89PNG\r\n\x1a\n": "image/png"}


class PhotosApi:
    def __init__(self) -> None:
        self._files: OrderedDict[str, bytes] = OrderedDict()

    def handle(self, request: SandboxRequest, name: str) -> SandboxResponse:
        if not NAME.match(name):
            return SandboxResponse.of_json(404, {"message": "no such photo"})
        if request.method == "PUT":
            return self._put(name, request.body)
        if request.method in ("GET", "HEAD"):
            data = self._files.get(name)
            if data is None:
                return SandboxResponse.of_json(404, {"message": "no such photo"})
            body = data if request.method == "GET" else b""
            return SandboxResponse(200, body, {"Content-Type": _content_type(data) or ""})
        return SandboxResponse.of_json(405, {"message": "PUT or GET"})

    def get(self, name: str) -> bytes | None:
        return self._files.get(name)

    def _put(self, name: str, data: bytes) -> SandboxResponse:
        if len(data) > MAX_PHOTO_BYTES:
            return SandboxResponse.of_json(413, {"message": "a photo is at most 8 MB"})
        if _content_type(data) is None:
            return SandboxResponse.of_json(415, {"message": "JPEG or PNG only"})
        self._files[name] = data
        self._files.move_to_end(name)
        while len(self._files) > MAX_PHOTOS:
            self._files.popitem(last=False)
        return SandboxResponse(201, b"", {})


def looks_damaged(data: bytes) -> bool:
    try:
        image = Image.open(io.BytesIO(data))
        image.draft("RGB", (200, 200))
        small = image.convert("RGB")
    except (UnidentifiedImageError, OSError):
        return False
    small.thumbnail((200, 200))
    red, green, blue = (band.tobytes() for band in small.split())
    marked = sum(
        1 for r, g, b in zip(red, green, blue, strict=True) if r > 170 and g < 90 and b < 90
    )
    return marked >= DAMAGE_SHARE * small.width * small.height


def _content_type(data: bytes) -> str | None:
    return next((kind for magic, kind in _MAGIC.items() if data.startswith(magic)), None)
