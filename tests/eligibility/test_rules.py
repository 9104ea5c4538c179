"""The route finder's decision engine: scenarios, one test per rule row, validation, a sweep."""

from __future__ import annotations

import functools
from typing import Any

import pytest

from bench.families import families
from eligibility.finder.questions import QUESTIONS
from eligibility.finder.rules import (
    ALWAYS_ASK,
    ANSWER_REASONS,
    ANY_DISABLED_CHILD_CAN_ASK,
    CHILD_NEEDS,
    CURRENT_SUPPORT,
    DISABILITY,
    EHC_PLAN,
    FAMILY_FACTORS,
    NOT_DESCRIBED_REASON,
    NOTE,
    PARTLY_MEETS,
    ROUTE_TYPES,
    RULES,
    TALK_TO_SOCIAL_WORKER,
    URGENT,
    Answers,
    AnswersError,
    RouteText,
    Rule,
    Suggestion,
    suggest,
)
from tests.eligibility.shipped_policies import shipped
from tests.support import contract

# Each council's shipped route policies and the services they name (fixtures/route_policies.yaml).
ESSEX, BEXLEY, NORFOLK, STOKE = "essex", "bexley", "norfolk", "stoke-on-trent"
COUNCILS = shipped()

CHILDRENS_ROUTES = {
    "short-breaks",
    "early-help",
    "social-work-assessment",
    "child-protection",
    "children-in-care",
    "parent-carer-assessment",
}
GENERAL = ["universal", "information-advice"]

# The contract's own answers file (PRODUCT.md, "Contract: the route finder from the command line").
CONTRACT_EXAMPLE = {
    "age": 9,
    "disability": "yes",
    "child_needs": ["severe-learning-difficulties"],
    "family_factors": ["single-carer", "challenging-behaviour"],
    "risk_of_harm": False,
    "ehc_plan": "no",
    "current_support": "none",
    "carer_needs_support": True,
}


def run(council: str, **answers: Any) -> Suggestion:
    services, policies = COUNCILS[council]
    return suggest(Answers.from_dict(answers), services, None, policies)


def route(suggestion: Suggestion, route_type: str):
    matches = [r for r in suggestion.routes if r.type == route_type]
    assert matches, f"{route_type} not suggested: {[r.type for r in suggestion.routes]}"
    return matches[0]


# --------------------------------------------------------------------------------------------
# Scenarios, on each council's shipped policies: one family each, the routes expected in rank
# order (the general ones last), what else must hold, and the sentence of the council's own
# source or the statute the row rests on. `expect` may give: urgent, services {type: slug},
# reasons {type: substring}, not_described [types].
# --------------------------------------------------------------------------------------------

E000 = "Essex (000): \"Essex County Council has an obligation to assess the needs of children and young people with disabilities\""  # noqa: E501
B001 = "Bexley (001): \"You have a right to have your child and family's needs assessed by social services.\""  # noqa: E501
N002 = "Norfolk (002): \"In many cases, needs can be met through universal services or early help and family support ... In some cases, there will still be a need for a more formal assessment.\""  # noqa: E501
S004_CWD = "Stoke (004): CWD team \"usually provides services for\" four needs; \"some, or all of the following factors would be present\""  # noqa: E501
S004_MOST = "Stoke (004): \"For most families of disabled children in Stoke on Trent, an Early Help assessment or services delivered by Aiming High should be sufficient\""  # noqa: E501
S17_10 = "Children Act 1989 s17(10)(c): a child is in need if \"he is disabled\""
S58 = "Care Act 2014 s58: assess a child \"likely to have needs for care and support after becoming 18\"; Year 9 starts at 13"  # noqa: E501
S47 = "Children Act 1989 s47: enquiries where a child \"is suffering, or is likely to suffer, significant harm\""  # noqa: E501

# fmt: off
SCENARIOS = [
    # Essex ------------------------------------------------------------------------------------
    pytest.param(
        ESSEX, {"age": 5, "disability": "yes"},
        ["social-work-assessment", "short-breaks", *GENERAL],
        {"services": {"social-work-assessment": "child-and-family-assessment"},
         "reasons": {"social-work-assessment": "Any family with a disabled child can ask"},
         "rests_on": E000},
        id="essex-disabled-child-nothing-else-ticked-can-ask",
    ),
    pytest.param(
        ESSEX, {"age": 4, "disability": "not-sure"},
        ["social-work-assessment", "short-breaks", *GENERAL],
        {"reasons": {"short-breaks": "You do not need a diagnosis"},
         "rests_on": S17_10},
        id="essex-not-sure-no-diagnosis-needed",
    ),
    pytest.param(
        ESSEX, {"age": 13, "disability": "yes", "ehc_plan": "yes"},
        ["social-work-assessment", "transition-assessment", "short-breaks", "ehc-social-care",
         "direct-payments", *GENERAL],
        {"services": {"transition-assessment": "transition-to-adulthood",
                      "ehc-social-care": "child-and-family-assessment"},
         "reasons": {"transition-assessment": "13 or older"},
         "rests_on": S58},
        id="essex-13-year-old-with-ehc-plan-transition",
    ),
    pytest.param(
        ESSEX, {"age": 16, "disability": "yes", "current_support": "social-worker"},
        ["social-work-assessment", "short-breaks", "transition-assessment", "direct-payments",
         *GENERAL],
        {"services": {"direct-payments": "personal-budgets"},
         "reasons": {"social-work-assessment": TALK_TO_SOCIAL_WORKER,
                     "direct-payments": "At 16 or 17, your young person can receive"},
         "rests_on": "Children Act 1989 s17A"},
        id="essex-16-with-social-worker-talks-to-them",
    ),
    pytest.param(
        ESSEX, {"age": 10, "disability": "no", "family_factors": ["poverty-or-housing"]},
        ["early-help", *GENERAL],
        {"services": {"early-help": "early-help-and-family-help"},
         "rests_on": "Essex (003): additional support / early help / family help"},
        id="essex-no-disability-family-pressures-early-help",
    ),
    pytest.param(
        ESSEX, {"age": 12, "disability": "no", "risk_of_harm": True},
        ["child-protection", *GENERAL],
        {"urgent": True, "services": {"child-protection": "child-protection"},
         "rests_on": S47},
        id="essex-at-risk-child-protection-first",
    ),
    pytest.param(
        ESSEX,
        {"age": 8, "disability": "yes", "child_needs": ["multiple-or-severe-disability"],
         "family_factors": ["poverty-or-housing"]},
        ["social-work-assessment", "short-breaks", "early-help", "direct-payments", *GENERAL],
        {"services": {"direct-payments": "personal-budgets"},
         "rests_on": "Essex (000): 'a Personal Budget (which may be a direct payment or direct provision of services)'"},  # noqa: E501
        id="essex-complex-needs-assessment-then-personal-budget",
    ),
    pytest.param(
        ESSEX, {"age": 19, "disability": "yes"},
        ["adult-social-care", *GENERAL],
        {"not_described": ["adult-social-care"], "services": {"adult-social-care": None},
         "rests_on": "Care Act 2014 s9; Essex (000) describes 0-15 teams only"},
        id="essex-young-adult-adult-care-not-described-in-sources",
    ),
    pytest.param(
        ESSEX, {"age": 9, "disability": "yes", "carer_needs_support": True},
        ["social-work-assessment", "parent-carer-assessment", "short-breaks", "early-help",
         *GENERAL],
        {"reasons": {"parent-carer-assessment": "You said you would like support for yourself."},
         "rests_on": "Children Act 1989 s17ZD(3): 'the parent carer requests the authority to undertake an assessment'"},  # noqa: E501
        id="essex-parent-asks-for-own-assessment",
    ),
    # Bexley -----------------------------------------------------------------------------------
    pytest.param(
        BEXLEY, {"age": 5, "disability": "yes"},
        ["social-work-assessment", "short-breaks", *GENERAL],
        {"services": {"social-work-assessment": "childrens-social-care-assessment"},
         "reasons": {"social-work-assessment": "right to have your child's and family's needs"},
         "rests_on": B001},
        id="bexley-disabled-child-nothing-else-ticked-can-ask",
    ),
    pytest.param(
        BEXLEY, {"age": 13, "disability": "yes", "ehc_plan": "yes"},
        ["social-work-assessment", "transition-assessment", "short-breaks", "ehc-social-care",
         "direct-payments", *GENERAL],
        {"services": {"transition-assessment": "preparing-for-adulthood"},
         "reasons": {"transition-assessment": "at any time before they turn 18"},
         "not_described": ["ehc-social-care", "direct-payments"],
         "rests_on": "Bexley (001): 'preparation for adulthood begins from year 9'"},
        id="bexley-13-year-old-with-ehc-plan-transition",
    ),
    pytest.param(
        BEXLEY, {"age": 17, "disability": "not-sure"},
        ["social-work-assessment", "short-breaks", "transition-assessment", *GENERAL],
        {"reasons": {"transition-assessment": "after 18"},
         "rests_on": "Bexley (001): 'at any time ahead of their 18th Birthday'"},
        id="bexley-17-transition-before-18",
    ),
    pytest.param(
        BEXLEY, {"age": 12, "disability": "yes"},
        ["social-work-assessment", "short-breaks", *GENERAL],
        {"reasons": {"short-breaks": "open to all children, without an assessment"},
         "rests_on": "Bexley (001): 'you don't need an assessment'"},
        id="bexley-12-universal-short-breaks",
    ),
    pytest.param(
        BEXLEY, {"age": 18, "disability": "yes"},
        ["adult-social-care", "direct-payments", *GENERAL],
        {"services": {"adult-social-care": "adult-social-care"},
         "not_described": ["direct-payments"],
         "rests_on": "Bexley (001): 'Adult Social Care services have a duty to assess'"},
        id="bexley-18-adult-care",
    ),
    pytest.param(
        BEXLEY, {"age": 2, "disability": "no"},
        GENERAL,
        {"services": {"information-advice": "bexley-iass"},
         "reasons": {"information-advice": ALWAYS_ASK},
         "rests_on": "Children and Families Act 2014 s32"},
        id="bexley-iass-always-offered",
    ),
    pytest.param(
        BEXLEY, {"age": 10, "disability": "no", "family_factors": ["poverty-or-housing"]},
        ["early-help", *GENERAL],
        {"services": {"early-help": None}, "not_described": ["early-help"],
         "reasons": {"early-help": "does not describe how to get this"},
         "rests_on": "Bexley (001) does not describe early help"},
        id="bexley-early-help-not-described-says-who-to-ask",
    ),
    pytest.param(
        BEXLEY, {"age": 8, "disability": "no", "risk_of_harm": True},
        ["child-protection", *GENERAL],
        {"urgent": True, "reasons": {"child-protection": "call 999"},
         "rests_on": S47},
        id="bexley-at-risk-child-protection-first",
    ),
    # Norfolk ----------------------------------------------------------------------------------
    pytest.param(
        NORFOLK, {"age": 6, "disability": "yes"},
        ["early-help", "short-breaks", "social-work-assessment", *GENERAL],
        {"services": {"early-help": "early-help-and-family-support",
                      "social-work-assessment": "childrens-social-care-assessment"},
         "reasons": {"social-work-assessment": "You can ask for one."},
         "rests_on": N002},
        id="norfolk-disabled-child-nothing-else-ticked-early-help-first",
    ),
    pytest.param(
        NORFOLK, {"age": 3, "disability": "yes"},
        ["early-help", "social-work-assessment", *GENERAL],
        {"rests_on": "Norfolk short breaks page (read 2026-11-30): aged 5 to 17"},
        id="norfolk-under-5-no-short-breaks",
    ),
    pytest.param(
        NORFOLK, {"age": 13, "disability": "yes", "ehc_plan": "yes"},
        ["early-help", "short-breaks", "social-work-assessment", "ehc-social-care",
         "transition-assessment", "direct-payments", *GENERAL],
        {"not_described": ["transition-assessment", "direct-payments"],
         "reasons": {"transition-assessment": "13 or older"},
         "rests_on": S58},
        id="norfolk-13-year-old-with-ehc-plan",
    ),
    pytest.param(
        NORFOLK, {"age": 6, "disability": "yes", "ehc_plan": "being-assessed"},
        ["early-help", "short-breaks", "social-work-assessment", "ehc-social-care", *GENERAL],
        {"services": {"ehc-social-care": "social-care-advice-for-ehc-assessments"},
         "reasons": {"ehc-social-care": "it must ask for advice about their social care needs"},
         "rests_on": "Norfolk (002): 'We must seek social care advice as part of that assessment.'"},  # noqa: E501
        id="norfolk-ehc-being-assessed-social-care-advice",
    ),
    pytest.param(
        NORFOLK, {"age": 8, "disability": "yes", "child_needs": ["complex-physical-disability"]},
        ["social-work-assessment", "early-help", "short-breaks", "direct-payments", *GENERAL],
        {"reasons": {"social-work-assessment": "complex physical disability"},
         "not_described": ["direct-payments"],
         "rests_on": N002},
        id="norfolk-complex-needs-formal-assessment-first",
    ),
    pytest.param(
        NORFOLK,
        {"age": 9, "disability": "not-sure", "family_factors": ["single-carer"],
         "current_support": "early-help"},
        ["early-help", "social-work-assessment", "short-breaks", *GENERAL],
        {"reasons": {"early-help": "You already have an Early Help worker"},
         "rests_on": "Norfolk (002): 'With support from Early Help staff'"},
        id="norfolk-early-help-worker-already",
    ),
    pytest.param(
        NORFOLK, {"age": 23, "disability": "yes", "ehc_plan": "yes"},
        ["ehc-social-care", "direct-payments", "adult-social-care", *GENERAL],
        {"reasons": {"ehc-social-care": "From 18, section H2"},
         "not_described": ["direct-payments", "adult-social-care"],
         "rests_on": "Norfolk (002): 'any adult social care provision made under the Care Act 2014'"},  # noqa: E501
        id="norfolk-young-adult-plan-h2-adult-care",
    ),
    pytest.param(
        NORFOLK,
        {"age": 4, "disability": "yes", "risk_of_harm": True, "current_support": "social-worker"},
        ["child-protection", "social-work-assessment", "early-help", "direct-payments",
         *GENERAL],
        {"urgent": True, "reasons": {"child-protection": "tell them today too"},
         "not_described": ["direct-payments"],
         "rests_on": S47},
        id="norfolk-risk-with-social-worker",
    ),
    # Stoke-on-Trent ---------------------------------------------------------------------------
    pytest.param(
        STOKE, {"age": 7, "disability": "yes"},
        ["early-help", "short-breaks", *GENERAL],
        {"services": {"early-help": "early-help", "short-breaks": "aiming-high"},
         "reasons": {"early-help": "for most families of disabled children"},
         "rests_on": S004_MOST},
        id="stoke-disabled-child-nothing-else-ticked-early-help-and-aiming-high",
    ),
    pytest.param(
        STOKE,
        {"age": 9, "disability": "yes", "child_needs": ["severe-learning-difficulties"],
         "family_factors": ["single-carer", "challenging-behaviour"],
         "carer_needs_support": True},
        ["social-work-assessment", "early-help", "parent-carer-assessment", "short-breaks",
         "direct-payments", *GENERAL],
        {"services": {"social-work-assessment": "children-with-disabilities-team"},
         "reasons": {"social-work-assessment": "You said you are the only carer."},
         "not_described": ["direct-payments"],
         "rests_on": S004_CWD},
        id="stoke-meets-cwd-criteria-cwd-team-first",
    ),
    pytest.param(
        STOKE,
        {"age": 9, "disability": "yes", "child_needs": ["severe-learning-difficulties"],
         "family_factors": ["single-carer", "challenging-behaviour"], "risk_of_harm": True},
        ["child-protection", "social-work-assessment", "early-help", "short-breaks",
         "direct-payments", *GENERAL],
        {"urgent": True, "services": {"child-protection": None},
         "not_described": ["direct-payments"],
         "rests_on": "Stoke (004) Level 4b; CHAD 01782 235100"},
        id="stoke-meets-cwd-criteria-at-risk-cwd-team-after-urgent",
    ),
    pytest.param(
        STOKE, {"age": 6, "disability": "yes", "family_factors": ["limited-network"]},
        ["early-help", "short-breaks", *GENERAL],
        {"rests_on": S004_MOST},
        id="stoke-stress-without-listed-need-early-help",
    ),
    pytest.param(
        STOKE, {"age": 10, "disability": "yes", "child_needs": ["life-limiting-illness"]},
        ["early-help", "short-breaks", "social-work-assessment", "direct-payments", *GENERAL],
        {"reasons": {"social-work-assessment": "You can still ask."},
         "not_described": ["direct-payments"],
         "rests_on": "Stoke (004): CWD team 'usually provides services for ... a life limiting illness'"},  # noqa: E501
        id="stoke-life-limiting-alone-cwd-team-still-listed",
    ),
    pytest.param(
        STOKE,
        {"age": 9, "disability": "yes",
         "family_factors": ["family-breakdown-risk", "challenging-behaviour"]},
        ["social-work-assessment", "early-help", "short-breaks", "parent-carer-assessment",
         *GENERAL],
        {"reasons": {"social-work-assessment": "could break up your family"},
         "rests_on": "Stoke (004) Level 4a: 'There is a significant risk of family breakdown'"},
        id="stoke-family-breakdown-level-4a",
    ),
    pytest.param(
        STOKE, {"age": 13, "disability": "yes", "ehc_plan": "yes"},
        ["early-help", "short-breaks", "ehc-social-care", "transition-assessment",
         "direct-payments", *GENERAL],
        {"services": {"ehc-social-care": "sen-teams", "transition-assessment": None},
         "not_described": ["transition-assessment", "direct-payments"],
         "rests_on": S58},
        id="stoke-13-year-old-with-ehc-plan",
    ),
    pytest.param(
        STOKE, {"age": 11, "disability": "yes", "current_support": "looked-after"},
        ["children-in-care", "short-breaks", *GENERAL],
        {"services": {"children-in-care": None},
         "rests_on": "Stoke (004) Level 4c: 'held by a Children with Disabilities Team social worker'"},  # noqa: E501
        id="stoke-looked-after-level-4c-no-new-referral",
    ),
    pytest.param(
        STOKE, {"age": 8, "disability": "no", "risk_of_harm": True},
        ["child-protection", *GENERAL],
        {"urgent": True, "services": {"child-protection": None},
         "rests_on": "Stoke (004): CHAD (Children's Advice and Duty Service) 01782-235100"},
        id="stoke-non-disabled-child-at-risk-goes-to-chad-not-cwd",
    ),
    pytest.param(
        STOKE, {"age": 12, "disability": "not-sure", "carer_needs_support": True},
        ["early-help", "parent-carer-assessment", "short-breaks", *GENERAL],
        {"services": {"parent-carer-assessment": "parent-carer-assessment"},
         "rests_on": "Stoke (004): 'must also carry out such an assessment if a parent carer requests one'"},  # noqa: E501
        id="stoke-parent-asks-for-s17zd-assessment",
    ),
]
# fmt: on


@pytest.mark.parametrize(("council", "answers", "expected", "expect"), SCENARIOS)
def test_scenario(council, answers, expected, expect):
    result = run(council, **answers)

    assert [r.type for r in result.routes] == expected
    assert result.urgent is expect.get("urgent", False)
    for route_type, slug in expect.get("services", {}).items():
        assert route(result, route_type).service == slug
    for route_type, text in expect.get("reasons", {}).items():
        reasons = route(result, route_type).reasons
        assert any(text in reason for reason in reasons), reasons
    not_described = [r.type for r in result.routes if r.access == "not-described"]
    assert not_described == expect.get("not_described", [])
    assert expect["rests_on"]  # the seed sentence or statute the row rests on
    # "duties" are checked against the shipped route types: tests/eligibility/test_route_texts.py


def test_there_are_at_least_eight_scenarios_for_each_council():
    per_council = dict.fromkeys(COUNCILS, 0)
    for param in SCENARIOS:
        per_council[param.values[0]] += 1

    assert min(per_council.values()) >= 8, per_council


# --------------------------------------------------------------------------------------------
# One test per rule row: whenever its condition holds (and, for a NOTE, its route is
# suggested), its reason appears under its route. The sweep supplies the families.
# --------------------------------------------------------------------------------------------


@functools.cache
def swept() -> tuple[tuple[str, Answers, Suggestion], ...]:
    """(council, answers, result) for every family of the sweep, the councils in turn."""
    pairs = []
    councils = list(COUNCILS)
    for index, data in enumerate(families()):
        council = councils[index % len(councils)]
        services, policies = COUNCILS[council]
        answers = Answers.from_dict(data)
        pairs.append((council, answers, suggest(answers, services, None, policies)))
    return tuple(pairs)


@functools.cache
def rule_outcomes() -> dict[int, tuple[int, int]]:
    """For each rule row: how many swept families it applied to, and how many lacked its reason."""
    families_and_routes = [
        (council, answers, {r.type: r.reasons for r in result.routes})
        for council, answers, result in swept()
    ]
    outcomes = {}
    for index, rule in enumerate(RULES):
        applied = missing = 0
        for council, answers, reasons in families_and_routes:
            if not rule.when(answers) or (rule.tier == NOTE and rule.route not in reasons):
                continue
            policy = COUNCILS[council][1].get(rule.route)
            if policy and not policy.for_age(answers.age) and rule.tier != URGENT:
                continue  # the council's own age limits leave the route out
            applied += 1
            if rule.reason not in reasons.get(rule.route, ()):
                missing += 1
        outcomes[index] = (applied, missing)
    return outcomes


def rule_id(index: int, rule: Rule) -> str:
    return f"{index:02d}-{rule.route}-{rule.tier}-{rule.when.__name__}"


RULE_IDS = [rule_id(index, rule) for index, rule in enumerate(RULES)]


@pytest.mark.engine_independent
@pytest.mark.parametrize("index", range(len(RULES)), ids=RULE_IDS)
def test_rule_reason_appears_whenever_its_condition_holds(index):
    applied, missing = rule_outcomes()[index]

    assert applied > 0, "no family in the sweep meets this rule: it can never fire"
    assert missing == 0, f"reason missing for {missing} of {applied} families"


@pytest.mark.engine_independent
def test_every_reason_shown_comes_from_a_rule_that_held():
    for council, answers, result in swept()[::7]:
        policies = COUNCILS[council][1]
        for r in result.routes:
            policy = policies[r.type]
            from_policy = {
                policy.how_to_reach,
                ANY_DISABLED_CHILD_CAN_ASK,
                PARTLY_MEETS,
                NOT_DESCRIBED_REASON.format(council=policy.council),
                *(ANSWER_REASONS[item] for item in policy.matched(answers)),
            }
            for reason in r.reasons:
                assert reason in from_policy or any(
                    rule.route == r.type and rule.reason == reason and rule.when(answers)
                    for rule in RULES
                ), (answers, r.type, reason)


def test_no_two_rows_give_one_route_the_same_reason():
    reasons = [(rule.route, rule.reason) for rule in RULES]

    assert len(set(reasons)) == len(reasons)


# --------------------------------------------------------------------------------------------
# Behaviours
# --------------------------------------------------------------------------------------------


def test_risk_of_harm_ranks_child_protection_first():
    result = run(ESSEX, age=6, disability="yes", ehc_plan="yes", risk_of_harm=True)

    assert result.routes[0].type == "child-protection"
    assert result.urgent is True


def test_without_risk_of_harm_nothing_is_urgent():
    result = run(STOKE, **CONTRACT_EXAMPLE)

    assert result.urgent is False
    assert "child-protection" not in [r.type for r in result.routes]


def test_universal_and_information_advice_come_last_for_every_family():
    result = run(BEXLEY, age=14, disability="yes", ehc_plan="yes", carer_needs_support=True)

    assert [r.type for r in result.routes][-2:] == GENERAL


def test_result_always_says_the_family_can_ask_for_an_assessment():
    result = run(NORFOLK, age=0, disability="no")

    assert ALWAYS_ASK in route(result, "information-advice").reasons


def test_social_worker_is_named_first_contact_on_every_matching_childrens_route():
    result = run(
        STOKE,
        age=10,
        disability="yes",
        current_support="social-worker",
        carer_needs_support=True,
        family_factors=["single-carer"],
    )

    for r in result.routes:
        if r.type in CHILDRENS_ROUTES:
            assert TALK_TO_SOCIAL_WORKER in r.reasons, r.type


def test_families_without_a_social_worker_are_not_told_to_talk_to_one():
    result = run(STOKE, **CONTRACT_EXAMPLE)

    assert all(TALK_TO_SOCIAL_WORKER not in r.reasons for r in result.routes)


def test_looked_after_child_is_pointed_to_their_social_worker_not_a_new_referral():
    result = run(
        STOKE, age=9, disability="yes", current_support="looked-after", carer_needs_support=True
    )

    assert "social-work-assessment" not in [r.type for r in result.routes]
    assert any("social worker" in reason for reason in route(result, "children-in-care").reasons)


def test_looked_after_child_is_not_offered_direct_payments():
    result = run(STOKE, age=11, disability="yes", current_support="looked-after")

    assert "direct-payments" not in [r.type for r in result.routes]


def test_route_whose_policy_names_no_service_points_to_the_front_door():
    result = run(STOKE, age=9, disability="no", risk_of_harm=True)

    assert route(result, "child-protection").service is None


def test_services_of_unknown_route_type_are_refused():
    with pytest.raises(ValueError, match="'respite'"):
        suggest(Answers(age=9), {"respite": "aiming-high"})


def test_parent_carer_route_matches_the_product_brief_example():
    title = "An assessment of your own needs as a parent carer"
    texts = {"parent-carer-assessment": RouteText(title, ("children-act-1989-s17zd",))}
    services, policies = COUNCILS[STOKE]
    result = suggest(Answers.from_dict(CONTRACT_EXAMPLE), services, texts, policies)

    assert route(result, "parent-carer-assessment").to_dict() == {
        "type": "parent-carer-assessment",
        "service": "parent-carer-assessment",
        "title": "An assessment of your own needs as a parent carer",
        "reasons": ["You said you would like support for yourself."],
        "legal_duties": ["children-act-1989-s17zd"],
    }


def test_to_dict_gives_exactly_the_contract_json_shape():
    data = run(STOKE, **CONTRACT_EXAMPLE).to_dict("stoke-on-trent")

    assert set(data) == {"council", "urgent", "routes"}
    assert data["council"] == "stoke-on-trent"
    assert data["urgent"] is False
    for item in data["routes"]:
        assert set(item) == {"type", "service", "title", "reasons", "legal_duties"}
        assert isinstance(item["reasons"], list) and isinstance(item["legal_duties"], list)


def test_social_work_reasons_name_each_need_and_factor_the_parent_gave():
    result = run(
        STOKE,
        age=9,
        disability="yes",
        child_needs=["severe-learning-difficulties", "complex-physical-disability"],
        family_factors=["single-carer", "limited-network"],
    )

    reasons = route(result, "social-work-assessment").reasons
    assert "You said your child has severe learning difficulties." in reasons
    assert "You said your child has a complex physical disability." in reasons
    assert "You said you are the only carer." in reasons
    assert "You said you get little help from family or friends." in reasons
    assert not any("shorten their life" in reason for reason in reasons)


def test_direct_payments_never_limit_young_people_to_under_16():
    texts = [rule.reason for rule in RULES if rule.route == "direct-payments"]

    assert texts
    assert not any("under 16" in text.lower() for text in texts)


def test_no_reason_question_or_choice_says_eligible():
    texts = [*(rule.reason for rule in RULES), ALWAYS_ASK]
    for question in QUESTIONS:
        texts += [question.text, question.hint, question.error, *question.choices.values()]

    assert not [text for text in texts if "eligib" in text.lower()]


def test_suggest_is_deterministic():
    answers = Answers.from_dict(CONTRACT_EXAMPLE)

    services, policies = COUNCILS[STOKE]

    assert suggest(answers, services, None, policies) == suggest(
        answers, services, None, policies
    )


# --------------------------------------------------------------------------------------------
# The constants other code imports
# --------------------------------------------------------------------------------------------


def test_route_types_are_the_contracts_twelve_in_order():
    assert ROUTE_TYPES == contract.ROUTE_TYPES


def test_answer_values_are_the_contracts():
    assert DISABILITY == ("yes", "no", "not-sure")
    assert EHC_PLAN == ("yes", "being-assessed", "no")
    assert CURRENT_SUPPORT == ("none", "early-help", "social-worker", "looked-after")
    assert set(CHILD_NEEDS) == {
        "severe-learning-difficulties",
        "multiple-or-severe-disability",
        "life-limiting-illness",
        "complex-physical-disability",
    }
    assert len(FAMILY_FACTORS) == 9 and "single-carer" in FAMILY_FACTORS


def test_every_answer_value_has_a_plain_english_label():
    values = {
        "disability": DISABILITY,
        "child_needs": CHILD_NEEDS,
        "family_factors": FAMILY_FACTORS,
        "ehc_plan": EHC_PLAN,
        "current_support": CURRENT_SUPPORT,
    }

    by_key = {question.key: question for question in QUESTIONS}
    for key, allowed in values.items():
        assert set(by_key[key].choices) == set(allowed), key
    single_carer = by_key["family_factors"].choices["single-carer"]
    assert single_carer == "I am the only carer (a single parent or carer)"


# --------------------------------------------------------------------------------------------
# Reading answers
# --------------------------------------------------------------------------------------------


def test_missing_answers_take_the_documented_defaults():
    answers = Answers.from_dict({"age": 9})

    assert answers == Answers(
        age=9,
        disability="not-sure",
        child_needs=(),
        family_factors=(),
        risk_of_harm=False,
        ehc_plan="no",
        current_support="none",
        carer_needs_support=False,
    )


def test_lists_are_stored_as_tuples_in_a_fixed_order():
    answers = Answers.from_dict(
        {"age": 9, "family_factors": ["single-carer", "family-breakdown-risk"]}
    )

    assert answers.family_factors == ("family-breakdown-risk", "single-carer")


def test_answers_round_trip_through_to_dict():
    answers = Answers.from_dict(CONTRACT_EXAMPLE)

    assert Answers.from_dict(answers.to_dict()) == answers


def test_answers_built_in_code_are_checked_too():
    with pytest.raises(AnswersError, match="'age'"):
        Answers(age=30)


BAD_ANSWERS = [
    pytest.param({"age": 9, "colour": "red"}, "unknown answer key 'colour'", id="unknown-key"),
    pytest.param({"disability": "yes"}, "missing answer 'age'", id="missing-age"),
    pytest.param(
        {"age": -1}, "'age' must be a whole number from 0 to 25, got -1", id="age-below-0"
    ),
    pytest.param(
        {"age": 26}, "'age' must be a whole number from 0 to 25, got 26", id="age-above-25"
    ),
    pytest.param({"age": 30}, "'age' must be a whole number from 0 to 25, got 30", id="age-30"),
    pytest.param(
        {"age": True}, "'age' must be a whole number from 0 to 25, got true", id="age-bool"
    ),
    pytest.param(
        {"age": 9.5}, "'age' must be a whole number from 0 to 25, got 9.5", id="age-float"
    ),
    pytest.param(
        {"age": "9"}, "'age' must be a whole number from 0 to 25, got '9'", id="age-string"
    ),
    pytest.param(
        {"age": None}, "'age' must be a whole number from 0 to 25, got null", id="age-null"
    ),
    pytest.param(
        {"age": 9, "disability": "maybe"},
        "unknown value 'maybe' for 'disability' (choose from: yes, no, not-sure)",
        id="unknown-disability",
    ),
    pytest.param(
        {"age": 9, "ehc_plan": "pending"},
        "unknown value 'pending' for 'ehc_plan'",
        id="unknown-ehc-plan",
    ),
    pytest.param(
        {"age": 9, "current_support": "nurse"},
        "unknown value 'nurse' for 'current_support'",
        id="unknown-current-support",
    ),
    pytest.param(
        {"age": 9, "disability": True}, "'disability' must be one of: yes, no", id="disability-bool"
    ),
    pytest.param(
        {"age": 9, "risk_of_harm": "yes"},
        "'risk_of_harm' must be true or false, got 'yes'",
        id="flag-string",
    ),
    pytest.param(
        {"age": 9, "carer_needs_support": 1},
        "'carer_needs_support' must be true or false, got 1",
        id="flag-int",
    ),
    pytest.param(
        {"age": 9, "child_needs": "severe-learning-difficulties"},
        "'child_needs' must be a list",
        id="list-as-string",
    ),
    pytest.param(
        {"age": 9, "family_factors": None}, "'family_factors' must be a list", id="list-null"
    ),
    pytest.param(
        {"age": 9, "child_needs": ["autism"]},
        "unknown value 'autism' in 'child_needs' (choose from:",
        id="list-unknown-item",
    ),
    pytest.param(
        {"age": 9, "family_factors": [3]},
        "'family_factors' must be a list of text values, got 3",
        id="list-non-string",
    ),
    pytest.param(
        {"age": 9, "family_factors": ["single-carer", "single-carer"]},
        "'family_factors' lists 'single-carer' more than once",
        id="list-duplicate",
    ),
    pytest.param(["age", 9], "answers must be a JSON object", id="not-an-object"),
]


@pytest.mark.parametrize(("data", "message"), BAD_ANSWERS)
def test_bad_answers_raise_a_one_line_error_naming_the_problem(data, message):
    with pytest.raises(AnswersError) as raised:
        Answers.from_dict(data)

    text = str(raised.value)
    assert message in text
    assert "\n" not in text


def test_answers_error_is_a_value_error():
    assert issubclass(AnswersError, ValueError)


def test_error_message_stays_on_one_line_for_a_multiline_value():
    with pytest.raises(AnswersError) as raised:
        Answers.from_dict({"age": 9, "disability": "yes\nno"})

    assert "\n" not in str(raised.value)


# --------------------------------------------------------------------------------------------
# The bounded sweep: one test, one loop.
# --------------------------------------------------------------------------------------------


@pytest.mark.engine_independent
def test_bounded_sweep_every_family_gets_sound_routes():
    count = 0
    for council, answers, result in swept():
        count += 1
        types = [r.type for r in result.routes]
        context = (answers, types)

        assert result.routes, context
        assert len(set(types)) == len(types), context
        assert set(types) <= set(ROUTE_TYPES), context
        assert types[-2:] == GENERAL, context
        assert all(r.reasons for r in result.routes), context

        # Urgent exactly when the parent fears harm, and the urgent route comes first.
        assert result.urgent is answers.risk_of_harm, context
        if result.urgent:
            first = "child-protection" if answers.age < 18 else "adult-social-care"
            assert types[0] == first, context

        # Rank: urgent, then specific by fit (ties in the contract's order), then general.
        order = {"urgent": 0, "specific": 1, "general": 2}
        keys = [
            (order[r.tier], -r.fit if r.tier == "specific" else 0, ROUTE_TYPES.index(r.type))
            for r in result.routes
        ]
        assert keys == sorted(keys), context
        # A route the council's sources do not describe never comes before one they do.
        described = [r.access != "not-described" for r in result.routes if r.tier == "specific"]
        assert described == sorted(described, reverse=True), context

        # Ages.
        if answers.age >= 18:
            assert not CHILDRENS_ROUTES & set(types), context
        else:
            assert "adult-social-care" not in types, context
        if "transition-assessment" in types:
            assert 13 <= answers.age <= 17, context
        assert ("ehc-social-care" in types) is (answers.ehc_plan != "no"), context
        assert ("child-protection" in types) is (answers.risk_of_harm and answers.age < 18)

        # A child who is disabled, or may be, always hears about short breaks, within the
        # council's own age limits; and, unless in care, about a social work assessment or the
        # council's own criteria for one (every result also says any family can ask).
        if answers.age < 18 and answers.disability != "no":
            in_ages = COUNCILS[council][1]["short-breaks"].for_age(answers.age)
            assert ("short-breaks" in types) is in_ages, context
            if COUNCILS[council][1]["social-work-assessment"].access == "ask" and (
                answers.current_support != "looked-after"
            ):
                assert "social-work-assessment" in types, context

    assert count == 66528
