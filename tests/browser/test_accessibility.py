"""Every page type passes axe-core's WCAG 2.2 A and AA rules, and reflows, in Chromium."""

import pytest

from tests.browser.conftest import DESKTOP, PHONE, axe_check, axe_rule_ids, no_horizontal_scroll
from tests.browser.pages import PAGES

# 200% zoom on a 1280 px screen lays the page out in 640 CSS px.
ZOOMED = {"width": 640, "height": 450}


@pytest.mark.parametrize("page_type", PAGES)
def test_page_passes_axe_and_reflows_on_desktop_phone_and_at_200_percent_zoom(
    page, site, page_type
):
    response = page.goto(site + page_type.path)
    assert response.status == page_type.status
    page.set_viewport_size(DESKTOP)
    axe_check(page)
    page.set_viewport_size(PHONE)
    axe_check(page)
    no_horizontal_scroll(page)
    page.set_viewport_size(ZOOMED)
    no_horizontal_scroll(page)
    assert text_outside_viewport(page) == [], "text runs off the side at 200% zoom"


def text_outside_viewport(page):
    return page.evaluate(
        """() => [...document.querySelectorAll('main h1, main h2, main p, main li, main dd')]
            .filter(el => el.getBoundingClientRect().right > document.documentElement.clientWidth)
            .map(el => el.textContent.trim().slice(0, 60))"""
    )


def test_axe_reports_an_image_without_alt_text(page):
    page.set_content(
        '<!DOCTYPE html><html lang="en"><head><title>Broken</title></head>'
        '<body><main><h1>Broken</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
        "</main></body></html>"
    )
    assert "image-alt" in axe_rule_ids(page)
    with pytest.raises(AssertionError, match="image-alt"):
        axe_check(page)


def test_reflow_check_catches_a_page_wider_than_a_phone(page):
    page.set_viewport_size(PHONE)
    page.set_content(
        '<!DOCTYPE html><html lang="en"><head><title>Wide</title></head>'
        '<body><main><h1>Wide</h1><pre>' + "x" * 200 + "</pre></main></body></html>"
    )
    with pytest.raises(AssertionError, match="scrolls sideways"):
        no_horizontal_scroll(page)
