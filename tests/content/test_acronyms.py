"""Every acronym on a published page is explained on it: linked to the glossary, or spelled out."""

import html
import re

import pytest
from django.core.management import call_command
from django.test import Client

from services.glossary import ACRONYM, glossary_acronyms
from services.models import Council

pytestmark = pytest.mark.django_db
LINK = re.compile(r'<a [^>]*href="(/[^"#?]*)"')
ROMAN = re.compile(r"^[IVXLC]+$")  # "Part III" of an Act is a number, not an acronym
POSTCODE = re.compile(r"\b([A-Z]{1,2}\d[A-Z\d]?) \d[A-Z]{2}\b")  # "DA6 7AT": an address


def crawl(client, start, depth=2):
    """{path: html} for pages under `start` and the rights pages, to `depth` links."""
    seen, frontier = {}, [start]
    for _ in range(depth + 1):
        found = []
        for path in frontier:
            if path in seen:
                continue
            response = client.get(path)
            if response.status_code != 200 or "text/html" not in response["Content-Type"]:
                continue
            seen[path] = response.content.decode()
            found += [p for p in LINK.findall(seen[path]) if p.startswith((start, "/rights/"))]
        frontier = found
    return seen


def unexplained(page, terms):
    main = page[page.find("<main"):page.find("</main>")]
    text = html.unescape(re.sub(r"<[^>]+>", " ", main))
    missing = []
    not_acronyms = {a for a in ACRONYM.findall(text) if ROMAN.match(a)}
    not_acronyms |= set(POSTCODE.findall(text))
    for acronym in sorted(set(ACRONYM.findall(text)) - not_acronyms):
        linked = f">{acronym}</abbr>" in main
        spelled = acronym in terms and terms[acronym][0].lower() in text.lower()
        if not (linked or spelled):
            missing.append(acronym)
    return missing


@pytest.mark.parametrize("slug", ["essex", "bexley", "norfolk", "stoke-on-trent"])
def test_every_acronym_on_a_councils_pages_is_explained(slug):
    call_command("load_content")
    assert Council.objects.filter(slug=slug).exists()
    terms = glossary_acronyms()
    pages = crawl(Client(), f"/{slug}/")
    assert len(pages) > 10
    problems = {path: miss for path, page in pages.items() if (miss := unexplained(page, terms))}
    assert problems == {}


def test_the_check_finds_an_unexplained_acronym():
    assert unexplained("<main><p>Ask the XYZQ team.</p></main>", {}) == ["XYZQ"]


def test_a_postcode_is_not_an_acronym():
    page = "<main><p>Write to 2 Watling Street, Bexleyheath DA6 7AT.</p></main>"
    assert unexplained(page, {}) == []
