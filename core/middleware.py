"""Refuse input no page can use, before any view or file server sees it."""

from django.conf import settings
from django.core.exceptions import BadRequest
from django.http import Http404


class RefuseUnusableInputMiddleware:
    """A NUL character in the address is a 400; the static files' manifest is not served.

    PostgreSQL cannot compare or store text holding NUL, so a NUL in a search term, filter,
    autocomplete term or other query parameter would otherwise end as a 500. The manifest
    (staticfiles.json) lists every static file's name: nothing a visitor needs.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.manifest = f"{settings.STATIC_URL.rstrip('/')}/staticfiles.json"

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            raise BadRequest("The address holds a character that cannot be used.")
        if request.path == self.manifest:
            raise Http404
        return self.get_response(request)
