import pytest

from returndesk.settings.secrets import (
    NSHIFT_PASSWORD,
    WMTECH_API_KEY,
    SecretStore,
    SecretStoreError,
    backend_is_secure,
)


class MemoryKeyring:
    """A protected in-memory backend, standing in for the OS vault."""

    priority = 10

    def __init__(self):
        self.items = {}

    def get_password(self, service, user):
        return self.items.get((service, user))

    def set_password(self, service, user, value):
        self.items[(service, user)] = value


class PlaintextKeyring(MemoryKeyring):
    pass


def test_environment_wins_then_keyring():
    backend = MemoryKeyring()
    store = SecretStore({}, backend)
    store.set(NSHIFT_PASSWORD, "from-keyring")
    assert store.get(NSHIFT_PASSWORD) == "from-keyring"
    env_store = SecretStore({NSHIFT_PASSWORD.env_var: "from-env"}, backend)
    assert env_store.get(NSHIFT_PASSWORD) == "from-env"
    assert store.get(WMTECH_API_KEY) is None


def test_insecure_backends_are_refused_for_writing():
    import keyring.backends.fail
    import keyring.backends.null

    for backend in (
        keyring.backends.fail.Keyring(),
        keyring.backends.null.Keyring(),
        PlaintextKeyring(),
    ):
        assert not backend_is_secure(backend)
        with pytest.raises(SecretStoreError, match="does not protect secrets") as caught:
            SecretStore({}, backend).set(NSHIFT_PASSWORD, "s3cret")
        assert "s3cret" not in str(caught.value)
        assert NSHIFT_PASSWORD.env_var in str(caught.value)
        assert SecretStore({}, backend).get(NSHIFT_PASSWORD) is None


def test_chainer_is_secure_if_one_backend_is():
    class Chainer:
        backends = [PlaintextKeyring(), MemoryKeyring()]

    assert backend_is_secure(Chainer())
    assert backend_is_secure(MemoryKeyring())


def test_env_var_names():
    assert NSHIFT_PASSWORD.env_var == "RETURNDESK_NSHIFT__PASSWORD"
    assert WMTECH_API_KEY.env_var == "RETURNDESK_WMTECH__API_KEY"


def test_a_locked_keyring_is_its_own_message_not_a_missing_secret():
    from keyring.errors import KeyringLocked

    class Locked(MemoryKeyring):
        def get_password(self, service, user):
            raise KeyringLocked("Failed to unlock the collection!")

    with pytest.raises(SecretStoreError, match="the keyring is locked") as caught:
        SecretStore({}, Locked()).get(NSHIFT_PASSWORD)
    assert NSHIFT_PASSWORD.env_var in str(caught.value)
    assert "missing" not in str(caught.value)


def test_a_broken_keyring_says_unavailable():
    class Broken(MemoryKeyring):
        def get_password(self, service, user):
            raise RuntimeError("org.freedesktop.DBus.Error.ServiceUnknown")

    with pytest.raises(SecretStoreError, match=r"the keyring is unavailable .*ServiceUnknown"):
        SecretStore({}, Broken()).get(NSHIFT_PASSWORD)
