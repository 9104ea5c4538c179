"""My meeting pack: a printable one-page summary of a result, made from the same answers."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.eligibility.finder_data import make_finder_council
from tests.eligibility.test_find_my_route import BASE, FAMILY_ANSWERS, give
from toolkit.meeting_pack import letters_for_routes

pytestmark = pytest.mark.django_db

PACK = BASE + "meeting-pack/"


@pytest.fixture
def finder(seeded_content, db):
    """The test council, beside the shipped national timescales and duties."""
    return make_finder_council("finderton")


def test_pack_lists_routes_reasons_deadlines_and_letters(client, finder):
    give(client, FAMILY_ANSWERS)
    html = client.get(PACK).content.decode()
    assert "Your meeting pack" in html
    assert "You said your child has severe learning difficulties." in html
    assert "45 working days" in html
    assert "Final EHC plan (from " in html  # its row in the deadlines table
    assert "/finderton/letters/child-in-need-assessment/" in html
    assert "/finderton/letters/parent-carer-needs-assessment/" in html
    assert "/finderton/letters/missed-deadline-complaint/" in html


def test_pack_says_it_is_guidance_not_a_decision(client, finder):
    from eligibility.finder.rules import NOT_A_DECISION

    give(client, FAMILY_ANSWERS)
    assert NOT_A_DECISION in client.get(PACK).content.decode()


def test_pack_is_never_cached_and_writes_nothing(client, finder):
    give(client, FAMILY_ANSWERS)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(PACK)
    assert "no-store" in response["Cache-Control"]
    assert not [q for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE",
                                                                          "DELETE"))]


def test_pack_without_answers_asks_to_start_again_and_lists_nothing(client, finder):
    html = client.get(PACK).content.decode()
    assert "Your meeting pack" not in html
    assert "/finderton/find-my-route/" in html


@pytest.mark.parametrize(
    "routes, letters",
    [
        (["universal"], ["missed-deadline-complaint"]),
        (["social-work-assessment", "parent-carer-assessment"],
         ["child-in-need-assessment", "parent-carer-needs-assessment",
          "missed-deadline-complaint"]),
        (["transition-assessment"], ["transition-assessment", "missed-deadline-complaint"]),
    ],
)
def test_letters_follow_the_routes(routes, letters):
    assert [letter.slug for letter in letters_for_routes(routes)] == letters
