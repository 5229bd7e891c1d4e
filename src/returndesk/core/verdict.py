"""WM Tech's advice for one line and what the operator did with it: plain records.

Kept apart from :mod:`returndesk.core.ai_advice` (which applies advice to a case) so that a
:class:`~returndesk.core.return_case.ReturnCase` can hold verdicts without the two modules
importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any


class AdviceError(ValueError):
    """The advice cannot be applied as it is; the message is for the operator."""


@dataclass(frozen=True, slots=True)
class Advice:
    request_id: str
    #: "approved", "rejected", or what else WM Tech answered
    decision: str
    confidence: Decimal
    reason: str
    refund: Decimal | None
    currency: str | None
    rule: str | None
    photo: str | None = None

    @property
    def approves(self) -> bool | None:
        """True/False for a clear answer; None when WM Tech answered something else."""
        return {"approved": True, "rejected": False}.get(self.decision.lower())

    @classmethod
    def from_result(cls, result: dict[str, Any], *, photo: str | None = None) -> Advice:
        try:
            refund = result.get("refund_amount")
            return cls(
                request_id=str(result["request_id"]),
                decision=str(result["decision"]),
                confidence=Decimal(str(result["confidence"])),
                reason=str(result.get("reason") or ""),
                refund=None if refund is None else Decimal(str(refund)),
                currency=result.get("currency"),
                rule=result.get("policy_rule_matched"),
                photo=photo,
            )
        except (KeyError, InvalidOperation, TypeError) as exc:
            raise AdviceError(f"WM Tech's answer is incomplete: {exc}") from None

    def as_record(self) -> dict[str, Any]:
        return {
            "request_id": self.request_id,
            "decision": self.decision,
            "confidence": self.confidence,
            "reason": self.reason,
            "refund_amount": self.refund,
            "currency": self.currency,
            "policy_rule_matched": self.rule,
            "photo": self.photo,
        }


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the operator did with the advice for one line."""

    advice: Advice
    #: "applied" or "overridden"
    action: str
    override_reason: str | None = None
