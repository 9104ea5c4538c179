"""The deadline calculator at /tools/deadlines/: answers, errors and council timescales."""

import pytest

from eligibility.models import Timescale
from tests.factories import make_council, make_national_timescales, make_timescale
from toolkit.forms import timescale_label

pytestmark = pytest.mark.django_db
URL = "/tools/deadlines/"


@pytest.fixture
def timescales(db):
    return make_national_timescales()


def test_empty_calculator_offers_the_national_timescales(client, timescales):
    response = client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Child and family assessment: 45 working days from the referral" in html
    assert "Final EHC plan: 20 weeks from the request for an assessment" in html
    assert "Page last reviewed" in html
    assert "<title>Work out a deadline" in html


def test_calculator_without_timescales_says_there_are_none(client, db):
    html = client.get(URL).content.decode()
    assert "There are no deadlines to work out yet" in html


@pytest.mark.parametrize(
    ("params", "answer", "counted"),
    [
        pytest.param(
            {"timescale": "child-and-family-assessment", "start": "2026-11-30"},
            "4 February 2027",
            "We skipped 18 weekend days and 3 bank holidays: Christmas Day, Boxing Day "
            "(substitute day) and New Year&#x27;s Day.",
            id="iso-start-param",
        ),
        pytest.param(
            {"timescale": "child-and-family-assessment", "start_0": "30", "start_1": "11",
             "start_2": "2026"},
            "4 February 2027",
            "Day 1 is the first working day after that date.",
            id="govuk-date-fields",
        ),
        pytest.param(
            {"timescale": "final-ehc-plan", "start": "2026-01-05"},
            "25 May 2026",
            "We counted 20 weeks (140 days) on the calendar.",
            id="weeks",
        ),
    ],
)
def test_calculator_gives_the_date_and_how_it_was_counted(client, timescales, params, answer,
                                                           counted):
    response = client.get(URL, params)
    html = response.content.decode()
    assert response.status_code == 200
    assert answer in html
    assert counted in html
    assert "Error:" not in html


def test_answer_says_statutory_links_the_duty_and_how_to_complain(client, timescales):
    html = client.get(URL, {"timescale": "child-and-family-assessment",
                            "start": "2027-03-03"}).content.decode()
    assert "Statutory" in html
    assert 'href="/rights/working-together-2023/"' in html
    assert "If the deadline passes" in html
    assert "Local Government and Social Care Ombudsman" in html


def test_answer_with_a_council_names_its_front_door_and_complaint_letter(client, timescales):
    council = make_council("essex", name="Essex County Council",
                           front_door_name="Essex children's social care",
                           front_door_phone="0345 603 7627")
    html = client.get(URL, {"council": council.slug, "timescale": "child-and-family-assessment",
                            "start": "2027-03-03"}).content.decode()
    assert "Essex children&#x27;s social care" in html
    assert 'href="tel:03456037627"' in html
    assert 'href="/essex/letters/missed-deadline-complaint/?timescale=' in html


@pytest.mark.parametrize(
    ("params", "message"),
    [
        pytest.param({"timescale": "child-and-family-assessment", "start": "2027-02-30"},
                     "The date must be a real date", id="no-30-february"),
        pytest.param({"timescale": "child-and-family-assessment", "start": "yesterday"},
                     "The date must be a real date", id="not-a-date"),
        pytest.param({"timescale": "child-and-family-assessment", "start": "1800-01-01"},
                     "The date must be between 1 January 2000 and 31 December 2099",
                     id="too-early"),
        pytest.param({"timescale": "child-and-family-assessment", "start_0": "3",
                      "start_1": "", "start_2": "2027"},
                     "The date must include a month", id="missing-month"),
        pytest.param({"timescale": "child-and-family-assessment", "start": ""},
                     "Enter the date you asked, or the date of the referral", id="empty-date"),
        pytest.param({"timescale": "no-such-timescale", "start": "2027-03-03"},
                     "Select a deadline from the list", id="unknown-timescale"),
        pytest.param({"start": "2027-03-03"},
                     "Select which deadline you want to work out", id="no-timescale"),
        pytest.param({"timescale": "child-and-family-assessment", "start_0": "1", "start_1": "1",
                      "start_2": "9" * 400},
                     "The date must be a real date", id="huge-number"),
    ],
)
def test_bad_input_shows_the_form_again_with_a_govuk_error(client, timescales, params, message):
    response = client.get(URL, params)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Work out a deadline" in html
    assert "There is a problem" in html
    assert message in html


def test_council_timescale_appears_only_with_that_council(client, timescales):
    norfolk = make_council("norfolk", name="Norfolk County Council")
    make_council("essex")
    make_timescale("norfolk-existing-advice", council=norfolk, statutory=False, length=2,
                   unit="weeks", name="Existing social care advice (Norfolk)",
                   starts_from="the request")
    label = "Existing social care advice (Norfolk): 2 weeks"
    assert label not in client.get(URL).content.decode()
    assert label not in client.get(URL, {"council": "essex"}).content.decode()
    assert label in client.get(URL, {"council": "norfolk"}).content.decode()


def test_council_timescale_is_labelled_local_practice(client, timescales):
    norfolk = make_council("norfolk", name="Norfolk County Council")
    make_timescale("norfolk-existing-advice", council=norfolk, statutory=False, length=2,
                   unit="weeks", name="Existing social care advice", starts_from="the request")
    html = client.get(URL, {"council": "norfolk", "timescale": "norfolk-existing-advice",
                            "start": "2027-03-03"}).content.decode()
    assert "17 March 2027" in html
    assert "Local practice" in html
    assert "It is not a deadline set in law" in html


def test_council_timescale_is_refused_without_its_council(client, timescales):
    norfolk = make_council("norfolk")
    make_timescale("norfolk-existing-advice", council=norfolk, statutory=False, length=2,
                   unit="weeks")
    response = client.get(URL, {"timescale": "norfolk-existing-advice", "start": "2027-03-03"})
    assert "Select a deadline from the list" in response.content.decode()


def test_unknown_council_shows_the_national_calculator(client, timescales):
    response = client.get(URL, {"council": "atlantis"})
    assert response.status_code == 200
    assert "Child and family assessment" in response.content.decode()


def test_the_option_for_one_working_day_is_singular():
    # Working Together 2023 (law.md T02): a decision "within 1 working day" of a referral.
    one = Timescale(name="Decision on a referral", length=1, unit="working-days",
                    starts_from="the referral")
    assert timescale_label(one) == "Decision on a referral: 1 working day from the referral"
