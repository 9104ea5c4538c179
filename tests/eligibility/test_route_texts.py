"""Each route's title and legal duties are written once, in the national route types.

The result of Find my route, the route's own page and the suggest_routes command all read them
from the RouteType rows (fixtures/route_types.yaml), so they cannot disagree.
"""

import re

import pytest
from django.core import signing

from eligibility.finder import answers as stored
from eligibility.finder.council_data import national_routes, route_texts
from eligibility.models import RouteType
from tests.support.contract import DUTY_SLUGS, ROUTE_TYPES

pytestmark = pytest.mark.django_db

# Families whose results together include all twelve route types (Stoke-on-Trent's data).
FAMILIES = [
    {"age": 9, "disability": "yes", "child_needs": ["severe-learning-difficulties"],
     "family_factors": ["single-carer", "family-breakdown-risk"], "risk_of_harm": False,
     "ehc_plan": "yes", "current_support": "none", "carer_needs_support": True},
    {"age": 15, "disability": "yes", "child_needs": [], "family_factors": [],
     "risk_of_harm": True, "ehc_plan": "no", "current_support": "looked-after",
     "carer_needs_support": False},
    {"age": 19, "disability": "yes", "risk_of_harm": False, "ehc_plan": "yes",
     "current_support": "none", "carer_needs_support": True},
]
# The law each route rests on, checked in the shipped route types (law.md; PRODUCT.md).
ROUTE_DUTY_FACTS = [
    # "every local authority ... to safeguard and promote the welfare of children within their
    # area who are in need" (Children Act 1989 s17(1)): the general duty, not s17(10).
    ("social-work-assessment", "children-act-1989-s17-1"),
    # CSDPA 1970 s2: services the council arranges for a disabled child, once assessed.
    ("social-work-assessment", "csdpa-1970-s2"),
    # s17ZD: the council must assess a parent carer's needs on request or where they appear.
    ("parent-carer-assessment", "children-act-1989-s17zd"),
    # s47: enquiries where there is "reasonable cause to suspect" significant harm.
    ("child-protection", "children-act-1989-s47"),
    # Children and Social Work Act 2017 s1: the corporate parenting principles.
    ("children-in-care", "children-and-social-work-act-2017-s1"),
    # Care Act 2014 Part 1: adult care and support, from 18.
    ("adult-social-care", "care-act-2014-part-1"),
    # Care Act 2014 s58: the child's needs assessment before 18.
    ("transition-assessment", "care-act-2014-s58"),
    # SEND Regulations 2014 reg 13: the plan's timescales; reg 12: what the plan contains.
    ("ehc-social-care", "send-regulations-2014-reg-13"),
    ("ehc-social-care", "send-regulations-2014-reg-12"),
    # Breaks for Carers of Disabled Children Regulations 2011: the short breaks duty.
    ("short-breaks", "breaks-for-carers-regulations-2011"),
]
HEADING = re.compile(r'<h3 class="govuk-heading-m" id="route-([a-z-]+)-title">([^<]+)</h3>')
H1 = re.compile(r'<h1 class="govuk-heading-xl">([^<]+)</h1>')
DUTY_LINK = re.compile(r'href="/rights/([a-z0-9-]+)/(?:\?council=[a-z0-9-]+)?"')


@pytest.fixture
def shipped(seeded_content):
    """The shipped content, loaded once for this module (tests/conftest.py)."""


def result_sections(client, family):
    """{route type: (title, duty slugs)} as the result page shows them."""
    client.cookies[stored.COOKIE_NAME] = signing.dumps(family, salt=stored.SALT, compress=True)
    html = client.get("/stoke-on-trent/find-my-route/result/").content.decode()
    sections = {}
    for part in html.split('<section class="govuk-grid-row lo-route-result"')[1:]:
        route_type, title = HEADING.search(part).groups()
        sections[route_type] = (title, DUTY_LINK.findall(part.split("</section>")[0]))
    return sections


def test_the_result_and_the_route_page_show_the_same_title_and_duties_for_every_type(
    client, shipped
):
    shown = {}
    for family in FAMILIES:
        shown.update(result_sections(client, family))
    assert sorted(shown) == sorted(ROUTE_TYPES)
    for route_type, (title, duties) in shown.items():
        page = client.get(f"/stoke-on-trent/routes/{route_type}/").content.decode()
        assert H1.search(page).group(1) == title, route_type
        page_duties = DUTY_LINK.findall(page.split('id="main-content"')[1])
        assert duties and duties == page_duties, route_type


def test_the_command_takes_titles_and_duties_from_the_route_types(shipped):
    texts = route_texts(national_routes())
    for route in RouteType.objects.prefetch_related("legal_duties"):
        assert texts[route.slug].title == route.title
        assert set(texts[route.slug].legal_duties) == {d.slug for d in route.legal_duties.all()}


def test_every_route_type_cites_at_least_one_duty_and_every_contract_duty_is_cited(shipped):
    cited = set()
    for route in RouteType.objects.prefetch_related("legal_duties"):
        slugs = {duty.slug for duty in route.legal_duties.all()}
        assert slugs, route.slug
        cited |= slugs
    assert set(DUTY_SLUGS) <= cited


def test_a_route_citing_the_definition_of_child_in_need_cites_the_duty_too(shipped):
    # law.md X02: s17(10) only defines "child in need"; the duty is s17(1).
    for route in RouteType.objects.filter(legal_duties__slug="children-act-1989-s17-10"):
        assert route.legal_duties.filter(slug="children-act-1989-s17-1").exists(), route.slug


@pytest.mark.parametrize(("route_type", "duty"), ROUTE_DUTY_FACTS)
def test_shipped_route_types_cite_the_law_they_rest_on(shipped, route_type, duty):
    assert RouteType.objects.get(slug=route_type).legal_duties.filter(slug=duty).exists()


def test_no_route_title_says_eligible(shipped):
    # PRODUCT.md: the route finder never says "eligible" or "not eligible".
    titles = RouteType.objects.values_list("title", flat=True)
    assert not [title for title in titles if "eligib" in title.lower()]
