"""Grades, dispositions and the rules that choose where a returned item goes.

A grade says what state an item is in (default A to D); a disposition says where it goes next
(restock, refurbish, …), with an optional destination (a bin, cage or container code). Rules
are data: the first rule whose every condition holds gives the default disposition, the
operator may change it, and the choice records which rule made it (or that none did).

This is the domain alone: the settings file, the Items screen and the labels build on it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictStr,
    TypeAdapter,
    ValidationError,
    model_validator,
)

_CODE = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$"
Texts = list[StrictStr]


class _Strict(BaseModel):
    # a misspelt key must be refused, not ignored: an ignored rule condition matches everything
    model_config = ConfigDict(extra="forbid", frozen=True)


class Grade(_Strict):
    code: StrictStr = Field(pattern=_CODE)
    meaning: StrictStr = Field(min_length=1, max_length=120)


class Disposition(_Strict):
    code: StrictStr = Field(pattern=_CODE)
    label: StrictStr = Field(min_length=1, max_length=60)
    #: where items with this disposition are put (a bin, cage or container code)
    destination: StrictStr | None = Field(default=None, max_length=40)


class When(_Strict):
    """Conditions of a rule; an absent condition holds for every item."""

    accepted: StrictBool | None = None
    grade: Texts | None = None
    #: the customer's return reason codes
    reason: Texts | None = None
    #: the condition codes the operator chose
    condition: Texts | None = None
    #: words in WM Tech's reason for its advice (case does not matter)
    ai_reason_contains: Texts | None = None


class Rule(_Strict):
    when: When
    disposition: StrictStr


class Question(_Strict):
    """A yes/no question of guided grading; a "no" means the item is at best ``no``."""

    ask: StrictStr = Field(min_length=1, max_length=120)
    no: StrictStr


class Guide(_Strict):
    """The questions for one kind of product, asked in order; all "yes": the best grade."""

    name: StrictStr = Field(min_length=1, max_length=60)
    #: the SKUs it is for, by their start (``["SHOE-", "BOOT-"]``); empty: every item
    sku_prefixes: list[StrictStr] = Field(default_factory=list)
    questions: list[Question] = Field(min_length=1, max_length=12)

    def applies_to(self, sku: str) -> bool:
        wanted = sku.upper()
        return not self.sku_prefixes or any(wanted.startswith(p.upper()) for p in self.sku_prefixes)


class DispositionRules(_Strict):
    """The ``[grading]`` settings: grades, dispositions, rules, and what a grade tells nShift."""

    # each part left out is the default's, so ``[grading] require_grade = true`` alone works;
    # a part that is given replaces the default's whole list
    grades: list[Grade] = Field(
        default_factory=lambda: _default("grades"), min_length=1, max_length=20
    )
    dispositions: list[Disposition] = Field(
        default_factory=lambda: _default("dispositions"), min_length=1, max_length=40
    )
    rules: list[Rule] = Field(default_factory=lambda: _default("rules"), max_length=200)
    #: when no rule holds
    otherwise: StrictStr = Field(default_factory=lambda: _default("otherwise"))
    #: grade code -> nShift ``returnConditionCode``, set on an item when it is graded (unless
    #: the operator chose a condition code of their own)
    return_condition: dict[StrictStr, StrictStr] = Field(
        default_factory=lambda: _default("return_condition")
    )
    #: an accepted item cannot be submitted without a grade
    require_grade: StrictBool = False
    #: guided grading: yes/no questions per kind of product (the first guide whose SKU
    #: prefixes match); F6 or a scanned RDCMD-GUIDE asks them
    guides: list[Guide] = Field(default_factory=lambda: _default("guides"), max_length=50)
    #: ask the guide's questions by itself when an ungraded item is accepted
    guided: StrictBool = False

    @model_validator(mode="before")
    @classmethod
    def _default_mapping_of_own_grades(cls, data: Any) -> Any:
        # grades of one's own without a mapping or guides: the defaults' that fit those grades
        if not isinstance(data, Mapping) or "grades" not in data:
            return data
        grades = data["grades"]
        codes = {g.get("code") for g in grades if isinstance(g, Mapping)} if grades else set()
        data = dict(data)
        if "return_condition" not in data:
            defaults = DEFAULT_RULES["return_condition"]
            data["return_condition"] = {g: c for g, c in defaults.items() if g in codes}
        if "guides" not in data:
            # the default questions only where they name grades of one's own
            guides = DEFAULT_RULES["guides"]
            fits = all(q["no"] in codes for guide in guides for q in guide["questions"])
            data["guides"] = guides if fits else []
        return data

    @model_validator(mode="after")
    def _codes_are_known(self) -> DispositionRules:
        for kind, codes in (("grade", self.grades), ("disposition", self.dispositions)):
            seen = [c.code for c in codes]
            twice = sorted({c for c in seen if seen.count(c) > 1})
            if twice:
                raise ValueError(f"{kind} {', '.join(twice)} is listed more than once")
        dispositions = {d.code for d in self.dispositions}
        grades = {g.code for g in self.grades}
        if self.otherwise not in dispositions:
            raise ValueError(f"otherwise: {self.otherwise!r} is not a listed disposition")
        for n, rule in enumerate(self.rules):
            if rule.disposition not in dispositions:
                raise ValueError(
                    f"rules[{n}].disposition: {rule.disposition!r} is not a listed disposition"
                )
            unknown = sorted(set(rule.when.grade or ()) - grades)
            if unknown:
                raise ValueError(f"rules[{n}].when.grade: {', '.join(unknown)} is not a grade")
        unknown = sorted(set(self.return_condition) - grades)
        if unknown:
            raise ValueError(f"return_condition: {', '.join(unknown)} is not a grade")
        for n, guide in enumerate(self.guides):
            for m, question in enumerate(guide.questions):
                if question.no not in grades:
                    raise ValueError(
                        f"guides[{n}].questions[{m}].no: {question.no!r} is not a grade"
                    )
        return self

    def guide_for(self, sku: str) -> Guide | None:
        return next((guide for guide in self.guides if guide.applies_to(sku)), None)

    def graded_by(self, guide: Guide, answers: Sequence[bool]) -> str:
        """The grade the answers give: the worst grade a "no" caps the item at, else the
        best grade of all."""
        if len(answers) != len(guide.questions):
            raise ValueError(f"{guide.name} asks {len(guide.questions)} questions")
        order = [g.code for g in self.grades]
        worst = 0
        for question, yes in zip(guide.questions, answers, strict=True):
            if not yes:
                worst = max(worst, order.index(question.no))
        return order[worst]

    def disposition(self, code: str) -> Disposition:
        return next(d for d in self.dispositions if d.code == code)

    def grade(self, code: str) -> Grade | None:
        return next((g for g in self.grades if g.code == code), None)


class RulesError(ValueError):
    """A rules document was refused; the message names the key."""


def parse_rules(data: Mapping[str, Any]) -> DispositionRules:
    """Validate a rules document (as read from TOML); refusals name the offending key."""
    try:
        return DispositionRules.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(
            f"[{part}]" if isinstance(part, int) else str(part) for part in first["loc"]
        ).replace(".[", "[")
        message = first["msg"].removeprefix("Value error, ")
        raise RulesError(f"{where}: {message}" if where else message) from None


@dataclass(frozen=True, slots=True)
class ItemFacts:
    """What is known of one item when its disposition is chosen."""

    accepted: bool
    grade: str | None = None
    reason: str | None = None
    condition: str | None = None
    ai_reason: str | None = None


@dataclass(frozen=True, slots=True)
class Choice:
    disposition: Disposition
    #: the index of the rule that chose it, or None when none held ("otherwise")
    rule: int | None
    #: the operator chose it over the rules
    overridden: bool = False

    def as_record(self) -> dict[str, Any]:
        """What history keeps of the choice."""
        return {
            "code": self.disposition.code,
            "label": self.disposition.label,
            "destination": self.disposition.destination,
            "rule": self.rule,
            "overridden": self.overridden,
        }


def choose(rules: DispositionRules, facts: ItemFacts) -> Choice:
    for n, rule in enumerate(rules.rules):
        if _holds(rule.when, facts):
            return Choice(rules.disposition(rule.disposition), n)
    return Choice(rules.disposition(rules.otherwise), None)


def _holds(when: When, facts: ItemFacts) -> bool:
    if when.accepted is not None and when.accepted != facts.accepted:
        return False
    for wanted, actual in (
        (when.grade, facts.grade),
        (when.reason, facts.reason),
        (when.condition, facts.condition),
    ):
        if wanted is not None and actual not in wanted:
            return False
    if when.ai_reason_contains is not None:
        text = (facts.ai_reason or "").casefold()
        if not any(word.casefold() in text for word in when.ai_reason_contains):
            return False
    return True


#: the defaults: what a station uses until its integrator writes its own
DEFAULT_RULES: Mapping[str, Any] = {
    "grades": [
        {"code": "A", "meaning": "As new: unused, tags and packaging intact"},
        {"code": "B", "meaning": "Good: tried on or opened, no visible wear"},
        {"code": "C", "meaning": "Fair: visible wear or minor damage, repairable"},
        {"code": "D", "meaning": "Poor: damaged, incomplete or soiled"},
    ],
    "dispositions": [
        {"code": "restock", "label": "Restock"},
        {"code": "refurbish", "label": "Refurbish"},
        {"code": "return_to_vendor", "label": "Return to vendor"},
        {"code": "recycle", "label": "Recycle"},
        {"code": "donate", "label": "Donate"},
        {"code": "quarantine", "label": "Quarantine"},
    ],
    "rules": [
        # the AI saw damage: nothing is restocked until someone has looked
        {"when": {"ai_reason_contains": ["damage"]}, "disposition": "quarantine"},
        {"when": {"accepted": True, "grade": ["A", "B"]}, "disposition": "restock"},
        {"when": {"accepted": True, "grade": ["C"]}, "disposition": "refurbish"},
        {"when": {"grade": ["D"]}, "disposition": "recycle"},
    ],
    "otherwise": "quarantine",
    "return_condition": {"A": "NOT_USED", "B": "USED", "C": "DAMAGED", "D": "NOT_RESELLABLE"},
    "guides": [
        {
            "name": "Any item",
            "questions": [
                {"ask": "Tags, seals and packaging intact?", "no": "B"},
                {"ask": "Free of wear, marks and odour?", "no": "C"},
                {"ask": "Complete and undamaged?", "no": "D"},
            ],
        }
    ],
}


def _default(key: str) -> Any:
    """One part of the defaults, validated as its field's type (not through the whole model)."""
    annotation = DispositionRules.model_fields[key].annotation
    assert annotation is not None
    return TypeAdapter(annotation).validate_python(DEFAULT_RULES[key])


def default_rules() -> DispositionRules:
    return DispositionRules.model_validate(DEFAULT_RULES)
