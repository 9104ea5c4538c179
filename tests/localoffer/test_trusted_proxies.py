"""X-Forwarded-For and X-Forwarded-Proto are believed only from the proxies in TRUSTED_PROXIES."""

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse

from localoffer.env import env_proxies
from localoffer.middleware import TrustedProxyMiddleware

PROXY = "10.0.0.5"


def seen(rf, settings, trusted, remote, forwarded_for=None, proto=None):
    """(the address the app sees, whether it sees https) for one request."""
    settings.TRUSTED_PROXIES = trusted
    headers = {}
    if forwarded_for is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded_for
    if proto is not None:
        headers["HTTP_X_FORWARDED_PROTO"] = proto
    request = rf.get("/", REMOTE_ADDR=remote, **headers)
    middleware = TrustedProxyMiddleware(
        lambda req: HttpResponse(f"{req.META['REMOTE_ADDR']} {req.is_secure()}")
    )
    address, secure = middleware(request).content.decode().split()
    return address, secure == "True"


@pytest.mark.parametrize(
    ("trusted", "remote", "forwarded_for", "expected"),
    [
        # No proxy trusted: the headers are a client's say-so.
        ((), "203.0.113.9", "198.51.100.1", "203.0.113.9"),
        # A trusted proxy: the address it saw (the rightmost) is the visitor's.
        ((PROXY,), PROXY, "198.51.100.1", "198.51.100.1"),
        # A visitor's own forged entry to the left of the proxy's is ignored.
        ((PROXY,), PROXY, "6.6.6.6, 198.51.100.1", "198.51.100.1"),
        # Networks: walk from the right past every trusted proxy.
        (("10.0.0.0/8",), PROXY, "198.51.100.1, 10.1.2.3", "198.51.100.1"),
        # Not from the trusted proxy: the header is ignored.
        ((PROXY,), "203.0.113.9", "198.51.100.1", "203.0.113.9"),
        # A count: the visitor is that many addresses from the right.
        (1, PROXY, "6.6.6.6, 198.51.100.1", "198.51.100.1"),
        (2, PROXY, "6.6.6.6, 198.51.100.1, 10.1.2.3", "198.51.100.1"),
        # Fewer addresses than proxies: the connection's address is kept.
        (2, PROXY, "198.51.100.1", PROXY),
        # Something that is not an address is never taken as one.
        ((PROXY,), PROXY, "<script>", PROXY),
        (1, PROXY, "not-an-address", PROXY),
    ],
)
def test_the_visitors_address(rf, settings, trusted, remote, forwarded_for, expected):
    assert seen(rf, settings, trusted, remote, forwarded_for)[0] == expected


@pytest.mark.parametrize(
    ("trusted", "remote", "secure"),
    [((), "203.0.113.9", False), ((PROXY,), "203.0.113.9", False), ((PROXY,), PROXY, True),
     (1, PROXY, True)],
)
def test_x_forwarded_proto_is_believed_only_from_a_trusted_proxy(
    rf, settings, trusted, remote, secure
):
    assert seen(rf, settings, trusted, remote, proto="https")[1] is secure


@pytest.mark.django_db
def test_a_client_cannot_skip_the_https_redirect_with_a_forged_header(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.TRUSTED_PROXIES = (PROXY,)
    forged = client.get("/privacy/", HTTP_X_FORWARDED_PROTO="https", REMOTE_ADDR="203.0.113.9")
    assert forged.status_code == 301
    proxied = client.get("/privacy/", HTTP_X_FORWARDED_PROTO="https", REMOTE_ADDR=PROXY)
    assert proxied.status_code == 200


@pytest.mark.django_db
def test_behind_a_trusted_proxy_the_comment_limit_counts_each_visitor(client, council, settings):
    settings.TRUSTED_PROXIES = (PROXY,)
    form = "/testshire/have-your-say/"
    comment = {"topic": "content", "text": "The short breaks page does not list holiday clubs."}

    def post(visitor):
        return client.post(form, comment, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=visitor)

    for _ in range(5):
        assert post("198.51.100.1").status_code == 302
    assert post("198.51.100.1").status_code == 429
    assert post("198.51.100.2").status_code == 302


@pytest.mark.django_db
def test_a_forged_address_does_not_escape_the_comment_limit(client, council):
    form = "/testshire/have-your-say/"
    comment = {"topic": "content", "text": "The short breaks page does not list holiday clubs."}
    for n in range(5):
        client.post(form, comment, REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR=f"6.6.6.{n}")
    response = client.post(
        form, comment, REMOTE_ADDR="203.0.113.9", HTTP_X_FORWARDED_FOR="6.6.6.99"
    )
    assert response.status_code == 429


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("", ()), ("1", 1), ("10.0.0.5", ("10.0.0.5",)),
     ("10.0.0.5, 10.1.0.0/16,::1", ("10.0.0.5", "10.1.0.0/16", "::1"))],
)
def test_trusted_proxies_setting_reads_a_count_or_addresses(monkeypatch, raw, expected):
    monkeypatch.setenv("TRUSTED_PROXIES", raw)
    assert env_proxies("TRUSTED_PROXIES") == expected


@pytest.mark.parametrize("raw", ["0", "11", "proxy.example", "10.0.0.5,nginx"])
def test_trusted_proxies_setting_refuses_anything_else(monkeypatch, raw):
    monkeypatch.setenv("TRUSTED_PROXIES", raw)
    with pytest.raises(ImproperlyConfigured, match="TRUSTED_PROXIES"):
        env_proxies("TRUSTED_PROXIES")
