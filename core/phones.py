"""Tap-to-call links for phone numbers written in editors' text (issue 17: every number on
every page is a tel: link, in FAQs, tables and Markdown as well as in contact cards)."""

import re

from core.formatting import tel_href

TAG_OR_TEXT = re.compile(r"(<[^>]+>)")
# A UK number as the councils write it: 0 and 9 or 10 more digits, in groups split by one space
# or hyphen ("0345 603 7627", "01782-235100", "0800 3287822"), or 999 on its own.
UK_NUMBER = re.compile(r"(?<![\w/.-])(0\d{2,4}(?:[ -]?\d{2,4}){1,3}|999)(?![\w/-]|\.\d)")
# Text inside these is left alone: a link may not hold a link, and titles are not clickable.
SKIP = {"a", "button", "label", "legend", "option", "textarea", "title", "script", "style"}


def _is_phone(number):
    digits = re.sub(r"\D", "", number)
    return digits == "999" or len(digits) in (10, 11)


def _link(match):
    number = match.group(1)
    if not _is_phone(number):
        return number
    return f'<a class="govuk-link" href="{tel_href(number)}">{number}</a>'


def link_phone_numbers(html):
    """`html` with each phone number in its text wrapped in a tel: link, except where the
    number is already inside a link (or a button, label or title)."""
    open_tags = []
    pieces = TAG_OR_TEXT.split(html)
    for index, piece in enumerate(pieces):
        if piece.startswith("<"):
            name = re.match(r"<\s*(/?)\s*([a-zA-Z0-9]+)", piece)
            if not name or piece.endswith("/>"):
                continue
            closing, tag = name.group(1), name.group(2).lower()
            if tag in SKIP:
                if closing:
                    if tag in open_tags:
                        open_tags.remove(tag)
                else:
                    open_tags.append(tag)
        elif piece and not open_tags:
            pieces[index] = UK_NUMBER.sub(_link, piece)
    return "".join(pieces)
