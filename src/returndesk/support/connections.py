"""*Test connection* from a Settings form: the vendor's section as typed, and its secret."""

from __future__ import annotations

from contextlib import closing
from typing import Any

import httpx
from pydantic import ValidationError

from returndesk.settings.model import NShiftSettings, ReturnMateSettings, WmTechSettings
from returndesk.vendors.nshift import NShiftClient
from returndesk.vendors.probe import ProbeResult, probe_nshift, probe_returnmate, probe_wmtech
from returndesk.vendors.returnmate import AuthStyle, ReturnMateClient
from returndesk.vendors.wmtech import WmTechClient

SECTIONS: dict[str, type[NShiftSettings | ReturnMateSettings | WmTechSettings]] = {
    "nshift": NShiftSettings,
    "returnmate": ReturnMateSettings,
    "wmtech": WmTechSettings,
}


def probe_section(
    vendor: str,
    section: dict[str, Any],
    secret: str | None,
    *,
    transport: httpx.BaseTransport | None = None,
) -> ProbeResult:
    try:
        model = SECTIONS[vendor].model_validate(section)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        return ProbeResult(False, f"{where}: {first['msg'].removeprefix('Value error, ')}")
    if not model.base_url:
        return ProbeResult(False, "Enter the base URL first.")
    if not secret:
        return ProbeResult(False, "No credential: type it above (or store it) first.")
    timeout = httpx.Timeout(min(model.timeout_seconds, 15.0), connect=5.0)
    if isinstance(model, NShiftSettings):
        if not model.username:
            return ProbeResult(False, "Enter the nShift username first.")
        nshift = NShiftClient.create(
            model.base_url, model.username, secret, transport=transport, timeout=timeout
        )
        with closing(nshift):
            return probe_nshift(nshift)
    if isinstance(model, ReturnMateSettings):
        returnmate = ReturnMateClient.create(
            model.base_url,
            secret,
            auth_style=AuthStyle(model.auth_style),
            transport=transport,
            timeout=timeout,
        )
        with closing(returnmate):
            return probe_returnmate(returnmate)
    wmtech = WmTechClient.create(model.base_url, secret, transport=transport, timeout=timeout)
    with closing(wmtech):
        return probe_wmtech(wmtech)
