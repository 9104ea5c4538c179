"""A per-address limit on comments, kept in the cache; the address is hashed, never stored.

The count is one atomic step (Redis INCR, or the local cache's add and incr under its lock), so
however many comments arrive at once, exactly LIMIT are let through in a window. When the
counter cannot be reached, `Unavailable` is raised and the comment is refused with "try again
later": a limit that fails open would take everything a spammer sends.
"""

import hashlib
import hmac
import math
import time

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

LIMIT = 5
WINDOW_SECONDS = 60 * 60


class Unavailable(Exception):
    """The counter cannot be reached, so no comment can be counted."""


def _key(request):
    address = request.META.get("REMOTE_ADDR", "")
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256)
    return f"feedback:rate:{digest.hexdigest()}"


def wait_seconds(request):
    """0 if this address may send a comment now; otherwise seconds until it may."""
    count, seconds_left = _read(_key(request))
    return seconds_left if count >= LIMIT else 0


def take(request):
    """Count one comment from this address; 0 if it is within the limit, else seconds to wait.

    The window starts with the address's first comment.
    """
    count, seconds_left = _count(_key(request))
    return seconds_left if count > LIMIT else 0


def _redis(key):
    """(a redis.Redis, the full key) when the cache is Redis; (None, key) otherwise."""
    cache = caches["default"]
    if not isinstance(cache, RedisCache):
        return None, key
    client = cache._cache.get_client(key, write=True)  # Django's own client and pool
    return client, cache.make_and_validate_key(key)


def _read(key):
    client, redis_key = _redis(key)
    if client is None:
        count = caches["default"].get(key) or 0
        return count, _local_seconds_left(key)
    try:
        pipe = client.pipeline(transaction=True)
        pipe.get(redis_key)
        pipe.ttl(redis_key)
        count, ttl = pipe.execute()
    except RedisError as error:
        raise Unavailable from error
    return int(count or 0), max(ttl, 1)


def _count(key):
    client, redis_key = _redis(key)
    if client is None:
        return _local_count(key)
    try:
        pipe = client.pipeline(transaction=True)
        pipe.incr(redis_key)
        pipe.expire(redis_key, WINDOW_SECONDS, nx=True)
        pipe.ttl(redis_key)
        count, _, ttl = pipe.execute()
    except RedisError as error:
        raise Unavailable from error
    return count, max(ttl, 1)


def _local_count(key):
    """The same count on a cache without INCR (development and tests without Redis)."""
    cache = caches["default"]
    for _ in range(2):
        if cache.add(key, 0, timeout=WINDOW_SECONDS):
            cache.set(f"{key}:until", time.time() + WINDOW_SECONDS, timeout=WINDOW_SECONDS)
        try:
            return cache.incr(key), _local_seconds_left(key)
        except ValueError:  # the window ended between add and incr: start a new one
            continue
    raise Unavailable


def _local_seconds_left(key):
    until = caches["default"].get(f"{key}:until")
    return max(math.ceil(until - time.time()), 1) if until else WINDOW_SECONDS
