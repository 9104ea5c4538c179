"""No script, handler, dangerous URL, frame or style survives Markdown rendering."""

import html
import re
from html.parser import HTMLParser

import pytest

from core.formatting import ALLOWED_TAGS, ALLOWED_URL_SCHEMES, render_markdown
from tests.admin.xss_payloads import XSS_PAYLOADS


class Elements(HTMLParser):
    """Every start tag with its attributes, as a browser would parse them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def url_scheme(url):
    # Browsers drop ASCII whitespace and control characters inside a scheme.
    cleaned = re.sub(r"[\x00-\x20]", "", html.unescape(url or "")).lower()
    match = re.match(r"([a-z][a-z0-9+.-]*):", cleaned)
    return match.group(1) if match else None


def dangers(rendered):
    parser = Elements()
    parser.feed(rendered)
    problems = []
    for tag, attrs in parser.found:
        if tag not in ALLOWED_TAGS:
            problems.append(f"tag {tag}")
        for name, value in attrs.items():
            if name.startswith("on") or name in {"style", "src", "srcdoc", "action", "formaction"}:
                problems.append(f"attribute {name}")
            if name == "href" and url_scheme(value) not in ALLOWED_URL_SCHEMES | {None}:
                problems.append(f"href {value}")
    lowered = rendered.lower()
    for text in ("<script", "<style", "<iframe", "<svg", "<math", "<base", "<meta", "<object",
                 "<embed", "<form"):
        if text in lowered:
            problems.append(text)
    return problems


def test_there_are_at_least_forty_payloads():
    assert len(set(XSS_PAYLOADS)) >= 40


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_no_payload_survives_rendering(payload):
    assert dangers(render_markdown(payload)) == []


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_no_payload_survives_inside_markdown(payload):
    assert dangers(render_markdown(f"## Heading\n\nSome text {payload} more.\n\n- {payload}")) == []


@pytest.mark.parametrize(
    "unsafe",
    [
        pytest.param("<script>alert(1)</script>", id="script"),
        pytest.param('<a href="jav&#x09;ascript:alert(1)">x</a>', id="encoded-javascript"),
        pytest.param('<p onclick="x">y</p>', id="handler"),
    ],
)
def test_the_checker_catches_unsafe_html(unsafe):
    """The check above can fail: raw unsafe HTML is reported."""
    assert dangers(unsafe)


def test_safe_links_survive():
    rendered = render_markdown("[Call](tel:01782235100) or [read](https://www.gov.uk/)")
    assert dangers(rendered) == []
    assert 'href="https://www.gov.uk/"' in rendered
