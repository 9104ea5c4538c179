"""Querysets that speak the domain: views and templates never repeat a filter."""

from django.db.models import Q

from core.querysets import PublishableQuerySet


class ServiceQuerySet(PublishableQuerySet):
    def for_listing(self):
        """Everything a list of services shows, fetched in a fixed number of queries."""
        return self.select_related("council").prefetch_related(
            "categories", "route_types", "levels"
        )

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
        return self.filter(
            Q(min_age__isnull=True) | Q(min_age__lte=age),
            Q(max_age__isnull=True) | Q(max_age__gte=age),
        )
