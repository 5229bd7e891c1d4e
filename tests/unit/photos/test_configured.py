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


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (
            {"store": "folder", "folder": "/srv/p", "public_base_url": "http://p.example.com/"},
            "public_base_url must be an https://",
        ),
        (
            {
                "store": "http",
                "upload_url": "http://dav.example.com/{name}",
                "public_base_url": "https://p.example.com/",
            },
            "upload_url must be an https://",
        ),
    ],
)
def test_settings_refuse_clear_text_photo_addresses_at_load(tmp_path, values, message):
    """Every command loads settings: an http:// photo address is refused there, not only
    when the station's window starts."""
    from returndesk.settings.loader import SettingsError, load_settings

    lines = "\n".join(f'{k} = "{v}"' for k, v in values.items())
    path = tmp_path / "settings.toml"
    path.write_text(f"[photos]\n{lines}\n")
    with pytest.raises(SettingsError, match=message):
        load_settings(path)
