"""A cost or age range no source states is said as unknown, never filled in with a default."""

import pytest

from services.models import Service
from tests.factories import make_council, make_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def unstated(db):
    council = make_council("testshire")
    return make_service(council, "unstated", cost="", min_age=None, max_age=None)


def test_a_new_service_has_no_cost_and_no_ages_until_a_source_gives_them():
    service = Service()
    assert (service.cost, service.min_age, service.max_age) == ("", None, None)


def test_service_page_says_ask_the_service_about_an_unstated_cost(client, unstated):
    page = client.get("/testshire/services/unstated/").content.decode()
    assert '<dd class="govuk-summary-list__value">Ask the service</dd>' in page


def test_service_page_says_ages_not_stated(client, unstated):
    page = client.get("/testshire/services/unstated/").content.decode()
    assert '<dd class="govuk-summary-list__value">Not stated</dd>' in page


def test_directory_says_cost_ask_the_service_and_ages_not_stated(client, unstated):
    page = client.get("/testshire/services/").content.decode()
    assert "Ages: not stated · Cost: ask the service" in page


@pytest.mark.parametrize(
    ("low", "high", "shown"),
    [
        (0, 15, "0 to 15"),
        (18, None, "18 and over"),
        (None, 17, "Up to 17"),
        (None, None, "Not stated"),
    ],
)
def test_ages_show_only_what_is_stated(low, high, shown):
    assert Service(min_age=low, max_age=high).ages_text == shown


def test_age_filter_keeps_a_service_whose_ages_are_not_stated(unstated):
    make_service(unstated.council, "teens", min_age=13, max_age=17)
    found = Service.objects.filter(council=unstated.council).for_age(5)
    assert {s.slug for s in found} == {"unstated"}
