import pytest

from returndesk.core.disposition import DEFAULT_RULES, default_rules, parse_rules
from returndesk.scanning.classifier import ScanKind, classify_scan
from returndesk.scanning.commands import (
    Action,
    Command,
    CommandError,
    parse_command,
    sheet_commands,
)
from returndesk.scanning.normaliser import Scan
from returndesk.settings.scanner import ParseSettings

RULES = default_rules()


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("RDCMD-ACCEPT", Command(Action.ACCEPT)),
        ("rdcmd-missing", Command(Action.MISSING)),
        ("RDCMD-GRADE-B", Command(Action.GRADE, "B")),
        # a disposition keeps its settings' spelling, whatever case the scanner typed
        ("RDCMD-ROUTE-RETURN_TO_VENDOR", Command(Action.ROUTE, "return_to_vendor")),
        ("RDCMD-RULES", Command(Action.RULES)),
        ("RDCMD-SUBMIT", Command(Action.SUBMIT)),
    ],
)
def test_commands_read_back_to_what_the_sheet_encodes(text, command):
    assert parse_command(text, RULES) == command


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("RDCMD-DANCE", "not a command this station knows"),
        ("RDCMD-ACCEPT-2", "not a command this station knows"),
        ("RDCMD-GRADE-E", r"E is not one of this station's grades \(A, B, C, D\)"),
        ("RDCMD-ROUTE-SHELF", "SHELF is not one of this station's dispositions"),
        ("RDCMD-GRADE", "no code is not one of this station's grades"),
    ],
)
def test_a_command_from_another_stations_sheet_is_refused_with_the_reason(text, message):
    with pytest.raises(CommandError, match=message):
        parse_command(text, RULES)


def test_the_sheet_has_every_decision_grade_and_route_and_each_reads_back():
    entries = sheet_commands(RULES)
    texts = [command.text for _, command in entries]
    assert len(set(texts)) == len(texts)
    assert {"RDCMD-ACCEPT", "RDCMD-REJECT", "RDCMD-MISSING", "RDCMD-SUBMIT"} <= set(texts)
    assert [c.code for _, c in entries if c.action is Action.GRADE] == ["A", "B", "C", "D"]
    assert len([c for _, c in entries if c.action is Action.ROUTE]) == 6
    for _, command in entries:
        assert parse_command(command.text, RULES) == command
        assert set(command.text) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")


def test_a_station_with_its_own_grades_gets_its_own_sheet():
    grades = [{"code": "NEW", "meaning": "Sealed"}]
    rules = parse_rules(
        {**DEFAULT_RULES, "grades": grades, "rules": [], "return_condition": {}, "guides": []}
    )
    assert ("Grade NEW", Command(Action.GRADE, "NEW")) in sheet_commands(rules)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("RDCMD-GRADE-A", ScanKind.COMMAND),
        ("LP7K3M9Q2X4B", ScanKind.PLATE),
        ("LR0000000000", ScanKind.PLATE),
        # I, L, O and U are not in a plate id: such a code is an ordinary one
        ("LP7K3M9Q2X4I", ScanKind.TEXT),
    ],
)
def test_commands_and_plates_are_told_apart_from_items_and_parcels(text, kind):
    assert classify_scan(Scan(text, None, "wedge"), ParseSettings()).kind is kind
