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
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(10)

        self.badge = QLabel()
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.badge)

        # station and store share a field: the header must keep room for the queue and the
        # label printer when both have something to say, at 1280 pixels
        station_box, self.station_label = _field(self.tr("Station"))
        self.station_caption = station_box.findChild(QLabel)
        operator_box, self.operator_label = _field(self.tr("Operator"))
        for box in (station_box, operator_box):
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
        # the store in the caption's small type: "Station · STORE-1" over "Receiving 1"
        assert self.station_caption is not None
        self.station_caption.setText(f"{self.tr('Station')} · {info.store}")
        self.station_label.setText(info.station)
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
        self,
        count: int | None,
        problem: str | None,
        spent: bool = False,
        *,
        now: datetime | None = None,
    ) -> None:
        """A refresh of the expected-returns cache: ``count`` RMAs now cached, or why it
        failed (the last good count and its time stay, marked as not refreshed; ``spent``:
        because the station's ReturnMate budget is used up — receiving goes on from the
        cache)."""
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
            elif spent:
                text = self.tr("{n} · {time} ⚠ quota").format(n=cached, time=when)
                colour = "#ffb74d"
            else:
                text = self.tr("{n} · {time}, old").format(n=cached, time=when)
                colour = "#ffb74d"
        self.cache_label.setText(text)
        self.cache_label.setStyleSheet(f"color: {colour};")
        self.cache_label.setToolTip(
            self.tr("Receivable RMAs in the local cache, refreshed at that time")
            + (f"\n{problem}" if problem else "")
        )

    def vendor_state(self, name: str) -> bool | None:
        """What the header last heard of ``name``; None: nothing yet."""
        return self._vendors.get(name)

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
        vendor_attention = counts.attention - counts.labels_attention
        self._show_count(self.queue_label, counts.vendor_pending, vendor_attention, "#ffffff")
        self.labels_box.setVisible(bool(counts.labels_pending or counts.labels_attention))
        self._show_count(
            self.labels_label, counts.labels_pending, counts.labels_attention, "#ffd54f"
        )

    def _show_count(self, label: QLabel, waiting: int, attention: int, colour: str) -> None:
        """``5 waiting · ⚠ 1``: the header is full, so what needs a human is a sign and a
        number, said in words in the tooltip (and on the Queue screen, F9)."""
        text = self.tr("{waiting} waiting").format(waiting=waiting)
        tip = text
        if attention:
            text += f" · ⚠ {attention}"
            tip += " · " + self.tr("{n} need attention").format(n=attention)
            colour = "#ff8a80"
        label.setText(text)
        label.setToolTip(tip)
        label.setStyleSheet(f"color: {colour};")
