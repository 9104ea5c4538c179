"""Find my route in a real browser: keyboard only, without JavaScript, and axe-clean."""

import pytest

from tests.browser.conftest import axe_check, tab_to
from tests.eligibility.finder_data import make_finder_council

pytestmark = pytest.mark.usefixtures("db")

START = "/finderton/find-my-route/"


@pytest.fixture
def finder(db):
    return make_finder_council("finderton")


def press_and_wait(page, key):
    """Press a key that follows a link or submits a form, and wait for the next page."""
    with page.expect_navigation():
        page.keyboard.press(key)


def keyboard_continue(page):
    tab_to(page, "button.govuk-button:not(.govuk-button--secondary)")
    press_and_wait(page, "Enter")


def keyboard_radio(page, name, position):
    """Tab into a radio group, then move to the radio at `position` (1-based) with arrows."""
    tab_to(page, f"input[name={name}]")
    page.keyboard.press("Space")  # selects the radio that has the focus (the first)
    for _ in range(position - 1):
        page.keyboard.press("ArrowDown")
    assert page.is_checked(f"#id_{name}_{position}")


def keyboard_checkbox(page, name, position):
    tab_to(page, f"#id_{name}_{position}")
    page.keyboard.press("Space")
    assert page.is_checked(f"#id_{name}_{position}")


def test_a_parent_completes_find_my_route_with_the_keyboard_alone(page, server, finder):
    page.goto(server.url + START)
    tab_to(page, "button.govuk-button--start")
    press_and_wait(page, "Enter")
    assert page.url.endswith(f"{START}age/")

    tab_to(page, "#id_age")
    page.keyboard.type("9")
    keyboard_continue(page)
    keyboard_radio(page, "risk_of_harm", 2)  # No
    keyboard_continue(page)
    keyboard_radio(page, "disability", 1)  # Yes
    keyboard_continue(page)
    keyboard_checkbox(page, "child_needs", 1)  # severe learning difficulties
    keyboard_continue(page)
    keyboard_checkbox(page, "family_factors", 4)  # the only carer
    keyboard_continue(page)
    keyboard_radio(page, "ehc_plan", 3)  # No
    keyboard_continue(page)
    keyboard_radio(page, "current_support", 4)  # None of these
    keyboard_continue(page)
    keyboard_radio(page, "carer_needs_support", 1)  # Yes
    keyboard_continue(page)

    assert page.url.endswith(f"{START}check/")
    assert "My child has severe learning difficulties" in page.inner_text("main")
    tab_to(page, f"a[href='{START}result/']")
    press_and_wait(page, "Enter")
    assert page.url.endswith(f"{START}result/")

    main = page.inner_text("main")
    assert "Help that may fit your family" in main
    assert "This is guidance, not a decision." in main
    headings = page.locator("section.lo-route-result h3").all_inner_texts()
    # The council's own criteria are met (a listed need and a listed pressure): its team first.
    assert headings[0] == "National social-work-assessment"  # titles: the RouteType rows
    assert any("National short-breaks" in h for h in headings)
    assert "Aiming High" in main


def test_find_my_route_works_without_javascript(no_js_page, server, finder):
    page = no_js_page
    page.goto(server.url + START)
    page.click("button.govuk-button--start")
    page.fill("#id_age", "15")
    page.click("text=Continue")
    page.check("#id_risk_of_harm_1")  # Yes: urgent
    page.click("text=Continue")
    assert page.locator(".lo-urgent a[href='tel:999']").count() == 1
    page.check("#id_disability_3")  # not sure
    page.click("text=Continue")
    page.check("#id_child_needs_5")  # None of these
    page.click("text=Continue")
    page.check("#id_family_factors_10")  # None of these
    page.click("text=Continue")
    page.check("#id_ehc_plan_1")
    page.click("text=Continue")
    page.check("#id_current_support_4")
    page.click("text=Continue")
    page.check("#id_carer_needs_support_2")
    page.click("text=Continue")
    page.click(f"a[href='{START}result/']")
    page.wait_for_url(f"**{START}result/")
    headings = page.locator("section.lo-route-result h3").all_inner_texts()
    assert headings[0] == "National child-protection"
    assert any("National transition-assessment" in h for h in headings)
    page.click("button:has-text('Start again')")
    page.wait_for_url(f"**{START}age/")
    assert "lo_route_answers" not in [cookie["name"] for cookie in page.context.cookies()]


def test_none_of_these_unticks_the_other_choices_and_they_untick_it(page, server, finder):
    page.goto(server.url + START + "age/")
    page.fill("#id_age", "9")
    page.click("text=Continue")
    page.check("#id_risk_of_harm_2")
    page.click("text=Continue")
    page.check("#id_disability_1")
    page.click("text=Continue")
    page.wait_for_url(f"**{START}child-needs/")
    page.check("#id_child_needs_1")
    page.check("#id_child_needs_2")
    page.check("#id_child_needs_5")  # None of these
    assert not page.is_checked("#id_child_needs_1")
    assert not page.is_checked("#id_child_needs_2")
    page.check("#id_child_needs_1")
    assert not page.is_checked("#id_child_needs_5")


def test_every_find_my_route_page_is_axe_clean(page, server, finder):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(server.url + START)
    axe_check(page, "start")
    page.click("button.govuk-button--start")

    page.click("text=Continue")  # an error state first
    assert page.title().startswith("Error: ")
    axe_check(page, "age with an error")
    answers = [
        ("fill", "#id_age", "9"),
        ("check", "#id_risk_of_harm_1", None),  # yes, so the urgent panel shows from now on
        ("check", "#id_disability_1", None),
        ("check", "#id_child_needs_2", None),
        ("check", "#id_family_factors_1", None),
        ("check", "#id_ehc_plan_2", None),
        ("check", "#id_current_support_3", None),
        ("check", "#id_carer_needs_support_1", None),
    ]
    for action, selector, value in answers:
        axe_check(page, page.url)
        if action == "fill":
            page.fill(selector, value)
        else:
            page.check(selector)
        page.click("text=Continue")
    page.wait_for_url(f"**{START}check/")
    axe_check(page, "check your answers")
    page.click(f"a[href='{START}result/']")
    page.wait_for_url(f"**{START}result/")
    axe_check(page, "result")
    no_sideways_scroll = page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
    assert no_sideways_scroll



def test_on_a_phone_the_first_routes_contact_shows_without_scrolling(page, server, finder):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server.url + START + "age/")
    for action, selector, value in [
        ("fill", "#id_age", "9"),
        ("check", "#id_risk_of_harm_2", None),
        ("check", "#id_disability_1", None),
        ("check", "#id_child_needs_1", None),
        ("check", "#id_family_factors_4", None),
        ("check", "#id_ehc_plan_3", None),
        ("check", "#id_current_support_4", None),
        ("check", "#id_carer_needs_support_2", None),
    ]:
        if action == "fill":
            page.fill(selector, value)
        else:
            page.check(selector)
        page.click("text=Continue")
    page.click(f"a[href='{START}result/']")
    page.wait_for_url(f"**{START}result/")

    phone = page.locator("#first-step a[href^='tel:']").first
    box = phone.bounding_box()
    assert phone.inner_text() == "01632 960123"  # the council's contact for its CWD team
    assert box is not None and box["y"] + box["height"] <= 844
