"""Steps that bring an older settings file up to :data:`SCHEMA_VERSION`.

Each step takes the raw TOML data of version N and returns version N + 1. Files written before
the schema had a version are version 0. A setting that moved keeps its old environment
variable working through :data:`RENAMED_VARIABLES`, so a deployment's service file does not
break on update.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from returndesk.settings.model import SCHEMA_VERSION

Raw = dict[str, Any]


def _v0_to_v1(data: Raw) -> Raw:
    # a hand-written file without a version: its keys are those of version 1
    data["schema_version"] = 1
    return data


def _v1_to_v2(data: Raw) -> Raw:
    # version 2 gathers the kiosk options in their own section: [station] kiosk moved to
    # [kiosk] enabled (beside restart_on_crash)
    station = data.get("station")
    if isinstance(station, dict) and "kiosk" in station:
        kiosk = data.setdefault("kiosk", {})
        if isinstance(kiosk, dict):
            kiosk.setdefault("enabled", station.pop("kiosk"))
    data["schema_version"] = 2
    return data


STEPS: dict[int, Callable[[Raw], Raw]] = {0: _v0_to_v1, 1: _v1_to_v2}

#: environment variables of moved settings: old name -> the new one
RENAMED_VARIABLES = {"RETURNDESK_STATION__KIOSK": "RETURNDESK_KIOSK__ENABLED"}


class MigrationError(ValueError):
    pass


def migrate(data: Raw) -> Raw:
    version = data.get("schema_version", 0)
    if not isinstance(version, int) or version < 0:
        raise MigrationError(f"schema_version must be a whole number, got {version!r}")
    if version > SCHEMA_VERSION:
        raise MigrationError(
            f"the settings file is from a newer ReturnDesk (schema {version}, "
            f"this version knows {SCHEMA_VERSION}); update the station"
        )
    while version < SCHEMA_VERSION:
        data = STEPS[version](data)
        version += 1
    return data
