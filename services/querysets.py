"""Querysets that speak the domain: views and templates never repeat a filter."""

from django.db import models
from django.utils import timezone


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """Only what the public may see: status published."""
        return self.filter(status="published")

    def for_council(self, council):
        """Content belonging to one council."""
        return self.filter(council=council)

    def review_overdue(self, on=None):
        """Content whose review date has passed (s30(5): the Local Offer is kept under review)."""
        return self.filter(review_due__lt=on or timezone.localdate())


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
        """Services open to a child of this age in whole years."""
        return self.filter(min_age__lte=age, max_age__gte=age)
