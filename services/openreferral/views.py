"""The Open Referral UK 3.0 feed: read-only JSON for one council, or for the whole install.

Published services only, scoped to the council in the address exactly as the public pages are.
Bad query values get a JSON 400 with a one-line message; unknown ids a JSON 404; never a 500.
`per_page` above 100 is capped to 100, not refused (oruk-feed.json beside this module says so).
"""

import json
import math
import uuid
from functools import cache
from pathlib import Path

from django.db.models import Exists, OuterRef, Prefetch
from django.http import JsonResponse
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from services import search
from services.models import Category, Contact, Council, Service, linked_model
from services.openreferral import serialise as openreferral

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 100
MAX_CACHE_SECONDS = 60
OPENAPI_FILE = Path(__file__).resolve().parent / "oruk-feed.json"


class BadRequest(Exception):
    """A query value the feed cannot use; its message is shown to the caller."""

    status = 400


class NotFound(BadRequest):
    status = 404


def feed_view(view):
    """Only GET/HEAD; find the council; turn BadRequest into a one-line JSON answer."""

    @require_safe
    def wrapper(request, council=None, **kwargs):
        try:
            if council is not None:
                council = Council.objects.filter(slug=council, live=True).first()
                if council is None:
                    raise NotFound("There is no council at this address.")
            data = view(request, council, **kwargs)
            response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
        except BadRequest as error:
            response = JsonResponse({"message": str(error)}, status=error.status)
        patch_cache_control(response, public=True, max_age=MAX_CACHE_SECONDS)
        # Open data: any site may read it, including from a browser.
        response["Access-Control-Allow-Origin"] = "*"
        return response

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def feed_url(request, council, name, *args):
    """The absolute address of one endpoint of this feed (council or whole install)."""
    if council is None:
        path = reverse(f"oruk:{name}", args=args)
    else:
        path = reverse(f"council-oruk:{name}", args=[council.slug, *args])
    return request.build_absolute_uri(path)


def service_url(request, service):
    return request.build_absolute_uri(service.get_absolute_url())


def whole_number(request, name, default, minimum):
    raw = request.GET.get(name, "").strip()
    if not raw:
        return default
    if not (raw.isascii() and raw.isdigit()) or int(raw) < minimum:
        raise BadRequest(f"{name} must be a whole number of at least {minimum}; got {raw[:20]!r}.")
    return int(raw)


def paging(request):
    """The page number asked for and the page size, capped at MAX_PER_PAGE."""
    page_number = whole_number(request, "page", 1, minimum=1)
    per_page = min(whole_number(request, "per_page", DEFAULT_PER_PAGE, minimum=1), MAX_PER_PAGE)
    return page_number, per_page


def age(request, name):
    raw = request.GET.get(name, "").strip()
    if not raw:
        return None
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0 or value > 150:
        raise BadRequest(f"{name} must be an age in years, such as 5; got {raw[:20]!r}.")
    return value


def parse_uuid(raw, what):
    try:
        return str(uuid.UUID(raw.strip()))
    except (ValueError, AttributeError):
        raise BadRequest(f"{what} must be a UUID; got {str(raw)[:40]!r}.") from None


def paginate(queryset_or_list, request, mapper):
    """One ORUK Page: two queries for a queryset (count and slice), none for a list."""
    page_number, per_page = paging(request)
    if isinstance(queryset_or_list, list):
        total = len(queryset_or_list)
    else:
        total = queryset_or_list.count()
    start = (page_number - 1) * per_page
    items = list(queryset_or_list[start : start + per_page]) if start < total else []
    return openreferral.page([mapper(item) for item in items], total, page_number, per_page)


# Taxonomies are national and small: two short queries build every term.


def all_terms():
    """Every taxonomy term as (taxonomy key, model instance, mapped term), in a stable order."""
    terms = [
        (openreferral.CATEGORIES, item, openreferral.category_term(item))
        for item in Category.objects.order_by("name", "slug")
    ]
    terms += [
        (openreferral.ROUTE_TYPES, item, openreferral.route_type_term(item))
        for item in linked_model("route_types").objects.order_by("order", "slug")
    ]
    return terms


def taxonomy_keys():
    return {openreferral.taxonomy_id(key): key for key in openreferral.TAXONOMIES}


def published_services(council):
    services = Service.objects.published().filter(council__live=True).select_related("council")
    return services.for_council(council) if council is not None else services


def filtered_services(request, council):
    """Published services matching the standard's query parameters."""
    services = published_services(council)
    term_id = request.GET.get("taxonomy_term_id", "").strip()
    if term_id:
        term_id = parse_uuid(term_id, "taxonomy_term_id")
        match = next((t for t in all_terms() if t[2]["id"] == term_id), None)
        if match is None:
            raise BadRequest(f"No taxonomy term in this feed has the id {term_id}.")
        key, item, _ = match
        field = "categories" if key == openreferral.CATEGORIES else "route_types"
        services = services.filter(**{field: item})
    wanted_taxonomy = request.GET.get("taxonomy_id", "").strip()
    if wanted_taxonomy:
        key = taxonomy_keys().get(parse_uuid(wanted_taxonomy, "taxonomy_id"))
        if key is None:
            raise BadRequest(f"No taxonomy in this feed has the id {wanted_taxonomy}.")
        through = (
            Service.categories.through if key == openreferral.CATEGORIES
            else Service.route_types.through
        )
        services = services.filter(Exists(through.objects.filter(service=OuterRef("pk"))))
    # As the standard words them: a minimum age of at least, a maximum age of at most.
    minimum_age, maximum_age = age(request, "minimum_age"), age(request, "maximum_age")
    if minimum_age is not None:
        services = services.filter(min_age__gte=minimum_age)
    if maximum_age is not None:
        services = services.filter(max_age__lte=maximum_age)
    results = search.search(services, request.GET.get("search", ""), council)
    # Ties on name across councils: the id keeps pages stable.
    return results.order_by(*(results.query.order_by or Service._meta.ordering), "pk")


@feed_view
def meta(request, council):
    """What this API is: ORUK 3.0, and where its OpenAPI description lives."""
    return {
        "version": openreferral.VERSION,
        "profile": openreferral.PROFILE_URL,
        "openapi_url": feed_url(request, council, "openapi"),
    }


@feed_view
def service_list(request, council):
    """Published services, one page at a time, with their one-to-one fields."""
    services = filtered_services(request, council)

    def summary(item):
        return openreferral.service_summary(item, service_url(request, item))

    return paginate(services, request, summary)


@feed_view
def service_detail(request, council, id):
    """One published service, fully nested."""
    service_id = parse_uuid(id, "The service id")
    service = (
        published_services(council)
        .prefetch_related(
            "categories",
            "route_types",
            Prefetch("contacts", queryset=Contact.objects.select_related("council")),
        )
        .filter(oruk_id=service_id)
        .first()
    )
    if service is None:
        raise NotFound(f"No published service in this feed has the id {service_id}.")
    return openreferral.service(service, service_url(request, service))


def taxonomy_with_terms(request, council, key, terms=None):
    url = feed_url(request, council, "taxonomy-detail", openreferral.taxonomy_id(key))
    return openreferral.taxonomy(key, url, terms)


@feed_view
def taxonomy_list(request, council):
    """Our two taxonomies: service categories and routes to support."""
    keys = list(openreferral.TAXONOMIES)
    return paginate(keys, request, lambda key: taxonomy_with_terms(request, council, key))


@feed_view
def taxonomy_detail(request, council, id):
    """One taxonomy, with its terms."""
    key = taxonomy_keys().get(parse_uuid(id, "The taxonomy id"))
    if key is None:
        raise NotFound(f"No taxonomy in this feed has the id {id.strip()}.")
    terms = [term for term_key, _, term in all_terms() if term_key == key]
    return taxonomy_with_terms(request, council, key, terms)


@feed_view
def taxonomy_term_list(request, council):
    """Every taxonomy term, categories first, then routes."""
    return paginate([term for _, _, term in all_terms()], request, lambda term: term)


@feed_view
def taxonomy_term_detail(request, council, id):
    """One taxonomy term."""
    term_id = parse_uuid(id, "The taxonomy term id")
    term = next((term for _, _, term in all_terms() if term["id"] == term_id), None)
    if term is None:
        raise NotFound(f"No taxonomy term in this feed has the id {term_id}.")
    return term


@cache
def openapi_document():
    return json.loads(OPENAPI_FILE.read_text(encoding="utf-8"))


@feed_view
def openapi(request, council):
    """This feed's own OpenAPI description, with its address filled in."""
    document = openapi_document()
    base = feed_url(request, council, "meta").rstrip("/")
    return {**document, "servers": [{"url": base}]}
