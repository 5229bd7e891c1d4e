"""Grades and routes on a return being received: the rules decide, the operator may change it,
and history, the ReturnMate note and nShift's condition code all say what happened."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest

from returndesk.core.disposition import DEFAULT_RULES, RulesError, parse_rules
from returndesk.core.return_case import Decision, ReturnCase, ReturnLine
from returndesk.core.verdict import Advice, Verdict
from returndesk.core.wms_builder import CaseNotReady, build_wms_update
from returndesk.receiving.summaries import case_summary, inspection_note
from returndesk.settings.model import Settings


def a_case(**rules_change):
    rules = parse_rules({**DEFAULT_RULES, **rules_change})
    lines = [
        ReturnLine("1", "JEANS-1", "Jeans", 1, Decimal("500.00")),
        ReturnLine("2", "TEE-2", "Tee", 1, Decimal("200.00")),
    ]
    return ReturnCase("R1", "F1", "SEK", Decimal("0.25"), lines, rma_id="rma_1", rules=rules)


def test_an_undecided_or_missing_item_goes_nowhere_yet():
    case = a_case()
    assert case.route(case.line("1")) is None
    case.set_decision("1", Decision.MISSING)
    assert case.route(case.line("1")) is None


def test_the_grade_chooses_the_route_and_sets_the_condition_code_nshift_gets():
    case = a_case()
    case.accept_all()
    case.set_grade("1", "A")
    case.set_grade("2", "C")
    assert case.route(case.line("1")).disposition.code == "restock"
    assert case.route(case.line("2")).disposition.code == "refurbish"
    update = build_wms_update(case, datetime(2026, 12, 2, tzinfo=UTC)).to_wire()
    items = update["returns"][0]["items"]
    codes = {i["forwardOrderItemId"]: i["returnConditionCode"] for i in items}
    assert codes == {"1": "NOT_USED", "2": "DAMAGED"}
    # a new grade replaces the condition the old grade set
    case.set_grade("2", "D")
    assert case.line("2").condition_code == "NOT_RESELLABLE"


def test_a_condition_the_operator_chose_stays_whatever_the_grade():
    case = a_case()
    case.accept_all()
    case.set_condition("1", "MISSING_PARTS")
    case.set_grade("1", "A")
    assert case.line("1").condition_code == "MISSING_PARTS"


def test_an_ai_damage_verdict_quarantines_until_the_operator_chooses_otherwise():
    case = a_case()
    case.accept_all()
    case.set_grade("1", "A")
    advice = Advice("req-1", "rejected", Decimal("0.9"), "Visible damage on seam", None, None, None)
    case.verdicts["1"] = Verdict(advice, "overridden", "customer says it was like that")
    route = case.route(case.line("1"))
    assert (route.disposition.code, route.rule, route.overridden) == ("quarantine", 0, False)
    case.set_disposition("1", "restock")
    route = case.route(case.line("1"))
    assert (route.disposition.code, route.overridden) == ("restock", True)
    # history keeps both: what the operator chose and what the rules said
    line = case_summary(case)["lines"][0]
    assert line["disposition"]["code"] == "restock"
    assert line["disposition"]["overridden"] is True
    assert line["rules_disposition"]["code"] == "quarantine"
    assert line["grade"] == "A"
    case.set_disposition("1", None)
    assert case.route(case.line("1")).disposition.code == "quarantine"


def test_unknown_grades_and_dispositions_are_refused_with_the_known_ones():
    case = a_case()
    with pytest.raises(ValueError, match=r"E is not one of this station's grades \(A, B, C, D\)"):
        case.set_grade("1", "E")
    with pytest.raises(ValueError, match="shelf is not one of this station's dispositions"):
        case.set_disposition("1", "shelf")


def test_a_station_that_requires_grades_refuses_an_ungraded_accepted_item():
    case = a_case(require_grade=True)
    case.accept_all()
    case.set_grade("1", "B")
    with pytest.raises(CaseNotReady) as refused:
        build_wms_update(case, datetime(2026, 12, 2, tzinfo=UTC))
    assert [(p.message, p.order_item_id) for p in refused.value.problems] == [
        ("grade it before submitting", "2")
    ]
    case.set_decision("2", Decision.REJECTED)
    assert not case.problems()


def test_the_returnmate_note_says_each_route():
    case = a_case()
    case.accept_all()
    case.set_grade("1", "A")
    case.set_grade("2", "D")
    case.set_disposition("2", "donate")
    note = inspection_note(case, "Ada", Settings())
    assert "Routes: JEANS-1 A restock, TEE-2 D donate (chosen by the operator)." in note


@pytest.mark.parametrize(
    ("answers", "grade"),
    [
        ([True, True, True], "A"),
        ([False, True, True], "B"),
        ([False, False, True], "C"),
        # the worst "no" decides, wherever it comes
        ([True, True, False], "D"),
        ([False, False, False], "D"),
    ],
)
def test_the_default_questions_give_the_grade_of_the_worst_no(answers, grade):
    case = a_case()
    case.accept_all()
    assert case.grade_by_guide("1", answers) == grade
    line = case.line("1")
    assert line.grade == grade
    assert [yes for _, yes in line.grade_answers[1]] == answers
    case.set_grade("1", "A")  # chosen outright afterwards: no longer the questions' grade
    assert line.grade_answers is None


def test_a_guide_is_chosen_by_the_skus_start_and_refused_when_it_names_no_grade():
    shoes = {
        "name": "Shoes",
        "sku_prefixes": ["SHOE-"],
        "questions": [{"ask": "Soles clean?", "no": "C"}],
    }
    rules = parse_rules({**DEFAULT_RULES, "guides": [shoes]})
    assert rules.guide_for("shoe-41").name == "Shoes"
    assert rules.guide_for("JEANS-1") is None
    case = a_case(guides=[shoes])
    with pytest.raises(ValueError, match="no grading questions are set for JEANS-1"):
        case.grade_by_guide("1", [True])
    bad = {**shoes, "questions": [{"ask": "Soles clean?", "no": "Z"}]}
    with pytest.raises(RulesError, match=r"guides\[0\]\.questions\[0\]\.no: 'Z' is not a grade"):
        parse_rules({**DEFAULT_RULES, "guides": [bad]})
