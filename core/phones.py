"""Tap-to-call links for phone numbers written in editors' text (issue 17: every number on
every page is a tel: link, in FAQs, tables and Markdown as well as in contact cards).

Only text is looked at: the HTML is parsed (core.markup), so a number inside an attribute value
is never touched, and the result is sanitised again (sanitise last, issue 18).
"""

import re
from html import escape

from core.formatting import sanitise, tel_href
from core.markup import NO_LINK_INSIDE, Rewriter

# A UK number as the councils write it: 0 and 9 or 10 more digits, in groups split by one space
# or hyphen ("0345 603 7627", "01782-235100", "0800 3287822"), or 999 on its own.
UK_NUMBER = re.compile(r"(?<![\w/.-])(0\d{2,4}(?:[ -]?\d{2,4}){1,3}|999)(?![\w/-]|\.\d)")
# Text inside these is left alone: no link inside a link or control, and titles, options and
# scripts cannot hold a link at all.
SKIP = NO_LINK_INSIDE | {"option", "textarea", "title", "script", "style"}


def _is_phone(number):
    digits = re.sub(r"\D", "", number)
    return digits == "999" or len(digits) in (10, 11)


class _PhoneLinker(Rewriter):
    def text(self, data):
        if SKIP.intersection(self.open_tags):
            return escape(data, quote=True)
        pieces, last = [], 0
        for match in UK_NUMBER.finditer(data):
            number = match.group(1)
            if not _is_phone(number):
                continue
            pieces.append(escape(data[last:match.start()], quote=True))
            pieces.append(
                f'<a class="govuk-link" href="{tel_href(number)}">{escape(number)}</a>'
            )
            last = match.end()
        pieces.append(escape(data[last:], quote=True))
        return "".join(pieces)


def link_phone_numbers(html):
    """`html` with each phone number in its text wrapped in a tel: link, except where the
    number is already inside a link (or a button, label or title); sanitised last."""
    return sanitise(_PhoneLinker().rewrite(html))
