"""Council pages: home, directory, services, FAQs and the council's own pages."""

from django.core.paginator import Paginator
from django.db.models import Max
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_cache_control

from core.caching import only_known_choices
from core.shortcuts import get_council
from services import search
from services.forms import ServiceFilterForm
from services.models import ContactKind, Page, Service

PAGE_SIZE = 20


def service_list(request, council):
    council = get_council(council)
    form = ServiceFilterForm(request.GET, council=council)
    results = search.find_services(council, form.query, form.filters)
    page = Paginator(results.services, PAGE_SIZE).get_page(page_number(request.GET.get("page")))
    context = {
        "council": council,
        "form": form,
        "query": results.query,
        "synonyms_used": results.synonyms_used,
        "page": page,
        "last_reviewed": Service.objects.published()
        .for_council(council)
        .aggregate(latest=Max("last_reviewed"))["latest"]
        or council.last_reviewed,
    }
    response = render(request, "services/service_list.html", context)
    if results.parts and not page.paginator.count and form.filters == search.Filters():
        search.record_nothing_found(council, results.query)
    page_param = request.GET.getlist("page")
    if form.only_known_choices() and page_param in ([], [str(page.number)]):
        only_known_choices(response)
    return response


def page_number(value):
    """A page number from a link: anything but a positive whole number means page 1."""
    value = (value or "").strip()
    return int(value) if value.isdecimal() and 0 < int(value) < 10**6 else 1


def service_detail(request, council, slug):
    council = get_council(council)
    service = get_object_or_404(
        Service.objects.published().for_council(council).for_detail(), slug=slug
    )
    context = {"council": council, "service": service, "last_reviewed": service.last_reviewed}
    return render(request, "services/service_detail.html", context)


def faq_list(request, council):
    council = get_council(council)
    faqs = list(council.faqs.published())
    context = {
        "council": council,
        "faqs": faqs,
        "last_reviewed": max((faq.last_reviewed for faq in faqs), default=council.last_reviewed),
    }
    return render(request, "services/faq_list.html", context)


def contact(request, council):
    """Who to call: the front door, the out-of-hours line and the SEND IASS first, each with
    the public page it was checked on; then the council's other contacts."""
    council = get_council(council)
    contacts = list(council.contacts.all())
    order = {kind: index for index, kind in enumerate(ContactKind.values)}
    main = sorted((c for c in contacts if c.kind), key=lambda c: order[c.kind])
    context = {
        "council": council,
        "main_contacts": main,
        "other_contacts": [c for c in contacts if not c.kind],
        "last_reviewed": council.last_reviewed,
    }
    return render(request, "services/contact.html", context)


def council_page(request, council, slug):
    council = get_council(council)
    page = get_object_or_404(Page.objects.published().for_council(council), slug=slug)
    context = {"council": council, "page": page, "last_reviewed": page.last_reviewed}
    return render(request, "services/council_page.html", context)


def council_theme(request, council):
    """The council's colours as a tiny stylesheet, so pages need no inline style."""
    council = get_council(council)
    response = HttpResponse(
        f":root {{ --lo-council-colour: {council.colour}; }}\n", content_type="text/css"
    )
    patch_cache_control(response, public=True, max_age=3600)
    return response
