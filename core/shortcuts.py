"""Small helpers every app's views use."""

import re

from django.apps import apps
from django.core.exceptions import BadRequest
from django.shortcuts import get_object_or_404

from core.glossary import page_is_for

SLUG = re.compile(r"^[-a-z0-9]{1,50}$")


def get_council(slug):
    """The live council named by the first part of the address, or the 404 page.

    A council that is not live yet (set up, not switched live by a superuser) is not found.
    """
    council = get_object_or_404(apps.get_model("services", "Council"), slug=slug, live=True)
    page_is_for(council)
    return council


def council_from_query(request):
    """The council named by `?council=<slug>` on a site-wide page, or None.

    A site-wide page reached from a council keeps its name, colour and a way back. A missing,
    malformed or unknown slug gives the plain site-wide page; only a NUL (which the
    database cannot compare) is a 400.
    """
    slug = request.GET.get("council", "")
    if "\x00" in slug:  # PostgreSQL cannot compare text holding NUL (issue 18: was a 500)
        raise BadRequest("Choose a council from the list.")
    if not SLUG.match(slug):
        return None
    council = apps.get_model("services", "Council").objects.filter(slug=slug, live=True).first()
    if council is not None:
        page_is_for(council)
    return council
