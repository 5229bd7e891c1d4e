"""A return being received: its lines, the operator's decisions, the scans and the refunds.

One line is one item of the nShift return (one ``forwardOrderItemId``). A line whose order
item had a quantity above one stays one line (nShift's ``isPresent`` is a yes/no per item), and
counts its units: ``units`` is how many the operator has shown to be there, by scanning them or
by deciding the line (a decision on a line with nothing counted yet means the whole quantity).
The refund defaults to the unit price times the units present (at most the expected quantity).

Every rule of receiving lives here, not in the screens: matching a scan to a line, counting
it, refusing a double read, keeping an unexpected item, the explicit decisions, the refund
and what stops a submission.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum

from returndesk.core.disposition import (
    Choice,
    DispositionRules,
    ItemFacts,
    choose,
    default_rules,
)
from returndesk.core.money import Amounts, MoneyError, check_amount
from returndesk.core.verdict import Verdict


class CaseSource(StrEnum):
    RMA = "rma"
    #: received without an RMA: manual lines, flagged in history and in the ReturnMate note
    MANUAL = "manual"


#: the return id of a case received without an RMA (nShift knows nothing of it)
UNMATCHED_PREFIX = "MANUAL-"

#: a repeat of the same code faster than this is the scanner reading one label twice; slower
#: repeats are a person scanning a second unit (see README, "Double reads")
DOUBLE_READ_MS = 250


class Decision(StrEnum):
    """What the operator decided for a line; each is one explicit control."""

    UNDECIDED = "undecided"
    #: there, acceptance still open
    PRESENT = "present"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    MISSING = "missing"


@dataclass
class ReturnLine:
    order_item_id: str
    sku: str
    description: str
    expected_qty: int
    #: price per unit including tax; None: nobody said (the operator types the refund)
    unit_gross: Decimal | None
    gtin: str | None = None
    return_item_id: str | None = None
    product_id: str | None = None
    product_variant_id: str | None = None
    reason_code: str | None = None
    condition_code: str | None = None
    #: units shown to be there: each scan counts one, a decision on an uncounted line all
    scanned_qty: int = 0
    #: None means "not decided yet"; the submission refuses undecided lines
    present: bool | None = None
    accepted: bool | None = None
    #: set when the operator typed an amount; otherwise the default refund applies
    amounts_override: Amounts | None = None
    #: added by the operator on a case received without an RMA: nothing was expected
    manual: bool = False
    #: this item's own tax rate (from the RMA); None: the market's
    tax_rate: Decimal | None = None
    #: the item's condition grade (one of the station's ``[grading]`` grades)
    grade: str | None = None
    #: the disposition the operator chose over the rules' (None: the rules decide)
    disposition_override: str | None = None
    #: the condition code was set by the grade's mapping (a new grade may replace it)
    condition_from_grade: bool = False
    #: guided grading: the guide's name and each question with its answer, as asked
    grade_answers: tuple[str, tuple[tuple[str, bool], ...]] | None = None

    @property
    def units(self) -> int:
        """Units present; 0 for a missing line."""
        return 0 if self.present is False else self.scanned_qty

    @property
    def short(self) -> int:
        """Units expected but not shown to be there, on a line that is present."""
        return max(self.expected_qty - self.scanned_qty, 0) if self.present else 0

    @property
    def decision(self) -> Decision:
        if self.present is None:
            return Decision.UNDECIDED
        if self.present is False:
            return Decision.MISSING
        return {None: Decision.PRESENT, True: Decision.ACCEPTED, False: Decision.REJECTED}[
            self.accepted
        ]

    def units_text(self) -> str:
        """``1/2``: units present of units expected (the same in every language)."""
        return f"{self.units}/{self.expected_qty}"

    def default_gross(self) -> Decimal | None:
        """The refund of the units present at the known price; None when no price is known."""
        if self.unit_gross is None:
            return None
        return self.unit_gross * min(self.units, self.expected_qty)

    def matches(self, code: str) -> bool:
        """Whether a scanned item code is this line's SKU or GTIN (13 or 14 digits)."""
        wanted = code.strip().upper()
        if wanted == self.sku.upper():
            return True
        gtin = (self.gtin or "").lstrip("0")
        # GTIN-13 and GTIN-14 of the same product differ only by leading zeros
        return bool(gtin) and wanted.isdigit() and wanted.lstrip("0") == gtin


@dataclass
class UnexpectedItem:
    """An item in the parcel that the return does not list: kept, never sent to nShift."""

    code: str
    count: int = 1


class ScanOutcome(StrEnum):
    COUNTED = "counted"
    #: counted, and now more than the line expects
    OVER = "over"
    #: a line added on a case without an RMA (or one more of it)
    ADDED = "added"
    UNEXPECTED = "unexpected"
    #: the same code again faster than a person scans: not counted, refused
    DOUBLE_READ = "double_read"
    #: the same code again at once on a line already complete: not counted, refused
    REPEAT_COMPLETE = "repeat_complete"

    @property
    def refused(self) -> bool:
        return self in (
            ScanOutcome.UNEXPECTED,
            ScanOutcome.DOUBLE_READ,
            ScanOutcome.REPEAT_COMPLETE,
        )


@dataclass(frozen=True, slots=True)
class ScanResult:
    outcome: ScanOutcome
    code: str
    #: the line counted (or the complete line a repeat was refused on); None if unexpected
    line: ReturnLine | None = None
    #: how many times this unexpected code was scanned
    unexpected_count: int = 0


@dataclass
class Problem:
    """A reason the case cannot be submitted, tied to a line where there is one."""

    message: str
    order_item_id: str | None = None


@dataclass
class ReturnCase:
    return_id: str
    forward_order_id: str
    currency: str
    tax_rate: Decimal
    lines: list[ReturnLine]
    market_code: str | None = None
    alt_order_ids: list[tuple[str, str]] = field(default_factory=list)
    rma_id: str | None = None
    rma_number: str | None = None
    source: CaseSource = CaseSource.RMA
    #: per order item: what the operator did with WM Tech's advice (see core.ai_advice)
    verdicts: dict[str, Verdict] = field(default_factory=dict)
    #: items scanned that the return does not list, in the order first seen
    unexpected: list[UnexpectedItem] = field(default_factory=list)
    #: the station's grades, dispositions and rules (settings ``[grading]``)
    rules: DispositionRules = field(default_factory=default_rules)

    def line(self, order_item_id: str) -> ReturnLine:
        for line in self.lines:
            if line.order_item_id == order_item_id:
                return line
        raise KeyError(order_item_id)

    @property
    def sent_to_nshift(self) -> bool:
        """False for a case received without an RMA: it is kept in history only."""
        return self.source is CaseSource.RMA

    def rate_of(self, line: ReturnLine) -> Decimal:
        return self.tax_rate if line.tax_rate is None else line.tax_rate

    # ------------------------------------------------------------------ scanning
    def matching_lines(self, code: str) -> list[ReturnLine]:
        return [line for line in self.lines if line.matches(code)]

    def scan(
        self,
        code: str,
        *,
        repeat_after_ms: float | None = None,
        double_read_ms: float = DOUBLE_READ_MS,
    ) -> ScanResult:
        """Count one scanned item.

        ``repeat_after_ms``: set when this is the same code as the scan before, within the
        scanner's repeat window; how long after it. Faster than ``double_read_ms`` it is one
        label read twice and is refused; slower, it counts as long as a line still expects a
        unit (two of the same item, scanned briskly), and is refused on a complete line.
        Several lines may carry the same product; the first one still expecting units gets the
        scan, and only when all are full does the count go over (shown as such). A code that
        matches no line is kept as *unexpected* — except on a case received without an RMA,
        where every item is added by scanning it.
        """
        wanted = code.strip().upper()
        if not wanted:
            raise ValueError("an item needs its code or SKU")
        matching = self.matching_lines(wanted)
        if repeat_after_ms is not None and repeat_after_ms < double_read_ms:
            return ScanResult(ScanOutcome.DOUBLE_READ, wanted, matching[0] if matching else None)
        if self.source is CaseSource.MANUAL:
            line = self.add_manual_line(matching[0].sku if matching else wanted)
            return ScanResult(ScanOutcome.ADDED, wanted, line)
        if not matching:
            return self._unexpected(wanted)
        open_line = next((x for x in matching if x.units < x.expected_qty), None)
        if open_line is None and repeat_after_ms is not None:
            return ScanResult(ScanOutcome.REPEAT_COMPLETE, wanted, matching[0])
        line = open_line or matching[0]
        if line.present is False:
            line.scanned_qty = 0  # it was marked missing: it is here after all
            line.accepted = None
        line.scanned_qty += 1
        if line.present is None or line.present is False:
            line.present = True  # shown to be here; acceptance stays the operator's call
        outcome = ScanOutcome.OVER if line.scanned_qty > line.expected_qty else ScanOutcome.COUNTED
        return ScanResult(outcome, wanted, line)

    def _unexpected(self, code: str) -> ScanResult:
        for item in self.unexpected:
            if item.code == code:
                item.count += 1
                return ScanResult(ScanOutcome.UNEXPECTED, code, unexpected_count=item.count)
        self.unexpected.append(UnexpectedItem(code))
        return ScanResult(ScanOutcome.UNEXPECTED, code, unexpected_count=1)

    def add_manual_line(self, code: str) -> ReturnLine:
        """Count an item on a case without an RMA: a new line, or one more of the same code.

        Only a manual case takes new lines; on an RMA an unknown item stays *unexpected*.
        """
        if self.source is not CaseSource.MANUAL:
            raise ValueError("only a return received without an RMA takes new lines")
        sku = code.strip().upper()
        if not sku:
            raise ValueError("an item needs its code or SKU")
        for line in self.lines:
            if line.sku == sku:
                line.expected_qty += 1
                line.scanned_qty += 1
                return line
        line = ReturnLine(
            order_item_id=f"M{len(self.lines) + 1}",
            sku=sku,
            description="",
            expected_qty=1,
            unit_gross=None,
            gtin=sku if sku.isdigit() else None,
            scanned_qty=1,
            present=True,
            accepted=True,
            manual=True,
        )
        self.lines.append(line)
        return line

    # ------------------------------------------------------------------ decisions
    def decide(self, order_item_id: str, *, present: bool, accepted: bool | None) -> None:
        """Set a line's decision; ``accepted=None`` keeps acceptance open (Present)."""
        line = self.line(order_item_id)
        line.present = present
        line.accepted = (accepted and present) if accepted is not None else None
        if present and line.scanned_qty == 0:
            # decided present without scanning: the operator vouches for the whole quantity
            line.scanned_qty = line.expected_qty
        if not line.accepted:
            line.amounts_override = None

    def set_decision(self, order_item_id: str, decision: Decision) -> None:
        """One explicit control per decision; none has another as a side effect."""
        if decision is Decision.UNDECIDED:
            line = self.line(order_item_id)
            line.present = line.accepted = line.amounts_override = None
            return
        present = decision is not Decision.MISSING
        accepted = {Decision.ACCEPTED: True, Decision.PRESENT: None}.get(decision, False)
        self.decide(order_item_id, present=present, accepted=accepted)

    def accept_all(self) -> None:
        """Every unit of every line is here and accepted (F5): the full quantity refunds."""
        for line in self.lines:
            line.scanned_qty = max(line.scanned_qty, line.expected_qty)
            self.decide(line.order_item_id, present=True, accepted=True)

    # ------------------------------------------------------------------ grade and route
    def set_grade(self, order_item_id: str, grade: str | None) -> None:
        """Grade an item (None: not graded). The grade's ``returnConditionCode`` becomes the
        item's condition unless the operator chose a condition of their own."""
        line = self.line(order_item_id)
        if grade is not None and self.rules.grade(grade) is None:
            known = ", ".join(g.code for g in self.rules.grades)
            raise ValueError(f"{grade} is not one of this station's grades ({known})")
        line.grade = grade
        line.grade_answers = None  # a grade chosen outright was not given by questions
        if line.condition_code is None or line.condition_from_grade:
            mapped = self.rules.return_condition.get(grade) if grade else None
            line.condition_code = mapped
            line.condition_from_grade = mapped is not None

    def grade_by_guide(self, order_item_id: str, answers: list[bool]) -> str:
        """Grade an item by its guide's questions; the answers are kept with the grade."""
        line = self.line(order_item_id)
        guide = self.rules.guide_for(line.sku)
        if guide is None:
            raise ValueError(f"no grading questions are set for {line.sku}")
        grade = self.rules.graded_by(guide, answers)
        self.set_grade(order_item_id, grade)
        asked = tuple((q.ask, yes) for q, yes in zip(guide.questions, answers, strict=True))
        line.grade_answers = (guide.name, asked)
        return grade

    def set_condition(self, order_item_id: str, code: str | None) -> None:
        """The operator chose a condition code: it stays, whatever grade follows."""
        line = self.line(order_item_id)
        line.condition_code = code
        line.condition_from_grade = False

    def set_disposition(self, order_item_id: str, code: str | None) -> None:
        """The operator sends the item elsewhere than the rules say (None: the rules again)."""
        line = self.line(order_item_id)
        if code is not None and code not in {d.code for d in self.rules.dispositions}:
            known = ", ".join(d.code for d in self.rules.dispositions)
            raise ValueError(f"{code} is not one of this station's dispositions ({known})")
        line.disposition_override = code

    def facts(self, line: ReturnLine) -> ItemFacts:
        verdict = self.verdicts.get(line.order_item_id)
        return ItemFacts(
            accepted=bool(line.present and line.accepted),
            grade=line.grade,
            reason=line.reason_code,
            condition=line.condition_code,
            ai_reason=verdict.advice.reason if verdict is not None else None,
        )

    def default_route(self, line: ReturnLine) -> Choice | None:
        """Where the rules send the item; None while it is undecided, or missing."""
        if not line.present or line.accepted is None:
            return None
        return choose(self.rules, self.facts(line))

    def route(self, line: ReturnLine) -> Choice | None:
        """Where the item goes: the operator's choice, else the rules'."""
        default = self.default_route(line)
        if default is None or line.disposition_override is None:
            return default
        return Choice(self.rules.disposition(line.disposition_override), None, overridden=True)

    # ------------------------------------------------------------------ amounts
    def set_gross(self, order_item_id: str, gross: Decimal) -> Amounts:
        line = self.line(order_item_id)
        amounts = Amounts.from_gross(gross, self.rate_of(line), self.currency)
        line.amounts_override = amounts
        return amounts

    def set_net(self, order_item_id: str, net: Decimal) -> Amounts:
        line = self.line(order_item_id)
        amounts = Amounts.from_net(net, self.rate_of(line), self.currency)
        line.amounts_override = amounts
        return amounts

    def price_unknown(self, line: ReturnLine) -> bool:
        """Accepted, no price known and no amount typed: the refund is not known yet."""
        return bool(
            line.present
            and line.accepted
            and line.amounts_override is None
            and line.default_gross() is None
        )

    def refund(self, line: ReturnLine) -> Amounts:
        """What this line refunds: zero unless present and accepted.

        A line whose price nobody knows refunds nothing *yet*; :meth:`problems` refuses to
        submit it until the operator types the amount, so 0 is never sent by default.
        """
        if not (line.present and line.accepted):
            return Amounts.zero(self.currency)
        if line.amounts_override is not None:
            return line.amounts_override
        gross = line.default_gross()
        if gross is None:
            return Amounts.zero(self.currency)
        return Amounts.from_gross(
            check_amount(gross, self.currency), self.rate_of(line), self.currency
        )

    def total_refund(self) -> Decimal:
        return sum((self.refund(line).gross for line in self.lines), Decimal(0))

    def accepted_count(self) -> int:
        return sum(1 for line in self.lines if line.present and line.accepted)

    def shortfalls(self) -> list[ReturnLine]:
        """Present lines with fewer units than expected (the summary lists each)."""
        return [line for line in self.lines if line.short]

    def problems(self) -> list[Problem]:
        found: list[Problem] = []
        if not self.lines:
            found.append(Problem("the return has no items"))
        for line in self.lines:
            if line.present is None or (line.present and line.accepted is None):
                found.append(Problem("not decided yet", line.order_item_id))
                continue
            try:
                self.refund(line)
            except MoneyError as exc:
                found.append(Problem(str(exc), line.order_item_id))
                continue
            if line.manual and line.accepted and line.amounts_override is None:
                # nothing says what it cost: the operator types the refund, even if it is 0
                found.append(Problem("enter its refund (net or gross)", line.order_item_id))
            elif self.price_unknown(line):
                found.append(Problem("no price is known: enter its refund", line.order_item_id))
            elif self.rules.require_grade and line.accepted and line.grade is None:
                found.append(Problem("grade it before submitting", line.order_item_id))
        return found
