"""Template filters: one-line wrappers over pure functions with their own tests."""

from urllib.parse import quote

from django import template
from django.utils.safestring import mark_safe

from core import formatting
from core.glossary import glossary_acronyms

register = template.Library()


@register.filter
def markdown(text):
    """Staff Markdown as parents see it: GOV.UK classes, acronyms explained, sanitised last."""
    return mark_safe(formatting.render_markdown(text, glossary_acronyms()))  # noqa: S308


@register.filter
def explain(text):
    """Plain text, escaped, with glossary acronyms linked and expanded."""
    return mark_safe(formatting.explain_text(text, glossary_acronyms()))  # noqa: S308


@register.filter
def council_query(council, first="?"):
    """"?council=<slug>" (or "&council=<slug>" with "&") to carry a council onto a site-wide
    page, or "" when there is none."""
    if not council:
        return ""
    return f"{first}council={quote(council.slug)}"


@register.filter
def govuk_date(day):
    return formatting.govuk_date(day)


@register.filter
def tel_href(phone):
    return formatting.tel_href(phone)


@register.filter
def abbreviate(text):
    """Plain text, escaped, with glossary acronyms expanded but not linked (for link text)."""
    return mark_safe(formatting.explain_text(text, glossary_acronyms(), link=False))  # noqa: S308
