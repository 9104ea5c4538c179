"""A Redis cache that steps aside when Redis is down: pages are served uncached, with no error."""

import logging

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


def _tolerant(name, fallback):
    method = getattr(RedisCache, name)

    def call(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except RedisError as error:
            logger.warning("cache unavailable, serving uncached: %s", type(error).__name__)
            if callable(fallback):
                return fallback(*args, **kwargs)
            return fallback

    call.__name__ = name
    return call


class TolerantRedisCache(RedisCache):
    get = _tolerant("get", lambda key, default=None, version=None: default)
    set = _tolerant("set", None)
    add = _tolerant("add", False)
    delete = _tolerant("delete", False)
    touch = _tolerant("touch", False)
    clear = _tolerant("clear", None)
    get_many = _tolerant("get_many", {})
    set_many = _tolerant("set_many", [])
    delete_many = _tolerant("delete_many", None)
    has_key = _tolerant("has_key", False)

    def incr(self, key, delta=1, version=None):
        try:
            return super().incr(key, delta, version)
        except RedisError as error:
            logger.warning("cache unavailable, not counted: %s", type(error).__name__)
            return 0
