"""The shipped content (fixtures/) for tests that read it, and a crawl of a council's pages."""

import html
import re
from collections import deque
from contextlib import contextmanager
from urllib.parse import urldefrag

from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

HREF = re.compile(r'<a [^>]*href="([^"]+)"')


def load_shipped_content():
    """Run load_content without writing history rows (about half its time).

    django-simple-history reads SIMPLE_HISTORY_ENABLED on every save, so the setting applies to
    this load only: tests that read the content go on recording history for their own writes.
    A test about the history of the shipped content calls load_content itself.
    """
    with override_settings(SIMPLE_HISTORY_ENABLED=False):
        call_command("load_content", verbosity=0)


@contextmanager
def rolled_back(django_db_blocker):
    """For module-scoped fixtures: rows made in the block last until it ends, then roll back.

    Each test's own transaction nests inside, so tests still cannot see each other's writes.
    Once a test of a module has asked for such a fixture, the later tests of the module see its
    rows too: keep tests that need those rows absent in another module.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


@contextmanager
def seeded(django_db_blocker, history=False):
    """The shipped content, in rolled_back()."""
    with rolled_back(django_db_blocker):
        if history:
            call_command("load_content", verbosity=0)
        else:
            load_shipped_content()
        yield


def crawl(client, council, depth=2):
    """{path: (status, html)} for /<council>/ and the pages it links to, to `depth` clicks.

    Follows same-site links under /<council>/ and /rights/, as a parent would click, including
    query strings ("?page=2") and without fragments.
    """
    start = f"/{council}/"
    seen = {start: 0}
    queue = deque([start])
    pages = {}
    while queue:
        path = queue.popleft()
        response = client.get(path)
        body = response.content.decode()
        pages[path] = (response.status_code, body)
        if seen[path] >= depth:
            continue
        for href in HREF.findall(body):
            href = urldefrag(html.unescape(href))[0]
            if href.startswith("?"):
                href = path.split("?")[0] + href
            if href.startswith((start, "/rights/")) and href not in seen:
                seen[href] = seen[path] + 1
                queue.append(href)
    return pages


# Site-wide pages a parent reaches from any council (PRODUCT.md, "URLs"): the crawl starts at
# them too and follows links into them. Not /admin/ (staff) nor /open-referral/ (data feeds).
SITE_WIDE = ("/", "/rights/", "/glossary/", "/privacy/", "/accessibility/", "/tools/deadlines/")
# Query strings that lead to other pages rather than to another view of the same page.
KEPT_QUERY = re.compile(r"^(page=\d+|council=[\w-]+)$")


def _crawlable(href, council):
    path, _, query = href.partition("?")
    if query and not KEPT_QUERY.match(query):
        href = path
    if not href.startswith("/") or href.startswith("//"):
        return None
    if href.startswith((f"/{council}/open-referral/", f"/{council}/theme.css")):
        return None
    if href.startswith(f"/{council}/") or any(
        href == page or (page != "/" and href.startswith(page)) for page in SITE_WIDE
    ):
        return href
    return None


def crawl_public(client, council):
    """{path: (status, html)} for every page reachable by links from /<council>/ and the
    site-wide pages: under /<council>/ (but not its data feed) and the site-wide pages, to any
    depth. Other query strings (the directory's filters) are dropped: the same page with other
    results."""
    start = [f"/{council}/", *SITE_WIDE, f"/tools/deadlines/?council={council}"]
    seen = set(start)
    queue = deque(start)
    pages = {}
    while queue:
        path = queue.popleft()
        response = client.get(path)
        body = response.content.decode()
        pages[path] = (response.status_code, body)
        for href in HREF.findall(body):
            href = urldefrag(html.unescape(href))[0]
            if href.startswith("?"):
                href = path.split("?")[0] + href
            href = _crawlable(href, council)
            if href and href not in seen:
                seen.add(href)
                queue.append(href)
    return pages
