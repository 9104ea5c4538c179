"""Refuse input no page can use, before any view or file server sees it."""

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import Http404, JsonResponse
from django.urls import reverse_lazy

UNUSABLE = "The address holds a character that cannot be used."


def holds_nul(query):
    """Whether any name or value of a QueryDict holds a NUL character."""
    return any("\x00" in key or any("\x00" in value for value in values)
               for key, values in query.lists())


class RefuseUnusableInputMiddleware:
    """A NUL character in a path, or in the admin's query, is a 400; the manifest is a 404.

    PostgreSQL cannot compare or store text holding NUL, so a NUL in an admin search term,
    filter or autocomplete term would otherwise end as a 500. (Public search boxes tidy a NUL
    away themselves, services/search.py.) The static files' manifest (staticfiles.json) lists
    every static file's name: nothing a visitor needs.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.manifest = f"{settings.STATIC_URL.rstrip('/')}/staticfiles.json"
        self.admin = reverse_lazy("admin:index")

    def __call__(self, request):
        if "\x00" in request.path or (
            request.path.startswith(str(self.admin)) and holds_nul(request.GET)
        ):
            if "/open-referral/" in request.path:  # the feed answers in JSON, errors too
                return JsonResponse({"message": UNUSABLE}, status=400)
            raise BadRequest(UNUSABLE)
        if request.path == self.manifest:
            raise Http404
        return self.get_response(request)
