"""Printed pages drop the navigation and show where links and phone numbers go."""

import pytest

HIDDEN_IN_PRINT = [
    pytest.param(".govuk-skip-link", id="skip-link"),
    pytest.param(".govuk-service-navigation", id="service-navigation"),
    pytest.param(".govuk-footer__inline-list", id="footer-links"),
    pytest.param(".govuk-back-link", id="back-link"),
    pytest.param(".lo-search", id="search-form"),
]

AFTER_CONTENT = "(el) => getComputedStyle(el, '::after').content"


def _printed(page, url):
    page.goto(url)
    page.emulate_media(media="print")
    return page


@pytest.mark.parametrize("selector", HIDDEN_IN_PRINT)
def test_print_hides_navigation(page, site, selector):
    path = "/testshire/services/service-1/" if "back-link" in selector else "/testshire/"
    page.goto(site + path)
    element = page.locator(selector).first
    assert element.count() == 1 and element.evaluate("el => getComputedStyle(el).display") != "none"
    page.emulate_media(media="print")
    assert element.evaluate("el => getComputedStyle(el).display") == "none"


def test_print_shows_phone_numbers_and_link_targets(page, site):
    _printed(page, site + "/testshire/")
    tel = page.locator("main a[href^='tel:']").first
    assert tel.evaluate(AFTER_CONTENT) == '" (tel:03000000000)"'
    _printed(page, site + "/rights/children-act-1989-s17zd/")
    official = page.locator("main a[href^='https://www.legislation.gov.uk/']")
    assert "https://www.legislation.gov.uk/ukpga/1989/41/section/17ZD" in official.evaluate(
        AFTER_CONTENT
    )


def test_screen_shows_no_link_targets(page, site):
    page.goto(site + "/testshire/")
    tel = page.locator("main a[href^='tel:']").first
    assert tel.evaluate(AFTER_CONTENT) in ("none", "normal")
