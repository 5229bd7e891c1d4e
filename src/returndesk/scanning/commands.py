"""Command barcodes: a printed sheet of codes that decide, grade, route and submit, so a gloved
operator never leaves the scanner.

A command is ``RDCMD-`` and a word (``RDCMD-ACCEPT``), or a word and a code from the
station's lists (``RDCMD-GRADE-B``, ``RDCMD-ROUTE-RETURN_TO_VENDOR``): capitals, digits, ``-``
and ``_`` only, which every scanner keyboard layout types alike. Only the Items screen takes
commands; anywhere else a command is refused with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from returndesk.core.disposition import DispositionRules

PREFIX = "RDCMD-"


class Action(StrEnum):
    PRESENT = "PRESENT"
    ACCEPT = "ACCEPT"
    REJECT = "REJECT"
    MISSING = "MISSING"
    SUBMIT = "SUBMIT"
    GRADE = "GRADE"
    ROUTE = "ROUTE"
    #: the rules choose the route again (undoes a ROUTE)
    RULES = "RULES"
    #: guided grading: ask the item's questions, answered with YES and NO
    GUIDE = "GUIDE"
    YES = "YES"
    NO = "NO"


#: the actions that carry a code (a grade, a disposition)
WITH_CODE = frozenset({Action.GRADE, Action.ROUTE})


@dataclass(frozen=True, slots=True)
class Command:
    action: Action
    #: the grade or disposition code as the station's settings spell it
    code: str | None = None

    @property
    def text(self) -> str:
        """What the barcode encodes."""
        suffix = f"-{self.code.upper()}" if self.code else ""
        return f"{PREFIX}{self.action.value}{suffix}"


class CommandError(ValueError):
    """A command code the station does not know (a sheet from another station's settings)."""


def is_command(text: str) -> bool:
    return text.strip().upper().startswith(PREFIX)


def parse_command(text: str, rules: DispositionRules) -> Command:
    """The command a scanned code is; the grade or disposition checked against the rules."""
    body = text.strip().upper().removeprefix(PREFIX)
    word, _, code = body.partition("-")
    try:
        action = Action(word)
    except ValueError:
        raise CommandError(f"{text.strip()} is not a command this station knows") from None
    if action not in WITH_CODE:
        if code:
            raise CommandError(f"{text.strip()} is not a command this station knows")
        return Command(action)
    known = (
        [g.code for g in rules.grades]
        if action is Action.GRADE
        else [d.code for d in rules.dispositions]
    )
    spelt = next((k for k in known if k.upper() == code), None)
    if spelt is None:
        kind = "grade" if action is Action.GRADE else "disposition"
        raise CommandError(
            f"{text.strip()}: {code or 'no code'} is not one of this station's {kind}s "
            f"({', '.join(known)}); print the command sheet again"
        )
    return Command(action, spelt)


def sheet_commands(rules: DispositionRules) -> list[tuple[str, Command]]:
    """Every command of the station's sheet with its caption (English; the sheet's drawing
    translates the fixed ones): decisions, then grades, routes, and Submit last."""
    entries: list[tuple[str, Command]] = [
        ("Present", Command(Action.PRESENT)),
        ("Accept", Command(Action.ACCEPT)),
        ("Reject", Command(Action.REJECT)),
        ("Missing", Command(Action.MISSING)),
    ]
    entries += [(f"Grade {g.code}", Command(Action.GRADE, g.code)) for g in rules.grades]
    entries += [(d.label, Command(Action.ROUTE, d.code)) for d in rules.dispositions]
    entries.append(("As the rules say", Command(Action.RULES)))
    if rules.guides:
        entries += [
            ("Guided grading", Command(Action.GUIDE)),
            ("Yes", Command(Action.YES)),
            ("No", Command(Action.NO)),
        ]
    entries.append(("Submit (scan twice)", Command(Action.SUBMIT)))
    return entries
