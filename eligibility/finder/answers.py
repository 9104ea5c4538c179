"""Where a family's answers live while they use the route finder: in their own browser.

Answers are a child's health data (special category data under UK GDPR). The server never
stores them: not in the database, not in a session, not in a log, not in a URL. They travel in
one cookie, signed with the site's secret so that they cannot be forged, that lives for an hour,
is sent only to the route finder's own addresses, is hidden from scripts, and is deleted when
the parent starts again.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse

COOKIE_NAME = "lo_route_answers"
SALT = "eligibility.find-my-route.answers"
MAX_AGE = 60 * 60  # seconds: long enough to answer, short enough on a shared computer


class NoAnswers(Exception):
    """The browser sent no answers, or answers too old to use."""


class AnswersTampered(Exception):
    """The browser sent answers whose signature does not match: start again."""


def cookie_path(council):
    return reverse("find-my-route", args=[council.slug])


def load(request):
    """The answers this browser has given so far, as a dict in the contract's shape."""
    value = request.COOKIES.get(COOKIE_NAME)
    if not value:
        raise NoAnswers
    try:
        answers = signing.loads(value, salt=SALT, max_age=MAX_AGE)
    except signing.SignatureExpired:
        raise NoAnswers from None
    except signing.BadSignature:
        raise AnswersTampered from None
    if not isinstance(answers, dict):
        raise AnswersTampered
    return answers


def load_or_empty(request):
    """Like load, but no answers yet is an empty dict."""
    try:
        return load(request)
    except NoAnswers:
        return {}


def save(response, council, answers):
    """Keep the answers in the browser's signed cookie for the next page."""
    response.set_cookie(
        COOKIE_NAME,
        signing.dumps(answers, salt=SALT, compress=True),
        max_age=MAX_AGE,
        path=cookie_path(council),
        secure=settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite="Lax",
    )
    return response


def clear(response, council):
    """Forget the answers: the browser deletes the cookie."""
    response.delete_cookie(COOKIE_NAME, path=cookie_path(council), samesite="Lax")
    return response
