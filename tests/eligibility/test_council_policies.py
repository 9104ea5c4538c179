"""Each council's own route policy, as shipped: read from the database, shown on the result page.

The engine's scenarios on these policies are in test_rules.py (no database). Here: the database
path gives the same policies, the model refuses bad ones, and the result page a parent sees
puts one thing to do first, with a number to call.
"""

import re

import pytest
from django.core import signing
from django.core.exceptions import ValidationError

from eligibility.finder import answers as stored
from eligibility.finder.council_data import (
    family_factors_hint,
    published_policies,
    route_policies,
    route_services,
)
from eligibility.finder.first_step import LETTER_FOR_ROUTE
from eligibility.finder.rules import CHILD_NEEDS, FAMILY_FACTORS, ROUTE_TYPES
from eligibility.models import RoutePolicy
from services.models import Council, Service
from tests.eligibility.shipped_policies import shipped as shipped_yaml
from toolkit import meeting_pack

pytestmark = pytest.mark.django_db

COUNCILS = ["essex", "bexley", "norfolk", "stoke-on-trent"]
SEED_NAME = re.compile(r"\d{3}_[0-9a-f]{16}\.txt")
HEADING = re.compile(r'id="route-([a-z-]+)-title"')
FIRST_STEP = re.compile(r'<div class="govuk-notification-banner".*?id="first-step">(.*?)</div>\s*</div>', re.S)  # noqa: E501


@pytest.fixture
def shipped(seeded_content):
    """The shipped content, loaded once for this module (tests/conftest.py)."""


def result_page(client, council, family):
    client.cookies[stored.COOKIE_NAME] = signing.dumps(family, salt=stored.SALT, compress=True)
    response = client.get(f"/{council}/find-my-route/result/")
    assert response.status_code == 200
    return response.content.decode()


def first_step(page):
    return FIRST_STEP.search(page).group(1)


FAMILY = {"risk_of_harm": False, "ehc_plan": "no", "current_support": "none",
          "carer_needs_support": False, "child_needs": [], "family_factors": []}
DISABLED_CHILD = {**FAMILY, "age": 5, "disability": "yes"}
CWD_FAMILY = {**FAMILY, "age": 9, "disability": "yes",
              "child_needs": ["severe-learning-difficulties"],
              "family_factors": ["single-carer", "challenging-behaviour"]}
EHC_13 = {**FAMILY, "age": 13, "disability": "yes", "ehc_plan": "yes"}


# The data -----------------------------------------------------------------------------------


@pytest.mark.parametrize("slug", COUNCILS)
def test_every_council_has_a_published_policy_for_each_of_the_twelve_routes(shipped, slug):
    council = Council.objects.get(slug=slug)

    assert set(published_policies(council)) == set(ROUTE_TYPES)


@pytest.mark.parametrize("slug", COUNCILS)
def test_the_database_gives_the_engine_the_policies_and_services_in_the_fixture(shipped, slug):
    council = Council.objects.get(slug=slug)
    services, policies = shipped_yaml()[slug]

    assert route_policies(council) == policies
    assert route_services(council) == services


# (council, route type, access, what the council's own source says)
ACCESS = [
    ("essex", "social-work-assessment", "ask",
     "Essex County Council has an obligation to assess the needs of children and young people "
     "with disabilities"),  # 000
    ("bexley", "social-work-assessment", "ask",
     "You have a right to have your child and family's needs assessed by social services."),  # 001
    ("norfolk", "social-work-assessment", "ask",
     "In some cases, there will still be a need for a more formal assessment."),  # 002
    ("norfolk", "early-help", "ask",
     "In many cases, needs can be met through universal services or early help and family "
     "support, without the need for a formal assessment."),  # 002
    ("stoke-on-trent", "social-work-assessment", "criteria",
     "it is expected that, for provision to be appropriate, some, or all of the following "
     "factors would be present"),  # 004
    ("bexley", "early-help", "not-described", "001 does not describe early help"),
    ("stoke-on-trent", "transition-assessment", "not-described",
     "004 does not describe transition assessments"),
]


@pytest.mark.parametrize(("slug", "route_type", "access", "source"), ACCESS)
def test_each_councils_way_in_is_as_its_own_source_says(shipped, slug, route_type, access, source):
    policy = RoutePolicy.objects.get(council__slug=slug, route_type__slug=route_type)

    assert policy.access == access, source
    assert policy.source


def test_only_stoke_publishes_criteria_and_they_are_its_four_needs_and_nine_factors(shipped):
    criteria = RoutePolicy.objects.filter(access="criteria")

    assert [(p.council.slug, p.route_type.slug) for p in criteria] == [
        ("stoke-on-trent", "social-work-assessment")
    ]
    stoke = criteria.get()
    assert set(stoke.needs) == set(CHILD_NEEDS)  # "usually provides services for" four needs
    assert set(stoke.factors) == set(FAMILY_FACTORS)  # the nine stress factors
    assert stoke.enough_alone == ["family-breakdown-risk"]  # Level 4a
    assert stoke.service.slug == "children-with-disabilities-team"


def test_routes_not_described_name_no_service(shipped):
    assert not RoutePolicy.objects.filter(access="not-described", service__isnull=False).exists()


def test_every_policy_service_is_its_own_councils_and_published(shipped):
    for policy in RoutePolicy.objects.filter(service__isnull=False):
        assert policy.service.council_id == policy.council_id, policy
        assert policy.service.is_published, policy


def test_parent_facing_policy_text_never_names_a_seed_file(shipped):
    for policy in RoutePolicy.objects.all():
        assert not SEED_NAME.search(policy.how_to_reach + policy.criteria), policy


def test_the_result_page_letters_are_the_toolkits_letters():
    assert LETTER_FOR_ROUTE == meeting_pack.LETTER_FOR_ROUTE


# The model refuses what the engine could not use ---------------------------------------------


def policy_for(council, **fields):
    defaults = {"route_type": RoutePolicy.objects.get(
        council=council, route_type__slug="social-work-assessment").route_type,
        "access": "ask", "source": "test", "last_reviewed": "2026-11-30"}
    return RoutePolicy(council=council, **{**defaults, **fields})


BAD_POLICIES = [
    pytest.param({"needs": ["autism"]}, "needs", id="unknown-need"),
    pytest.param({"factors": ["single-parent"]}, "factors", id="unknown-factor"),
    pytest.param({"enough_alone": "family-breakdown-risk"}, "enough_alone", id="not-a-list"),
    pytest.param({"access": "criteria"}, "access", id="criteria-without-needs-or-factors"),
    pytest.param({"min_age": 17, "max_age": 5}, "max_age", id="ages-reversed"),
]


@pytest.mark.parametrize(("fields", "field"), BAD_POLICIES)
def test_a_policy_the_engine_could_not_use_is_refused(shipped, fields, field):
    policy = policy_for(Council.objects.get(slug="essex"), **fields)

    with pytest.raises(ValidationError) as refused:
        policy.clean()
    assert field in refused.value.message_dict


def test_a_policy_cannot_name_another_councils_service(shipped):
    policy = policy_for(
        Council.objects.get(slug="essex"),
        service=Service.objects.get(council__slug="bexley", slug="short-breaks"),
    )

    with pytest.raises(ValidationError, match="another council"):
        policy.clean()


def test_a_route_not_described_cannot_name_a_service(shipped):
    policy = policy_for(
        Council.objects.get(slug="essex"), access="not-described",
        service=Service.objects.get(council__slug="essex", slug="child-and-family-assessment"),
    )

    with pytest.raises(ValidationError, match="no service"):
        policy.clean()


# The page a parent sees ---------------------------------------------------------------------


@pytest.mark.parametrize("slug", COUNCILS)
def test_a_disabled_child_with_nothing_else_ticked_gets_a_number_to_call_first(
    client, shipped, slug
):
    box = first_step(result_page(client, slug, DISABLED_CHILD))

    assert 'href="tel:' in box
    assert "What to say" in box


@pytest.mark.parametrize("slug", ["essex", "bexley"])
def test_in_essex_and_bexley_a_disabled_child_is_offered_a_social_work_assessment_first(
    client, shipped, slug
):
    page = result_page(client, slug, DISABLED_CHILD)

    assert HEADING.findall(page)[0] == "social-work-assessment"
    assert f'href="/{slug}/letters/child-in-need-assessment/"' in first_step(page)


def test_a_stoke_family_meeting_the_cwd_criteria_sees_the_cwd_team_first(client, shipped):
    page = result_page(client, "stoke-on-trent", CWD_FAMILY)

    assert HEADING.findall(page)[0] == "social-work-assessment"
    box = first_step(page)
    assert "Children with Disabilities" in box
    assert 'href="tel:01782235100"' in box


def test_a_stoke_family_at_risk_sees_child_protection_then_the_cwd_team(client, shipped):
    page = result_page(client, "stoke-on-trent", {**CWD_FAMILY, "risk_of_harm": True})

    assert HEADING.findall(page)[:2] == ["child-protection", "social-work-assessment"]
    assert 'href="tel:01782235100"' in first_step(page)  # CHAD, Stoke's front door


@pytest.mark.parametrize("slug", COUNCILS)
def test_a_13_year_old_with_an_ehc_plan_hears_about_the_transition_assessment(
    client, shipped, slug
):
    page = result_page(client, slug, EHC_13)

    assert "transition-assessment" in HEADING.findall(page)


def test_a_route_not_described_says_so_and_gives_the_front_door(client, shipped):
    page = result_page(client, "stoke-on-trent", EHC_13)
    section = page.split('id="route-transition-assessment"')[1].split("</section>")[0]

    assert "does not describe how to get this" in section
    assert 'href="tel:01782235100"' in section
    assert "Help that Stoke-on-Trent City Council&#x27;s own information does not describe" in page


def test_the_law_is_folded_away_in_a_details_component(client, shipped):
    page = result_page(client, "essex", DISABLED_CHILD)
    section = page.split('id="route-social-work-assessment"')[1].split("</section>")[0]

    assert re.search(r"<summary[^>]*>\s*<span[^>]*>The law behind it</span>", section)


def test_the_pressures_question_names_stokes_cwd_team(client, shipped):
    assert "Children with Disabilities (CWD) team" in family_factors_hint(
        Council.objects.get(slug="stoke-on-trent")
    )


@pytest.mark.parametrize("slug", ["essex", "bexley", "norfolk"])
def test_the_pressures_question_says_what_the_answers_are_for_where_no_criteria(shipped, slug):
    hint = family_factors_hint(Council.objects.get(slug=slug))

    assert "does not publish a list like this" in hint
    assert "most likely to fit" in hint
    assert "Children with Disabilities" not in hint


def question_page(client, council, slug, answers):
    client.cookies[stored.COOKIE_NAME] = signing.dumps(answers, salt=stored.SALT, compress=True)
    response = client.get(f"/{council}/find-my-route/{slug}/")
    assert response.status_code == 200
    return response.content.decode()


SO_FAR = {"age": 9, "risk_of_harm": False, "disability": "yes", "child_needs": []}


def test_the_pressures_question_page_in_stoke_says_they_are_the_cwd_teams(client, shipped):
    page = question_page(client, "stoke-on-trent", "family-factors", SO_FAR)

    assert "These are the pressures on a family that Stoke-on-Trent" in page
    assert "Children with Disabilities" in page
    assert "does not publish a list like this" not in page


def test_the_pressures_question_page_in_essex_says_what_the_answers_are_for(client, shipped):
    page = question_page(client, "essex", "family-factors", SO_FAR)

    assert "Essex County Council does not publish a list like this" in page
    assert "Children with Disabilities" not in page


def test_a_family_with_a_social_worker_is_told_to_talk_to_them_first(client, shipped):
    box = first_step(result_page(client, "essex", {**DISABLED_CHILD,
                                                   "current_support": "social-worker"}))

    assert "You have a social worker: talk to them first." in box
    assert 'href="tel:03456037627"' in box  # the fallback if they cannot reach them


def test_a_young_adult_in_essex_is_not_sent_to_the_childrens_front_door(client, shipped):
    # Essex's sources (000) describe children's social care only: adult care is not described.
    box = first_step(result_page(client, "essex", {**FAMILY, "age": 19, "disability": "yes"}))

    assert "0345 603 7627" not in box
    assert 'href="https://www.essex.gov.uk/"' in box


ADULT = {**FAMILY, "age": 19, "disability": "yes"}


@pytest.mark.parametrize("slug", ["essex", "bexley", "norfolk", "stoke-on-trent"])
def test_a_young_adult_is_never_sent_to_childrens_social_care(client, shipped, slug):
    # Audit A8: "18-25s are sent to children's front doors ... adult routes need adult contacts
    # or an honest 'ask the council'".
    box = first_step(result_page(client, slug, ADULT))
    assert "children's social care" not in box.lower()
    assert "Children's Advice and Duty Service" not in box


def test_a_young_adult_in_bexley_is_told_to_ask_the_council_for_adult_social_care(
    client, shipped
):
    # 001: "Adult Social Care services have a duty to assess and provide support"; the number
    # is the council's own (Bexley's Specialist Teaching Service page, read 2026-11-30).
    box = first_step(result_page(client, "bexley", ADULT))
    assert "ask for adult social care" in box and 'href="tel:02083037777"' in box
