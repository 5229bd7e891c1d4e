"""WM Tech's analysis as advice: the operator applies it or overrides it, and both are kept.

*Apply* sets the line Accepted (or not) and, for an approval, the refund from the suggested
amount, split into net and tax by the market's rate, in the return's currency. A suggestion in
another currency is never converted: applying it is refused with the reason, and the operator
types the amount. *Override* keeps the operator's own decision and needs a reason code.
Whatever happens, the advice and the final decision are stored with the line, so history shows
where the operator and the AI disagreed.
"""

from __future__ import annotations

from dataclasses import dataclass

from returndesk.core.money import check_amount
from returndesk.core.operator_text import Say
from returndesk.core.return_case import ReturnCase
from returndesk.core.verdict import Advice, AdviceError, Verdict

__all__ = ["Advice", "AdviceError", "ShiftTally", "Verdict", "apply", "disagrees", "override"]


def apply(case: ReturnCase, order_item_id: str, advice: Advice) -> Verdict:
    approves = advice.approves
    if approves is None:
        raise AdviceError(
            f"WM Tech answered {advice.decision!r}: decide this item yourself (Override)."
        )
    line = case.line(order_item_id)
    if approves:
        if advice.currency is not None and advice.currency != case.currency:
            raise AdviceError(
                f"The suggested refund is in {advice.currency}, this return is in "
                f"{case.currency}: it is not converted. Type the amount, then Override."
            )
        case.decide(order_item_id, present=True, accepted=True)
        if advice.refund is not None:
            case.set_gross(order_item_id, check_amount(advice.refund, case.currency))
    else:
        case.decide(order_item_id, present=line.present is not False, accepted=False)
    return Verdict(advice, "applied")


def override(case: ReturnCase, order_item_id: str, advice: Advice, reason: str) -> Verdict:
    """The operator's own decision stands (already set on the line); the reason is required."""
    case.line(order_item_id)  # the line must exist
    if not reason.strip():
        raise AdviceError(Say("An override needs a reason code."))
    return Verdict(advice, "overridden", reason.strip())


def disagrees(case: ReturnCase, order_item_id: str, advice: Advice) -> bool:
    """Whether the line's final decision differs from what the advice said."""
    approves = advice.approves
    return approves is not None and bool(case.line(order_item_id).accepted) != approves


@dataclass
class ShiftTally:
    """A small summary for the shift: how often the AI was followed, and how often not."""

    advised: int = 0
    applied: int = 0
    overridden: int = 0
    disagreed: int = 0

    def count(self, case: ReturnCase, verdicts: dict[str, Verdict]) -> None:
        for order_item_id, verdict in verdicts.items():
            self.advised += 1
            if verdict.action == "applied":
                self.applied += 1
            else:
                self.overridden += 1
            if disagrees(case, order_item_id, verdict.advice):
                self.disagreed += 1
