"""Turn editors' Markdown into safe HTML, and dates into GOV.UK style."""

import re
from html import escape
from html.parser import HTMLParser

import markdown
import nh3
from markdown.preprocessors import Preprocessor

from core.glossary import AcronymExplainer
from core.markup import start_tag

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "h2", "h3", "h4", "hr",
    "blockquote", "abbr", "table", "thead", "tbody", "tr", "th", "td", "caption", "code",
}
# "*": no attribute on every tag (nh3 would otherwise allow lang and title everywhere).
ALLOWED_ATTRIBUTES = {"*": set(), "a": {"href", "title"}, "abbr": {"title"}, "th": {"scope"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}
# The GOV.UK Frontend classes staff text is given: the only class values that survive.
GOVUK_CLASSES = {
    "p": "govuk-body",
    "ul": "govuk-list govuk-list--bullet",
    "ol": "govuk-list govuk-list--number",
    "h2": "govuk-heading-m",
    "h3": "govuk-heading-s",
    "h4": "govuk-heading-s",
    "a": "govuk-link",
    "hr": "govuk-section-break govuk-section-break--m govuk-section-break--visible",
    "table": "govuk-table",
    "caption": "govuk-table__caption govuk-table__caption--m",
    "thead": "govuk-table__head",
    "tbody": "govuk-table__body",
    "tr": "govuk-table__row",
    "th": "govuk-table__header",
    "td": "govuk-table__cell",
}
ALLOWED_CLASSES = {tag: set(classes.split()) for tag, classes in GOVUK_CLASSES.items()}
ALLOWED_CLASSES["a"].add("lo-term")  # a glossary link (core.glossary)
# The page has its own h1: an editor's "# Heading" becomes a section heading; h5 and h6 are h4.
HEADINGS = {"h1": "h2", "h5": "h4", "h6": "h4"}


def sanitise(html):
    """Keep only an allow-list of tags, attributes, classes and URL schemes: no script survives.

    This runs last on everything made from staff text: nothing is added to its output.
    """
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
    )


def _link_works(href):
    """Whether the sanitiser keeps this link address (so the same rule decides both)."""
    kept = nh3.clean(start_tag("a", [("href", href)]) + "x</a>", tags={"a"},
                     attributes={"a": {"href"}}, url_schemes=ALLOWED_URL_SCHEMES, link_rel=None)
    return "href=" in kept


class _Removed(HTMLParser):
    """What the sanitiser will take out of Markdown's output, said for the editor."""

    KEPT = ALLOWED_TAGS | set(HEADINGS)

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.notes = []

    def note(self, text):
        if text not in self.notes:
            self.notes.append(text)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "img":
            alt = attrs.get("alt") or "no description"
            self.note(f"An image ({alt}): images are not shown. Describe it in words instead.")
        elif tag == "a" and not attrs.get("href"):
            self.note("A link with no address: its text is kept, without a link.")
        elif tag == "a" and not _link_works(attrs["href"]):
            self.note(f"The link to {attrs['href']}: only web, email and phone links are kept. "
                      "Its text is kept, without a link.")
        elif tag not in self.KEPT:
            self.note(f"<{tag}>: this kind of HTML is not allowed, so it was taken out.")

    handle_startendtag = handle_starttag


def removed_markup(html):
    """Plain sentences naming what the sanitiser takes out of this HTML (for the preview)."""
    finder = _Removed()
    finder.feed(html)
    finder.close()
    return finder.notes


class _SplitMixedLists(Preprocessor):
    """A bullet list straight after a numbered one (or the reverse) starts a new list.

    Python-Markdown would merge them into one list of the first kind; a comment between them
    (dropped later) ends the first.
    """

    ITEM = re.compile(r"^(?:(?P<bullet>[*+-])|(?P<number>\d+\.))\s+\S")

    def run(self, lines):
        out, kind = [], None
        for line in lines:
            item = self.ITEM.match(line)
            if item:
                this = "ul" if item.group("bullet") else "ol"
                if kind and this != kind:
                    out += ["", "<!-- list -->", ""]
                kind = this
            elif line.strip() and not line[:1].isspace():
                kind = None if not out or not out[-1].strip() else kind
            out.append(line)
        return out


class _MixedLists(markdown.Extension):
    def extendMarkdown(self, md):  # noqa: N802 - Markdown's name
        md.preprocessors.register(_SplitMixedLists(md), "split_mixed_lists", 25)


class _GovukStyler(AcronymExplainer):
    """GOV.UK classes on each element, headings below the page's own, dead links unwrapped."""

    def rename(self, tag, attrs):
        if tag == "a" and not dict(attrs).get("href"):
            return None  # the sanitiser took its address: keep the words, drop the dead link
        return HEADINGS.get(tag, tag)

    def attributes(self, tag, attrs):
        attrs = [(name, value) for name, value in attrs if name != "class"]
        if tag == "th" and "thead" in self.open_tags and not dict(attrs).get("scope"):
            attrs.append(("scope", "col"))
        if tag in GOVUK_CLASSES:
            attrs.insert(0, ("class", GOVUK_CLASSES[tag]))
        return attrs


def _render(text, terms, glossary_url):
    """(sanitised HTML, Markdown's raw HTML) for an editor's Markdown."""
    raw = markdown.markdown(text or "", extensions=["tables", _MixedLists()],
                            output_format="html")
    cleaned = nh3.clean(raw, tags=ALLOWED_TAGS | set(HEADINGS), attributes=ALLOWED_ATTRIBUTES,
                        url_schemes=ALLOWED_URL_SCHEMES, link_rel=None)
    styled = _GovukStyler(terms or {}, glossary_url).rewrite(cleaned)
    return sanitise(styled), raw


def render_markdown(text, terms=None, glossary_url="/glossary/"):
    """An editor's Markdown as parents see it: the public page and the admin preview use this.

    Markdown to HTML, a first clean, then GOV.UK classes and glossary acronyms (`terms`, from
    core.glossary.glossary_acronyms) are added to the parsed elements and text, and the
    sanitiser runs last on the result.
    """
    return _render(text, terms, glossary_url)[0]


def render_markdown_with_report(text, terms=None, glossary_url="/glossary/"):
    """(HTML, removed): render_markdown's HTML, and sentences naming what was taken out."""
    html, raw = _render(text, terms, glossary_url)
    return html, removed_markup(raw)


def explain_text(text, terms=None, link=True, glossary_url="/glossary/"):
    """Plain staff text, escaped, with glossary acronyms explained (linked unless `link` is
    False, as inside link text), sanitised last like Markdown."""
    text = "" if text is None else str(text)
    explained = AcronymExplainer(terms or {}, glossary_url, link).rewrite(escape(text))
    return sanitise(explained)


def govuk_date(day):
    """A date the GOV.UK way: 26 February 2027."""
    return f"{day.day} {day:%B %Y}" if day else ""


def tel_href(phone):
    """A tap-to-call link target: tel: and the digits, keeping a leading +."""
    digits = "".join(ch for ch in phone or "" if ch.isdigit() or ch == "+")
    return f"tel:{digits}" if digits else ""
