"""A council's home page, levels of need and route pages."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from core.shortcuts import get_council
from eligibility.models import LevelOfNeed, RouteGuide, RouteType
from services.models import Page, Service


def council_home(request, council):
    """The council's front page: the routes to help side by side, and who to contact."""
    council = get_council(council)
    context = {
        "council": council,
        "route_types": RouteType.objects.all(),
        "contacts": council.contacts.all(),
        "pages": Page.objects.published().for_council(council),
        "last_reviewed": council.last_reviewed,
    }
    return render(request, "services/council_home.html", context)


def levels_of_need(request, council):
    council = get_council(council)
    services_here = Prefetch(
        "services",
        queryset=Service.objects.published().for_council(council),
        to_attr="council_services",
    )
    published = LevelOfNeed.objects.published().prefetch_related(services_here)
    levels = list(published.for_council(council))
    national = not levels
    if national:
        levels = list(published.filter(council__isnull=True))
    context = {
        "council": council,
        "levels": levels,
        "national": national,
        "last_reviewed": max((lv.last_reviewed for lv in levels), default=council.last_reviewed),
    }
    return render(request, "eligibility/levels_of_need.html", context)


def route_page(request, council, route_type):
    council = get_council(council)
    route = get_object_or_404(RouteType.objects.prefetch_related("legal_duties"), slug=route_type)
    guide = (
        RouteGuide.objects.published()
        .for_council(council)
        .filter(route_type=route)
        .select_related("contact")
        .first()
    )
    services = Service.objects.published().for_council(council).answering(route.slug)
    reviewed = [route.last_reviewed] + ([guide.last_reviewed] if guide else [])
    context = {
        "council": council,
        "route": route,
        "guide": guide,
        "services": services.for_listing(),
        "last_reviewed": max(reviewed),
    }
    return render(request, "eligibility/route_page.html", context)
