"""The deadline calculator and the comment form, used with the keyboard only, and axe clean."""

import pytest

from feedback.models import Comment
from tests.browser.conftest import axe_check, tab_to
from tests.factories import make_council, make_national_timescales, make_route_type

pytestmark = pytest.mark.usefixtures("db")


def focused_id(page):
    return page.evaluate("document.activeElement.id")


def test_calculator_works_with_the_keyboard_alone_and_is_axe_clean(page, server):
    make_national_timescales()
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(f"{server.url}/tools/deadlines/")
    axe_check(page)

    tab_to(page, "#id_timescale_1")  # the first radio: child and family assessment
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    assert focused_id(page) == "id_start_0"
    page.keyboard.type("30")
    page.keyboard.press("Tab")
    page.keyboard.type("11")
    page.keyboard.press("Tab")
    page.keyboard.type("2026")
    page.keyboard.press("Tab")
    assert focused_id(page) == "id_submit"
    page.keyboard.press("Enter")
    page.wait_for_url("**/tools/deadlines/?**")

    assert "4 February 2027" in page.inner_text("#deadline")
    assert "Christmas Day" in page.inner_text("main")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    axe_check(page)


def test_calculator_error_is_announced_and_axe_clean(page, server):
    make_national_timescales()
    page.goto(f"{server.url}/tools/deadlines/?timescale=final-ehc-plan&start=2027-02-30")
    assert page.title().startswith("Error: ")
    assert "The date must be a real date" in page.inner_text(".govuk-error-summary")
    axe_check(page)


def test_comment_form_works_with_the_keyboard_alone_and_is_axe_clean(page, server):
    make_council("testshire")
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(f"{server.url}/testshire/have-your-say/")
    axe_check(page)

    tab_to(page, "#id_topic_1")
    page.keyboard.press("ArrowDown")  # moves to and selects the second topic: accessibility
    page.keyboard.press("Tab")
    assert focused_id(page) == "id_text"
    page.keyboard.type("The text on the short breaks page is too small on my phone.")
    page.keyboard.press("Tab")
    assert focused_id(page) == "id_submit"  # the hidden honeypot is skipped
    page.keyboard.press("Enter")
    page.wait_for_url("**/testshire/have-your-say/thanks/")

    assert "Thank you for your comment" in page.inner_text("h1")
    axe_check(page)
    comment = Comment.objects.get()
    assert comment.topic == "accessibility"
    assert comment.text.startswith("The text on the short breaks page")


def test_comment_form_errors_are_axe_clean(page, server):
    make_council("testshire")
    page.goto(f"{server.url}/testshire/have-your-say/")
    page.click("#id_submit")
    page.wait_for_load_state()
    assert page.title().startswith("Error: ")
    assert "Enter your comment" in page.inner_text(".govuk-error-summary")
    axe_check(page)


def test_calculator_answer_leads_to_the_complaint_letter_with_its_dates(page, server):
    make_national_timescales()
    make_council("essex", name="Essex County Council")
    page.goto(f"{server.url}/tools/deadlines/?council=essex&timescale=child-and-family-assessment"
              "&start=2025-01-06")  # long ago, so the deadline has passed whenever this runs
    assert "The deadline has passed" in page.inner_text("#deadline-standing")
    page.click("#complaint-letter")
    page.wait_for_url("**/essex/letters/missed-deadline-complaint/?**")
    assert "This should have been done by 10 March 2025." in page.inner_text("main")
    axe_check(page)


def test_exit_this_page_runs_under_the_csp_and_leaves_the_site(page, server):
    make_council("essex", name="Essex County Council")
    make_route_type("child-protection", order=6, title="Keeping your child safe from harm")
    errors, left_for = [], []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    # No request leaves the test machine: note where the button goes, and answer it here.
    page.route("https://www.bbc.co.uk/**", lambda route: (
        left_for.append(route.request.url), route.fulfill(body="<title>Weather</title>")))
    page.goto(f"{server.url}/essex/routes/child-protection/")
    assert page.locator(".govuk-exit-this-page").count() == 1
    page.click(".govuk-exit-this-page__button")
    page.wait_for_url("https://www.bbc.co.uk/weather")
    assert left_for == ["https://www.bbc.co.uk/weather"]
    assert errors == []
