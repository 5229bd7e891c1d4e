import pytest

from returndesk.core.environment import Environment
from returndesk.settings.model import Settings
from returndesk.settings.paths import Paths
from returndesk.settings.secrets import SecretStore
from returndesk.station import StationConfigError, build_station, demo_codes, wants_demo


@pytest.fixture
def paths(tmp_path):
    return Paths(config_file=tmp_path / "s.toml", data_dir=tmp_path / "d", log_dir=tmp_path / "l")


def live_settings(**wmtech):
    return Settings.model_validate(
        {
            "nshift": {
                "base_url": "https://new-prod.returnado.com/public-api/v3",
                "username": "bench1",
            },
            "returnmate": {"base_url": "https://api.returnmate.io/v1"},
            "wmtech": {"base_url": "https://api.wmtechsolutions.online/v1", **wmtech},
        }
    )


SECRETS = {"RETURNDESK_NSHIFT__PASSWORD": "pw", "RETURNDESK_RETURNMATE__API_KEY": "rk"}


def test_no_vendor_configured_means_demo():
    assert wants_demo(Settings(), demo_flag=False)
    assert not wants_demo(live_settings(), demo_flag=False)
    assert wants_demo(live_settings(), demo_flag=True)


def test_demo_station_talks_to_the_sandbox(paths):
    station = build_station(Settings(), paths, demo=True)
    assert station.environment is Environment.SANDBOX
    assert station.demo
    assert len(station.returnmate.list_rmas(per_page=2).rmas) == 2
    assert demo_codes(station) == ["RMA-2026-000001", "RMA-2026-000002", "RMA-2026-000004"]


def test_live_station_missing_credentials_says_what_is_missing(paths):
    with pytest.raises(StationConfigError) as caught:
        build_station(live_settings(), paths, demo=False, secrets=SecretStore({}))
    message = str(caught.value)
    assert "RETURNDESK_RETURNMATE__API_KEY" in message
    assert "RETURNDESK_NSHIFT__PASSWORD" in message
    assert "--demo" in message


def test_live_station_with_test_key_is_test_environment(paths):
    secrets = SecretStore({**SECRETS, "RETURNDESK_WMTECH__API_KEY": "wmtech_test_abc"})
    station = build_station(live_settings(), paths, demo=False, secrets=secrets)
    assert station.environment is Environment.TEST
    assert station.wmtech is not None


def test_live_key_is_refused_unless_allowed(paths):
    secrets = SecretStore({**SECRETS, "RETURNDESK_WMTECH__API_KEY": "wmtech_live_abc"})
    with pytest.raises(StationConfigError, match="real refunds"):
        build_station(live_settings(), paths, demo=False, secrets=secrets)
    station = build_station(live_settings(allow_live_key=True), paths, demo=False, secrets=secrets)
    assert station.environment is Environment.LIVE


def test_a_wmtech_key_of_unknown_kind_is_a_start_message_not_a_crash(paths):
    secrets = SecretStore({**SECRETS, "RETURNDESK_WMTECH__API_KEY": "sk_live_abc"})
    with pytest.raises(StationConfigError, match="starts with 'wmtech_live_' or"):
        build_station(live_settings(), paths, demo=False, secrets=secrets)


def test_a_locked_keyring_is_a_start_message(paths):
    from keyring.errors import KeyringLocked

    class Locked:
        priority = 10

        def get_password(self, service, user):
            raise KeyringLocked("locked")

    with pytest.raises(StationConfigError, match="the keyring is locked"):
        build_station(live_settings(), paths, demo=False, secrets=SecretStore({}, Locked()))


def test_without_wmtech_the_station_still_runs(paths):
    settings = live_settings()
    settings.wmtech.base_url = ""
    station = build_station(settings, paths, demo=False, secrets=SecretStore(SECRETS))
    assert station.wmtech is None
    assert "without AI advice" in station.notes[0]


def test_settle_heap_freezes_what_start_up_built():
    import gc

    from returndesk.app import settle_heap

    try:
        settle_heap()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_the_badge_comes_from_the_settings_not_from_an_address(paths):
    settings = live_settings()
    settings.nshift.base_url = "https://staging.returnado.com/public-api/v3"
    station = build_station(settings, paths, demo=False, secrets=SecretStore(SECRETS))
    assert station.environment is Environment.LIVE  # "staging" in a URL proves nothing
    settings.nshift.environment = "test"
    station = build_station(settings, paths, demo=False, secrets=SecretStore(SECRETS))
    assert station.environment is Environment.TEST


def test_a_live_wmtech_key_shows_live_even_against_nshift_staging(paths):
    settings = live_settings(allow_live_key=True)
    settings.nshift.base_url = "https://staging.returnado.com/public-api/v3"
    settings.nshift.environment = "test"
    secrets = SecretStore({**SECRETS, "RETURNDESK_WMTECH__API_KEY": "wmtech_live_abc"})
    station = build_station(settings, paths, demo=False, secrets=secrets)
    assert station.environment is Environment.LIVE


def test_photo_store_settings_reach_the_station(paths, tmp_path):
    from returndesk.photos.stores import FolderStore
    from returndesk.settings.photos import PhotoSettings

    settings = live_settings()
    settings.photos = PhotoSettings(
        store="folder", folder=str(tmp_path / "www"), public_base_url="https://photos.example.com/"
    )
    secrets = SecretStore({**SECRETS, "RETURNDESK_WMTECH__API_KEY": "wmtech_test_abc"})
    station = build_station(settings, paths, demo=False, secrets=secrets)
    assert isinstance(station.photos, FolderStore)


def test_an_upload_store_without_its_secret_stops_the_start(paths):
    from returndesk.settings.photos import PhotoSettings

    settings = live_settings()
    settings.photos = PhotoSettings(
        store="http",
        upload_url="https://dav.example.com/{name}",
        public_base_url="https://cdn.example.com/",
        upload_auth="bearer",
    )
    with pytest.raises(StationConfigError, match="RETURNDESK_PHOTOS__UPLOAD_SECRET"):
        build_station(settings, paths, demo=False, secrets=SecretStore(SECRETS))
