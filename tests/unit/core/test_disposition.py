import tomllib

import pytest

from returndesk.core.disposition import (
    DEFAULT_RULES,
    ItemFacts,
    RulesError,
    choose,
    parse_rules,
)

RULES = parse_rules(DEFAULT_RULES)


@pytest.mark.parametrize(
    ("facts", "disposition", "rule"),
    [
        (ItemFacts(accepted=True, grade="A"), "restock", 1),
        (ItemFacts(accepted=True, grade="B"), "restock", 1),
        (ItemFacts(accepted=True, grade="C"), "refurbish", 2),
        (ItemFacts(accepted=True, grade="D"), "recycle", 3),
        (ItemFacts(accepted=False, grade="D"), "recycle", 3),
        # the AI's damage verdict comes first, whatever the grade
        (ItemFacts(accepted=True, grade="A", ai_reason="Visible Damage on sole"), "quarantine", 0),
        # nothing holds: not graded, or rejected in a good state
        (ItemFacts(accepted=True), "quarantine", None),
        (ItemFacts(accepted=False, grade="A"), "quarantine", None),
    ],
)
def test_every_default_rule(facts, disposition, rule):
    choice = choose(RULES, facts)
    assert choice.disposition.code == disposition
    assert choice.rule == rule


def test_a_rule_file_from_toml_with_reasons_conditions_and_destinations():
    text = """
otherwise = "hold"
[[grades]]
code = "A"
meaning = "As new"
[[dispositions]]
code = "hold"
label = "Hold"
destination = "CAGE-1"
[[dispositions]]
code = "vendor"
label = "Return to vendor"
[[rules]]
disposition = "vendor"
when = { accepted = false, reason = ["DEFECTIVE"], condition = ["BROKEN", "MISSING_PARTS"] }
"""
    rules = parse_rules(tomllib.loads(text))
    vendor = ItemFacts(accepted=False, reason="DEFECTIVE", condition="BROKEN")
    assert choose(rules, vendor).disposition.code == "vendor"
    other = choose(rules, ItemFacts(accepted=False, reason="DEFECTIVE", condition="SCRATCHED"))
    assert other.disposition.destination == "CAGE-1"
    assert other.rule is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        # a misspelt condition would match every item if it were ignored
        (lambda d: d["rules"][1]["when"].update(grdae=["A"]), r"rules\[1\]\.when\.grdae: Extra"),
        (lambda d: d["rules"][2].update(disposition="shelf"), r"rules\[2\]\.disposition: 'shelf'"),
        (lambda d: d["rules"][1]["when"].update(grade=["E"]), r"rules\[1\]\.when\.grade: E"),
        (lambda d: d["rules"][1]["when"].update(accepted="yes"), r"rules\[1\]\.when\.accepted"),
        (lambda d: d.update(otherwise="bin"), r"otherwise: 'bin'"),
        (lambda d: d["grades"].append({"code": "A", "meaning": "x"}), r"grade A is listed more"),
        (lambda d: d["dispositions"][0].update(code="re stock"), r"dispositions\[0\]\.code"),
        (lambda d: d["grades"].clear(), r"^grades: List should have at least 1 item"),
        (lambda d: d["return_condition"].update(F="USED"), r"return_condition: F is not a grade"),
    ],
)
def test_a_refused_rule_file_names_the_bad_key(change, message):
    document = tomllib.loads(_as_toml(DEFAULT_RULES))
    change(document)
    with pytest.raises(RulesError, match=message):
        parse_rules(document)


def _as_toml(rules):
    """The defaults written as an integrator would: through TOML, not as Python objects."""
    lines = [f'otherwise = "{rules["otherwise"]}"']
    for table in ("grades", "dispositions"):
        for entry in rules[table]:
            lines.append(f"[[{table}]]")
            lines += [f'{key} = "{value}"' for key, value in entry.items()]
    for rule in rules["rules"]:
        when = ", ".join(
            f"{key} = {str(value).lower() if isinstance(value, bool) else value}".replace("'", '"')
            for key, value in rule["when"].items()
        )
        lines += ["[[rules]]", f'disposition = "{rule["disposition"]}"', f"when = {{ {when} }}"]
    lines.append("[return_condition]")
    lines += [f'{grade} = "{code}"' for grade, code in rules["return_condition"].items()]
    return "\n".join(lines)


def test_the_defaults_survive_toml():
    assert parse_rules(tomllib.loads(_as_toml(DEFAULT_RULES))) == RULES
