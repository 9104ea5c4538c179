"""Small helpers every app's views use."""

from django.apps import apps
from django.shortcuts import get_object_or_404


def get_council(slug):
    """The live council named by the first part of the address, or the 404 page.

    A council that is not live yet (set up, not switched live by a superuser) is not found.
    """
    return get_object_or_404(apps.get_model("services", "Council"), slug=slug, live=True)
