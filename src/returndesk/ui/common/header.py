"""The station header: always visible, on every screen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from returndesk.core.environment import Environment
from returndesk.outbox.model import Counts
from returndesk.ui.common.theme import BADGE_COLOURS


@dataclass(frozen=True, slots=True)
class HeaderInfo:
    station: str
    store: str
    environment: Environment
    operator: str | None = None
    #: operators sign on at this station (off: no name is ever asked for)
    sign_on: bool = True


def _field(title: str) -> tuple[QWidget, QLabel]:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    caption = QLabel(title)
    caption.setObjectName("HeaderField")
    value = QLabel()
    value.setObjectName("HeaderValue")
    layout.addWidget(caption)
    layout.addWidget(value)
    return box, value


class StationHeader(QWidget):
    def __init__(self, info: HeaderInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StationHeader")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(12)

        self.badge = QLabel()
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.badge)

        station_box, self.station_label = _field(self.tr("Station"))
        store_box, self.store_label = _field(self.tr("Store"))
        operator_box, self.operator_label = _field(self.tr("Operator"))
        for box in (station_box, store_box, operator_box):
            layout.addWidget(box)
        layout.addStretch(1)
        # how many receivable RMAs the cache holds, and since when: short, the header is full
        cache_box, self.cache_label = _field(self.tr("RMAs"))
        layout.addWidget(cache_box)
        network_box, self.network_label = _field(self.tr("Network"))
        queue_box, self.queue_label = _field(self.tr("Queue"))
        # shown only while labels wait: a printer that is off or out of labels never blocks
        # receiving, and the operator sees how many plates are still to come
        self.labels_box, self.labels_label = _field(self.tr("Label printer"))
        layout.addWidget(network_box)
        layout.addWidget(queue_box)
        layout.addWidget(self.labels_box)
        #: what each vendor's last request showed ("" for the drainer's unnamed report)
        self._vendors: dict[str, bool] = {}
        self._cached: tuple[int, datetime] | None = None
        self.set_info(info)
        self.set_cache(None, None)
        self.set_reachable(None)
        self.set_counts(None)

    def set_info(self, info: HeaderInfo) -> None:
        self._sign_on = info.sign_on
        fg, bg = BADGE_COLOURS[info.environment]
        self.badge.setText(info.environment.value)
        self.badge.setStyleSheet(
            f"background:{bg}; color:{fg}; font-size:24pt; font-weight:800;"
            "padding:6px 14px; border-radius:6px;"
        )
        self.badge.setAccessibleName(f"Environment: {info.environment.value}")
        self.station_label.setText(info.station)
        self.store_label.setText(info.store)
        self.set_operator(info.operator)

    def set_operator(self, name: str | None) -> None:
        if name:
            self.operator_label.setText(name)
        elif not self._sign_on:
            self.operator_label.setText(self.tr("sign-on off"))
        else:
            self.operator_label.setText(self.tr("not signed on"))

    def set_reachable(self, reachable: bool | None) -> None:
        """The drainer's last attempt (no vendor named); None: nothing known yet."""
        if reachable is None:
            self._vendors.clear()
        else:
            self._vendors[""] = reachable
        self._show_network()

    def set_cache(
        self, count: int | None, problem: str | None, *, now: datetime | None = None
    ) -> None:
        """A refresh of the expected-returns cache: ``count`` RMAs now cached, or why it
        failed (the last good count and its time stay, marked as not refreshed)."""
        if count is not None:
            self._cached = (count, now or datetime.now(UTC))
        if self._cached is None:
            text = self.tr("not loaded yet") if problem is None else self.tr("not loaded")
            colour = "#c8d3dc" if problem is None else "#ffb74d"
        else:
            cached, at = self._cached
            when = at.astimezone().strftime("%H:%M")
            if problem is None:
                text, colour = f"{cached} · {when}", "#c8d3dc"
            else:
                text = self.tr("{n} · {time}, old").format(n=cached, time=when)
                colour = "#ffb74d"
        self.cache_label.setText(text)
        self.cache_label.setStyleSheet(f"color: {colour};")
        self.cache_label.setToolTip(
            self.tr("Receivable RMAs in the local cache, refreshed at that time")
            + (f"\n{problem}" if problem else "")
        )

    def set_vendor(self, name: str, reachable: bool) -> None:
        """A vendor answered (any request: a lookup, the cache, the outbox) or could not be
        reached at all."""
        self._vendors[name] = reachable
        self._show_network()

    def _show_network(self) -> None:
        named = {name: ok for name, ok in self._vendors.items() if name}
        states = named or self._vendors
        down = sorted(name or "?" for name, ok in states.items() if not ok)
        if not states:
            text, colour = self.tr("no traffic yet"), "#c8d3dc"
        elif not down:
            text, colour = self.tr("online"), "#81c784"
        elif named:
            text = self.tr("OFFLINE: {vendors} — receiving goes on").format(vendors=", ".join(down))
            colour = "#ffb74d"
        else:
            text, colour = self.tr("OFFLINE — receiving goes on"), "#ffb74d"
        self.network_label.setText(text)
        self.network_label.setStyleSheet(f"color: {colour};")
        answers, unreachable = self.tr("answers"), self.tr("not reachable")
        self.network_label.setToolTip(
            "\n".join(
                f"{name}: {answers if ok else unreachable}" for name, ok in sorted(named.items())
            )
        )

    def set_counts(self, counts: Counts | None) -> None:
        if counts is None:
            self.queue_label.setText("—")
            self.labels_box.hide()
            return
        text = self.tr("{waiting} waiting").format(waiting=counts.vendor_pending)
        colour = "#ffffff"
        vendor_attention = counts.attention - counts.labels_attention
        if vendor_attention:
            text += " · " + self.tr("{n} need attention").format(n=vendor_attention)
            colour = "#ff8a80"
        self.queue_label.setText(text)
        self.queue_label.setStyleSheet(f"color: {colour};")
        self._set_labels(counts.labels_pending, counts.labels_attention)

    def _set_labels(self, waiting: int, attention: int) -> None:
        self.labels_box.setVisible(bool(waiting or attention))
        parts = []
        if waiting:
            parts.append(self.tr("{waiting} waiting").format(waiting=waiting))
        if attention:
            parts.append(self.tr("{n} need attention").format(n=attention))
        self.labels_label.setText(" · ".join(parts))
        self.labels_label.setStyleSheet(f"color: {'#ff8a80' if attention else '#ffd54f'};")
