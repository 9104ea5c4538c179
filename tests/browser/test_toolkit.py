"""The deadline calculator and the comment form, used with the keyboard only, and axe clean."""

import pytest

from feedback.models import Comment
from tests.browser.conftest import axe_check, tab_to
from tests.factories import make_council, make_national_timescales

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
