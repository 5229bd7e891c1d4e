"""Read settings: defaults < TOML file < ``RETURNDESK_<SECTION>__<KEY>`` environment.

Values from the environment are strings that pydantic converts (``true``, ``25``, ``0.19``);
a value starting with ``[`` or ``{`` is read as a TOML array or table, so list settings can
be overridden too. Secrets are never settings: they come from :mod:`returndesk.settings.secrets`.
"""

from __future__ import annotations

import copy
import logging
import os
import tomllib
from collections.abc import Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import tomli_w
from pydantic import ValidationError

from returndesk.core.files import write_atomically
from returndesk.settings.migrations import RENAMED_VARIABLES, MigrationError, migrate
from returndesk.settings.model import Settings, default_markets
from returndesk.settings.secrets import SECRET_NAMES

ENV_PREFIX = "RETURNDESK_"

log = logging.getLogger(__name__)


class SettingsError(ValueError):
    """Settings that cannot be used, with a message an administrator can act on."""


class SettingsInvalid(SettingsError):
    """Values the schema refuses; ``problems`` maps each dotted key (``nshift.base_url``)
    to its message, so a form can show each one beside its field."""

    def __init__(self, message: str, problems: dict[str, str]) -> None:
        super().__init__(message)
        self.problems = problems


def validate_settings(data: Mapping[str, Any]) -> Settings:
    """Settings from plain data (a form's values), or :class:`SettingsInvalid`."""
    try:
        return Settings.model_validate(dict(data))
    except ValidationError as exc:
        raise SettingsInvalid(describe_validation_error(exc), problems_of(exc)) from None


def problems_of(exc: ValidationError) -> dict[str, str]:
    problems: dict[str, str] = {}
    for error in exc.errors():
        where = ".".join(str(p) for p in error["loc"]) or "settings"
        problems.setdefault(where, error["msg"].removeprefix("Value error, "))
    return problems


def load_settings(path: Path, environ: Mapping[str, str] | None = None) -> Settings:
    return _effective(_file_data(path), path, environ)


def _file_data(path: Path) -> dict[str, Any]:
    """The file's own values, in the current format (no defaults, no environment)."""
    data = _read_file(path)
    for secret in SECRET_NAMES:
        section = data.get(secret.section)
        if isinstance(section, dict) and secret.key in section:
            raise SettingsError(
                f"{path}: [{secret.section}] {secret.key} is a secret and does not belong in "
                f"the settings file; store it in the OS keyring or the environment variable "
                f"{secret.env_var}"
            )
    try:
        return migrate(data)
    except MigrationError as exc:
        raise SettingsError(f"{path}: {exc}") from None


def _effective(
    file_data: Mapping[str, Any], path: Path, environ: Mapping[str, str] | None
) -> Settings:
    """Defaults < the file's values < the environment, validated."""
    environ = os.environ if environ is None else environ
    data = copy.deepcopy(dict(file_data))
    # an override of one market must not replace the whole default table
    data.setdefault("markets", {k: m.model_dump() for k, m in default_markets().items()})
    _apply_environment(data, _renamed(environ))
    try:
        return Settings.model_validate(data)
    except ValidationError as exc:
        raise SettingsInvalid(describe_validation_error(exc), problems_of(exc)) from None


def changed_values(before: Mapping[str, Any], after: Mapping[str, Any]) -> dict[str, Any]:
    """The keys whose value differs between two nested tables (a form as loaded and as
    saved), nested as they were; a table compared key by key, anything else whole."""
    changes: dict[str, Any] = {}
    for key, value in after.items():
        old = before.get(key, _MISSING)
        if isinstance(value, Mapping) and isinstance(old, Mapping):
            inner = changed_values(old, value)
            if inner:
                changes[key] = inner
        elif value != old:
            changes[key] = value
    return changes


def save_changes(
    path: Path, changes: Mapping[str, Any], environ: Mapping[str, str] | None = None
) -> Settings:
    """Write ``changes`` (nested, only what an administrator changed) into the settings file
    as it is, atomically, and return the settings the station will start with. Nothing else
    is written: a value from the environment or a default the file does not name stays out
    of it, so a deployment's variables are never frozen into the file and a new version's
    defaults (tax rates, URLs) still reach a station that never changed them."""
    data = _merged(_file_data(path), changes)
    settings = _effective(data, path, environ)  # refused before anything is written
    text = tomli_w.dumps(_toml_ready(data))
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, text.encode("utf-8"), temporary=path.with_name(path.name + ".tmp"))
    return settings


def environment_overrides(
    changes: Mapping[str, Any], environ: Mapping[str, str] | None = None
) -> list[str]:
    """The variables that override one of ``changes`` (so the change has no effect while
    they are set), for the administrator to be told."""
    environ = os.environ if environ is None else environ
    names = []
    for dotted in _leaves(changes):
        variable = variable_name(dotted)
        if variable in environ:
            names.append(variable)
    return names


_MISSING = object()


def variable_name(path: Sequence[object]) -> str:
    """The environment variable of a setting's path: ("nshift", "base_url") is
    RETURNDESK_NSHIFT__BASE_URL."""
    return ENV_PREFIX + "__".join(str(part).upper() for part in path)


def _merged(data: Mapping[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    result = copy.deepcopy(dict(data))
    for key, value in changes.items():
        old = result.get(key)
        if isinstance(value, Mapping) and isinstance(old, Mapping):
            result[key] = _merged(old, value)
        else:
            result[key] = copy.deepcopy(value)
    return result


def _leaves(table: Mapping[str, Any], prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    leaves = []
    for key, value in table.items():
        if isinstance(value, Mapping):
            leaves += _leaves(value, (*prefix, key))
        else:
            leaves.append((*prefix, key))
    return leaves


def _renamed(environ: Mapping[str, str]) -> Mapping[str, str]:
    """Variables of moved settings still work, under their new name (the new one wins)."""
    if not any(old in environ for old in RENAMED_VARIABLES):
        return environ
    result = dict(environ)
    for old, new in RENAMED_VARIABLES.items():
        if old in result:
            value = result.pop(old)
            result.setdefault(new, value)
            log.warning("%s is now called %s; please rename it", old, new)
    return result


def describe_validation_error(exc: ValidationError) -> str:
    lines = []
    for error in exc.errors():
        message = error["msg"].removeprefix("Value error, ")
        if not error["loc"]:  # a rule across sections names its keys itself
            lines.append(message)
            continue
        where = ".".join(str(p) for p in error["loc"])
        env = variable_name(error["loc"])
        lines.append(f"{where}: {message} (file key {where} or variable {env})")
    return "invalid settings:\n  " + "\n  ".join(lines)


def settings_toml(settings: Settings) -> str:
    """Every value, defaults included: for showing or exporting, never for the station's own
    settings file (see :func:`save_changes`)."""
    return tomli_w.dumps(_toml_ready(settings.model_dump(mode="python")))


def _toml_ready(value: Any) -> Any:
    if isinstance(value, dict):
        # TOML has no null: an absent key is the unset value (a rule's unused condition)
        return {k: _toml_ready(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_toml_ready(v) for v in value]
    if isinstance(value, Decimal):
        # TOML floats lose digits for some rates; a string round-trips exactly
        return str(value)
    return value


def _read_file(path: Path) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise SettingsError(f"cannot read settings file {path}: {exc}") from None
    try:
        return tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"settings file {path} is not valid TOML: {exc}") from None


#: RETURNDESK_ variables that are not settings: the console's log level, the supervisor's
#: and self-test's switches, the install scripts' folders
NOT_SETTINGS = frozenset(
    ENV_PREFIX + name
    for name in (
        "LOG_LEVEL",
        "SUPERVISED",
        "SELF_TEST_TRACE",
        "KEEP_VIRTUAL_KEYBOARD",
        "VENV",
        "BUILD_VENV",
    )
)


def _apply_environment(data: dict[str, Any], environ: Mapping[str, str]) -> None:
    secret_vars = {s.env_var for s in SECRET_NAMES}
    top_level = {name.upper() for name in Settings.model_fields}
    for name, raw in sorted(environ.items()):
        if not name.startswith(ENV_PREFIX) or name in secret_vars or name in NOT_SETTINGS:
            continue
        if "__" not in name:
            key = name[len(ENV_PREFIX) :]
            if key not in top_level:
                # never silently ignored: a typo or a missing "__" would leave a deployment
                # running on a setting it believes it changed
                raise SettingsError(
                    f"{name} is not a setting: a section's key is "
                    f"RETURNDESK_<SECTION>__<KEY> (e.g. RETURNDESK_STATION__NAME)"
                )
        parts = [p.lower() for p in name[len(ENV_PREFIX) :].split("__")]
        if not all(parts):
            raise SettingsError(f"{name}: empty part in the variable name")
        target = data
        for part in parts[:-1]:
            child = target.setdefault(_existing_key(target, part), {})
            if not isinstance(child, dict):
                raise SettingsError(f"{name}: {part} is not a section")
            target = child
        target[_existing_key(target, parts[-1])] = _env_value(name, raw)


def _existing_key(table: dict[str, Any], part: str) -> str:
    """Variable names are upper case; keys like market codes ("SE") keep their file spelling."""
    for key in table:
        if key.lower() == part:
            return key
    return part


def _env_value(name: str, raw: str) -> Any:
    stripped = raw.strip()
    if stripped[:1] in ("[", "{"):
        try:
            return tomllib.loads(f"v = {stripped}", parse_float=Decimal)["v"]
        except tomllib.TOMLDecodeError as exc:
            raise SettingsError(f"{name}: not a TOML array or table: {exc}") from None
    return raw
