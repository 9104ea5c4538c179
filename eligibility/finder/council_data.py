"""What one council's published data says about the route finder's routes.

The engine in `rules.py` knows nothing of the database: it takes a plain mapping of route type to
the council's service slug. This module builds that mapping, and fetches what the result page
shows, in a fixed number of queries whatever the number of services. None of the queries here
depends on a family's answers, so nothing a parent typed reaches the database, even in a log.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch

from eligibility.finder.rules import ROUTE_TYPES, RouteText
from eligibility.models import LegalDuty, RouteGuide, RouteType
from services.models import Service


def national_routes():
    """The twelve national route types with their legal duties, by slug (two queries)."""
    return {
        route.slug: route
        for route in RouteType.objects.filter(slug__in=ROUTE_TYPES).prefetch_related(
            Prefetch("legal_duties", queryset=LegalDuty.objects.order_by("order", "citation"))
        )
    }


def route_texts(routes):
    """Each route type's title and duty slugs, as the engine takes them, from its RouteType."""
    return {
        slug: RouteText(route.title, tuple(duty.slug for duty in route.legal_duties.all()))
        for slug, route in routes.items()
    }


def route_services(council) -> dict[str, str | None]:
    """Each route type's first published service of this council, by name, in one query.

    A route type that no published service answers maps to None: the result page then points
    to the council's front door.
    """
    rows = (
        Service.objects.published()
        .for_council(council)
        .filter(route_types__slug__in=ROUTE_TYPES)
        .order_by("name", "slug")
        .values_list("route_types__slug", "slug")
    )
    services: dict[str, str | None] = dict.fromkeys(ROUTE_TYPES)
    for route_type, slug in rows:
        if services[route_type] is None:
            services[route_type] = slug
    return services


@dataclass
class RouteDetails:
    """What the result page shows for one route, beyond what the engine says."""

    route_type: RouteType | None = None
    service: Service | None = None
    guide: RouteGuide | None = None
    duties: list[LegalDuty] = field(default_factory=list)


def route_details(council, services: dict[str, str | None], route_types) -> dict[str, RouteDetails]:
    """Every route's national text, council service (with contacts), guide and duties.

    A fixed number of queries, whatever the number of services or routes, and the same queries
    for every family: it fetches every route, not only the suggested ones. `route_types` is
    what national_routes() gives.
    """
    chosen = {slug for slug in services.values() if slug}
    council_services = {
        service.slug: service
        for service in Service.objects.published()
        .for_council(council)
        .filter(slug__in=chosen)
        .prefetch_related("contacts")
    }
    guides = {
        guide.route_type.slug: guide
        for guide in RouteGuide.objects.published()
        .for_council(council)
        .select_related("route_type", "contact")
    }
    return {
        route_type: RouteDetails(
            route_type=route_types.get(route_type),
            service=council_services.get(services.get(route_type) or ""),
            guide=guides.get(route_type),
            duties=list(route_types[route_type].legal_duties.all())
            if route_type in route_types
            else [],
        )
        for route_type in ROUTE_TYPES
    }
