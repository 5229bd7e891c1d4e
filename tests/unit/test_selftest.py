"""The self-test's checks: they pass on a whole installation and name what a broken one lacks."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PIL import Image

from returndesk import selftest
from returndesk.photos import prepare as prepare_module
from returndesk.ui.photos.photo_dialog import IMAGE_SUFFIXES


def test_the_photo_check_covers_every_format_the_photo_dialog_offers():
    by_suffix = Image.registered_extensions()
    assert {by_suffix[suffix] for suffix in IMAGE_SUFFIXES} == set(selftest.PHOTO_FORMATS)


def test_the_photo_check_passes_with_pillow_whole():
    assert selftest._photos() == {"photos": "ok"}


def test_the_photo_check_names_the_format_that_did_not_come_out_as_jpeg(monkeypatch):
    real = prepare_module.prepare

    def broken_for_tiff(original: bytes, **kwargs):
        prepared = real(original, **kwargs)
        return replace(prepared, data=b"II*\0") if original[:4] == b"II*\0" else prepared

    monkeypatch.setattr(prepare_module, "prepare", broken_for_tiff)
    with pytest.raises(RuntimeError, match="a TIFF photo was not prepared as a JPEG"):
        selftest._photos()
