"""Every station setting, its type, default and validation, in one place.

Bump :data:`SCHEMA_VERSION` when a setting is renamed, moved or changes meaning, and add the
step to :mod:`returndesk.settings.migrations`. Adding a setting with a default needs no bump.
"""

from __future__ import annotations

import ipaddress
from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Literal

import httpx
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from returndesk.core.disposition import DispositionRules, default_rules
from returndesk.core.field_path import check_path
from returndesk.core.money import MINOR_UNITS
from returndesk.settings.admin_pin import is_pin_hash
from returndesk.settings.fleet import FleetSettings, MetricsSettings
from returndesk.settings.labels import LabelSettings, PrinterSettings
from returndesk.settings.photos import PhotoSettings
from returndesk.settings.scanner import ScannerSettings

SCHEMA_VERSION = 2

Code = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]


def _check_base_url(value: str) -> str:
    """Empty means "not configured"; otherwise HTTPS, or plain HTTP on loopback only."""
    value = value.strip()
    if not value:
        return value
    try:
        url = httpx.URL(value)
    except httpx.InvalidURL as exc:
        raise ValueError(f"not a URL: {exc}") from None
    if not url.host:
        raise ValueError("a base URL needs a host, like https://api.example.com/v1")
    if url.username or url.password:
        raise ValueError("credentials never go into a URL; use the credential settings")
    if url.query:
        raise ValueError("a base URL has no query part")
    if url.scheme == "https":
        return value
    if url.scheme == "http" and _is_loopback(url.host):
        return value
    raise ValueError("must start with https:// (plain http only for 127.0.0.1/localhost)")


BaseUrl = Annotated[str, AfterValidator(_check_base_url)]


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True, str_max_length=2000)


class Market(_Section):
    currency: Annotated[str, StringConstraints(pattern=r"^[A-Z]{3}$")]
    tax_rate: Decimal = Field(ge=0, le=1, allow_inf_nan=False)

    @field_validator("currency")
    @classmethod
    def _known_currency(cls, value: str) -> str:
        if value not in MINOR_UNITS:
            raise ValueError(f"unsupported currency {value}; known: {', '.join(MINOR_UNITS)}")
        return value


def default_markets() -> dict[str, Market]:
    return {
        "SE": Market(currency="SEK", tax_rate=Decimal("0.25")),
        "DE": Market(currency="EUR", tax_rate=Decimal("0.19")),
        "FI": Market(currency="EUR", tax_rate=Decimal("0.255")),
        "JP": Market(currency="JPY", tax_rate=Decimal("0.10")),
    }


class StationSettings(_Section):
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)] = (
        "Receiving 1"
    )
    store_id: Code = "STORE-1"
    #: the market a return without its own market code is received in
    market_code: Code = "SE"
    #: the operator screens' language; money and dates follow its locale
    language: Annotated[str, StringConstraints(pattern=r"^(en|sv|de)$")] = "en"
    #: a success and an error tone on every scan (the colour flash shows either way)
    sounds: bool = True
    #: operators sign on at the start of a shift (badge or name); off: one anonymous bench
    sign_on: bool = True
    #: empty: the platform's user data directory
    data_dir: str = ""


class NShiftSettings(_Section):
    base_url: BaseUrl = ""
    username: str = Field(default="", max_length=200)
    #: which nShift account this is, as the header's badge shows it: "test" for a staging
    #: account, "live" (the default, and the safe guess) where submissions refund customers
    environment: Literal["live", "test"] = "live"
    timeout_seconds: float = Field(default=20.0, gt=0, le=300)
    #: which Pull API field becomes the wms-update ``returnId`` (nShift does not say)
    pull_return_id: Annotated[
        str, StringConstraints(pattern=r"^(returnOrderId|returnOrderExtId)$")
    ] = "returnOrderId"
    #: Pull API statuses of a return still to be processed (nShift names no value for
    #: "Not Processed"; ``pre_approval`` is the one its example shows)
    unprocessed_statuses: list[Code] = Field(
        default_factory=lambda: ["not_processed", "pre_approval"]
    )
    #: the Pull API is asked for return orders created this long before the RMA
    pull_window_days: int = Field(default=60, ge=1, le=730)


class JoinSource(StrEnum):
    #: the ``[returnmate.fields] nshift_return_id`` mapping
    MAPPING = "mapping"
    #: nShift's Pull API: the return order of the RMA's forward order
    NSHIFT = "nshift"
    #: the operator scans the nShift return id from the parcel
    SCAN = "scan"


class ReceivingSettings(_Section):
    #: where the nShift return of an RMA is found, tried in this order
    join_sources: list[JoinSource] = Field(
        default_factory=lambda: [JoinSource.MAPPING, JoinSource.NSHIFT, JoinSource.SCAN]
    )

    @field_validator("join_sources")
    @classmethod
    def _some_source(cls, value: list[JoinSource]) -> list[JoinSource]:
        if not value:
            raise ValueError("name at least one of mapping, nshift, scan")
        if len(set(value)) != len(value):
            raise ValueError("each join source once")
        return value


class WmTechSettings(_Section):
    base_url: BaseUrl = ""
    store_id: str = Field(default="", max_length=200)
    timeout_seconds: float = Field(default=30.0, gt=0, le=300)
    #: test and development profiles refuse a live key (it triggers real refunds)
    allow_live_key: bool = False


FieldPath = Annotated[str, AfterValidator(check_path)]


class ReturnMateFields(_Section):
    """Where each value the station needs comes from in an RMA's JSON: an integrator's mapping.

    A field name or a dotted path (``metadata.nshift_id``); a path through a list collects
    from each entry (``shipments.tracking_number``); ``item_*`` paths are read inside each of
    the RMA's ``items``. Empty: not mapped. The defaults name documented fields only.
    """

    #: the nShift return this RMA is (wms-update ``returnId``); ReturnMate documents none
    nshift_return_id: FieldPath = ""
    #: the forward order nShift knows the return by (wms-update ``forwardOrderId``)
    forward_order_id: FieldPath = "order_number"
    market: FieldPath = ""
    currency: FieldPath = ""
    tracking_numbers: FieldPath = "shipments.tracking_number"
    item_sku: FieldPath = "sku"
    item_quantity: FieldPath = "quantity"
    item_reason: FieldPath = "reason"
    item_description: FieldPath = ""
    #: the price the customer paid per unit, tax included, in the return's currency
    item_unit_price: FieldPath = ""
    #: the item's own tax rate (0.25 for 25 %); empty: the market's rate
    item_tax_rate: FieldPath = ""
    item_gtin: FieldPath = ""
    #: the forward order's item id (wms-update ``forwardOrderItemId``)
    item_order_item_id: FieldPath = ""
    item_return_item_id: FieldPath = ""
    item_product_id: FieldPath = ""
    item_product_variant_id: FieldPath = ""


class ReturnMateSettings(_Section):
    base_url: BaseUrl = ""
    auth_style: Annotated[str, StringConstraints(pattern=r"^(bearer|x-api-key)$")] = "bearer"
    timeout_seconds: float = Field(default=20.0, gt=0, le=300)
    #: RMAs in these states can arrive at the bench and are prefetched into the cache
    receivable_statuses: list[Code] = Field(
        default_factory=lambda: ["approved", "label_issued", "in_transit"]
    )
    received_status: Code = "received"
    #: the cache pages through every receivable RMA once a night, on its first sync after
    #: this local hour (and at its first start); between those, only new RMAs are asked for
    full_sync_hour: int = Field(default=3, ge=0, le=23)
    #: the station's budget of requests, counted across restarts (0: none), together with
    #: ReturnMate's X-RateLimit headers; the defaults are the Starter plan's. Spent: the cache
    #: and the outbox wait, lookups use the cache
    requests_per_minute: int = Field(default=60, ge=0, le=100_000)
    requests_per_day: int = Field(default=10_000, ge=0, le=10_000_000)
    add_inspection_note: bool = True
    fields: ReturnMateFields = Field(default_factory=ReturnMateFields)


class CodeLists(_Section):
    reasons: list[Code] = Field(
        default_factory=lambda: [
            "BAD_FIT",
            "DEFECTIVE",
            "NOT_AS_DESCRIBED",
            "CHANGED_MIND",
            "WRONG_ITEM",
            "DAMAGED_IN_TRANSIT",
        ]
    )
    conditions: list[Code] = Field(
        default_factory=lambda: ["NOT_USED", "USED", "DAMAGED", "MISSING_PARTS", "NOT_RESELLABLE"]
    )

    @field_validator("reasons", "conditions")
    @classmethod
    def _a_usable_list(cls, value: list[str]) -> list[str]:
        if not value:
            raise ValueError("the list needs at least one code")
        twice = sorted({c for c in value if value.count(c) > 1})
        if twice:
            raise ValueError(f"{twice[0]} is in the list twice")
        return value


class OutboxSettings(_Section):
    """Pacing per vendor lane, at or under each vendor's plan (0: no pacing)."""

    nshift_per_minute: int = Field(default=120, ge=0, le=6000)
    returnmate_per_minute: int = Field(default=60, ge=0, le=6000)
    wmtech_per_minute: int = Field(default=60, ge=0, le=6000)


class KioskSettings(_Section):
    """Full screen, frameless, and quitting needs the admin PIN (``--kiosk`` turns it on too)."""

    enabled: bool = False
    #: restart the station after a crash (see ``--restart-on-crash``); a clean quit stays quit
    restart_on_crash: bool = True


class AdminSettings(_Section):
    #: ``scrypt$n$r$p$salt$hash`` of the admin PIN; empty: the first admin sets one
    pin_hash: str = ""

    @field_validator("pin_hash")
    @classmethod
    def _a_pin_hash(cls, value: str) -> str:
        value = value.strip()
        if value and not is_pin_hash(value):
            raise ValueError(
                "not a PIN hash; set the PIN in Settings or with `returndesk admin set-pin`"
            )
        return value


Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=40)]


class Operator(_Section):
    name: Name
    #: what the operator's badge scans as; empty: the operator chooses their name instead
    badge: Annotated[str, StringConstraints(strip_whitespace=True, max_length=64)] = ""


class LogSettings(_Section):
    level: Annotated[str, StringConstraints(pattern=r"^(DEBUG|INFO|WARNING|ERROR)$")] = "INFO"
    #: each log file's size and how many old ones are kept
    max_bytes: int = Field(default=2_000_000, ge=100_000, le=100_000_000)
    keep_files: int = Field(default=5, ge=1, le=50)


class Settings(_Section):
    schema_version: int = SCHEMA_VERSION
    station: StationSettings = Field(default_factory=StationSettings)
    markets: dict[str, Market] = Field(default_factory=default_markets)
    nshift: NShiftSettings = Field(default_factory=NShiftSettings)
    wmtech: WmTechSettings = Field(default_factory=WmTechSettings)
    returnmate: ReturnMateSettings = Field(default_factory=ReturnMateSettings)
    receiving: ReceivingSettings = Field(default_factory=ReceivingSettings)
    codes: CodeLists = Field(default_factory=CodeLists)
    outbox: OutboxSettings = Field(default_factory=OutboxSettings)
    scanner: ScannerSettings = Field(default_factory=ScannerSettings)
    photos: PhotoSettings = Field(default_factory=PhotoSettings)
    #: grades, dispositions and the rules choosing between them (see core.disposition)
    grading: DispositionRules = Field(default_factory=default_rules)
    labels: LabelSettings = Field(default_factory=LabelSettings)
    printer: PrinterSettings = Field(default_factory=PrinterSettings)
    kiosk: KioskSettings = Field(default_factory=KioskSettings)
    admin: AdminSettings = Field(default_factory=AdminSettings)
    operators: list[Operator] = Field(default_factory=list, max_length=500)
    fleet: FleetSettings = Field(default_factory=FleetSettings)
    metrics: MetricsSettings = Field(default_factory=MetricsSettings)
    logging: LogSettings = Field(default_factory=LogSettings)

    @field_validator("operators")
    @classmethod
    def _unique_operators(cls, value: list[Operator]) -> list[Operator]:
        names = [o.name.casefold() for o in value]
        badges = [o.badge for o in value if o.badge]
        for label, seen in (("name", names), ("badge", badges)):
            twice = sorted({x for x in seen if seen.count(x) > 1})
            if twice:
                raise ValueError(f"two operators share the {label} {twice[0]}")
        return value

    @field_validator("markets")
    @classmethod
    def _some_market(cls, value: dict[str, Market]) -> dict[str, Market]:
        if not value:
            raise ValueError("at least one market is needed")
        for code in value:
            if not code.isalpha() or not 2 <= len(code) <= 3:
                raise ValueError(f"market code {code!r} is two or three letters, like SE")
        return value

    @field_validator("markets", mode="before")
    @classmethod
    def _upper_market_codes(cls, value: object) -> object:
        if isinstance(value, dict):
            return {str(k).upper(): v for k, v in value.items()}
        return value

    @model_validator(mode="after")
    def _labels_have_a_printer(self) -> Settings:
        if self.labels.print != "off" and not self.printer.configured:
            raise ValueError(
                f'labels.print = "{self.labels.print}" needs a printer: set [printer] kind '
                '(zpl_tcp, cups, windows or pdf), or labels.print = "off"'
            )
        return self

    @model_validator(mode="after")
    def _station_market_exists(self) -> Settings:
        if self.station.market_code.upper() not in self.markets:
            raise ValueError(
                f"station.market_code {self.station.market_code} is not among the markets "
                f"({', '.join(self.markets)})"
            )
        return self

    def vendors_configured(self) -> list[str]:
        """Names of the vendor sections that have a base URL."""
        return [
            name
            for name, section in (
                ("nshift", self.nshift),
                ("wmtech", self.wmtech),
                ("returnmate", self.returnmate),
            )
            if section.base_url
        ]

    def market(self, code: str | None) -> Market:
        key = (code or self.station.market_code).upper()
        try:
            return self.markets[key]
        except KeyError:
            raise KeyError(f"market {key} is not configured (settings: [markets.{key}])") from None
