"""The shipped content reads right on the page: level names, links, numbers and units (audit F)."""

import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

COUNCILS = ["essex", "bexley", "norfolk", "stoke-on-trent"]
ROUTES = [
    "universal", "information-advice", "short-breaks", "early-help", "social-work-assessment",
    "child-protection", "children-in-care", "parent-carer-assessment", "transition-assessment",
    "adult-social-care", "ehc-social-care", "direct-payments",
]
# An <a> opened before the previous one is closed: a link inside a link (axe "link-name").
NESTED_LINK = re.compile(r"<a\s[^>]*>(?:(?!</a>).)*?<a\s", re.DOTALL)


@pytest.fixture
def content(seeded_content):
    """The shipped content, loaded once for this module (tests/conftest.py)."""


def get(path):
    response = Client().get(path)
    assert response.status_code == 200, path
    return response.content.decode()


@pytest.mark.parametrize(
    "path, shown, not_shown",
    [
        # Essex's codes are words (seed 003: "Additional Support / Early Help / Family Help"):
        # the name alone, never "additional Additional support".
        ("/essex/services/community-based-short-breaks/",
         "Additional support, early help and family help", "additional Additional"),
        # Stoke's codes are numbers (seed 004: "Statutory Intervention Level 4a – Children in
        # Need"): "Level 4a: Children in need".
        ("/stoke-on-trent/services/children-with-disabilities-team/",
         "Level 4a: Children in need", "4a Children in need"),
        ("/essex/levels-of-need/", "Universal and community based services", "Level universal"),
    ],
)
def test_level_codes_are_not_printed_beside_their_names(content, path, shown, not_shown):
    html = get(path)
    assert shown in html and not_shown not in html


@pytest.mark.parametrize("council", COUNCILS)
def test_no_route_page_has_a_link_inside_a_link(content, council):
    nested = {
        route: NESTED_LINK.search(html).group(0)[:120]
        for route in ROUTES
        if NESTED_LINK.search(html := get(f"/{council}/routes/{route}/"))
    }
    assert nested == {}


def test_the_nested_link_check_can_fail():
    assert NESTED_LINK.search('<a href="/x">Read <a href="/g">SEND</a></a>')


def test_one_working_day_is_singular(content):
    # Working Together 2023 (law.md T02): a decision "within 1 working day" of a referral.
    # The answer's "How we counted" (the template); the form's option labels are built in
    # eligibility/forms_toolkit.py and are not covered here.
    html = get("/tools/deadlines/?timescale=referral-decision&start=2027-03-03")
    assert "1 working day from the referral on" in html
    assert "1 working days from the referral on" not in html


@pytest.mark.parametrize("council", COUNCILS)
def test_999_in_a_sentence_has_no_gap_before_the_full_stop(content, council):
    # .lo-tel is a 44 px tap target for phone numbers on their own line; inside a sentence it
    # pushed the full stop away ("call 999 .").
    html = get(f"/{council}/")
    assert 'call <a class="govuk-link" href="tel:999">999</a>.' in html
    assert not re.search(r'class="[^"]*lo-tel[^"]*" href="tel:999"', html)


@pytest.mark.parametrize("council", ["norfolk", "stoke-on-trent"])
def test_a_service_without_a_contact_says_so_before_the_front_door(content, council):
    slug = {"norfolk": "universal-services", "stoke-on-trent": "carers-hub"}[council]
    html = get(f"/{council}/services/{slug}/")
    assert "This page does not list a contact for this service." in html


@pytest.mark.parametrize("council", COUNCILS)
def test_acronym_links_on_a_council_page_keep_the_council_on_the_glossary(content, council):
    html = get(f"/{council}/")
    assert f'class="govuk-link lo-term" href="/glossary/?council={council}#' in html
    assert 'href="/glossary/#' not in html


def test_acronym_links_on_the_site_wide_glossary_alone_go_to_the_plain_glossary(content):
    html = get("/rights/")
    assert 'class="govuk-link lo-term" href="/glossary/#' in html
