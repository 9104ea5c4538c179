"""Everything works with the keyboard alone, and focus is always visible."""

import re

import pytest

from tests.browser.conftest import assert_error_summary_focused, assert_focus_visible, tab_through
from tests.browser.pages import PAGES, PUBLIC_PAGES


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_the_main_content(
    request, site, javascript
):
    page = request.getfixturevalue("page" if javascript else "no_js_page")
    page.goto(site + "/testshire/")
    page.keyboard.press("Tab")
    skip = page.locator(".govuk-skip-link")
    assert page.evaluate("() => document.activeElement.classList.contains('govuk-skip-link')")
    assert skip.is_visible()
    box = skip.bounding_box()
    assert box["width"] > 1 and box["height"] > 1, "the focused skip link is still hidden"
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    assert page.url.endswith("#main-content")
    if javascript:  # GOV.UK Frontend's skip link focuses <main> itself.
        assert page.evaluate("() => document.activeElement.id") == "main-content"
    # With or without script, the next Tab stop is inside the main content.
    page.keyboard.press("Tab")
    assert page.evaluate("() => !!document.activeElement.closest('#main-content')")


@pytest.mark.parametrize("page_type", PUBLIC_PAGES)
def test_every_tab_stop_shows_where_focus_is(page, site, page_type):
    page.goto(site + page_type.path)
    stops = tab_through(page)
    assert len(stops) >= 3, f"only {len(stops)} tab stops: {stops}"


def test_admin_login_can_be_reached_and_filled_by_keyboard(page, site):
    page.goto(site + "/admin/login/")
    # Django focuses the username box on load; Tab goes on from there.
    assert page.evaluate("() => document.activeElement.name") == "username"
    assert_focus_visible(page)
    stops = tab_through(page)
    assert any('name="password"' in stop for stop in stops)
    assert any('type="submit"' in stop for stop in stops)


def test_search_works_with_the_keyboard_alone(page, site):
    page.goto(site + "/testshire/")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.id") == "q":
            break
    else:
        pytest.fail("the search box is not reachable with Tab")
    assert_focus_visible(page)
    page.keyboard.type("service")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/testshire/services/?q=service" in page.url
    assert re.match(r"\d+ services matching", page.get_by_role("status").inner_text())
    # The first result link is a few stops on; follow it with Enter.
    for _ in range(30):
        page.keyboard.press("Tab")
        if "/services/service-" in (page.evaluate("() => document.activeElement.href") or ""):
            break
    else:
        pytest.fail("no result link is reachable with Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/testshire/services/service-" in page.url


# A form page in the GOV.UK error pattern, as crispy-forms-gds draws it, served from the live
# site's own origin so that the site's CSS and GOV.UK Frontend's script apply. The route finder
# and toolkit call assert_error_summary_focused() on their real forms.
ERROR_PAGE = """<!DOCTYPE html><html lang="en-GB" class="govuk-template"><head>
<meta charset="utf-8"><title>Error: How old is your child? – SEND Local Offer</title>
<link rel="stylesheet" href="/static/css/site.css"></head>
<body class="govuk-template__body"><div class="govuk-width-container">
<main class="govuk-main-wrapper" id="main-content">
<div class="govuk-error-summary" data-module="govuk-error-summary"><div role="alert">
<h2 class="govuk-error-summary__title">There is a problem</h2>
<div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list">
<li><a href="#id_age">Enter your child's age in years</a></li>
<li><a href="#id_disability">Select if your child has a disability</a></li>
</ul></div></div></div>
<form method="post" novalidate>
<div class="govuk-form-group govuk-form-group--error">
<label class="govuk-label" for="id_age">Age in years</label>
<p id="id_age_error" class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span>
Enter your child's age in years</p>
<input class="govuk-input govuk-input--error" id="id_age" name="age" type="text"
aria-describedby="id_age_error"></div>
<div class="govuk-form-group govuk-form-group--error">
<label class="govuk-label" for="id_disability">Disability</label>
<input class="govuk-input govuk-input--error" id="id_disability" name="disability"></div>
</form></main></div>
<script type="module" src="/static/js/init.js"></script></body></html>"""


def test_error_summary_takes_focus_and_links_to_its_fields(page, site):
    url = site + "/testshire/example-form-with-errors/"
    page.route(url, lambda route: route.fulfill(body=ERROR_PAGE, content_type="text/html"))
    page.goto(url)
    page.wait_for_function("() => document.body.classList.contains('govuk-frontend-supported')")
    assert_error_summary_focused(page)


def test_error_summary_check_fails_when_the_summary_does_not_take_focus(page, site):
    url = site + "/testshire/example-form-with-errors/"
    unfocused = ERROR_PAGE.replace('data-module="govuk-error-summary"', "")
    page.route(url, lambda route: route.fulfill(body=unfocused, content_type="text/html"))
    page.goto(url)
    with pytest.raises(AssertionError, match="does not have focus"):
        assert_error_summary_focused(page)


@pytest.mark.parametrize("page_type", PAGES)
def test_page_works_without_javascript(no_js_page, site, page_type):
    page = no_js_page
    response = page.goto(site + page_type.path)
    assert response.status == page_type.status
    assert page.locator(page_type.heading).first.is_visible()
    assert not page.evaluate("() => document.body.classList.contains('govuk-frontend-supported')")


def test_phone_menu_opens_with_the_keyboard(page, site):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(site + "/testshire/")
    menu = page.get_by_role("button", name="Menu")
    menu.wait_for()
    find_a_service = page.get_by_role("link", name="Find a service")
    assert not find_a_service.is_visible()
    menu.focus()
    assert_focus_visible(page)
    page.keyboard.press("Enter")
    assert menu.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent.trim()") == "Find a service"


def test_phone_menu_shows_every_link_without_javascript(no_js_page, site):
    page = no_js_page
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(site + "/testshire/")
    assert page.get_by_role("link", name="Find a service").is_visible()
    assert not page.get_by_role("button", name="Menu").is_visible()


def test_focus_check_catches_a_link_with_its_outline_removed(page):
    page.set_content(
        '<!DOCTYPE html><html lang="en"><head><title>No focus</title>'
        "<style>a:focus { outline: none; }</style></head>"
        '<body><main><h1>No focus</h1><a href="#here">A link</a></main></body></html>'
    )
    page.keyboard.press("Tab")
    with pytest.raises(AssertionError, match="shows no focus indicator"):
        assert_focus_visible(page)
