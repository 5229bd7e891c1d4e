"""Credentials: the OS keyring, or environment variables where a deployment chooses that.

A secret never enters the settings file, the database, a log line or an exception message.
A keyring backend that does not protect what it stores (the "fail", "null" and plaintext
backends) is refused for writing, with a message that says how to fix it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

SERVICE = "ReturnDesk"


@dataclass(frozen=True, slots=True)
class SecretName:
    section: str
    key: str

    @property
    def env_var(self) -> str:
        return f"RETURNDESK_{self.section.upper()}__{self.key.upper()}"

    @property
    def keyring_user(self) -> str:
        return f"{self.section}.{self.key}"


NSHIFT_PASSWORD = SecretName("nshift", "password")
WMTECH_API_KEY = SecretName("wmtech", "api_key")
RETURNMATE_API_KEY = SecretName("returnmate", "api_key")
#: the photo store's upload token or password (``[photos] upload_auth``)
PHOTO_UPLOAD_SECRET = SecretName("photos", "upload_secret")
#: the fleet database's password for the role in ``[fleet] database_url``
FLEET_PASSWORD = SecretName("fleet", "password")
SECRET_NAMES = (
    NSHIFT_PASSWORD,
    WMTECH_API_KEY,
    RETURNMATE_API_KEY,
    PHOTO_UPLOAD_SECRET,
    FLEET_PASSWORD,
)

_INSECURE_MODULES = ("keyring.backends.fail", "keyring.backends.null", "keyrings.alt.file")
_INSECURE_NAMES = ("plaintext", "uncrypted", "null", "fail")


class SecretStoreError(RuntimeError):
    pass


def keyring_failure(name: SecretName, exc: BaseException) -> str:
    """What to tell IT when the keyring cannot be read (never the secret: there is none)."""
    detail = " ".join(str(exc).split())[:200]
    kind = type(exc).__name__
    state = "locked" if "lock" in (kind + detail).lower() else "unavailable"
    return (
        f"the keyring is {state} ({kind}{': ' + detail if detail else ''}) while reading "
        f"{name.keyring_user}; unlock the desktop's keyring, or set {name.env_var} in the "
        "station's service environment"
    )


def backend_is_secure(backend: object) -> bool:
    """True for a backend that keeps secrets protected (OS vault, Secret Service, …)."""
    inner = getattr(backend, "backends", None)
    if inner is not None:  # the chainer: secure if any of its backends is
        return any(backend_is_secure(b) for b in inner)
    cls = type(backend)
    if cls.__module__.startswith(_INSECURE_MODULES):
        return False
    name = cls.__name__.lower()
    return not any(word in name for word in _INSECURE_NAMES)


class SecretStore:
    """Reads secrets from the environment first, then the keyring."""

    def __init__(self, environ: Mapping[str, str] | None = None, backend: object = None) -> None:
        self._environ = os.environ if environ is None else environ
        self._backend = backend

    @property
    def environ(self) -> Mapping[str, str]:
        return self._environ

    @property
    def backend(self) -> object:
        """The keyring backend (found on first use)."""
        return self._keyring()

    def source(self, name: SecretName) -> str | None:
        """Where ``name`` would be read from: "environment", "keyring", or None (not set)."""
        if self._environ.get(name.env_var):
            return "environment"
        return "keyring" if self.get(name) else None

    def _keyring(self) -> object:
        if self._backend is None:
            import keyring  # imported late: finding a backend can take a moment

            self._backend = keyring.get_keyring()
        return self._backend

    def backend_name(self) -> str:
        backend = self._keyring()
        return f"{type(backend).__module__}.{type(backend).__name__}"

    def get(self, name: SecretName) -> str | None:
        value = self._environ.get(name.env_var)
        if value:
            return value
        backend = self._keyring()
        if not backend_is_secure(backend):
            return None
        try:
            found = backend.get_password(SERVICE, name.keyring_user)  # type: ignore[attr-defined]
        except Exception as exc:
            # a locked or broken keyring is not a missing secret: saying "missing" sends IT
            # to re-enter a key that is there
            raise SecretStoreError(keyring_failure(name, exc)) from None
        return found if isinstance(found, str) and found else None

    def set(self, name: SecretName, value: str) -> None:
        backend = self._keyring()
        if not backend_is_secure(backend):
            raise SecretStoreError(
                f"the keyring backend {self.backend_name()} does not protect secrets; "
                "start the desktop's keyring (Secret Service / Windows Credential Manager) "
                f"or set {name.env_var} in the station's service environment"
            )
        try:
            backend.set_password(SERVICE, name.keyring_user, value)  # type: ignore[attr-defined]
        except Exception as exc:
            raise SecretStoreError(
                f"could not store {name.keyring_user} in the keyring ({type(exc).__name__})"
            ) from None
