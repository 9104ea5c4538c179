"""Explain acronyms where they appear: the first use in a text links to its glossary entry."""

import re
from urllib.parse import quote

from asgiref.local import Local
from django.apps import apps
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.utils.html import escape

from core.caching import content_version
from core.markup import NO_LINK_INSIDE, Rewriter

ACRONYM = re.compile(r"\b[A-Z][A-Z0-9]{1,}\b")
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
    _this_request.council = None
    _this_request.active = True


def _finish_request(**kwargs):
    _this_request.terms = None
    _this_request.council = None
    _this_request.active = False


request_started.connect(_start_request, dispatch_uid="glossary-start-request")
request_finished.connect(_finish_request, dispatch_uid="glossary-finish-request")


def page_is_for(council):
    """Note that this request's page belongs to `council` (core.shortcuts does it for every
    council page and every site-wide page opened with ?council=), for `glossary_url`."""
    if getattr(_this_request, "active", False):
        _this_request.council = council.slug


def glossary_url():
    """Where acronyms on this request's page link: the glossary, with ?council=<slug> on a
    council's page so that the glossary keeps the council's name, colour and way back."""
    if not getattr(_this_request, "active", False) or not _this_request.council:
        return "/glossary/"
    return f"/glossary/?council={quote(_this_request.council)}"


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


class AcronymExplainer(Rewriter):
    """Explain each glossary acronym's first use in the text nodes of an HTML fragment."""

    def __init__(self, terms, glossary_url="/glossary/", link=True, done=None):
        super().__init__()
        self.terms, self.glossary_url, self.link = terms, glossary_url, link
        self.done = set() if done is None else done

    def text(self, data):
        if UNTOUCHED.intersection(self.open_tags):
            return escape(data)
        may_link = self.link and not NO_LINK_INSIDE.intersection(self.open_tags)
        pieces, last = [], 0
        for match in ACRONYM.finditer(data):
            pieces.append(escape(data[last:match.start()]))
            pieces.append(self.explain(match.group(0), may_link))
            last = match.end()
        pieces.append(escape(data[last:]))
        return "".join(pieces)

    def explain(self, acronym, may_link):
        if acronym not in self.terms or acronym in self.done:
            return acronym
        self.done.add(acronym)
        meaning, slug = self.terms[acronym]
        abbr = f'<abbr title="{escape(meaning)}">{acronym}</abbr>'
        if not may_link:
            return abbr
        href = escape(f"{self.glossary_url}#{slug}")
        return f'<a class="govuk-link lo-term" href="{href}">{abbr}</a>'


def explain_acronyms(html, terms, glossary_url="/glossary/", link=True):
    """Link each glossary acronym's first use in `html` to its entry, with its expansion.

    Inside links, buttons and labels (or with link=False) the acronym is expanded but not
    linked; inside the page heading, titles and existing abbreviations it is left alone. Only
    text is looked at: the HTML is parsed, so attribute values are never touched.
    """
    return AcronymExplainer(terms, glossary_url, link).rewrite(html)
