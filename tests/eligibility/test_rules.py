"""The route finder's decision engine: scenarios, one test per rule row, validation, a sweep."""

from __future__ import annotations

import functools
from typing import Any

import pytest

from bench.families import families
from eligibility.finder.questions import QUESTIONS
from eligibility.finder.rules import (
    ALWAYS_ASK,
    CHILD_NEEDS,
    CURRENT_SUPPORT,
    DISABILITY,
    EHC_PLAN,
    FAMILY_FACTORS,
    NOTE,
    ROUTE_TYPES,
    RULES,
    TALK_TO_SOCIAL_WORKER,
    Answers,
    AnswersError,
    RouteText,
    Rule,
    Suggestion,
    suggest,
)
from tests.support import contract

# Each council's services that answer a route type; unmapped route types point to the front door.
STOKE = {
    "short-breaks": "aiming-high",
    "early-help": "early-help",
    "social-work-assessment": "children-with-disabilities-team",
    "child-protection": "children-with-disabilities-team",
    "children-in-care": "children-with-disabilities-team",
    "parent-carer-assessment": "parent-carer-assessment",
}
ESSEX = {
    "short-breaks": "community-based-short-breaks",
    "social-work-assessment": "child-and-family-assessment",
    "direct-payments": "personal-budgets",
}
BEXLEY = {
    "short-breaks": "short-breaks",
    "social-work-assessment": "childrens-social-care-assessment",
    "transition-assessment": "preparing-for-adulthood",
    "information-advice": "bexley-iass",
}
NORFOLK = {
    "ehc-social-care": "social-care-advice-for-ehc-assessments",
    "early-help": "norfolk-early-help-family-focus",
}
COUNCILS = {"essex": ESSEX, "bexley": BEXLEY, "norfolk": NORFOLK, "stoke-on-trent": STOKE}

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


def run(services: dict[str, str], **answers: Any) -> Suggestion:
    return suggest(Answers.from_dict(answers), services)


def route(suggestion: Suggestion, route_type: str):
    matches = [r for r in suggestion.routes if r.type == route_type]
    assert matches, f"{route_type} not suggested: {[r.type for r in suggestion.routes]}"
    return matches[0]


# --------------------------------------------------------------------------------------------
# Scenarios: one family each, the routes expected in rank order, and what else must hold.
# `expect` may give: urgent, services {type: slug}, reasons {type: substring},
# duties {type: slug}.
# --------------------------------------------------------------------------------------------

# fmt: off
SCENARIOS = [
    # Stoke-on-Trent: most families Early Help / Aiming High; the CWD team for complex needs
    # with family stress; the parent carer assessment on request.
    pytest.param(
        STOKE, CONTRACT_EXAMPLE,
        ["short-breaks", "early-help", "social-work-assessment", "parent-carer-assessment",
         "direct-payments", *GENERAL],
        {"services": {"social-work-assessment": "children-with-disabilities-team",
                      "parent-carer-assessment": "parent-carer-assessment",
                      "direct-payments": None},
         "reasons": {"social-work-assessment": "You said you are the only carer."}},
        id="stoke-contract-example",
    ),
    pytest.param(
        STOKE,
        {"age": 9, "disability": "yes", "child_needs": ["severe-learning-difficulties"],
         "family_factors": ["single-carer"]},
        ["short-breaks", "early-help", "social-work-assessment", "direct-payments", *GENERAL],
        {"reasons": {"social-work-assessment": "severe learning difficulties"},
         "duties": {"social-work-assessment": "children-act-1989-s17-1"}},
        id="stoke-severe-ld-single-carer",
    ),
    pytest.param(
        STOKE, {"age": 7, "disability": "yes"},
        ["short-breaks", *GENERAL],
        {"services": {"short-breaks": "aiming-high"},
         "reasons": {"short-breaks": "no assessment"}},
        id="stoke-most-families-aiming-high-core-offer",
    ),
    pytest.param(
        STOKE, {"age": 6, "disability": "yes", "family_factors": ["limited-network"]},
        ["short-breaks", "early-help", *GENERAL],
        {"services": {"early-help": "early-help"}},
        id="stoke-stress-without-complex-needs-early-help",
    ),
    pytest.param(
        STOKE, {"age": 10, "disability": "yes", "child_needs": ["multiple-or-severe-disability"]},
        ["short-breaks", "early-help", *GENERAL],
        {"reasons": {"early-help": "For most families, help starts with Early Help"}},
        id="stoke-complex-needs-without-stress-early-help",
    ),
    pytest.param(
        STOKE,
        {"age": 3, "disability": "yes", "child_needs": ["life-limiting-illness"],
         "family_factors": ["complex-medical-needs"]},
        ["short-breaks", "early-help", "social-work-assessment", "direct-payments", *GENERAL],
        {"reasons": {"social-work-assessment": "shorten their life"}},
        id="stoke-life-limiting-complex-medical-cwd-team",
    ),
    pytest.param(
        STOKE, {"age": 12, "disability": "not-sure", "carer_needs_support": True},
        ["short-breaks", "early-help", "parent-carer-assessment", *GENERAL],
        {"reasons": {"parent-carer-assessment": "You said you would like support for yourself."},
         "duties": {"parent-carer-assessment": "children-act-1989-s17zd"}},
        id="stoke-parent-asks-for-s17zd-assessment",
    ),
    pytest.param(
        STOKE, {"age": 8, "disability": "yes", "risk_of_harm": True},
        ["child-protection", "short-breaks", *GENERAL],
        {"urgent": True,
         "services": {"child-protection": "children-with-disabilities-team"},
         "reasons": {"child-protection": "call 999"},
         "duties": {"child-protection": "children-act-1989-s47"}},
        id="stoke-risk-of-harm-level-4b",
    ),
    pytest.param(
        STOKE, {"age": 11, "disability": "yes", "current_support": "looked-after"},
        ["short-breaks", "children-in-care", *GENERAL],
        {"services": {"children-in-care": "children-with-disabilities-team"},
         "duties": {"children-in-care": "children-and-social-work-act-2017-s1"}},
        id="stoke-looked-after-level-4c",
    ),
    pytest.param(
        STOKE,
        {"age": 13, "disability": "yes", "current_support": "social-worker",
         "carer_needs_support": True},
        ["short-breaks", "early-help", "social-work-assessment", "parent-carer-assessment",
         "direct-payments", *GENERAL],
        {"reasons": {"parent-carer-assessment": TALK_TO_SOCIAL_WORKER,
                     "social-work-assessment": TALK_TO_SOCIAL_WORKER}},
        id="stoke-social-worker-talk-to-them-first",
    ),
    pytest.param(
        STOKE, {"age": 5, "disability": "not-sure", "current_support": "early-help"},
        ["short-breaks", "early-help", *GENERAL],
        {"reasons": {"early-help": "You already have an Early Help worker"}},
        id="stoke-early-help-worker-already",
    ),
    pytest.param(
        STOKE,
        {"age": 15, "disability": "yes", "child_needs": ["severe-learning-difficulties"],
         "family_factors": ["family-breakdown-risk"]},
        ["short-breaks", "early-help", "social-work-assessment", "parent-carer-assessment",
         "transition-assessment", "direct-payments", *GENERAL],
        {"reasons": {"parent-carer-assessment": "must offer to assess"}},
        id="stoke-family-breakdown-offers-carer-assessment",
    ),
    # Essex: community-based short breaks, personal budgets; its own words are not the law.
    pytest.param(
        ESSEX, {"age": 16, "disability": "yes", "current_support": "social-worker"},
        ["short-breaks", "social-work-assessment", "transition-assessment", "direct-payments",
         *GENERAL],
        {"services": {"direct-payments": "personal-budgets"},
         "reasons": {"direct-payments": "At 16 or 17, your young person can receive"}},
        id="essex-16-year-old-can-receive-direct-payments",
    ),
    pytest.param(
        ESSEX, {"age": 4, "disability": "not-sure"},
        ["short-breaks", *GENERAL],
        {"services": {"short-breaks": "community-based-short-breaks"},
         "reasons": {"short-breaks": "You do not need a diagnosis"}},
        id="essex-not-sure-no-diagnosis-needed",
    ),
    pytest.param(
        ESSEX, {"age": 10, "disability": "no", "family_factors": ["poverty-or-housing"]},
        ["early-help", *GENERAL],
        {"services": {"early-help": None}},
        id="essex-no-disability-family-pressures-early-help",
    ),
    pytest.param(
        ESSEX, {"age": 10, "disability": "no"},
        GENERAL,
        {"reasons": {"information-advice": ALWAYS_ASK}},
        id="essex-no-disability-still-gets-universal-and-advice",
    ),
    pytest.param(
        ESSEX, {"age": 12, "disability": "no", "risk_of_harm": True},
        ["child-protection", *GENERAL],
        {"urgent": True, "services": {"child-protection": None}},
        id="essex-no-disability-at-risk-child-protection",
    ),
    pytest.param(
        ESSEX,
        {"age": 8, "disability": "yes", "child_needs": ["multiple-or-severe-disability"],
         "family_factors": ["poverty-or-housing"]},
        ["short-breaks", "early-help", "social-work-assessment", "direct-payments", *GENERAL],
        {"services": {"social-work-assessment": "child-and-family-assessment",
                      "direct-payments": "personal-budgets"}},
        id="essex-multiple-disability-poverty-assessment",
    ),
    pytest.param(
        ESSEX, {"age": 19, "disability": "yes"},
        ["adult-social-care", "direct-payments", *GENERAL],
        {"duties": {"adult-social-care": "care-act-2014-part-1"}},
        id="essex-young-adult-care-and-support",
    ),
    pytest.param(
        ESSEX, {"age": 20, "disability": "yes", "risk_of_harm": True},
        ["adult-social-care", "direct-payments", *GENERAL],
        {"urgent": True, "reasons": {"adult-social-care": "call 999"}},
        id="essex-young-adult-at-risk-is-urgent",
    ),
    # Bexley: s17 assessment, CSDPA, short breaks, transition assessment before 18 (Year 9).
    pytest.param(
        BEXLEY, {"age": 14, "disability": "yes"},
        ["short-breaks", "transition-assessment", *GENERAL],
        {"services": {"transition-assessment": "preparing-for-adulthood"},
         "duties": {"transition-assessment": "care-act-2014-s58"}},
        id="bexley-transition-assessment-from-14",
    ),
    pytest.param(
        BEXLEY, {"age": 14, "disability": "yes", "ehc_plan": "yes"},
        ["short-breaks", "transition-assessment", "ehc-social-care", "direct-payments",
         *GENERAL],
        {"reasons": {"transition-assessment": "from Year 9"}},
        id="bexley-year-9-annual-review",
    ),
    pytest.param(
        BEXLEY, {"age": 17, "disability": "not-sure"},
        ["short-breaks", "transition-assessment", *GENERAL],
        {"reasons": {"transition-assessment": "after 18"}},
        id="bexley-17-transition-before-18",
    ),
    pytest.param(
        BEXLEY, {"age": 13, "disability": "yes"},
        ["short-breaks", *GENERAL],
        {},
        id="bexley-13-before-transition-age",
    ),
    pytest.param(
        BEXLEY, {"age": 18, "disability": "yes"},
        ["adult-social-care", "direct-payments", *GENERAL],
        {"services": {"adult-social-care": None}},
        id="bexley-18-adult-care-not-transition",
    ),
    pytest.param(
        BEXLEY,
        {"age": 9, "disability": "yes", "child_needs": ["complex-physical-disability"],
         "family_factors": ["discrimination"]},
        ["short-breaks", "early-help", "social-work-assessment", "direct-payments", *GENERAL],
        {"services": {"social-work-assessment": "childrens-social-care-assessment"},
         "reasons": {"social-work-assessment": "treated unfairly"},
         "duties": {"social-work-assessment": "csdpa-1970-s2"}},
        id="bexley-s17-assessment-csdpa",
    ),
    pytest.param(
        BEXLEY, {"age": 2, "disability": "no"},
        GENERAL,
        {"services": {"information-advice": "bexley-iass"}},
        id="bexley-iass-always-offered",
    ),
    pytest.param(
        BEXLEY, {"age": 21, "disability": "yes", "carer_needs_support": True},
        ["adult-social-care", "direct-payments", *GENERAL],
        {"reasons": {"adult-social-care": "carer's assessment"}},
        id="bexley-carer-of-young-adult-care-act",
    ),
    # Norfolk: social care advice for EHC assessments; Norfolk Early Help Family Focus.
    pytest.param(
        NORFOLK, {"age": 6, "disability": "yes", "ehc_plan": "being-assessed"},
        ["short-breaks", "ehc-social-care", *GENERAL],
        {"services": {"ehc-social-care": "social-care-advice-for-ehc-assessments"},
         "reasons": {"ehc-social-care": "within 20 weeks of the request"},
         "duties": {"ehc-social-care": "send-regulations-2014-reg-13"}},
        id="norfolk-ehc-being-assessed-advice-and-20-weeks",
    ),
    pytest.param(
        NORFOLK, {"age": 11, "disability": "yes", "ehc_plan": "yes"},
        ["short-breaks", "ehc-social-care", "direct-payments", *GENERAL],
        {"reasons": {"ehc-social-care": "(D, H1 and H2)"},
         "duties": {"ehc-social-care": "send-regulations-2014-reg-12",
                    "direct-payments": "sen-personal-budgets-regulations-2014"}},
        id="norfolk-ehc-plan-sections-d-h1-h2",
    ),
    pytest.param(
        NORFOLK,
        {"age": 9, "disability": "not-sure", "family_factors": ["single-carer"],
         "current_support": "early-help"},
        ["short-breaks", "early-help", *GENERAL],
        {"services": {"early-help": "norfolk-early-help-family-focus"}},
        id="norfolk-early-help-family-focus",
    ),
    pytest.param(
        NORFOLK, {"age": 23, "disability": "yes", "ehc_plan": "yes"},
        ["adult-social-care", "ehc-social-care", "direct-payments", *GENERAL],
        {"reasons": {"ehc-social-care": "From 18, section H2"}},
        id="norfolk-young-adult-plan-h2-adult-care",
    ),
    pytest.param(
        NORFOLK, {"age": 15, "disability": "no", "ehc_plan": "yes"},
        ["transition-assessment", "ehc-social-care", "direct-payments", *GENERAL],
        {},
        id="norfolk-sen-without-disability-plan-at-15",
    ),
    pytest.param(
        NORFOLK, {"age": 25, "disability": "not-sure", "ehc_plan": "being-assessed"},
        ["adult-social-care", "ehc-social-care", "direct-payments", *GENERAL],
        {},
        id="norfolk-25-oldest-in-local-offer",
    ),
    pytest.param(
        NORFOLK,
        {"age": 4, "disability": "yes", "risk_of_harm": True, "current_support": "social-worker"},
        ["child-protection", "short-breaks", "social-work-assessment", "direct-payments",
         *GENERAL],
        {"urgent": True, "reasons": {"child-protection": "tell them today too"}},
        id="norfolk-risk-with-social-worker",
    ),
]
# fmt: on


@pytest.mark.parametrize(("services", "answers", "expected", "expect"), SCENARIOS)
def test_scenario(services, answers, expected, expect):
    result = suggest(Answers.from_dict(answers), services)

    assert [r.type for r in result.routes] == expected
    assert result.urgent is expect.get("urgent", False)
    for route_type, slug in expect.get("services", {}).items():
        assert route(result, route_type).service == slug
    for route_type, text in expect.get("reasons", {}).items():
        reasons = route(result, route_type).reasons
        assert any(text in reason for reason in reasons), reasons
    # "duties" are checked against the shipped route types: tests/eligibility/test_route_texts.py


def test_there_are_at_least_thirty_scenarios_across_the_four_councils():
    councils = {id(param.values[0]) for param in SCENARIOS}
    assert len(SCENARIOS) >= 30
    assert councils == {id(services) for services in COUNCILS.values()}


# --------------------------------------------------------------------------------------------
# One test per rule row: whenever its condition holds (and, for a NOTE, its route is
# suggested), its reason appears under its route. The sweep supplies the families.
# --------------------------------------------------------------------------------------------


@functools.cache
def swept() -> tuple[tuple[Answers, Suggestion], ...]:
    pairs = []
    for index, data in enumerate(families()):
        services = list(COUNCILS.values())[index % len(COUNCILS)]
        answers = Answers.from_dict(data)
        pairs.append((answers, suggest(answers, services)))
    return tuple(pairs)


@functools.cache
def rule_outcomes() -> dict[int, tuple[int, int]]:
    """For each rule row: how many swept families it applied to, and how many lacked its reason."""
    families_and_routes = [
        (answers, {r.type: r.reasons for r in result.routes}) for answers, result in swept()
    ]
    outcomes = {}
    for index, rule in enumerate(RULES):
        applied = missing = 0
        for answers, reasons in families_and_routes:
            if not rule.when(answers) or (rule.tier == NOTE and rule.route not in reasons):
                continue
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
    for answers, result in swept()[::7]:
        for r in result.routes:
            for reason in r.reasons:
                assert any(
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


def test_unmapped_route_points_to_the_front_door():
    result = run(NORFOLK, age=9, disability="yes")

    assert route(result, "short-breaks").service is None


def test_services_of_unknown_route_type_are_refused():
    with pytest.raises(ValueError, match="'respite'"):
        suggest(Answers(age=9), {"respite": "aiming-high"})


def test_parent_carer_route_matches_the_product_brief_example():
    title = "An assessment of your own needs as a parent carer"
    texts = {"parent-carer-assessment": RouteText(title, ("children-act-1989-s17zd",))}
    result = suggest(Answers.from_dict(CONTRACT_EXAMPLE), STOKE, texts)

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

    assert suggest(answers, STOKE) == suggest(answers, STOKE)


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
    for answers, result in swept():
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

        # Rank: urgent, then specific, then general; within a tier, the contract's order.
        order = {"urgent": 0, "specific": 1, "general": 2}
        keys = [(order[r.tier], ROUTE_TYPES.index(r.type)) for r in result.routes]
        assert keys == sorted(keys), context

        # Ages.
        if answers.age >= 18:
            assert not CHILDRENS_ROUTES & set(types), context
        else:
            assert "adult-social-care" not in types, context
        if "transition-assessment" in types:
            assert 14 <= answers.age <= 17, context
        assert ("ehc-social-care" in types) is (answers.ehc_plan != "no"), context
        assert ("child-protection" in types) is (answers.risk_of_harm and answers.age < 18)

        # A child who is disabled, or may be, always hears about short breaks.
        if answers.age < 18 and answers.disability != "no":
            assert "short-breaks" in types, context

    assert count == 66528
