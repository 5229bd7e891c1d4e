"""*Test connection*: one harmless call per vendor, and the exact result in words.

Each probe changes nothing at the vendor: ReturnMate lists one RMA, nShift gets an update that
names no return, WM Tech an analysis request without a photo (both refused as invalid once the
credentials are accepted). Messages carry status codes and the vendor's words, never a secret
(the transport removes those from every error).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from returndesk.vendors.errors import AuthError, FailureKind, VendorError
from returndesk.vendors.nshift import NShiftClient
from returndesk.vendors.returnmate import ReturnMateClient
from returndesk.vendors.wmtech import WmTechClient


@dataclass(frozen=True, slots=True)
class ProbeResult:
    ok: bool
    message: str


def probe_returnmate(client: ReturnMateClient) -> ProbeResult:
    return _probe(
        lambda: (
            f"ReturnMate answered: key accepted, "
            f"{len(client.list_rmas(per_page=1).rmas)} RMA read (a list of one)"
        )
    )


def probe_nshift(client: NShiftClient) -> ProbeResult:
    return _probe(
        lambda: (
            f"nShift answered HTTP {client.check_credentials()}: credentials accepted "
            "(an update naming no return is refused, and nothing was changed)"
        )
    )


def probe_wmtech(client: WmTechClient) -> ProbeResult:
    return _probe(
        lambda: (
            f"WM Tech answered HTTP {client.check_credentials()}: "
            f"{client.environment.value} key accepted "
            "(a request without a photo is refused, and nothing was analysed)"
        )
    )


def _probe(call: Callable[[], str]) -> ProbeResult:
    try:
        return ProbeResult(True, call())
    except AuthError as exc:
        return ProbeResult(False, f"Credentials refused — {exc}")
    except VendorError as exc:
        hint = _HINTS.get(exc.kind, "")
        return ProbeResult(False, f"{exc}{hint}")


_HINTS = {
    FailureKind.RETRYABLE: " — check the base URL, the network and the firewall",
    FailureKind.PERMANENT: " — check the base URL (it includes the API version path)",
    FailureKind.OUTCOME_UNKNOWN: " — the server answered something unexpected",
    FailureKind.RATE_LIMITED: " — the vendor's rate limit; try again in a minute",
}
