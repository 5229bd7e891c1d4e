"""The receiving flow: Ready → lookup → Items (or Unknown) → submit → Ready.

A thin controller: it moves between screens and hands work to the Qt-free
:class:`ReceivingService` through the :class:`TaskRunner`, never doing I/O itself.

Signals:
    submitted(str): a return was captured (its history id); the outbox has its items
    case_submitted(ReturnCase): the same moment, with the case as it was submitted
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from returndesk.core.codes import CodeError, ParcelCode
from returndesk.core.return_case import ReturnCase
from returndesk.core.wms_builder import CaseNotReady
from returndesk.fleet.errors import TakenOver
from returndesk.outbox.model import Counts
from returndesk.outbox.store import AlreadyCaptured, StorageError
from returndesk.receiving.manual_case import ManualCaseError, suggested_order
from returndesk.receiving.service import Lookup, ReceivingService
from returndesk.receiving.set_aside import SetAsideError
from returndesk.settings.model import Settings
from returndesk.ui.common.i18n import format_money, say
from returndesk.ui.common.tasks import TaskRunner
from returndesk.ui.screens.main_window import MainWindow
from returndesk.vendors.rma_fields import ExpectedReturn

log = logging.getLogger(__name__)


class ReceivingFlow(QObject):
    submitted = Signal(str)
    case_submitted = Signal(object)

    def __init__(
        self,
        window: MainWindow,
        service: ReceivingService,
        runner: TaskRunner,
        settings: Settings,
        *,
        operator: str | None = None,
        on_submitted: Callable[[Counts], None] | None = None,
        hints: TaskRunner | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._service = service
        self._runner = runner
        self._settings = settings
        self.operator = operator
        self._on_submitted = on_submitted
        #: an RMA whose nShift return the operator is asked to scan
        self._awaiting: ExpectedReturn | None = None
        # a separate runner: a slow customer-stats call never holds up the next scan
        self._hints = hints
        window.unknown.cancelled.connect(self.show_ready)
        window.unknown.manual_requested.connect(self.start_manual)
        window.ready.manual_requested.connect(self.receive_without_rma)
        window.unknown.set_aside_requested.connect(self.set_aside)
        #: the last code looked up: F8 after its refusal receives that parcel without an RMA
        self._last_code = ""
        window.unknown.set_markets(
            {code: market.currency for code, market in settings.markets.items()},
            settings.station.market_code,
        )
        window.items.cancelled.connect(self._cancelled)
        window.items.submit_confirmed.connect(self.submit)
        #: a return whose lease was taken over, which the operator was told of: the next
        #: Submit sends it anyway
        self._anyway: str | None = None
        # the lease of the open return is renewed while its Items screen is open
        self._renewal = QTimer(self)
        self._renewal.setInterval(max(5, settings.fleet.lease_seconds // 3) * 1000)
        self._renewal.timeout.connect(self._renew)
        window.items.set_code_lists(settings.codes.reasons, settings.codes.conditions)

    def show_ready(self, status: str = "", *, refused: bool = False) -> None:
        if refused:
            self._window.ready.show_refusal(status)
        else:
            self._window.ready.show_status(status)
        self._window.show_screen(self._window.ready)

    # ------------------------------------------------------------------ lookup
    def lookup(self, code: ParcelCode | str) -> None:
        """Look ``code`` up: a scan as the router classified it, or an RMA number."""
        awaiting, self._awaiting = self._awaiting, None
        shown = code.text if isinstance(code, ParcelCode) else code.strip()
        self._last_code = shown
        self._window.ready.show_status(self.tr("Looking up {code}…").format(code=shown))
        operator = self.operator

        def work() -> Lookup:
            self._service.operator = operator  # named in the lease other stations see
            return self._service.lookup(code, awaiting=awaiting)

        self._runner.run(work, self._looked_up, self._lookup_failed)

    def _looked_up(self, found: Lookup) -> None:
        code = found.code.text
        if not found.matches:
            detail = self.tr("No expected return matches {code}.")
            if found.problem:
                detail += " " + self.tr("ReturnMate could not be asked: {problem}").format(
                    problem=found.problem.replace("{", "(").replace("}", ")")
                )
            self._window.show_screen(self._window.unknown)
            self._window.unknown.show_code(code, detail, order=suggested_order(found.code))
            return
        if len(found.matches) > 1:
            numbers = ", ".join(r.rma_number for r in found.matches)
            self.show_ready(
                self.tr(
                    "{code} matches {n} returns ({numbers}): scan the RMA label instead"
                ).format(code=code, n=len(found.matches), numbers=numbers),
                refused=True,
            )
            return
        rma = found.matches[0]
        if found.refusal is not None:
            self.show_ready(say(found.refusal), refused=True)
            return
        if found.awaiting_return_id is not None:
            self._awaiting = found.awaiting_return_id
            self.show_ready(
                self.tr(
                    "{rma}: nShift's return is not known here. Scan the nShift return id on "
                    "the parcel (the NSR… label) to go on."
                ).format(rma=rma.rma_number),
                refused=True,
            )
            return
        case = found.case
        assert case is not None
        customer = rma.customer.name if rma.customer and rma.customer.name else ""
        heading = f"{rma.rma_number} · {customer} · {case.currency}"
        self._window.items.show_case(case, heading=heading)
        self._window.items.show_status_age(found.status_as_of)
        if found.not_at_nshift:
            self._window.items.show_warning(
                self.tr("nShift's return does not list {skus}: not sent to nShift").format(
                    skus=", ".join(found.not_at_nshift)
                )
            )
        self._window.show_screen(self._window.items)
        self._window.items.flash.good()
        self._anyway = None
        if self._service.fleet is not None:
            self._renewal.start()
        email = rma.customer.email if rma.customer else None
        if email and self._hints is not None:
            self._hints.run(
                lambda: self._service.customer_hint(email),
                lambda hint: self._window.items.show_hint(case, hint),
                lambda exc: None,
            )

    def _cancelled(self) -> None:
        """Esc on the Items screen: the return's lease is given back."""
        case = self._window.items.model.case
        self._renewal.stop()
        if case is not None and self._service.fleet is not None:
            self._runner.run(
                lambda: self._service.close(case),
                lambda _: None,
                lambda exc: log.warning("lease not given back: %s", exc),
            )
        self.show_ready()

    def _renew(self) -> None:
        if self._window.screens.currentWidget() is not self._window.items:
            self._renewal.stop()
            return
        self._runner.run(self._service.renew_leases, self._leases_renewed, self._renew_failed)

    def _leases_renewed(self, lost: list[str]) -> None:
        for message in lost:
            self._window.items.show_refusal(message)

    def _renew_failed(self, exc: Exception) -> None:
        log.warning("leases not renewed: %s", exc)

    # ------------------------------------------------------------------ without an RMA
    def receive_without_rma(self) -> None:
        """F8 on Ready: the form for a parcel without an RMA, with the code just looked up."""
        self._window.unknown.start_without_rma(self._last_code)
        self._window.show_screen(self._window.unknown)

    def start_manual(self, code: str, order: str, market: str) -> None:
        self._runner.run(
            lambda: self._service.start_manual(
                code, order_number=order, market_code=market or None
            ),
            self._manual_started,
            self._manual_refused,
        )

    def set_aside(self, code: str, reason: str) -> None:
        """The parcel goes on the exceptions shelf, recorded in History."""
        operator = self.operator
        self._runner.run(
            lambda: self._service.set_aside(code, reason, operator=operator),
            lambda _history_id: self._set_aside_done(code),
            self._manual_refused,
        )

    def _set_aside_done(self, code: str) -> None:
        self._window.ready.show_success(
            self.tr("✓ {code} set aside on the exceptions shelf — recorded in History").format(
                code=code
            )
        )
        self._window.show_screen(self._window.ready)

    def _manual_started(self, case: ReturnCase) -> None:
        parcel = dict(case.alt_order_ids).get("parcelCode", case.return_id)
        heading = self.tr("WITHOUT RMA · {parcel} · {currency}").format(
            parcel=parcel, currency=case.currency
        )
        self._window.items.show_case(case, heading=heading)
        self._window.show_screen(self._window.items)

    def _manual_refused(self, exc: Exception) -> None:
        if isinstance(exc, (ManualCaseError, CodeError, SetAsideError)):
            self._window.unknown.refuse_manual(str(exc))
            return
        log.exception("manual receiving failed", exc_info=exc)
        self._window.banner.show_message(self.tr("Could not start: {error}").format(error=exc))

    def _lookup_failed(self, exc: Exception) -> None:
        if isinstance(exc, CodeError):
            self.show_ready(str(exc), refused=True)
            return
        log.exception("lookup failed", exc_info=exc)
        self._window.banner.show_message(self.tr("Lookup failed: {error}").format(error=exc))
        self.show_ready()

    # ------------------------------------------------------------------ submit
    def submit(self) -> None:
        items = self._window.items
        live = items.model.case
        if live is None or items.busy:
            return
        # the worker gets a frozen copy; the screen takes no edit until it is recorded
        case = copy.deepcopy(live)
        operator = self.operator
        anyway = self._anyway == case.return_id
        items.set_busy(True)

        def work() -> tuple[ReturnCase, str, Counts]:
            history_id = self._service.submit(case, operator=operator, anyway=anyway)
            return case, history_id, self._service.counts()

        self._runner.run(work, self._submitted, self._submit_failed)

    def _submitted(self, result: tuple[ReturnCase, str, Counts]) -> None:
        case, history_id, counts = result
        self._window.items.set_busy(False)
        self._renewal.stop()
        self._anyway = None
        total = format_money(case.total_refund(), case.currency)
        done = self.tr("{accepted} of {n} accepted, refund {total} {currency}").format(
            accepted=case.accepted_count(),
            n=len(case.lines),
            total=total,
            currency=case.currency,
        )
        if case.sent_to_nshift:
            status = self.tr("✓ {rma}: {done} — queued").format(
                rma=case.rma_number or case.return_id, done=done
            )
        else:
            status = self.tr(
                "✓ Recorded without RMA: {done}. Kept in History for customer service "
                "(nShift needs an RMA)."
            ).format(done=done)
        self._window.ready.show_success(status)
        self._window.show_screen(self._window.ready)
        if self._on_submitted is not None:
            self._on_submitted(counts)
        self.submitted.emit(history_id)
        self.case_submitted.emit(case)

    def _submit_failed(self, exc: Exception) -> None:
        # the case stays on screen: nothing the operator did is lost
        self._window.items.set_busy(False)
        if isinstance(exc, (CaseNotReady, AlreadyCaptured)):
            self._window.items.show_refusal(str(exc))
            return
        if isinstance(exc, TakenOver):
            case = self._window.items.model.case
            self._anyway = case.return_id if case is not None else None
            self._window.items.show_refusal(exc.message)
            return
        if isinstance(exc, StorageError):
            self._window.banner.show_message(str(exc))
            self._window.items.show_refusal(self.tr("Not saved — see the message above."))
            return
        log.exception("submit failed", exc_info=exc)
        self._window.banner.show_message(self.tr("Could not submit: {error}").format(error=exc))
