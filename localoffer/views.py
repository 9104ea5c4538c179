"""Site-wide pages: home, rights, glossary, privacy, accessibility, health and errors."""

from datetime import date

from django.db.models import Max
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render

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
        "duties": duties,
        "last_reviewed": duties.aggregate(latest=Max("last_reviewed"))["latest"]
        or SITE_PAGES_REVIEWED,
    }
    return render(request, "localoffer/rights_index.html", context)


def duty_detail(request, slug):
    duty = get_object_or_404(
        LegalDuty.objects.prefetch_related("route_types", "timescales"), slug=slug
    )
    context = {"duty": duty, "last_reviewed": duty.last_reviewed}
    return render(request, "localoffer/duty_detail.html", context)


def glossary(request):
    terms = GlossaryTerm.objects.all()
    context = {
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
    return JsonResponse({"status": "ok"})


def page_not_found(request, exception):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)


def bad_request(request, exception):
    return render(request, "400.html", status=400)


def permission_denied(request, exception):
    return render(request, "403.html", status=403)
