"""Old council addresses keep working: a 404 under a council's former slug redirects for good."""

from django.http import HttpResponsePermanentRedirect

from services.models import CouncilSlugRedirect


class CouncilSlugRedirectMiddleware:
    """When a page is not found and its first segment is a council's old slug, answer 301 to
    the same address under the council's current slug (query string kept).

    Only 404 answers to GET and HEAD are looked at, so other pages cost no query.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        first, _, rest = request.path.lstrip("/").partition("/")
        if not first:
            return response
        moved = (
            CouncilSlugRedirect.objects.filter(old_slug=first)
            .select_related("council")
            .first()
        )
        if moved is None or moved.council.slug == first:
            return response
        target = f"/{moved.council.slug}/{rest}"
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{target}?{query}" if query else target)
