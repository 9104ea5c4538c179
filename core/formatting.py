"""Turn editors' Markdown into safe HTML, and dates into GOV.UK style."""

import markdown
import nh3

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "h2", "h3", "h4",
    "blockquote", "abbr", "table", "thead", "tbody", "tr", "th", "td", "caption", "code",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}
GOVUK_CLASSES = {
    "<p>": '<p class="govuk-body">',
    "<ul>": '<ul class="govuk-list govuk-list--bullet">',
    "<ol>": '<ol class="govuk-list govuk-list--number">',
    "<h2>": '<h2 class="govuk-heading-m">',
    "<h3>": '<h3 class="govuk-heading-s">',
    "<a ": '<a class="govuk-link" ',
    "<table>": '<table class="govuk-table">',
}


def sanitise(html):
    """Keep only an allow-list of tags, attributes and URL schemes: no script survives."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )


def render_markdown(text):
    """Markdown to sanitised HTML carrying GOV.UK Frontend's typography classes."""
    html = sanitise(markdown.markdown(text or "", extensions=["tables"], output_format="html"))
    for bare, styled in GOVUK_CLASSES.items():
        html = html.replace(bare, styled)
    return html


def govuk_date(day):
    """A date the GOV.UK way: 26 February 2027."""
    return f"{day.day} {day:%B %Y}" if day else ""


def tel_href(phone):
    """A tap-to-call link target: tel: and the digits, keeping a leading +."""
    digits = "".join(ch for ch in phone or "" if ch.isdigit() or ch == "+")
    return f"tel:{digits}" if digits else ""
