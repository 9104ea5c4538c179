"""One search per council over everything a parent can read, at /<council>/search/?q=...

Services come from the directory's own engine (services/search.py), which narrows them in the
database; everything else a council shows (route pages and their guides, the council's pages,
questions, the rights pages, letters, the glossary, who to contact and the tools) is a few
hundred short texts, indexed once per content version and kept in the shared cache. Both are
then ranked together by the same rule: more of the parent's words first, then title matches
above summary matches above the rest.
"""

import re
from urllib.parse import quote

from django.core.cache import cache
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse

from core.caching import current_versions, page_scopes
from core.shortcuts import get_council
from eligibility.models import LegalDuty, LevelOfNeed, RouteGuide, RouteType
from services import search
from services.models import FAQ, GlossaryTerm, Page, Service
from toolkit.letters import LETTERS

MAX_RESULTS = 30
# Services ranked by the database before the merge: enough for the first page of results.
MAX_SERVICES = 40
MARKDOWN = re.compile(r"[#*_>`\[\]]|\(https?://[^)]*\)")
SENTENCE_END = re.compile(r"(?<=[.!?])\s")
SUMMARY_LENGTH = 180
# A glossary entry explains a word; the pages that use it answer the question.
GLOSSARY_BOOST = 0.5


def one_line(text):
    """The first sentence of some Markdown, as plain text, cut to about 180 characters."""
    plain = " ".join(MARKDOWN.sub("", text or "").split())
    first = SENTENCE_END.split(plain, maxsplit=1)[0]
    if len(first) > SUMMARY_LENGTH:
        first = first[:SUMMARY_LENGTH].rsplit(" ", 1)[0] + "…"
    return first


def council_documents(council):
    """Every page of `council` that is not a service, indexed, per content version."""
    scopes = page_scopes(council.slug)
    versions = "-".join(map(str, current_versions(scopes)))
    key = f"search-documents:{council.slug}:{versions}"
    documents = cache.get(key)
    if documents is None:
        documents = list(_documents(council))
        cache.set(key, documents, timeout=24 * 3600)
    return documents


def _documents(council):
    Document = search.Document
    slug = council.slug
    guides = {
        guide.route_type_id: guide
        for guide in RouteGuide.objects.published().for_council(council)
    }
    for route in RouteType.objects.all():
        guide = guides.get(route.pk)
        body = " ".join(
            [route.what_it_is, route.who_for, route.how_to_get, route.what_next,
             guide.body if guide else ""]
        )
        yield Document.of(
            "Guide", route.title, route.summary, reverse("route-page", args=[slug, route.slug]),
            body, order=1,
        )
    for page in Page.objects.published().for_council(council):
        yield Document.of(
            "Guide", page.title, page.summary, reverse("council-page", args=[slug, page.slug]),
            page.body, order=1,
        )
    faq_url = reverse("faq", args=[slug])
    for faq in FAQ.objects.published().for_council(council):
        yield Document.of(
            "Question", faq.question, one_line(faq.answer), f"{faq_url}#{faq.slug}", faq.answer,
            order=2,
        )
    # Site-wide pages keep the council's name, colour and way back (?council=).
    on_council = f"?council={quote(slug)}"
    for duty in LegalDuty.objects.all():
        yield Document.of(
            "Your rights", duty.plain_title, one_line(duty.summary),
            reverse("duty-detail", args=[duty.slug]) + on_council,
            " ".join([duty.citation, duty.title, duty.summary, duty.what_you_can_ask,
                      duty.if_not_met, duty.timescale]),
            order=2,
        )
    for letter in LETTERS:
        yield Document.of(
            "Letter", letter.title, one_line(letter.summary),
            reverse("letter-detail", args=[slug, letter.slug]), letter.summary, order=3,
        )
    levels = LevelOfNeed.objects.published().for_council(council)
    yield Document.of(
        "Guide", "Levels of need", "How much help a family needs, step by step, and who helps "
        "at each level.", reverse("levels-of-need", args=[slug]),
        " ".join(f"{level.name} {level.summary}" for level in levels), order=4,
    )
    yield _contact_document(council)
    yield Document.of(
        "Tool", "Find my route", "Answer a few questions to see which kinds of help fit "
        "your family.", reverse("find-my-route", args=[slug]),
        "which help can we get what support is there for us eligible eligibility", order=4,
    )
    yield Document.of(
        "Tool", "Work out a deadline", "Work out when the council should reply or finish an "
        "assessment.", reverse("deadline-calculator") + on_council,
        "deadline timescale how long working days calculator late", order=4,
    )
    glossary_url = reverse("glossary") + on_council
    for term in GlossaryTerm.objects.all():
        title = f"{term.term} ({term.expansion})" if term.expansion else term.term
        yield Document.of(
            "Word explained", title, one_line(term.definition), f"{glossary_url}#{term.slug}",
            term.definition, order=6, boost=GLOSSARY_BOOST,
        )


def _contact_document(council):
    try:
        url = reverse("contact", args=[council.slug])
    except NoReverseMatch:  # no contact page yet: the home page lists who to contact
        url = reverse("council-home", args=[council.slug])
    contacts = " ".join(contact.name for contact in council.contacts.all())
    return search.Document.of(
        "Contact", f"Contact {council.name}",
        f"Phone, email or write to {council.front_door_name}.", url,
        f"contact phone number telephone call email address who to contact talk "
        f"{council.front_door_name} {contacts}",
        order=4,
    )


def find(council, text):
    """(what the words were taken to mean, [(document, matched parts)] best first)."""
    understood = search.understand(council, text)
    if not understood.parts:
        return understood, []
    services = search.rank(
        Service.objects.published().for_council(council), understood.parts, understood.query
    ).values_list("slug", *search.SERVICE_FIELDS)[:MAX_SERVICES]
    documents = [
        search.Document(
            "Service", name, summary, reverse("service-detail", args=[council.slug, slug]),
            search.service_index(name, summary, description, who_for), order=3, found=True,
        )
        for slug, name, summary, description, who_for in services
    ]
    documents += council_documents(council)
    return understood, search.rank_documents(documents, understood.parts)[:MAX_RESULTS]


def site_search(request, council):
    council = get_council(council)
    text = request.GET.get("q", "")
    understood, results = find(council, text)
    if understood.parts and not results:
        search.record_nothing_found(council, text)
    context = {
        "council": council,
        "query": understood.query,
        "understood": understood,
        "results": [document for document, _matched in results],
        "shortened": len(" ".join(text.split())) > search.MAX_QUERY_LENGTH,
    }
    return render(request, "localoffer/search.html", context)
