"""Turn a camera photo into what WM Tech is sent: upright, scaled, a small JPEG, no metadata.

The camera's orientation tag is applied to the pixels (a viewer that ignores EXIF still shows
it upright), then every tag is dropped — GPS position and camera serials included. JPEGs are
decoded at a reduced scale when that is still larger than the target (libjpeg's DCT scaling),
which makes a 12-megapixel photo cheap. Quality steps down until the size budget holds.
The same input always gives the same bytes, so the SHA-256 identifies the photo.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass

from PIL import Image, ImageOps, UnidentifiedImageError

#: larger images are refused unread (a decompression bomb, or not a photo)
MAX_PIXELS = 80_000_000
QUALITIES = (85, 78, 70, 62, 54, 46)


class PhotoError(ValueError):
    """The file cannot be used as a photo; the message is for the operator."""


@dataclass(frozen=True, slots=True)
class PreparedPhoto:
    #: the JPEG that is published
    data: bytes
    sha256: str
    width: int
    height: int
    quality: int
    #: the original file's hash, for the evidence bundle
    original_sha256: str

    @property
    def size(self) -> int:
        return len(self.data)


def prepare(original: bytes, *, long_edge: int = 1600, max_bytes: int = 1_500_000) -> PreparedPhoto:
    image = _open(original)
    if image.format == "JPEG":
        # decode at 1/2, 1/4 … while still at least the prepared size: draft keeps both sides
        # at or above the size asked for, so ask for the prepared photo's own shape (a square
        # request never reduces a 4:3 photo)
        width, height = image.size
        scale = long_edge / max(width, height)
        if scale < 1:
            image.draft("RGB", (int(width * scale), int(height * scale)))
    upright = ImageOps.exif_transpose(image)
    rgb = _flatten(upright)
    rgb.thumbnail((long_edge, long_edge), Image.Resampling.BICUBIC, reducing_gap=2.0)
    while True:
        for quality in QUALITIES:
            data = _jpeg(rgb, quality)
            if len(data) <= max_bytes:
                return PreparedPhoto(
                    data=data,
                    sha256=hashlib.sha256(data).hexdigest(),
                    width=rgb.width,
                    height=rgb.height,
                    quality=quality,
                    original_sha256=hashlib.sha256(original).hexdigest(),
                )
        if max(rgb.size) <= 320:
            raise PhotoError("the photo cannot be made small enough; take it again")
        # still too large at the lowest quality (a very detailed scene): fewer pixels
        rgb = rgb.resize((rgb.width * 4 // 5, rgb.height * 4 // 5), Image.Resampling.BICUBIC)


def _open(original: bytes) -> Image.Image:
    try:
        image = Image.open(io.BytesIO(original))
    except (UnidentifiedImageError, OSError):
        raise PhotoError("this file is not a photo the station can read (JPEG or PNG)") from None
    if image.format not in ("JPEG", "PNG", "WEBP", "BMP", "TIFF"):
        raise PhotoError(f"{image.format} images are not used; take a JPEG or PNG photo")
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise PhotoError(f"the image is {width}x{height} pixels, more than a camera takes")
    return image


def _flatten(image: Image.Image) -> Image.Image:
    """RGB on white: a PNG's transparency becomes the background a person would see."""
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGB", rgba.size, (255, 255, 255))
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    return image.convert("RGB")


def _jpeg(image: Image.Image, quality: int) -> bytes:
    buffer = io.BytesIO()
    # no exif=, no icc_profile=: nothing of the original's metadata is written
    image.save(buffer, "JPEG", quality=quality, optimize=True, progressive=False)
    return buffer.getvalue()
