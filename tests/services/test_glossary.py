"""Acronyms are explained where they are used: linked to the glossary, expanded in an abbr."""

import pytest

from core.glossary import acronym_terms, explain_acronyms

TERMS = {"CWD": ("Children with Disabilities", "cwd"), "EHC": ("Education, Health and Care", "ehc")}
LINKED_CWD = ('<a class="govuk-link lo-term" href="/glossary/#cwd">'
              '<abbr title="Children with Disabilities">CWD</abbr></a>')


@pytest.mark.parametrize(
    "html, expected",
    [
        pytest.param("<p>The CWD team.</p>", f"<p>The {LINKED_CWD} team.</p>", id="first-use"),
        pytest.param("<p>CWD and CWD.</p>", f"<p>{LINKED_CWD} and CWD.</p>", id="first-only"),
        pytest.param('<p><a href="/x">CWD</a></p>',
                     '<p><a href="/x"><abbr title="Children with Disabilities">CWD</abbr></a></p>',
                     id="inside-a-link-no-nested-link"),
        pytest.param("<h1>CWD</h1><p>CWD</p>", f"<h1>CWD</h1><p>{LINKED_CWD}</p>",
                     id="page-heading-untouched"),
        pytest.param("<p>The XYZ team.</p>", "<p>The XYZ team.</p>", id="unknown-left-alone"),
        pytest.param('<p title="CWD">x</p>', '<p title="CWD">x</p>', id="attributes-untouched"),
    ],
)
def test_explain_acronyms(html, expected):
    assert explain_acronyms(html, TERMS) == expected


def test_expansion_is_escaped():
    html = explain_acronyms("<p>AB</p>", {"AB": ('"><script>', "ab")})
    assert "<script>" not in html


def test_acronyms_come_from_terms_with_their_expansion_or_definition():
    rows = [("CWD", "Children with Disabilities", "The team.", "cwd"),
            ("H1 and H2", "", "Sections of an EHC plan. More.", "h1-h2"),
            ("Aiming High", "", "A programme.", "aiming-high")]
    assert acronym_terms(rows) == {
        "CWD": ("Children with Disabilities", "cwd"),
        "H1": ("Sections of an EHC plan", "h1-h2"),
        "H2": ("Sections of an EHC plan", "h1-h2"),
    }
