"""The photo store from settings, and what is refused before the station starts."""

from __future__ import annotations

import pytest

from returndesk.photos.configured import configured_store
from returndesk.photos.stores import FolderStore, HttpUploadStore
from returndesk.settings.photos import PhotoSettings
from returndesk.vendors.errors import ConfigurationError


def test_the_folder_store(tmp_path):
    settings = PhotoSettings(
        store="folder", folder=str(tmp_path), public_base_url="https://photos.example.com/r/"
    )
    store = configured_store(settings, None)
    assert isinstance(store, FolderStore)
    assert store.public_url("a.jpg") == "https://photos.example.com/r/a.jpg"


def test_the_upload_store_needs_its_secret():
    settings = PhotoSettings(
        store="http",
        upload_url="https://dav.example.com/returns/{name}",
        public_base_url="https://cdn.example.com/returns",
        upload_auth="bearer",
    )
    with pytest.raises(ConfigurationError, match="RETURNDESK_PHOTOS__UPLOAD_SECRET"):
        configured_store(settings, None)
    store = configured_store(settings, "token")
    assert isinstance(store, HttpUploadStore)
    store.close()


def test_no_store_on_a_live_station_means_photos_are_kept_only():
    assert configured_store(PhotoSettings(), None) is None


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"store": "folder"}, "needs folder and public_base_url"),
        (
            {"store": "http", "upload_url": "https://x/up", "public_base_url": "https://x/"},
            '"{name}"',
        ),
        ({"upload_auth": "basic"}, "upload_username"),
    ],
)
def test_incomplete_settings_are_refused(changes, words):
    with pytest.raises(ValueError, match=words):
        PhotoSettings(**changes)
