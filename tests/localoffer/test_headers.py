"""Security headers on every response: public pages, admin, error pages."""

import pytest

pytestmark = pytest.mark.django_db

URLS = ["/", "/testshire/", "/testshire/services/", "/rights/", "/admin/login/",
        "/no-such-council/", "/testshire/theme.css", "/healthz"]


@pytest.fixture
def responses(client, council):
    return {url: client.get(url) for url in URLS}


@pytest.mark.parametrize(
    "directive",
    ["default-src 'self'", "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"],
)
def test_every_response_has_a_strict_content_security_policy(responses, directive):
    for url, response in responses.items():
        assert directive in response["Content-Security-Policy"], url


def test_no_response_allows_inline_scripts(responses):
    for url, response in responses.items():
        policy = response["Content-Security-Policy"]
        script = next(p for p in policy.split(";") if p.strip().startswith("script-src"))
        assert "unsafe-inline" not in script, url


@pytest.mark.parametrize(
    "header, value",
    [
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
        ("X-Frame-Options", "DENY"),
    ],
)
def test_every_response_carries_the_header(responses, header, value):
    for url, response in responses.items():
        assert response[header] == value, url


def test_permissions_policy_turns_off_camera_microphone_and_location(responses):
    for url, response in responses.items():
        policy = response["Permissions-Policy"]
        for feature in ("camera=()", "microphone=()", "geolocation=()"):
            assert feature in policy, url


def test_pages_request_nothing_from_another_origin(responses):
    import re

    for url, response in responses.items():
        if "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        sources = re.findall(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="([^"]+)"', html)
        assert all(not s.startswith(("http:", "https:", "//")) for s in sources), url
