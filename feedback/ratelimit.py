"""A per-address limit on comments, kept in the cache; the address is hashed, never stored."""

import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache

LIMIT = 5
WINDOW_SECONDS = 60 * 60


def _key(request):
    address = request.META.get("REMOTE_ADDR", "")
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256)
    return f"feedback:rate:{digest.hexdigest()}"


def is_limited(request):
    """True once this address has sent LIMIT comments in the current window."""
    return (cache.get(_key(request)) or 0) >= LIMIT


def record(request):
    """Count one comment from this address; the window starts with its first comment."""
    key = _key(request)
    if not cache.add(key, 1, timeout=WINDOW_SECONDS):
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.add(key, 1, timeout=WINDOW_SECONDS)
