"""Whatever an editor types, the HTML made from it holds only the allow-list (property test)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from core.formatting import ALLOWED_TAGS, explain_text, render_markdown
from tests.security.test_injection_corpus import ALLOWED_URL_SCHEMES, elements, staff_may_add
from tests.security.test_injection_corpus import url_scheme as scheme

TERMS = {"CWD": ("Children with Disabilities", "cwd"), "EHC": ('Education "&" <Care>', "ehc")}
PIECES = [
    "<a href=\"https://x.example/\" title=\"", "\">", "'", '"', "<", ">", "&", "&quot;", "&#60;",
    "CWD", "EHC", " ", "\n", "\n\n", "- ", "1. ", "## ", "| a | b |\n|---|---|\n", "[t](",
    "javascript:", "data:", ")", "<meta http-equiv=refresh content=0>", "<svg onload=x>",
    "<math>", "<form>", "<img src=x onerror=y>", "<p class=\"govuk-body x\">", "</a>", "<!--",
    "-->", "<abbr title=\"", "<script>", "</p>", "**", "`",
]
staff_text = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=25).map("".join)


def outside_the_allow_list(html):
    found = []
    for tag, attrs in elements(html):
        if tag not in ALLOWED_TAGS:
            found.append(tag)
        for name, value in attrs:
            if not staff_may_add(tag, name, value):
                found.append(f"{tag} {name}={value!r}")
            if name == "href" and scheme(value) not in ALLOWED_URL_SCHEMES | {None}:
                found.append(f"href={value!r}")
    return found


@settings(max_examples=300, deadline=None)
@given(staff_text)
def test_markdown_from_any_text_holds_only_the_allow_list(text):
    assert outside_the_allow_list(render_markdown(text, TERMS)) == []


@settings(max_examples=300, deadline=None)
@given(staff_text)
def test_explained_plain_text_holds_only_abbreviations_and_glossary_links(text):
    assert {tag for tag, _ in elements(explain_text(text, TERMS))} <= {"a", "abbr"}
