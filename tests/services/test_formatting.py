"""Markdown becomes safe HTML; dates and phone numbers are written for people."""

from datetime import date

import pytest

from core.formatting import govuk_date, render_markdown, tel_href


def test_markdown_paragraph_gets_govuk_class():
    assert render_markdown("Hello") == '<p class="govuk-body">Hello</p>'


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "[click](javascript:alert(1))",
        '<a href="data:text/html,<script>alert(1)</script>">x</a>',
        '<iframe src="https://example.org"></iframe>',
        '<p style="background:url(javascript:alert(1))">x</p>',
    ],
)
def test_markdown_lets_no_script_through(payload):
    html = render_markdown(payload)
    for danger in ("<script", "onerror", "javascript:", "data:text", "<iframe", "style="):
        assert danger not in html


def test_links_keep_their_address_and_get_govuk_class():
    html = render_markdown("[Call us](tel:01782235100)")
    assert '<a class="govuk-link" href="tel:01782235100"' in html


@pytest.mark.parametrize(
    "day, text",
    [(date(2027, 2, 26), "26 February 2027"), (date(2026, 1, 1), "1 January 2026"), (None, "")],
)
def test_govuk_date(day, text):
    assert govuk_date(day) == text


@pytest.mark.parametrize(
    "phone, href",
    [("01782 235100", "tel:01782235100"), ("0345 603 7627", "tel:03456037627"),
     ("+44 1782 235100", "tel:+441782235100"), ("", "")],
)
def test_tel_href(phone, href):
    assert tel_href(phone) == href
