"""Markdown becomes safe HTML; dates and phone numbers are written for people."""

from datetime import date
from html.parser import HTMLParser

import pytest

from core.formatting import govuk_date, render_markdown, render_markdown_with_report, tel_href


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


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.append(tag)


def tags(html):
    parser = Tags()
    parser.feed(html)
    return parser.found


TERMS = {"CWD": ("Children with Disabilities", "cwd")}


@pytest.mark.parametrize(
    "text, html",
    [
        pytest.param("# Top", '<h2 class="govuk-heading-m">Top</h2>', id="h1-below-the-page-h1"),
        pytest.param("## Who", '<h2 class="govuk-heading-m">Who</h2>', id="h2"),
        pytest.param("### How", '<h3 class="govuk-heading-s">How</h3>', id="h3"),
        pytest.param("###### Small", '<h4 class="govuk-heading-s">Small</h4>', id="h6-is-h4"),
    ],
)
def test_headings_get_govuk_classes_below_the_page_heading(text, html):
    assert render_markdown(text) == html


def test_a_numbered_list_after_a_bullet_list_stays_a_separate_list():
    html = render_markdown("- tea\n- milk\n1. boil\n2. pour")
    assert html.count("<ul") == html.count("<ol") == 1
    assert html.index("milk") < html.index('<ol class="govuk-list govuk-list--number">')


def test_tables_get_govuk_classes_and_column_headers():
    html = render_markdown("| Day | Time |\n|---|---|\n| Monday | 9am |")
    assert '<table class="govuk-table">' in html
    assert '<th class="govuk-table__header" scope="col">Day</th>' in html
    assert '<td class="govuk-table__cell">Monday</td>' in html


def test_a_removed_link_keeps_its_text_and_leaves_no_dead_link():
    assert render_markdown("[Ring us](javascript:alert(1)) today") == (
        '<p class="govuk-body">Ring us today</p>'
    )


@pytest.mark.parametrize(
    "text, said",
    [
        pytest.param("![A map](map.png)", "An image (A map)", id="image"),
        pytest.param("[x](javascript:alert(1))", "The link to javascript:alert(1)", id="link"),
        pytest.param("<script>x</script>", "<script>", id="tag"),
    ],
)
def test_the_editor_is_told_what_was_removed(text, said):
    _, removed = render_markdown_with_report(text)
    assert any(said in note for note in removed)


def test_nothing_is_reported_for_plain_markdown():
    text = "## Help\n\n- [Call](tel:0123)\n\n| a |\n|---|\n| b |"
    assert render_markdown_with_report(text)[1] == []


def test_acronyms_are_explained_in_text_once():
    html = render_markdown("The CWD team. CWD again.", TERMS)
    assert html.count("<abbr") == 1
    assert '<a class="govuk-link lo-term" href="/glossary/#cwd"' in html


def test_an_acronym_inside_an_attribute_value_is_left_alone():
    text = '<a href="https://x.example/" title="x>CWD<meta http-equiv=refresh">t</a>'
    assert tags(render_markdown(text, TERMS)) == ["p", "a"]


def test_only_govuk_classes_survive():
    assert render_markdown('<p class="evil govuk-body">x</p>') == '<p class="govuk-body">x</p>'
