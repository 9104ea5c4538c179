"""Filters in the service directory narrow results, combine, and can be removed one by one."""

import pytest

from eligibility.models import LevelOfNeed
from tests.factories import REVIEWED, make_council
from tests.services.directory import make_directory, names
from tests.support.content import rolled_back

pytestmark = pytest.mark.django_db

CWD, AIMING, OVERNIGHT = "Children with Disabilities Team", "Aiming High", "Overnight stays"
SALT, FORUM = "Speech and language therapy", "Parent carer forum"


@pytest.fixture(scope="module")
def shire(django_db_setup, django_db_blocker):
    """The directory, made once for the module (every test here only reads it)."""
    with rolled_back(django_db_blocker):
        yield make_directory("shire")


def found(client, query_string):
    return set(names(client.get(f"/shire/services/?{query_string}")))


@pytest.mark.parametrize(
    ("query_string", "expected"),
    [
        pytest.param("", {CWD, AIMING, OVERNIGHT, SALT, FORUM}, id="none"),
        pytest.param("category=short-breaks", {AIMING, OVERNIGHT}, id="category"),
        pytest.param("category=health&category=social-care", {SALT, CWD}, id="two-categories"),
        pytest.param("age=4", {CWD, SALT, FORUM}, id="age-4"),
        pytest.param("age=18", {AIMING, SALT, FORUM}, id="age-18"),
        pytest.param("age=0", {CWD, SALT, FORUM}, id="age-0"),
        pytest.param("age=25", {FORUM}, id="age-25"),
        pytest.param("level=4", {CWD, OVERNIGHT}, id="level"),
        pytest.param("access=self-referral", {AIMING, FORUM}, id="self-referral"),
        pytest.param("access=professional", {SALT}, id="professional"),
        pytest.param("access=assessment", {CWD, OVERNIGHT}, id="assessment"),
        pytest.param("cost=contribution", {AIMING}, id="contribution"),
        pytest.param("cost=free", {CWD, OVERNIGHT, SALT, FORUM}, id="free"),
        pytest.param("route=short-breaks", {AIMING, OVERNIGHT}, id="route-type"),
        pytest.param("category=short-breaks&cost=free", {OVERNIGHT}, id="category-and-cost"),
        pytest.param("category=short-breaks&age=6", {AIMING}, id="category-and-age"),
        pytest.param("access=assessment&level=4&age=10&cost=free", {CWD, OVERNIGHT}, id="four"),
        pytest.param("access=assessment&route=short-breaks", {OVERNIGHT}, id="access-and-route"),
        pytest.param("q=short+breaks&age=6", {AIMING}, id="search-and-age"),
        pytest.param("q=respite&cost=free", {OVERNIGHT}, id="synonym-and-cost"),
        # Overnight stays is for "Disabled children": by stems, children with disabilities.
        pytest.param("q=CWD&level=4", {CWD, OVERNIGHT}, id="acronym-and-level"),
        pytest.param("category=health&age=25", set(), id="nothing-left"),
    ],
)
def test_filters_narrow_and_combine(client, shire, query_string, expected):
    assert found(client, query_string) == expected


@pytest.mark.parametrize(
    "query_string",
    [
        pytest.param("category=nonsense", id="unknown-category"),
        pytest.param("cost=priceless", id="unknown-cost"),
        pytest.param("level=9z&route=nowhere&access=magic", id="unknown-others"),
    ],
)
def test_unknown_filter_values_are_ignored_and_the_page_says_so(client, shire, query_string):
    response = client.get(f"/shire/services/?{query_string}")
    assert response.status_code == 200
    assert len(names(response)) == 5
    assert "We did not recognise" in response.content.decode()


def test_an_unknown_value_does_not_drop_the_known_ones(client, shire):
    assert found(client, "category=nonsense&category=short-breaks") == {AIMING, OVERNIGHT}


def test_each_chosen_filter_has_a_link_that_removes_only_it(client, shire):
    response = client.get("/shire/services/?q=breaks&category=short-breaks&cost=free")
    html = response.content.decode()
    assert 'href="?q=breaks&amp;cost=free"' in html  # removes the category
    assert 'href="?q=breaks&amp;category=short-breaks"' in html  # removes the cost
    assert 'href="?q=breaks">Clear all filters' in html
    assert "Remove the filter </span>Type of service: Short breaks and leisure" in html


def test_chosen_filters_stay_ticked(client, shire):
    html = client.get("/shire/services/?category=short-breaks&age=7").content.decode()
    assert 'name="category" type="checkbox" value="short-breaks" checked' in html
    assert 'name="age" type="text" inputmode="numeric" spellcheck="false" value="7"' in html


def test_the_filter_form_works_without_javascript(client, shire):
    html = client.get("/shire/services/").content.decode()
    start = html.index('<form action="/shire/services/"')  # not the site search in the header
    form = html[start: html.index("</form>", start)]
    assert 'method="get"' in form
    assert "Apply filters</button>" in form
    for name in ["q", "age", "category", "level", "access", "cost", "route"]:
        assert f'name="{name}"' in form


def test_a_council_without_levels_offers_the_national_continuum(client, shire):
    make_council("plain")
    LevelOfNeed.objects.create(
        council=None, code="universal", name="Universal", summary="s", description="d",
        status="published", last_reviewed=REVIEWED, source="test",
    )
    html = client.get("/plain/services/").content.decode()
    assert 'value="universal"' in html
    assert 'value="4"' not in html  # shire's own levels belong to shire
