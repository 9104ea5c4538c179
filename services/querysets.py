"""Querysets that speak the domain: views and templates never repeat a filter."""

from django.db.models import Value
from django.db.models.functions import Coalesce

from core.querysets import PublishableQuerySet

# Ages not stated count as open to every age. Written as expressions (not "IS NULL OR ...") so
# that the index services.Service "service_published_ages" serves the directory's age filter.
YOUNGEST = Coalesce("min_age", Value(0))
OLDEST = Coalesce("max_age", Value(99))


class ServiceQuerySet(PublishableQuerySet):
    def for_listing(self):
        """Everything a list of services shows (`includes/_service_summary.html`: its council,
        name, summary, ages, cost and access), in one query. Categories, routes and levels are
        not shown in a list, so they are not fetched."""
        return self.select_related("council")

    def for_detail(self):
        """Everything a service page shows, fetched in a fixed number of queries."""
        return self.select_related("council").prefetch_related(
            "categories", "route_types", "levels", "legal_duties", "contacts"
        )

    def answering(self, route_type_slug):
        """Services that answer one route type of the route finder."""
        return self.filter(route_types__slug=route_type_slug)

    def for_age(self, age):
        """Services open to a child of this age in whole years. A service whose ages are not
        stated stays in: nothing says it is closed to this age."""
        return self.alias(youngest=YOUNGEST, oldest=OLDEST).filter(
            youngest__lte=age, oldest__gte=age
        )
