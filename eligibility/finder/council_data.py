"""What one council's published data says about the route finder's routes.

The engine in `rules.py` knows nothing of the database: it takes a plain mapping of route type to
the council's service slug, and each route's policy (the council's way in) as plain values. This
module builds them from the council's published RoutePolicy rows, and fetches what the result page
shows, in a fixed number of queries whatever the number of services. None of the queries here
depends on a family's answers, so nothing a parent typed reaches the database, even in a log.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Prefetch

from eligibility.finder.rules import CRITERIA, ROUTE_TYPES, Policy, RouteText
from eligibility.models import LegalDuty, RouteGuide, RoutePolicy, RouteType
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


def published_policies(council):
    """The council's published route policies, by route type slug (one query)."""
    return {
        policy.route_type.slug: policy
        for policy in RoutePolicy.objects.published()
        .for_council(council)
        .filter(route_type__slug__in=ROUTE_TYPES)
        .select_related("route_type", "service")
    }


def route_services(council, rows=None) -> dict[str, str | None]:
    """Each route type's service, as the council's route policy names it (one query).

    Only a published service counts. A route type with no policy, or a policy that names no
    published service, maps to None: the result page then points to the council's front door.
    """
    rows = published_policies(council) if rows is None else rows
    services: dict[str, str | None] = dict.fromkeys(ROUTE_TYPES)
    for route_type, policy in rows.items():
        service = policy.service
        if service is not None and service.is_published:
            services[route_type] = service.slug
    return services


def route_policies(council, rows=None) -> dict[str, Policy]:
    """Each route type's policy as the engine takes it (one query, or none given `rows`)."""
    rows = published_policies(council) if rows is None else rows
    return {
        route_type: Policy(
            access=row.access,
            how_to_reach=row.how_to_reach,
            needs=tuple(row.needs),
            factors=tuple(row.factors),
            enough_alone=tuple(row.enough_alone),
            main_route=row.main_route,
            council=council.name,
            min_age=row.min_age,
            max_age=row.max_age,
        )
        for route_type, row in rows.items()
    }


def family_factors_hint(council) -> str:
    """The hint of the family-pressures question: whose criteria these are, or what the
    answers are used for when the council publishes none (one query)."""
    owner = criteria_owner(council)
    if owner:
        return (
            f"Select all that apply. These are the pressures on a family that {owner} looks "
            "at, with your child's needs, when it decides whether it can help."
        )
    return (
        f"Select all that apply. {council.name} does not publish a list like this. We use your "
        "answers only to put the help most likely to fit your family first."
    )


def criteria_owner(council, rows=None) -> str:
    """Whose family-factor criteria the council publishes (e.g. its CWD team), or ""."""
    rows = published_policies(council) if rows is None else rows
    for row in rows.values():
        if row.access == CRITERIA and (row.factors or row.enough_alone):
            return row.criteria_owner or council.name
    return ""


@dataclass
class RouteDetails:
    """What the result page shows for one route, beyond what the engine says."""

    route_type: RouteType | None = None
    service: Service | None = None
    guide: RouteGuide | None = None
    duties: list[LegalDuty] = field(default_factory=list)
    policy: RoutePolicy | None = None


def route_details(
    council, services: dict[str, str | None], route_types, policies=None
) -> dict[str, RouteDetails]:
    """Every route's national text, council service (with contacts), guide and duties.

    A fixed number of queries, whatever the number of services or routes, and the same queries
    for every family: it fetches every route, not only the suggested ones. `route_types` is
    what national_routes() gives; `policies` what published_policies() gives.
    """
    policies = policies or {}
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
            policy=policies.get(route_type),
        )
        for route_type in ROUTE_TYPES
    }
