"""Public pages from the shared cache, never stale, retired only by changes parents would see.

Content versions live in the shared cache, one per scope: national content (legal duties, route
types, the glossary...), each council's own content, and "any council" (moved by every council's
change). A council's pages are valid while the national version and that council's version stand;
site-wide pages while the national and "any council" versions stand. Each app says which of its
models parents see (`watch`, called from its AppConfig.ready); saving or deleting one of those, or
changing one of their many-to-many links, moves the versions of its scope, once at once and once
more when its transaction commits. History rows, staff accounts and unpublished comments move
nothing. A cache hit is one round trip: the versions and the page come back together. Nothing is
kept in process memory except when no shared cache is configured (a single `make run` process).
"""

import hashlib
import logging
from contextlib import contextmanager
from functools import wraps

from asgiref.local import Local
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ObjectDoesNotExist
from django.db import connections, router, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.cache import patch_cache_control

logger = logging.getLogger(__name__)

NATIONAL = "national"
ANY_COUNCIL = "any-council"


def council_scope(slug):
    return f"council:{slug}"


def version_key(scope):
    return f"content-version:{scope}"


def page_scopes(council_slug=None):
    """The versions a page depends on: national content, and its council's (or any council's)."""
    return (NATIONAL, council_scope(council_slug) if council_slug else ANY_COUNCIL)


def current_versions(scopes, found=None):
    """The current version of each scope, starting any that the cache does not hold yet at 1."""
    keys = [version_key(scope) for scope in scopes]
    found = cache.get_many(keys) if found is None else found
    versions = []
    for key in keys:
        version = found.get(key)
        if version is None:
            cache.add(key, 1, timeout=None)
            version = cache.get(key, 1)
        versions.append(version)
    return tuple(versions)


def content_version(scope=NATIONAL):
    """The current version of one scope (national content unless told otherwise)."""
    return current_versions((scope,))[0]


# Changes ------------------------------------------------------------------------------------


_council_of = {}


def owning_council(instance):
    """The slug of the council a row belongs to through its `council` field, or None."""
    return instance.council.slug if instance.council_id else None


def scopes_changed_by(instance):
    """What a change to `instance` retires: its council's pages and site pages, or everything."""
    council_of = _council_of.get(type(instance))
    try:
        slug = council_of(instance) if council_of else None
    except ObjectDoesNotExist:  # its council went in the same cascade: retire everything
        slug = None
    if slug:
        return (council_scope(slug), ANY_COUNCIL)
    return (NATIONAL,)


def _increment(scope):
    key = version_key(scope)
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 2, timeout=None)


class _BumpOnCommit:
    """The scopes one transaction changed, bumped once more when it commits."""

    def __init__(self):
        self.scopes = set()

    def __call__(self):
        for scope in self.scopes:
            _increment(scope)


def _pending_bump(connection):
    """This transaction's bump-on-commit callback, registering one if it has none yet."""
    for entry in connection.run_on_commit:
        if isinstance(entry[1], _BumpOnCommit):
            return entry[1]
    bump = _BumpOnCommit()
    transaction.on_commit(bump, using=connection.alias)
    return bump


_bulk = Local()


@contextmanager
def one_change():
    """Treat every save inside as one change: retire pages once, at the end (fixture loads)."""
    outer = getattr(_bulk, "changes", None)
    if outer is not None:
        yield
        return
    _bulk.changes = changes = {}
    try:
        yield
    finally:
        _bulk.changes = None
    for using, scopes in changes.items():
        retire(scopes, using=using)


def retire(scopes, using="default"):
    """Move the versions of `scopes` now, and once more when the transaction commits.

    A page rendered by another connection before this transaction commits shows the old content;
    the bump on commit retires it too, once per scope however many rows the transaction changes.
    """
    changes = getattr(_bulk, "changes", None)
    if changes is not None:
        changes.setdefault(using, set()).update(scopes)
        return
    for scope in scopes:
        _increment(scope)
    connection = connections[using]
    if connection.in_atomic_block:
        _pending_bump(connection).scopes.update(scopes)


def _saved_or_deleted(sender, instance, **kwargs):
    retire(scopes_changed_by(instance), using=router.db_for_write(sender))


def _links_changed(sender, instance, action, **kwargs):
    if action.startswith("post_"):
        retire(scopes_changed_by(instance), using=router.db_for_write(type(instance)))


def watch(*models, council_of=None):
    """Retire cached pages when any of these models (content parents see) changes.

    `council_of(instance)` names the council slug a row belongs to, or None for national rows;
    without it every change retires every page.
    """
    for model in models:
        _council_of[model] = council_of
        uid = f"content-version:{model._meta.label_lower}"
        post_save.connect(_saved_or_deleted, sender=model, dispatch_uid=f"{uid}:save")
        post_delete.connect(_saved_or_deleted, sender=model, dispatch_uid=f"{uid}:delete")
        for field in model._meta.many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(
                _links_changed, sender=through, dispatch_uid=f"{uid}:{field.name}:m2m"
            )


# Pages --------------------------------------------------------------------------------------


def page_key(request):
    digest = hashlib.sha256(request.get_full_path().encode("utf-8", "surrogateescape"))
    return f"page:{digest.hexdigest()}"


def cached_page(key, scopes):
    """(the versions of `scopes` now, the page cached under `key` if still current, else None)."""
    found = cache.get_many([*(version_key(scope) for scope in scopes), key])
    versions = current_versions(scopes, found)
    entry = found.get(key)
    if entry is not None and entry[0] == versions:
        return versions, entry[1]
    return versions, None


def only_known_choices(response):
    """Mark a page whose query string holds only known choices (filters, a page number).

    A page with a query string is kept in the shared cache only when its view says so: words a
    parent typed (a search, a date) are never stored there, and odd query strings add no keys.
    """
    response.only_known_choices = True
    return response


def storable(request, response):
    return not request.GET or getattr(response, "only_known_choices", False)


def public_page(view):
    """Serve a public GET page from the cache; browsers revalidate, shared caches keep it briefly.

    Browsers get `max-age=0, must-revalidate`: they ask again on every view (a `304` through the
    ETag when nothing changed), so a publish shows on the next page view. Shared caches (a CDN)
    may keep the page for `PUBLIC_PAGE_MAX_AGE` seconds (`s-maxage`).

    Only anonymous GET and HEAD requests are cached, only 200 answers that set no cookie, and
    a page with a query string only when its view marked it `only_known_choices`.
    With PAGE_CACHE_SECONDS=0 the cache is not asked at all. A page under /<council>/ depends on
    that council's content and national content only.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        cacheable = (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and not request.user.is_authenticated
        )
        response = None
        if cacheable:
            key, scopes = page_key(request), page_scopes(kwargs.get("council"))
            versions, response = cached_page(key, scopes)
        if response is None:
            response = view(request, *args, **kwargs)
            if cacheable and response.status_code == 200 and not response.cookies:
                if storable(request, response):
                    cache.set(key, (versions, response), timeout=settings.PAGE_CACHE_SECONDS)
        if response.status_code == 200 and not response.cookies and storable(request, response):
            patch_cache_control(
                response,
                public=True,
                max_age=0,
                must_revalidate=True,
                s_maxage=settings.PUBLIC_PAGE_MAX_AGE,
            )
        return response

    return wrapper
