"""Explain acronyms where they appear: the first use in a text links to its glossary entry."""

import re

from asgiref.local import Local
from django.apps import apps
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.utils.html import escape

from core.caching import content_version

ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,}\b")
TAG_OR_TEXT = re.compile(r"(<[^>]+>)")
# Inside these an acronym is expanded (abbr) but not linked: a link may not hold a link.
NO_LINK = {"a", "button", "label", "legend"}
# Inside these it is left alone.
UNTOUCHED = {"abbr", "h1", "title", "option", "textarea"}


def acronym_terms(rows):
    """{acronym: (expansion or definition, slug)} from glossary rows (term, expansion, ...)."""
    found = {}
    for term, expansion, definition, slug in rows:
        for acronym in ACRONYM.findall(term):
            found.setdefault(acronym, (expansion or definition.split(".")[0], slug))
    return found


# While a request is served, its first look-up is kept for the rest of it: a page explains
# acronyms in many fields, and each look-up would otherwise be two round trips to the cache.
_this_request = Local()


def _start_request(**kwargs):
    _this_request.terms = None
    _this_request.active = True


def _finish_request(**kwargs):
    _this_request.terms = None
    _this_request.active = False


request_started.connect(_start_request, dispatch_uid="glossary-start-request")
request_finished.connect(_finish_request, dispatch_uid="glossary-finish-request")


def glossary_acronyms():
    """The glossary's acronyms, cached until content changes (one query when it does)."""
    if getattr(_this_request, "active", False) and _this_request.terms is not None:
        return _this_request.terms
    terms = _shared_glossary_acronyms()
    if getattr(_this_request, "active", False):
        _this_request.terms = terms
    return terms


def _shared_glossary_acronyms():
    GlossaryTerm = apps.get_model("services", "GlossaryTerm")  # noqa: N806 - core imports no app
    key = f"glossary-acronyms:{content_version()}"
    terms = cache.get(key)
    if terms is None:
        rows = GlossaryTerm.objects.values_list("term", "expansion", "definition", "slug")
        terms = acronym_terms(rows)
        cache.set(key, terms, timeout=None)
    return terms


def explain_acronyms(html, terms, glossary_url="/glossary/", link=True):
    """Link each glossary acronym's first use in `html` to its entry, with its expansion.

    Inside links, buttons and labels (or with link=False) the acronym is expanded but not
    linked; inside the page heading, titles and existing abbreviations it is left alone.
    """
    done, open_tags = set(), []
    pieces = TAG_OR_TEXT.split(html)
    for index, piece in enumerate(pieces):
        if piece.startswith("<"):
            name = re.match(r"</?\s*([a-zA-Z0-9]+)", piece)
            tag = name.group(1).lower() if name else ""
            if tag in NO_LINK | UNTOUCHED:
                if piece.startswith("</"):
                    if tag in open_tags:
                        open_tags.remove(tag)
                elif not piece.endswith("/>"):
                    open_tags.append(tag)
            continue
        if not piece or UNTOUCHED.intersection(open_tags):
            continue
        may_link = link and not NO_LINK.intersection(open_tags)

        def explain(match, may_link=may_link):
            acronym = match.group(0)
            if acronym not in terms or acronym in done:
                return acronym
            done.add(acronym)
            meaning, slug = terms[acronym]
            abbr = f'<abbr title="{escape(meaning)}">{acronym}</abbr>'
            if not may_link:
                return abbr
            return f'<a class="govuk-link lo-term" href="{glossary_url}#{slug}">{abbr}</a>'

        pieces[index] = ACRONYM.sub(explain, piece)
    return "".join(pieces)
