"""The calculator and the complaint letter join up, on the shipped content.

Each row of COMPLAINT_ROUTE_CASES says which complaints procedure a missed deadline goes to, with
the law quoted. The letter cites only that procedure once the deadline is known.
"""

from datetime import date

import pytest

from eligibility.models import LegalDuty, Timescale
from toolkit.letters import COMPLAINT_ROUTES, LETTERS, complaint_route

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_content")]

S26 = "Section 26(3) of the Children Act 1989"
SEND_REGS = "The Special Educational Needs and Disability Regulations 2014 set the time limits"
CARE_REGS = "Local Authority Social Services and National Health Service Complaints (England)"
CHOOSE = "Keep the one paragraph below that fits"

COMPLAINT_ROUTE_CASES = [
    # Children Act 1989 s26(3): representations by a parent of a child in need about "the
    # discharge by the authority of any of their qualifying functions" (Part 3: s17 assessments).
    pytest.param("child-and-family-assessment", "children-act", id="s17-assessment-45-days"),
    pytest.param("referral-decision", "children-act", id="referral-decision-1-day"),
    # EHC needs assessments and plans are Children and Families Act 2014 Part 3 functions with
    # time limits in the SEND Regulations 2014 (regs 5, 8, 13): not Children Act Part 3.
    pytest.param("ehc-assessment-decision", "send", id="reg-5-decision-6-weeks"),
    pytest.param("social-care-advice-ehc", "send", id="reg-8-advice-6-weeks"),
    pytest.param("final-ehc-plan", "send", id="reg-13-2-final-20-weeks"),
    # Norfolk (002): "Timescale for providing existing advice": local practice for EHC advice.
    pytest.param("norfolk-existing-social-care-advice", "send", id="norfolk-existing-advice"),
    pytest.param("norfolk-new-social-care-advice", "send", id="norfolk-new-advice"),
]


@pytest.mark.parametrize(("slug", "route"), COMPLAINT_ROUTE_CASES)
def test_each_shipped_timescale_has_the_complaint_route_of_its_law(slug, route):
    assert complaint_route(Timescale.objects.get(slug=slug)).slug == route


def test_the_draft_plan_comments_period_is_the_parents_own_with_no_complaint_route():
    # reg 13(1)(a): the parent has "at least 15 days ... to make representations": it binds the
    # family, so a missed-deadline complaint does not fit it.
    assert complaint_route(Timescale.objects.get(slug="draft-ehc-plan-comments")) is None


def test_every_shipped_timescale_is_in_the_table():
    covered = {case.values[0] for case in COMPLAINT_ROUTE_CASES} | {"draft-ehc-plan-comments"}
    assert set(Timescale.objects.values_list("slug", flat=True)) == covered


def test_every_duty_a_letter_cites_exists():
    cited = {slug for letter in LETTERS for slug in letter.duty_slugs}
    cited |= {slug for route in COMPLAINT_ROUTES.values() for slug in route.duty_slugs}
    found = set(LegalDuty.objects.filter(slug__in=cited).values_list("slug", flat=True))
    assert cited - found == set()


def test_draft_plan_comments_end_on_the_day_served_plus_14(client):
    # reg 13(1)(a): "at least 15 days, beginning with the day on which the draft plan was served".
    html = client.get("/tools/deadlines/", {"timescale": "draft-ehc-plan-comments",
                                            "start": "2027-03-01"}).content.decode()
    assert "15 March 2027" in html
    assert "with the start date as day 1" in html


@pytest.fixture
def today_is(monkeypatch):
    def set_today(day):
        monkeypatch.setattr("toolkit.views.today", lambda: day)

    return set_today


def test_calculator_says_the_deadline_passed_by_1_working_day(client, today_is):
    today_is(date(2027, 2, 5))  # 45 working days from 30 November 2026 end on 4 February 2027
    html = client.get("/tools/deadlines/", {"timescale": "child-and-family-assessment",
                                            "start": "2026-11-30"}).content.decode()
    assert "The deadline has passed. It was 1 working day ago." in html


def test_calculator_offers_the_complaint_letter_with_the_dates(client, today_is):
    today_is(date(2027, 2, 5))
    html = client.get("/tools/deadlines/", {"council": "essex",
                                            "timescale": "child-and-family-assessment",
                                            "start": "2026-11-30"}).content.decode()
    assert ('href="/essex/letters/missed-deadline-complaint/?timescale=child-and-family-assessment'
            '&amp;start=2026-11-30"') in html


def test_a_calculator_answer_is_not_kept_by_any_cache(client):
    response = client.get("/tools/deadlines/", {"timescale": "child-and-family-assessment",
                                                "start": "2026-11-30"})
    assert "no-store" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_the_empty_calculator_is_a_public_page(client):
    assert "public" in client.get("/tools/deadlines/")["Cache-Control"]


def test_filled_letter_carries_the_dates_and_how_late(client, today_is):
    today_is(date(2027, 2, 9))
    html = client.get("/essex/letters/missed-deadline-complaint/", {
        "timescale": "child-and-family-assessment", "start": "2026-11-30"}).content.decode()
    assert "On 30 November 2026 I asked Essex County Council" in html
    assert "This should have been done by 4 February 2027." in html
    assert "45 working days from the referral, set by Working Together" in html
    assert "On 9 February 2027, 3 working days after the deadline" in html


@pytest.mark.parametrize(
    ("timescale", "cites", "never"),
    [
        pytest.param("child-and-family-assessment", S26, [SEND_REGS, CARE_REGS, CHOOSE],
                     id="children-act-only-s26"),
        pytest.param("final-ehc-plan", SEND_REGS, [S26, CARE_REGS, CHOOSE],
                     id="ehc-never-s26"),
        pytest.param("social-care-advice-ehc", SEND_REGS, [S26, CARE_REGS, CHOOSE],
                     id="ehc-advice-never-s26"),
    ],
)
def test_filled_letter_cites_only_the_complaint_route_of_its_deadline(client, timescale, cites,
                                                                       never):
    html = client.get("/bexley/letters/missed-deadline-complaint/", {
        "timescale": timescale, "start": "2026-11-30"}).content.decode()
    assert cites in html
    for wording in never:
        assert wording not in html


def test_ehc_letter_links_no_children_act_complaint_duty(client):
    html = client.get("/bexley/letters/missed-deadline-complaint/", {
        "timescale": "final-ehc-plan", "start": "2026-11-30"}).content.decode()
    assert "/rights/children-act-1989-s26/" not in html


def test_filled_letter_is_not_kept_by_any_cache(client):
    response = client.get("/essex/letters/missed-deadline-complaint/", {
        "timescale": "final-ehc-plan", "start": "2026-11-30"})
    assert "no-store" in response["Cache-Control"]


def test_filled_letter_downloads_with_its_dates(client):
    response = client.get("/essex/letters/missed-deadline-complaint/", {
        "timescale": "final-ehc-plan", "start": "2026-01-05", "format": "txt"})
    assert "This should have been done by 25 May 2026." in response.content.decode()


@pytest.mark.parametrize(
    "params",
    [
        pytest.param({"timescale": "no-such", "start": "2026-11-30"}, id="unknown-timescale"),
        pytest.param({"timescale": "final-ehc-plan", "start": "2026-02-30"}, id="not-a-date"),
        pytest.param({"timescale": "final-ehc-plan", "start": "x" * 5000}, id="huge"),
        pytest.param({"timescale": "norfolk-existing-social-care-advice",
                      "start": "2026-11-30"}, id="another-councils-timescale"),
    ],
)
def test_bad_dates_give_the_letter_unfilled_never_an_error(client, params):
    response = client.get("/essex/letters/missed-deadline-complaint/", params)
    html = response.content.decode()
    assert response.status_code == 200
    assert "[the deadline date]" in html
    assert CHOOSE in html


def test_calculator_labels_the_draft_plan_period_in_plain_words(client):
    html = client.get("/tools/deadlines/").content.decode()
    assert ("Time to comment on a draft EHC plan: 15 days from the day the draft plan is served "
            "(day 1)") in html


def test_calculator_says_the_draft_plan_deadline_is_the_parents_and_offers_no_complaint(client):
    html = client.get("/tools/deadlines/", {"council": "essex",
                                            "timescale": "draft-ehc-plan-comments",
                                            "start": "2027-03-01"}).content.decode()
    assert "This deadline is yours" in html
    assert 'id="complaint-letter"' not in html


def test_the_complaint_letter_is_not_filled_for_the_parents_own_deadline(client):
    html = client.get("/essex/letters/missed-deadline-complaint/", {
        "timescale": "draft-ehc-plan-comments", "start": "2027-03-01"}).content.decode()
    assert "[the deadline date]" in html
