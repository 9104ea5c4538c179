"""Small helpers every app's views use."""

from django.apps import apps
from django.shortcuts import get_object_or_404


def get_council(slug):
    """The council named by the first part of the address, or the 404 page."""
    return get_object_or_404(apps.get_model("services", "Council"), slug=slug)
