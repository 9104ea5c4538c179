"""The step-by-step page per council, and each route page saying which step it belongs to."""

import re

import pytest
from django.core.exceptions import ValidationError

from eligibility.models import RouteType
from services.models import Council, Page
from toolkit.step_by_step import STEP_FOR_ROUTE, STEPS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_content")]

COUNCILS = ["essex", "bexley", "norfolk", "stoke-on-trent"]
STEP_TITLES = [
    "Get help you can use without an assessment",
    "Ask for an assessment",
    "How long it takes",
    "The decision and the plan",
    "If you disagree",
]


@pytest.mark.parametrize("council", COUNCILS)
def test_step_by_step_has_the_five_steps_in_order(client, council):
    response = client.get(f"/{council}/step-by-step/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<h1 class="govuk-heading-xl">Get social care help for your disabled child</h1>' in html
    titles = re.findall(r'</span></span> ([^<]+)</h2>', html)
    assert titles == STEP_TITLES


@pytest.mark.parametrize("council", COUNCILS)
def test_step_by_step_is_plain_html_an_ordered_list_with_numbered_steps(client, council):
    html = client.get(f"/{council}/step-by-step/").content.decode()
    assert '<ol class="lo-step-nav">' in html
    assert '<span class="govuk-visually-hidden">Step </span>1' in html
    assert "<script" not in html.split('id="main-content"')[1].split("</main>")[0]


def test_step_by_step_links_the_councils_routes_letters_deadlines_and_complaints(client):
    html = client.get("/norfolk/step-by-step/").content.decode()
    for link in [
        'href="/norfolk/routes/early-help/"',
        'href="/norfolk/routes/social-work-assessment/"',
        'href="/norfolk/letters/child-in-need-assessment/"',
        'href="/tools/deadlines/?council=norfolk&amp;timescale=norfolk-existing-social-care-advice"',
        'href="/norfolk/complaints/"',
        'href="/norfolk/letters/missed-deadline-complaint/"',
        'href="tel:',
    ]:
        assert link in html


def test_every_route_type_but_child_protection_belongs_to_a_step():
    slugs = set(RouteType.objects.values_list("slug", flat=True))
    assert slugs - set(STEP_FOR_ROUTE) == {"child-protection"}


def test_steps_are_numbered_one_to_five():
    assert [step.number for step in STEPS] == [1, 2, 3, 4, 5]


@pytest.mark.parametrize(
    ("route", "step"),
    [
        pytest.param("short-breaks", "Step 1: Get help you can use without an assessment",
                     id="short-breaks"),
        pytest.param("social-work-assessment", "Step 2: Ask for an assessment",
                     id="social-work-assessment"),
        pytest.param("direct-payments", "Step 4: The decision and the plan",
                     id="direct-payments"),
        pytest.param("child-protection", "This is not one of the steps", id="child-protection"),
    ],
)
def test_route_page_says_which_step_it_belongs_to(client, route, step):
    html = client.get(f"/bexley/routes/{route}/").content.decode()
    assert 'Part of <a class="govuk-link" href="/bexley/step-by-step/">' in html
    assert step in html


def test_a_council_page_cannot_take_the_step_by_step_address():
    page = Page(council=Council.objects.get(slug="essex"), slug="step-by-step", title="x",
                summary="x", body="x")
    with pytest.raises(ValidationError, match="used by another page"):
        page.full_clean()


def test_unknown_council_step_by_step_is_not_found(client):
    assert client.get("/no-such-council/step-by-step/").status_code == 404


@pytest.mark.parametrize("council", COUNCILS)
def test_council_home_and_letters_link_to_the_step_by_step(client, council):
    for path in (f"/{council}/", f"/{council}/letters/"):
        assert f'href="/{council}/step-by-step/"' in client.get(path).content.decode()
