"""Site-wide middleware: headers on every response; a soft landing when the database is down;
staff sessions that end, and a second factor for the admin."""

import functools
import ipaddress
import logging
import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30


class PermissionsPolicyMiddleware:
    """Turn off browser features the site does not use."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


def service_unavailable(request):
    """The 503 page, rendered without touching the database."""
    html = render_to_string("503.html", {"request": request})
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """When the database cannot be reached, answer a friendly 503 instead of an error page.

    Django opens a fresh connection on the next request (CONN_HEALTH_CHECKS), so the site
    recovers by itself when the database returns.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            return self.get_response(request)
        except (OperationalError, InterfaceError) as error:
            return self.unavailable(request, error)

    def process_exception(self, request, exception):
        if isinstance(exception, (OperationalError, InterfaceError)) or (
            isinstance(exception, DatabaseError) and "connect" in str(exception).lower()
        ):
            return self.unavailable(request, exception)
        return None

    def unavailable(self, request, error):
        logger.error("database unavailable: %s", type(error).__name__)
        return service_unavailable(request)


# Session keys that time a staff member's session (StaffSessionMiddleware).
SIGNED_IN_AT = "staff_signed_in_at"
LAST_SEEN = "staff_last_seen"
# Seconds between writes of LAST_SEEN, so a busy admin page does not save the session each time.
LAST_SEEN_RESOLUTION = 60


def stamp_sign_in(sender, request, user, **kwargs):
    """user_logged_in receiver: the session's clock starts now."""
    now = time.time()
    request.session[SIGNED_IN_AT] = now
    request.session[LAST_SEEN] = now


class StaffSessionMiddleware:
    """A staff session ends after STAFF_IDLE_MINUTES without a request, and at the latest
    STAFF_MAX_SESSION_HOURS after signing in, whatever happens in between (ASVS 3.3).

    A staff session without a sign-in time (one from before this rule) is ended too.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Only a request with a session cookie can be a staff member's: others (every parent)
        # are not made to load a session, so their responses do not vary on cookies.
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            user = request.user
            if user.is_authenticated and user.is_staff:
                self.check(request)
        return self.get_response(request)

    @staticmethod
    def check(request):
        session = request.session
        now = time.time()
        idle = settings.STAFF_IDLE_MINUTES * 60
        started = session.get(SIGNED_IN_AT)
        seen = session.get(LAST_SEEN, started)
        if (
            started is None
            or now - started > settings.STAFF_MAX_SESSION_HOURS * 3600
            or now - seen > idle
        ):
            logout(request)
            return
        if now - seen >= LAST_SEEN_RESOLUTION:
            session[LAST_SEEN] = now
            session.set_expiry(idle)  # the cookie, and the stored session, end when idle


class StaffSecondFactorMiddleware:
    """With REQUIRE_SECOND_FACTOR, a staff member reaches the admin only after a one-time code.

    Signed in with a password alone, every admin page sends them to the second-factor page,
    which enrols an authenticator app the first time and asks for a code after that.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.REQUIRE_SECOND_FACTOR and self.needs_code(request):
            target = reverse("second-factor")
            return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    @staticmethod
    def needs_code(request):
        admin = reverse("admin:index")
        open_pages = (reverse("admin:login"), reverse("admin:logout"), reverse("second-factor"))
        if not request.path.startswith(admin) or request.path.startswith(open_pages):
            return False
        user = request.user
        return user.is_authenticated and user.is_staff and not user.is_verified()


@functools.lru_cache(maxsize=8)
def _networks(trusted):
    return tuple(ipaddress.ip_network(item, strict=False) for item in trusted)


def _address(text):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


class TrustedProxyMiddleware:
    """Believe X-Forwarded-For and X-Forwarded-Proto only from a trusted proxy (TRUSTED_PROXIES).

    From a trusted proxy, REMOTE_ADDR becomes the visitor's address (the rate limit and the
    sign-in lockout count by it), and X-Forwarded-Proto is kept, so SECURE_PROXY_SSL_HEADER
    can honour it. From anyone else both headers are removed before anything reads them.

    TRUSTED_PROXIES is either a count N (every request comes through N proxies, each appending
    the address it was reached from: the visitor is the Nth address from the right) or
    addresses and networks (walking X-Forwarded-For from the right, the visitor is the first
    address that is not a trusted proxy).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        meta = request.META
        trusted = settings.TRUSTED_PROXIES
        chain = [part for part in meta.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if isinstance(trusted, int) and trusted > 0:
            client = _address(chain[-trusted]) if len(chain) >= trusted else None
            believed = True
        elif trusted and self.is_trusted(meta.get("REMOTE_ADDR", ""), _networks(tuple(trusted))):
            client = self.first_untrusted(chain, _networks(tuple(trusted)))
            believed = True
        else:
            client, believed = None, False
        if client is not None:
            meta["REMOTE_ADDR"] = str(client)
        if not believed:
            meta.pop("HTTP_X_FORWARDED_PROTO", None)
            meta.pop("HTTP_X_FORWARDED_FOR", None)
        return self.get_response(request)

    @staticmethod
    def is_trusted(text, networks):
        address = _address(text)
        return address is not None and any(address in network for network in networks)

    @staticmethod
    def first_untrusted(chain, networks):
        """The rightmost address not in `networks`; None if one is not an address at all."""
        client = None
        for part in reversed(chain):
            address = _address(part)
            if address is None:
                return client
            client = address
            if not any(address in network for network in networks):
                return address
        return client
