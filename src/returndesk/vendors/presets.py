"""Known vendor hosts, offered in Settings so an admin picks rather than types them."""

from __future__ import annotations

from returndesk.vendors.nshift import PRODUCTION_BASE_URL, STAGING_BASE_URL

#: vendor -> (label, base URL), the first being the usual choice
BASE_URL_PRESETS: dict[str, list[tuple[str, str]]] = {
    "nshift": [
        ("Staging", STAGING_BASE_URL),
        ("Production", PRODUCTION_BASE_URL),
    ],
    "returnmate": [
        ("Production", "https://api.returnmate.io/v1"),
        ("Sandbox", "https://api.sandbox.returnmate.io/v1"),
    ],
    "wmtech": [
        ("Production (the key decides live or test)", "https://api.wmtechsolutions.online/v1"),
    ],
}
