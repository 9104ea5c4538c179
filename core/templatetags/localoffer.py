"""Template filters: one-line wrappers over pure functions with their own tests."""

from urllib.parse import quote

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from core import formatting
from core.glossary import glossary_acronyms, glossary_url
from core.phones import link_phone_numbers

register = template.Library()


@register.filter
def markdown(text):
    """Staff Markdown as parents see it: GOV.UK classes, acronyms explained, phone numbers
    tap-to-call, sanitised last."""
    html = formatting.render_markdown(text, glossary_acronyms(), glossary_url())
    return mark_safe(link_phone_numbers(html))  # noqa: S308 - sanitised last


@register.filter
def explain(text):
    """Plain text, escaped, with glossary acronyms linked and expanded and phone numbers made
    tap-to-call links; sanitised last."""
    html = formatting.explain_text(text, glossary_acronyms(), glossary_url=glossary_url())
    return mark_safe(link_phone_numbers(html))  # noqa: S308 - sanitised last


@register.filter
def phone_links(text):
    """Plain text, escaped, with phone numbers made tap-to-call links (no glossary links)."""
    return mark_safe(link_phone_numbers(escape(text)))  # noqa: S308 - escaped, sanitised last


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
