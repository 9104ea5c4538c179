"""Pages stay light on a phone: small HTML, and a first view under 250 KB in 15 requests."""

import gzip
import re

import pytest
from django.contrib.staticfiles import finders

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_content")]

MAIN_PAGES = [
    "/", "/stoke-on-trent/", "/stoke-on-trent/services/", "/stoke-on-trent/services/aiming-high/",
    "/stoke-on-trent/levels-of-need/", "/stoke-on-trent/routes/short-breaks/", "/rights/",
    "/rights/children-act-1989-s17zd/", "/glossary/", "/stoke-on-trent/find-my-route/",
    "/tools/deadlines/",
]
SUBRESOURCE = re.compile(r'<(?:link|script|img)\b[^>]*?(?:href|src)="([^"]+)"')
JS_IMPORT = re.compile(r'from\s*"([^"]+)"|import\s*"([^"]+)"')


def compressed(data):
    return len(gzip.compress(data, compresslevel=9))


def static_file(url):
    path = finders.find(url.split("?")[0].removeprefix("/static/"))
    assert path, f"missing static file {url}"
    with open(path, "rb") as stream:
        return stream.read()


def first_view(client, url):
    """(bytes compressed, request count) for a page with every file it loads."""
    html = client.get(url).content
    total, requests = compressed(html), 1
    queue = SUBRESOURCE.findall(html.decode())
    seen = set()
    while queue:
        resource = queue.pop()
        if resource in seen:
            continue
        seen.add(resource)
        if resource.startswith("/static/"):
            body = static_file(resource)
            if resource.endswith(".js"):
                base = resource.rsplit("/", 1)[0]
                for a, b in JS_IMPORT.findall(body.decode()):
                    target = a or b
                    parts = (base + "/" + target).split("/")
                    resolved = []
                    for part in parts:
                        if part == "..":
                            resolved.pop()
                        elif part not in (".", ""):
                            resolved.append(part)
                    queue.append("/" + "/".join(resolved))
        else:
            body = client.get(resource).content
        total += compressed(body)
        requests += 1
    return total, requests


@pytest.mark.parametrize("url", MAIN_PAGES)
def test_page_html_is_under_30_kb_compressed(client, url):
    assert compressed(client.get(url).content) < 30_000


@pytest.mark.parametrize("url", MAIN_PAGES)
def test_first_view_is_under_250_kb_and_15_requests(client, url):
    size, requests = first_view(client, url)
    assert size < 250_000, size
    assert requests <= 15, requests
