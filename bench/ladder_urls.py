"""The site's addresses, plus /bench/saved/: the saved page through the full middleware."""

import os

from django.http import HttpResponse
from django.urls import path

from localoffer.urls import urlpatterns as site_patterns

with open(os.environ["LADDER_SAVED_PAGE"], "rb") as stream:
    SAVED = stream.read()


def saved(request):
    return HttpResponse(SAVED)


urlpatterns = [path("bench/saved/", saved), *site_patterns]
