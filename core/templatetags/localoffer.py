"""Template filters: one-line wrappers over pure functions with their own tests."""

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from core import formatting
from core.glossary import explain_acronyms, glossary_acronyms
from core.phones import link_phone_numbers

register = template.Library()


@register.filter
def markdown(text):
    html = link_phone_numbers(formatting.render_markdown(text))
    return mark_safe(explain_acronyms(html, glossary_acronyms()))  # noqa: S308 - sanitised


@register.filter
def explain(text):
    """Plain text, escaped, with glossary acronyms linked and expanded and phone numbers made
    tap-to-call links."""
    html = link_phone_numbers(escape(text))
    return mark_safe(explain_acronyms(html, glossary_acronyms()))  # noqa: S308


@register.filter
def phone_links(text):
    """Plain text, escaped, with phone numbers made tap-to-call links (no glossary links)."""
    return mark_safe(link_phone_numbers(escape(text)))  # noqa: S308 - escaped first


@register.filter
def govuk_date(day):
    return formatting.govuk_date(day)


@register.filter
def tel_href(phone):
    return formatting.tel_href(phone)


@register.filter
def abbreviate(text):
    """Plain text, escaped, with glossary acronyms expanded but not linked (for link text)."""
    return mark_safe(explain_acronyms(escape(text), glossary_acronyms(), link=False))  # noqa: S308
