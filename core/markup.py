"""Rewrite HTML by walking its parsed elements and text, never by matching text with patterns.

Markup added to staff text (GOV.UK classes, glossary links) is added here, node by node: a
character inside an attribute value is never mistaken for the start of a tag. The output is
rebuilt from the parsed tree, every attribute value and text escaped again; whoever calls this on
staff text still runs the sanitiser on the result (core.formatting.sanitise).
"""

from html import escape
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


def start_tag(tag, attrs):
    """`<tag name="value" ...>` with every value escaped; attrs are (name, value) pairs."""
    parts = [tag]
    for name, value in attrs:
        parts.append(name if value is None else f'{name}="{escape(value, quote=True)}"')
    return "<" + " ".join(parts) + ">"


# Elements whose text a rewriter must not turn into a link: a link may not hold a link, and a
# control's name is not clickable on its own (phone numbers and glossary acronyms both).
NO_LINK_INSIDE = frozenset({"a", "button", "label", "legend"})


class Rewriter(HTMLParser):
    """Copy HTML element by element; subclasses change tags, attributes and text on the way.

    `open_tags` is the names of the elements the current text sits inside (as written out).
    Returning None from `rename` drops the tag itself but keeps what it holds.
    """

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.open_tags, self._stack = [], [], []

    def rewrite(self, html):
        self.feed(html or "")
        self.close()
        while self._stack:  # close what the input left open, innermost first
            self._close_top()
        return "".join(self.out)

    # Hooks ----------------------------------------------------------------------------------
    def rename(self, tag, attrs):
        return tag

    def attributes(self, tag, attrs):
        return attrs

    def text(self, data):
        return escape(data, quote=True)

    # The walk -------------------------------------------------------------------------------
    def handle_starttag(self, tag, attrs):
        name = self.rename(tag, attrs)
        if name is not None:
            self.out.append(start_tag(name, self.attributes(name, attrs)))
        if tag not in VOID:
            self._stack.append((tag, name))
            if name is not None:
                self.open_tags.append(name)

    def handle_startendtag(self, tag, attrs):
        name = self.rename(tag, attrs)
        if name is not None:
            self.out.append(start_tag(name, self.attributes(name, attrs)))

    def handle_endtag(self, tag):
        if tag not in {original for original, _ in self._stack}:
            return  # a stray end tag closes nothing
        while self._stack:
            original, _ = self._stack[-1]
            self._close_top()
            if original == tag:
                break

    def _close_top(self):
        _, name = self._stack.pop()
        if name is not None:
            self.open_tags.pop()
            self.out.append(f"</{name}>")

    def handle_data(self, data):
        self.out.append(self.text(data))

    # Comments, declarations and processing instructions are dropped.
    def handle_comment(self, data):
        pass

    def handle_decl(self, decl):
        pass

    def handle_pi(self, data):
        pass

    def unknown_decl(self, data):
        pass
