"""Preparing photos: upright, scaled, within budget, without metadata, stable hash."""

from __future__ import annotations

import hashlib
import io

import pytest
from PIL import Image

from returndesk.photos.prepare import MAX_PIXELS, PhotoError, prepare

ORIENTATION, GPS_IFD = 0x0112, 0x8825


def camera_jpeg(width=4000, height=3000, orientation=6) -> bytes:
    """A 12-megapixel photo as a phone stores it: sideways pixels, an orientation tag, GPS."""
    noise = Image.effect_noise((width // 4, height // 4), 60).resize((width, height))
    image = Image.merge("RGB", (noise, noise.transpose(Image.Transpose.FLIP_LEFT_RIGHT), noise))
    image.paste((255, 0, 0), (0, 0, width // 4, height // 4))  # a red top-left corner
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[GPS_IFD] = {1: "N", 2: (59.0, 19.0, 52.0), 3: "E", 4: (18.0, 4.0, 7.0)}
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=92, exif=exif)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def twelve_megapixels() -> bytes:
    return camera_jpeg()


def test_a_12_megapixel_photo(twelve_megapixels):
    photo = prepare(twelve_megapixels, long_edge=1600, max_bytes=1_500_000)
    assert (photo.width, photo.height) == (1200, 1600)  # orientation 6: shown portrait
    assert photo.size <= 1_500_000
    assert photo.sha256 == hashlib.sha256(photo.data).hexdigest()
    assert photo.original_sha256 == hashlib.sha256(twelve_megapixels).hexdigest()


def test_orientation_is_applied_to_the_pixels(twelve_megapixels):
    photo = Image.open(io.BytesIO(prepare(twelve_megapixels).data))
    # orientation 6 turns the picture 90° clockwise: the red top-left corner is now top-right
    assert _is_red(photo.getpixel((photo.width - 20, 20)))
    assert not _is_red(photo.getpixel((20, 20)))


def _is_red(pixel: tuple[int, int, int]) -> bool:
    red, green, blue = pixel
    return red > 200 and green < 60 and blue < 60


def test_every_tag_is_dropped_gps_included(twelve_megapixels):
    assert Image.open(io.BytesIO(twelve_megapixels)).getexif().get_ifd(GPS_IFD)
    photo = Image.open(io.BytesIO(prepare(twelve_megapixels).data))
    assert dict(photo.getexif()) == {}
    assert "exif" not in photo.info
    assert "icc_profile" not in photo.info


def test_the_same_photo_gives_the_same_bytes(twelve_megapixels):
    assert prepare(twelve_megapixels).sha256 == prepare(twelve_megapixels).sha256


def test_a_large_png_with_transparency():
    image = Image.new("RGBA", (6000, 4000), (0, 0, 0, 0))
    image.paste((30, 90, 200, 255), (1000, 1000, 5000, 3000))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    photo = prepare(buffer.getvalue())
    assert (photo.width, photo.height) == (1600, 1067)
    prepared = Image.open(io.BytesIO(photo.data))
    assert prepared.format == "JPEG"
    assert prepared.getpixel((5, 5)) == pytest.approx((255, 255, 255), abs=3)  # on white


def test_a_tight_budget_lowers_quality_then_pixels(twelve_megapixels):
    photo = prepare(twelve_megapixels, max_bytes=60_000)
    assert photo.size <= 60_000


@pytest.mark.parametrize("data", [b"", b"not a photo", b"%PDF-1.7 ..."])
def test_what_is_no_photo_is_refused(data):
    with pytest.raises(PhotoError, match="not a photo"):
        prepare(data)


def test_a_decompression_bomb_is_refused_unread():
    side = int(MAX_PIXELS**0.5) + 100
    buffer = io.BytesIO()
    Image.new("1", (side, side)).save(buffer, "PNG")
    with pytest.raises(PhotoError, match="more than a camera takes"):
        prepare(buffer.getvalue())


def test_a_large_jpeg_is_decoded_at_a_reduced_scale(twelve_megapixels, monkeypatch):
    # a 4:3 photo asked for as a square never reduced: the decoder read all 12 MP
    from PIL import JpegImagePlugin

    decoded = []
    real = JpegImagePlugin.JpegImageFile.draft

    def spy(self, mode, size):
        result = real(self, mode, size)
        decoded.append(self.size)
        return result

    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "draft", spy)
    prepared = prepare(twelve_megapixels)
    assert decoded == [(2000, 1500)]  # 1/2 scale: still at least 1600 on the long side
    assert max(Image.open(io.BytesIO(prepared.data)).size) == 1600
