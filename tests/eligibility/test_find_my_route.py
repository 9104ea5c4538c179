"""Find my route on the web: one question a page, check your answers, the result, and privacy."""

import logging
import re

import pytest
from django.core import signing
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from eligibility.finder import answers as stored
from eligibility.finder.council_data import route_policies, route_services
from eligibility.finder.questions import QUESTIONS, answers_in_use
from eligibility.finder.rules import ALWAYS_ASK, NOT_A_DECISION, Answers, suggest
from eligibility.models import RoutePolicy
from services.models import Service
from tests.eligibility.finder_data import make_finder_council
from tests.factories import make_council
from tests.support.content import rolled_back

pytestmark = pytest.mark.django_db

BASE = "/finderton/find-my-route/"
FAMILY = {  # every question asked, in order, with what the form posts
    "age": {"age": "13"},
    "risk-of-harm": {"risk_of_harm": "no"},
    "disability": {"disability": "not-sure"},
    "child-needs": {"child_needs": ["severe-learning-difficulties", "life-limiting-illness"]},
    "family-factors": {"family_factors": ["single-carer", "limited-network"]},
    "ehc-plan": {"ehc_plan": "being-assessed"},
    "current-support": {"current_support": "early-help"},
    "carer-support": {"carer_needs_support": "yes"},
}
FAMILY_ANSWERS = {
    "age": 13,
    "risk_of_harm": False,
    "disability": "not-sure",
    "child_needs": ["severe-learning-difficulties", "life-limiting-illness"],
    "family_factors": ["single-carer", "limited-network"],
    "ehc_plan": "being-assessed",
    "current_support": "early-help",
    "carer_needs_support": True,
}
# Values that would only appear in a log or an address if an answer leaked there.
SECRETS = ["severe-learning-difficulties", "life-limiting-illness", "single-carer",
           "limited-network", "being-assessed", "not-sure", "severe learning"]


@pytest.fixture(scope="module")
def finder(django_db_setup, django_db_blocker):
    """The route finder's council, made once for the module (tests here only read it)."""
    with rolled_back(django_db_blocker):
        yield make_finder_council("finderton")


def give(client, answers):
    """Put answers in the browser's signed cookie, as the flow would."""
    client.cookies[stored.COOKIE_NAME] = signing.dumps(answers, salt=stored.SALT, compress=True)


def answer_all(client, family=FAMILY):
    """Start, then post every question in turn; return every response."""
    responses = [client.get(BASE), client.post(BASE)]
    for slug, data in family.items():
        responses.append(client.get(f"{BASE}{slug}/"))
        responses.append(client.post(f"{BASE}{slug}/", data))
    responses.append(client.get(f"{BASE}check/"))
    responses.append(client.get(f"{BASE}result/"))
    return responses


def html(response):
    return response.content.decode()


def route_order(response):
    return re.findall(r'<section class="[^"]*lo-route-result" id="route-([a-z-]+)"', html(response))


# Start, question pages, errors ------------------------------------------------------------


def test_start_page_says_what_it_does_that_it_is_guidance_and_that_nothing_is_stored(
    client, finder
):
    response = client.get(BASE)
    page = html(response)
    assert response.status_code == 200
    assert escape(f"{NOT_A_DECISION} {ALWAYS_ASK}") in page
    assert "Nothing you tell us is stored" in page
    assert 'class="govuk-button govuk-button--start"' in page
    assert "Page last reviewed" in page


def test_start_now_forgets_earlier_answers_and_opens_the_first_question(client, finder):
    give(client, FAMILY_ANSWERS)
    response = client.post(BASE)
    assert response["Location"] == f"{BASE}age/"
    cookie = response.cookies[stored.COOKIE_NAME]
    assert cookie.value == "" and cookie["max-age"] == 0
    assert cookie["path"] == BASE


PREVIOUS = list(FAMILY_ANSWERS)


@pytest.mark.parametrize("question", QUESTIONS, ids=[q.slug for q in QUESTIONS])
def test_each_question_page_renders_one_question_with_a_back_link(client, finder, question):
    earlier = PREVIOUS[: PREVIOUS.index(question.key)]
    give(client, {key: FAMILY_ANSWERS[key] for key in earlier})
    response = client.get(f"{BASE}{question.slug}/")
    page = html(response)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert re.search(r"<h1[^>]*>\s*(<label[^>]*>)?\s*" + re.escape(question.text), page)
    assert page.count("<h1") == 1
    assert 'class="govuk-back-link' in page
    assert f'<form method="post" action="{BASE}{question.slug}/"' in page
    assert "Page last reviewed" in page


def test_back_links_go_to_the_previous_question_and_from_the_first_to_the_start(client, finder):
    assert f'href="{BASE}" class="govuk-back-link' in html(client.get(f"{BASE}age/"))
    give(client, {"age": 9, "risk_of_harm": False})
    assert f'href="{BASE}risk-of-harm/" class="govuk-back-link' in html(
        client.get(f"{BASE}disability/")
    )


def test_a_question_shows_the_answer_already_given(client, finder):
    give(client, FAMILY_ANSWERS)
    page = html(client.get(f"{BASE}child-needs/"))
    assert re.search(r'value="life-limiting-illness"\s+checked', page)
    assert not re.search(r'value="none"\s+checked', page)


ERRORS = [
    pytest.param("age", {}, "Enter your child&#x27;s age in years", "id_age", id="age-missing"),
    pytest.param("age", {"age": "nine"}, "Your child&#x27;s age must be a number, like 9",
                 "id_age", id="age-not-a-number"),
    pytest.param("age", {"age": "9.5"}, "Enter your child&#x27;s age in whole years, like 9",
                 "id_age", id="age-not-whole"),
    pytest.param("age", {"age": "26"}, "Your child&#x27;s age must be between 0 and 25",
                 "id_age", id="age-too-high"),
    pytest.param("age", {"age": "-1"}, "Your child&#x27;s age must be between 0 and 25",
                 "id_age", id="age-below-zero"),
    pytest.param("risk-of-harm", {}, "Select yes if you are worried your child is at risk of "
                 "serious harm now", "id_risk_of_harm_1", id="risk-of-harm"),
    pytest.param("disability", {}, "Select if your child has a disability",
                 "id_disability_1", id="disability"),
    pytest.param("disability", {"disability": "perhaps"}, "Select if your child has a disability",
                 "id_disability_1", id="disability-forged-value"),
    pytest.param("child-needs", {}, "Select all that describe your child, or select "
                 "&#x27;None of these&#x27;", "id_child_needs_1", id="child-needs"),
    pytest.param("child-needs", {"child_needs": ["none", "life-limiting-illness"]},
                 "Select all that describe your child, or select &#x27;None of these&#x27;",
                 "id_child_needs_1", id="child-needs-none-and-another"),
    pytest.param("family-factors", {}, "Select all that are true for your family, or select "
                 "&#x27;None of these&#x27;", "id_family_factors_1", id="family-factors"),
    pytest.param("ehc-plan", {}, "Select if your child has an EHC plan", "id_ehc_plan_1",
                 id="ehc-plan"),
    pytest.param("current-support", {}, "Select the support your family has now, or select "
                 "&#x27;None of these&#x27;", "id_current_support_1", id="current-support"),
    pytest.param("carer-support", {}, "Select yes if you would like support for yourself as a "
                 "carer", "id_carer_needs_support_1", id="carer-support"),
]


@pytest.mark.parametrize(("slug", "data", "message", "anchor"), ERRORS)
def test_each_error_message_follows_the_govuk_pattern(client, finder, slug, data, message,
                                                      anchor):
    give(client, {"age": 9, "risk_of_harm": False, "disability": "yes", "child_needs": [],
                  "family_factors": [], "ehc_plan": "no", "current_support": "none"})
    response = client.post(f"{BASE}{slug}/", data)
    page = html(response)
    assert response.status_code == 200
    assert re.search(r"<title>Error: ", page)
    start = page.index('class="govuk-error-summary"')
    summary = page[start:page.index("<form", start)]  # not the header's site search
    assert f'<a href="#{anchor}">{message}</a>' in summary
    assert f'id="{anchor}"' in page  # the summary's link lands on the first input
    assert 'class="govuk-error-message"' in page
    assert message in page[page.index("<form"):]


def test_a_valid_answer_is_not_an_error_and_moves_on(client, finder):
    response = client.post(f"{BASE}age/", {"age": " 9 "})
    assert response.status_code == 302
    assert response["Location"] == f"{BASE}risk-of-harm/"


# Which questions are asked -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "posted_to", "data", "next_slug"),
    [
        pytest.param({"age": 19, "risk_of_harm": False}, "disability", {"disability": "yes"},
                     "ehc-plan", id="over-18-skips-child-needs-and-family-factors"),
        pytest.param({"age": 9, "risk_of_harm": False}, "disability", {"disability": "no"},
                     "family-factors", id="not-disabled-skips-child-needs"),
        pytest.param({"age": 9, "risk_of_harm": False}, "disability", {"disability": "not-sure"},
                     "child-needs", id="not-sure-is-asked-about-needs"),
        pytest.param({"age": 17, "risk_of_harm": False}, "disability", {"disability": "yes"},
                     "child-needs", id="seventeen-is-asked-about-needs"),
    ],
)
def test_questions_that_do_not_apply_are_skipped(client, finder, given, posted_to, data,
                                                 next_slug):
    give(client, given)
    response = client.post(f"{BASE}{posted_to}/", data)
    assert response["Location"] == f"{BASE}{next_slug}/"


def test_a_skipped_question_cannot_be_opened_directly(client, finder):
    give(client, {"age": 19, "risk_of_harm": False, "disability": "yes"})
    assert client.get(f"{BASE}child-needs/")["Location"] == f"{BASE}ehc-plan/"


def test_a_later_question_cannot_be_reached_before_the_earlier_ones(client, finder):
    give(client, {"age": 9})
    assert client.get(f"{BASE}ehc-plan/")["Location"] == f"{BASE}risk-of-harm/"


def test_unknown_question_is_404(client, finder):
    give(client, {"age": 9})
    assert client.get(f"{BASE}postcode/").status_code == 404


def test_skipped_questions_take_the_engines_defaults(finder):
    given = answers_in_use({"age": 19, "risk_of_harm": False, "disability": "yes",
                            "child_needs": ["life-limiting-illness"], "ehc_plan": "no",
                            "current_support": "none", "carer_needs_support": False})
    assert "child_needs" not in given  # a stale answer to a question no longer asked
    assert Answers.from_dict(given).child_needs == ()


# Check your answers ------------------------------------------------------------------------


def test_check_answers_lists_every_answer_with_a_change_link(client, finder):
    give(client, FAMILY_ANSWERS)
    response = client.get(f"{BASE}check/")
    page = html(response)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert 'class="govuk-summary-list' in page
    for question in QUESTIONS:
        assert f">{escape(question.label)}</dt>" in page
        assert (f'href="{BASE}{question.slug}/">Change<span class="govuk-visually-hidden"> '
                f"{escape(question.label.lower())}</span>") in page
    assert "My child has an illness that will shorten their life" in page
    assert "13 years old" in page
    assert f'href="{BASE}result/"' in page


def test_check_answers_shows_only_the_questions_asked(client, finder):
    give(client, {"age": 19, "risk_of_harm": False, "disability": "yes", "ehc_plan": "yes",
                  "current_support": "none", "carer_needs_support": False})
    page = html(client.get(f"{BASE}check/"))
    assert "Your child&#x27;s needs" not in page
    assert "Pressures on your family" not in page


def test_changing_an_answer_returns_to_check_answers(client, finder):
    give(client, FAMILY_ANSWERS)
    response = client.post(f"{BASE}ehc-plan/", {"ehc_plan": "yes"})
    assert response["Location"] == f"{BASE}check/"


def test_changing_an_answer_that_opens_a_question_asks_it_then_returns(client, finder):
    give(client, {**FAMILY_ANSWERS, "disability": "no", "child_needs": []})
    given = {k: v for k, v in FAMILY_ANSWERS.items() if k != "child_needs"}
    give(client, {**given, "disability": "no"})
    response = client.post(f"{BASE}disability/", {"disability": "yes"})
    assert response["Location"] == f"{BASE}child-needs/"
    response = client.post(f"{BASE}child-needs/", {"child_needs": ["none"]})
    assert response["Location"] == f"{BASE}check/"


def test_check_answers_before_finishing_goes_to_the_next_question(client, finder):
    give(client, {"age": 9, "risk_of_harm": False})
    assert client.get(f"{BASE}check/")["Location"] == f"{BASE}disability/"


# Safeguarding ------------------------------------------------------------------------------


def test_a_safeguarding_answer_shows_urgent_contacts_on_the_very_next_page(client, finder):
    client.post(f"{BASE}age/", {"age": "9"})
    response = client.post(f"{BASE}risk-of-harm/", {"risk_of_harm": "yes"})
    assert response["Location"] == f"{BASE}disability/"
    page = html(client.get(response["Location"]))
    urgent = page.index('class="lo-urgent"')
    assert urgent < page.index("<h1")
    assert 'href="tel:03000000000"' in page[urgent:]
    assert 'href="tel:999"' in page[urgent:]


def test_a_safeguarding_answer_without_a_front_door_phone_links_to_the_council(client, db):
    make_council("nophone", front_door_phone="", front_door_url="https://nophone.example.org/help")
    client.post("/nophone/find-my-route/age/", {"age": "9"})
    client.post("/nophone/find-my-route/risk-of-harm/", {"risk_of_harm": "yes"})
    page = html(client.get("/nophone/find-my-route/disability/"))
    assert 'href="https://nophone.example.org/help"' in page[page.index('class="lo-urgent"'):]


def test_the_result_ranks_child_protection_first_when_a_child_may_be_at_risk(client, finder):
    give(client, {**FAMILY_ANSWERS, "risk_of_harm": True})
    response = client.get(f"{BASE}result/")
    order = route_order(response)
    assert order[0] == "child-protection"
    page = html(response)
    assert page.index('class="lo-urgent"') < page.index("<h1")


# The result --------------------------------------------------------------------------------


@pytest.fixture
def result_page(client, finder):
    give(client, {**FAMILY_ANSWERS, "disability": "yes"})
    response = client.get(f"{BASE}result/")
    assert response.status_code == 200
    return response


def test_result_lists_the_engines_routes_in_rank_order(result_page, finder):
    answers = Answers.from_dict({**FAMILY_ANSWERS, "disability": "yes"})
    expected = suggest(answers, route_services(finder), None, route_policies(finder))
    assert route_order(result_page) == [route.type for route in expected.routes]
    page = html(result_page)
    for route in expected.routes:
        for reason in route.reasons:
            assert escape(reason) in page


def test_result_shows_the_councils_service_contact_guide_duties_and_next_steps(result_page):
    page = html(result_page)
    assert 'href="/finderton/services/aiming-high/">Aiming High</a>' in page
    assert 'href="tel:01632960456"' in page  # the service's contact
    assert 'href="tel:01632960123"' in page  # the guide's contact for the CWD team
    assert "Our CWD team works with children at Level 4." in page
    assert "Draft words." not in page
    duty = "duty-of-parent-carer-assessment"
    assert (
        f'href="/rights/{duty}/?council=finderton">Citation for parent-carer-assessment</a>' in page
    )
    assert "What happens next for short-breaks." in page
    assert "How long short-breaks takes." in page
    assert 'href="/finderton/routes/short-breaks/"' in page


def test_result_points_a_route_without_a_service_to_the_front_door(client, finder):
    give(client, {**FAMILY_ANSWERS, "risk_of_harm": True})
    page = html(client.get(f"{BASE}result/"))
    section = page[page.index('id="route-child-protection"'):page.index('id="route-short-breaks"')]
    assert "Children&#x27;s social care" in section
    assert 'href="tel:03000000000"' in section


def test_result_says_it_is_guidance_not_a_decision(result_page):
    page = html(result_page)
    assert (
        "This is guidance, not a decision. Whatever this suggests, you can ask the council for "
        "an assessment of your child&#x27;s needs."
    ) in page


def test_result_prints_without_buttons_and_offers_to_start_again(result_page):
    page = html(result_page)
    assert re.search(r'<form[^>]*action="/finderton/find-my-route/"[^>]*class="lo-no-print"',
                     page)
    assert ">Start again</button>" in page
    assert 'govuk-back-link lo-no-print' in page
    assert "Page last reviewed" in page


def test_result_is_never_cached(result_page):
    assert "no-store" in result_page["Cache-Control"]
    assert "private" in result_page["Cache-Control"]


def test_result_page_queries_do_not_grow_with_services(client, db):
    make_finder_council("small", extra_services=10)
    make_finder_council("large", extra_services=40)
    counts = []
    for slug in ("small", "large"):
        give(client, FAMILY_ANSWERS)
        cache.clear()  # the glossary's acronyms are cached after the first page
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/{slug}/find-my-route/result/").status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]
    assert counts[0] <= 9  # 9th: the council's pages the footer links


def test_the_services_mapping_is_one_query_and_takes_each_policys_chosen_service(finder):
    make_finder_council("elsewhere")  # another council's services never count
    with CaptureQueriesContext(connection) as queries:
        services = route_services(finder)
    assert len(queries) == 1
    assert services["short-breaks"] == "aiming-high"  # chosen, though Aiming High < Zebra Club
    assert services["child-protection"] is None  # no policy: the front door


def test_a_policy_naming_a_draft_service_points_to_the_front_door(finder):
    policy = RoutePolicy.objects.get(council=finder, route_type__slug="short-breaks")
    policy.service = Service.objects.get(council=finder, slug="draft-breaks")
    policy.save()

    assert route_services(finder)["short-breaks"] is None


def test_the_result_pages_queries_do_not_depend_on_the_answers(client, finder):
    """Nothing a parent typed can reach the database, even in a query log."""
    seen = []
    for answers in (FAMILY_ANSWERS, {"age": 25, "risk_of_harm": True, "disability": "no",
                                     "ehc_plan": "yes", "current_support": "social-worker",
                                     "carer_needs_support": False}):
        give(client, answers)
        cache.clear()  # the glossary's acronyms are cached after the first page
        with CaptureQueriesContext(connection) as queries:
            client.get(f"{BASE}result/")
        seen.append([query["sql"] for query in queries])
    assert seen[0] == seen[1]


# Privacy -----------------------------------------------------------------------------------


def test_a_whole_run_writes_nothing_to_the_database_and_logs_no_answer(client, finder, caplog):
    for name in [None, *logging.root.manager.loggerDict]:
        caplog.set_level(logging.DEBUG, logger=name)
    with CaptureQueriesContext(connection) as queries:
        responses = answer_all(client)
    assert responses[-1].status_code == 200
    assert route_order(responses[-1])  # a real result, so the run was whole
    writes = [q["sql"] for q in queries if re.match(r"\s*(INSERT|UPDATE|DELETE)", q["sql"], re.I)]
    assert writes == []
    logged = "\n".join(record.getMessage() for record in caplog.records)
    assert queries.captured_queries and logged  # SQL was logged at DEBUG, so logs were seen
    cookie = client.cookies[stored.COOKIE_NAME].value
    for secret in [*SECRETS, cookie]:
        assert secret not in logged
    for response in responses:
        assert "no-store" in response["Cache-Control"]
        location = response.get("Location", "")
        assert "?" not in location
        for secret in SECRETS:
            assert secret not in location


def test_answers_travel_in_a_signed_httponly_cookie_for_the_route_finder_only(client, finder):
    response = client.post(f"{BASE}age/", {"age": "9"})
    cookie = response.cookies[stored.COOKIE_NAME]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["path"] == BASE
    assert cookie["max-age"] == stored.MAX_AGE
    assert signing.loads(cookie.value, salt=stored.SALT) == {"age": 9}


def test_a_tampered_cookie_asks_to_start_again_with_a_400(client, finder):
    value = signing.dumps({"age": 9}, salt=stored.SALT)
    client.cookies[stored.COOKIE_NAME] = value.replace(":", ":x", 1)
    response = client.get(f"{BASE}risk-of-harm/")
    assert response.status_code == 400
    page = html(response)
    assert "Sorry, we could not read your answers" in page
    assert ">Start again</button>" in page
    assert response.cookies[stored.COOKIE_NAME]["max-age"] == 0


@pytest.mark.parametrize("url", ["risk-of-harm/", "check/", "result/"])
def test_a_forged_cookie_signed_with_another_key_is_refused(client, finder, url, settings):
    client.cookies[stored.COOKIE_NAME] = signing.dumps(
        {"age": 9, "risk_of_harm": False}, key="not-the-site-key", salt=stored.SALT
    )
    assert client.get(f"{BASE}{url}").status_code == 400


def test_without_answers_a_later_page_explains_and_offers_to_start_again(client, finder):
    response = client.get(f"{BASE}result/")
    assert response.status_code == 200
    assert "Your answers have been cleared" in html(response)


def test_question_pages_accept_only_get_and_post(client, finder):
    assert client.put(f"{BASE}age/").status_code == 405
    assert client.post(f"{BASE}result/").status_code == 405


# Links in -----------------------------------------------------------------------------------


def test_council_home_and_site_home_link_to_find_my_route(client, finder):
    home = html(client.get("/finderton/"))
    assert f'href="{BASE}" role="button"' in home
    assert f'href="{BASE}"' in html(client.get("/"))


@pytest.mark.parametrize("url", [BASE, f"{BASE}check/", f"{BASE}result/"])
def test_start_again_works_with_csrf_checks_on_every_page_that_offers_it(finder, url):
    client = Client(enforce_csrf_checks=True)
    give(client, FAMILY_ANSWERS)
    page = html(client.get(url))
    form = page[page.rindex(f'<form method="post" action="{BASE}"'):]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    response = client.post(BASE, {"csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert response["Location"] == f"{BASE}age/"
