"""Public pages from the shared cache, never stale.

Every save or delete of content bumps one version number in the cache, and again when its
transaction commits. A cached page is stored with the version it was rendered under and is served
only while that is still the current version, so a change made through any app server retires
every page at once, on every server. A cache hit costs one round trip: the version and the page
come back together. Nothing is kept in process memory except when no shared cache is configured
(a single `make run` process).
"""

import hashlib
import logging
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.cache import patch_cache_control

logger = logging.getLogger(__name__)

VERSION_KEY = "content-version"
CONTENT_APPS = {"services", "eligibility", "feedback"}


def content_version():
    """The current content version; 1 when the cache has none yet."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def bump_content_version(**kwargs):
    """Retire every cached page: called whenever content changes."""
    sender = kwargs.get("sender")
    if sender is not None and sender._meta.app_label not in CONTENT_APPS:
        return
    _increment_version()
    # A page rendered by another connection before this transaction commits shows the old
    # content; bumping again on commit retires it too.
    transaction.on_commit(_increment_version)


def _increment_version():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)


def connect_signals():
    post_save.connect(bump_content_version, dispatch_uid="content-version-save")
    post_delete.connect(bump_content_version, dispatch_uid="content-version-delete")
    m2m_changed.connect(bump_content_version, dispatch_uid="content-version-m2m")


def page_key(request):
    digest = hashlib.sha256(request.get_full_path().encode("utf-8", "surrogateescape"))
    return f"page:{digest.hexdigest()}"


def cached_page(key):
    """(the current content version, the page cached under `key` if it is current, else None)."""
    found = cache.get_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY)
    if version is None:
        return content_version(), None
    entry = found.get(key)
    if entry is not None and entry[0] == version:
        return version, entry[1]
    return version, None


def public_page(view):
    """Serve a public GET page from the cache, and let browsers and shared caches keep it briefly.

    Only anonymous GET and HEAD requests are cached, and only 200 answers that set no cookie.
    With PAGE_CACHE_SECONDS=0 the cache is not asked at all.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        cacheable = (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and not request.user.is_authenticated
        )
        key = page_key(request) if cacheable else None
        version, response = cached_page(key) if key else (None, None)
        if response is None:
            response = view(request, *args, **kwargs)
            if key and response.status_code == 200 and not response.cookies:
                cache.set(key, (version, response), timeout=settings.PAGE_CACHE_SECONDS)
        if response.status_code == 200 and not response.cookies:
            patch_cache_control(response, public=True, max_age=settings.PUBLIC_PAGE_MAX_AGE)
        return response

    return wrapper
