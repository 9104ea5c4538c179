"""Plain English, measured honestly on the shipped content: whole sentences, not wrapped lines.

STYLE.md and CONTEXT.md: "Plain English for parents: short sentences, everyday words". A YAML
block wraps a paragraph over several lines; the readability check joins them back, so a long
sentence is scored as one long sentence (audit F: "scores each wrapped YAML line as a sentence").
"""

import re

import pytest
from django.apps import apps

from services.admin.readability import _WORD, reading_ease, strip_markdown

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_content")]

LONGEST_SENTENCE = 30  # words; GOV.UK's guidance is 25 on average, a quotation may run longer
PARENT_FACING_FIELDS = [
    "summary", "description", "who_for", "how_to_get", "what_it_is", "what_next", "answer",
    "body", "definition", "what_you_can_ask", "if_not_met", "eligibility", "introduction",
]


def sentences(text):
    return re.split(r"(?<=[.!?])\s+", strip_markdown(text))


def test_no_parent_facing_sentence_is_longer_than_30_words():
    long = []
    for model in apps.get_app_config("services").get_models():
        long += _long_sentences(model)
    for model in apps.get_app_config("eligibility").get_models():
        long += _long_sentences(model)
    assert long == []


def _long_sentences(model):
    names = {field.name for field in model._meta.fields}
    found = []
    for obj in model._default_manager.all():
        for field in PARENT_FACING_FIELDS:
            text = getattr(obj, field, "") if field in names else ""
            for sentence in sentences(text or ""):
                if len(_WORD.findall(sentence)) > LONGEST_SENTENCE:
                    found.append(f"{model._meta.label} {obj} {field}: {sentence[:80]}")
    return found


WRAPPED = (
    "The council must have a procedure for complaints about its children's social care, and a\n"
    "parent of a child in need can use it for the council's work under Part 3 of the Children Act\n"
    "1989, such as assessments and services for disabled children, but not for EHC plans."
)


def test_a_wrapped_paragraph_is_scored_as_one_sentence():
    assert strip_markdown(WRAPPED).count(".") == 1


def test_wrapping_a_paragraph_does_not_change_its_score():
    assert reading_ease(WRAPPED) == pytest.approx(reading_ease(WRAPPED.replace("\n", " ")))


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        pytest.param("It must:\n\n- assess you\n- tell you why",
                     "It must. assess you. tell you why.", id="a-list-item-ends-a-sentence"),
        pytest.param("## Who it is for\nDisabled children", "Who it is for. Disabled children.",
                     id="a-heading-ends-a-sentence"),
        pytest.param("| Level | Help |\n| --- | --- |\n| 1 | Universal |",
                     "Level. Help. 1. Universal.", id="each-table-cell-stands-alone"),
        pytest.param("This is the law: regulation 5.", "This is the law: regulation 5.",
                     id="a-colon-inside-a-sentence-does-not-end-it"),
    ],
)
def test_blocks_end_sentences_and_wrapped_lines_do_not(text, plain):
    assert strip_markdown(text) == plain
