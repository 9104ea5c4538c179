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
