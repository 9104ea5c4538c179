"""Staff text cannot add markup to a public page: an injection corpus through every text field.

Each payload goes into every text field (every Markdown field, and the short text the templates
explain or abbreviate) of every model a public page shows, with a glossary acronym (CWD) in
play so acronym explanations are added too.
Each page is parsed and compared with the same page rendered from plain text: the staff-text
part may only hold the sanitiser's tags, attributes and GOV.UK classes; nothing else may appear
that the plain page does not have, and no link, source or action may use another URL scheme.
"""

import re
from collections import Counter
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.db import models

from core.formatting import ALLOWED_ATTRIBUTES, ALLOWED_CLASSES, ALLOWED_TAGS, ALLOWED_URL_SCHEMES
from eligibility.finder import answers as stored
from eligibility.models import (
    LegalDuty,
    LevelOfNeed,
    RouteGuide,
    RoutePolicy,
    RouteType,
    Timescale,
)
from feedback.models import CommentGroup
from services.models import FAQ, Contact, Council, GlossaryTerm, Page, Service
from tests.factories import make_full_council, make_group, make_term, make_timescale

CWD = "CWD"  # a glossary acronym: explained (abbr and link) wherever it appears in staff text
ISSUE_18 = ('<a href="https://x.example/" title="x>CWD<meta http-equiv=\'refresh\' '
            'content=\'0;url=/glossary/\'>">t</a>')

PAYLOADS = [
    pytest.param(ISSUE_18, id="issue-18-meta-refresh-in-title"),
    # Attribute breaking and nested quotes, with an acronym in the attribute
    pytest.param('<a href="https://x.example/" title="CWD><img src=x onerror=alert(1)>">t</a>',
                 id="attribute-break-img"),
    pytest.param('<a href="https://x.example/" title="a CWD b"><b>CWD</b></a>',
                 id="acronym-in-title"),
    pytest.param("<a href='https://x.example/' title='a\"CWD\"<form action=/x><button>go'>t</a>",
                 id="nested-quotes-form"),
    pytest.param('<abbr title="CWD\'><script>alert(1)</script>">CWD</abbr>', id="abbr-title-break"),
    pytest.param('[CWD](https://x.example/ "CWD\\"><meta http-equiv=refresh content=0>")',
                 id="markdown-link-title-break"),
    pytest.param('<p title="CWD>CWD<svg onload=alert(1)>">CWD</p>', id="paragraph-title-svg"),
    # Entities
    pytest.param("&lt;script&gt;alert(1)&lt;/script&gt; CWD &#60;img src=x onerror=alert(1)&#62;",
                 id="entities-stay-text"),
    pytest.param('<a href="https://x.example/" title="&quot;&gt;CWD&lt;meta http-equiv=refresh '
                 'content=0&gt;">t</a>', id="entity-quotes-in-title"),
    # SVG and MathML
    pytest.param("<svg><a xlink:href=\"javascript:alert(1)\"><text>CWD</text></a></svg>", id="svg"),
    pytest.param("<svg><style><img src=x onerror=alert(1)></style></svg> CWD", id="svg-style"),
    pytest.param("<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>CWD",
                 id="mathml"),
    # Meta refresh and document tags
    pytest.param('<meta http-equiv="refresh" content="0;url=https://evil.example/"> CWD',
                 id="meta-refresh"),
    pytest.param('<base href="https://evil.example/"><link rel=stylesheet href=x.css>', id="base"),
    # Forms
    pytest.param('<form action="https://evil.example/"><input name=p><button>CWD</button></form>',
                 id="form"),
    pytest.param('<button formaction="https://evil.example/">CWD</button>', id="formaction"),
    # javascript: and data: links
    pytest.param("[CWD](javascript:alert(1))", id="markdown-javascript-link"),
    pytest.param('<a href="jav&#x09;ascript:alert(1)">CWD</a>', id="encoded-javascript-link"),
    pytest.param("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
                 id="markdown-data-link"),
    pytest.param('<a href="data:text/html,<script>alert(1)</script>">CWD</a>', id="data-link"),
    pytest.param('<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="CWD">', id="data-image"),
    # Script, handlers, styles, frames
    pytest.param("<script>alert(1)</script>CWD", id="script"),
    pytest.param('<p onclick="alert(1)" style="color:red" class="evil govuk-body">CWD</p>',
                 id="handler-style-class"),
    pytest.param('<iframe srcdoc="<script>alert(1)</script>"></iframe>', id="iframe"),
    pytest.param("<!--><script>alert(1)</script>--> CWD", id="comment-break"),
    pytest.param("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">CWD",
                 id="noscript-break"),
    # Markdown structures holding payloads
    pytest.param("## CWD <img src=x onerror=alert(1)>\n\n- CWD\n1. <svg onload=alert(1)>\n\n"
                 "| a | b |\n|---|---|\n| CWD | <form><input></form> |",
                 id="in-markdown-structures"),
]

TEMPLATES = Path(settings.BASE_DIR) / "templates"
FILTERED_FIELD = re.compile(r"\{\{\s*[\w.]*?(\w+)\|(markdown|explain|abbreviate)\b")
# Each model with staff text, and the public pages that show it.
PAGES = {
    Council: ["/testshire/"],
    Service: ["/testshire/services/service-1/"],
    Contact: ["/testshire/services/service-1/", "/testshire/routes/short-breaks/"],
    FAQ: ["/testshire/faq/"],
    Page: ["/testshire/about/"],
    GlossaryTerm: ["/glossary/"],
    LegalDuty: ["/rights/children-act-1989-s17zd/"],
    RouteType: ["/testshire/routes/short-breaks/"],
    RouteGuide: ["/testshire/routes/short-breaks/"],
    LevelOfNeed: ["/testshire/levels-of-need/"],
    Timescale: ["/tools/deadlines/?council=testshire&timescale=child-and-family-assessment"
                "&start=2027-03-03"],
    CommentGroup: ["/testshire/you-said-we-did/"],
    RoutePolicy: ["/testshire/find-my-route/result/"],  # with the answers' cookie (render_all)
}
# Formatted in templates but not text staff write here: category names (national, shown as
# filter labels) and the labels of fixed choices (a contact's kind).
NOT_STAFF_TEXT = {"label", "get_kind_display"}
# A family whose answers bring the short breaks route (and its policy's criteria) to the result.
FAMILY = {"age": 5, "disability": "yes", "risk_of_harm": False, "ehc_plan": "no",
          "current_support": "none", "carer_needs_support": False, "child_needs": [],
          "family_factors": []}
URLS = list(dict.fromkeys(url for urls in PAGES.values() for url in urls))
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}


def filtered_fields():
    """{filter: field names} the public templates render with markdown, explain, abbreviate."""
    found = {"markdown": set(), "explain": set(), "abbreviate": set()}
    for path in TEMPLATES.rglob("*.html"):
        if "admin" not in path.relative_to(TEMPLATES).parts:
            for name, used in FILTERED_FIELD.findall(path.read_text(encoding="utf-8")):
                found[used].add(name)
    return found


def text_fields(model):
    """Every TextField, and each free-text CharField a template explains, of `model`."""
    filtered = filtered_fields()
    explained = filtered["explain"] | filtered["abbreviate"]
    return [
        f for f in model._meta.fields
        if isinstance(f, models.TextField)
        or (type(f) is models.CharField and not f.choices and f.name in explained)
    ]


class Elements(HTMLParser):
    """Every element of a page with its attributes, as the parser reads them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, [(name, value or "") for name, value in attrs]))

    handle_startendtag = handle_starttag


def elements(page):
    parser = Elements()
    parser.feed(page)
    parser.close()
    return parser.found


def url_scheme(url):
    cleaned = re.sub(r"[\x00-\x20]", "", unescape(url or "")).lower()
    match = re.match(r"([a-z][a-z0-9+.-]*):", cleaned)
    return match.group(1) if match else None


def staff_may_add(tag, name, value):
    """Whether the sanitiser's allow-list lets staff text put this attribute on this tag."""
    if name == "class":
        return set(value.split()) <= ALLOWED_CLASSES.get(tag, set())
    return name in ALLOWED_ATTRIBUTES.get(tag, set()) or (tag == "a" and name == "rel")


def problems(page, plain_page):
    """What `page` has that the plain-text page does not and the sanitiser would not allow."""
    plain = elements(plain_page)
    plain_attributes = {(tag, name, value) for tag, attrs in plain for name, value in attrs}
    plain_others = Counter((tag, tuple(sorted(n for n, _ in attrs)))
                           for tag, attrs in plain if tag not in ALLOWED_TAGS)
    found, others = [], Counter()
    for tag, attrs in elements(page):
        for name, value in attrs:
            if name in URL_ATTRIBUTES and url_scheme(value) not in ALLOWED_URL_SCHEMES | {None}:
                found.append(f"<{tag} {name}={value!r}>")
        if tag in ALLOWED_TAGS:
            found += [f"<{tag} {name}={value!r}>" for name, value in attrs
                      if (tag, name, value) not in plain_attributes
                      and not staff_may_add(tag, name, value)]
        else:
            others[(tag, tuple(sorted(name for name, _ in attrs)))] += 1
    found += [f"<{tag} {' '.join(names)}> x{count - plain_others[(tag, names)]}"
              for (tag, names), count in others.items() if count > plain_others[(tag, names)]]
    return found


def fill_text_fields(text):
    """Put `text` (cut to fit) in every text field of every model with a public page."""
    for model in PAGES:
        model.objects.update(**{f.name: text[:f.max_length] for f in text_fields(model)})


def render_all(client):
    cache.clear()  # the pages and the glossary's acronyms are cached by content version
    client.cookies[stored.COOKIE_NAME] = signing.dumps(FAMILY, salt=stored.SALT, compress=True)
    pages = {}
    for url in URLS:
        response = client.get(url)
        assert response.status_code == 200, url
        pages[url] = response.content.decode()
    return pages


@pytest.fixture
def content(db):
    council = make_full_council("testshire", services=1)
    make_term()  # CWD, Children with Disabilities
    make_timescale(council=council)
    make_group(council)
    return council


def test_every_field_the_templates_format_is_given_the_payloads():
    given = {f.name for model in PAGES for f in text_fields(model)}
    formatted = set().union(*filtered_fields().values())
    assert formatted - given - NOT_STAFF_TEXT == set()
    assert filtered_fields()["markdown"] <= given


@pytest.mark.parametrize("payload", PAYLOADS)
def test_no_payload_adds_markup_to_any_public_page(client, content, payload):
    fill_text_fields(f"Plain text about {CWD}.")
    plain = render_all(client)
    fill_text_fields(payload)
    pages = render_all(client)
    found = {url: problems(pages[url], plain[url]) for url in URLS}
    assert {url: found for url, found in found.items() if found} == {}


def test_the_payloads_reach_the_pages(client, content):
    """The test above is about something: a payload's words show on every page."""
    fill_text_fields("A unique marker 7f3a, said by staff.")
    assert [url for url, page in render_all(client).items() if "7f3a" not in page] == []


@pytest.mark.parametrize(
    "unsafe",
    [
        pytest.param("<meta http-equiv=refresh content=0>", id="new-element"),
        pytest.param('<p onclick="x">CWD</p>', id="handler"),
        pytest.param('<a href="javascript:alert(1)">x</a>', id="javascript-link"),
        pytest.param('<p class="govuk-body lo-evil">x</p>', id="foreign-class"),
    ],
)
def test_the_check_catches_added_markup(unsafe):
    plain = "<html><head><meta charset=utf-8></head><body><p>x</p></body></html>"
    assert problems(plain.replace("<p>x</p>", unsafe), plain)
