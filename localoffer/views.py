"""Site-wide pages: home, rights, glossary, privacy, accessibility, health and errors."""

import secrets
from datetime import date

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.db.models import Max
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render

from core.shortcuts import council_from_query
from eligibility.models import LegalDuty
from services.models import Council, GlossaryTerm

# When the site-wide pages written in templates (privacy, accessibility) were last reviewed.
SITE_PAGES_REVIEWED = date(2026, 11, 24)


def home(request):
    context = {"councils": Council.objects.filter(live=True), "last_reviewed": SITE_PAGES_REVIEWED}
    return render(request, "localoffer/home.html", context)


def rights_index(request):
    duties = LegalDuty.objects.all()
    context = {
        "council": council_from_query(request),
        "duties": duties,
        "last_reviewed": duties.aggregate(latest=Max("last_reviewed"))["latest"]
        or SITE_PAGES_REVIEWED,
    }
    return render(request, "localoffer/rights_index.html", context)


def duty_detail(request, slug):
    duty = get_object_or_404(
        LegalDuty.objects.prefetch_related("route_types", "timescales"), slug=slug
    )
    context = {
        "council": council_from_query(request),
        "duty": duty,
        "last_reviewed": duty.last_reviewed,
    }
    return render(request, "localoffer/duty_detail.html", context)


def glossary(request):
    terms = GlossaryTerm.objects.all()
    context = {
        "council": council_from_query(request),
        "terms": terms,
        "last_reviewed": terms.aggregate(latest=Max("last_reviewed"))["latest"]
        or SITE_PAGES_REVIEWED,
    }
    return render(request, "localoffer/glossary.html", context)


def privacy(request):
    return render(request, "localoffer/privacy.html", {"last_reviewed": SITE_PAGES_REVIEWED})


def accessibility(request):
    return render(request, "localoffer/accessibility.html", {"last_reviewed": SITE_PAGES_REVIEWED})


def healthz(request):
    """Liveness: the process answers. It touches neither the database nor the cache."""
    return JsonResponse({"status": "ok"})


def readyz(request):
    """Readiness: can this instance serve pages? 503 while the database does not answer.

    The cache is checked and reported, but a cache that is down leaves the instance ready:
    pages are then served uncached (README, "Failing soft"), and a load balancer that took
    every instance out because the shared Redis was down would turn that into an outage.
    """
    database = _database_answers()
    cache_ok = _cache_answers()
    body = {
        "status": ("ok" if cache_ok else "degraded") if database else "unavailable",
        "database": "ok" if database else "unavailable",
        "cache": "ok" if cache_ok else "unavailable",
    }
    response = JsonResponse(body, status=200 if database else 503)
    response["Cache-Control"] = "no-store"
    return response


def _database_answers():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        return False


def _cache_answers():
    key, value = "readyz:probe", secrets.token_hex(8)
    cache.set(key, value, 10)
    return cache.get(key) == value


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)


def bad_request(request, exception):
    return render(request, "400.html", status=400)


def permission_denied(request, exception):
    return render(request, "403.html", status=403)
