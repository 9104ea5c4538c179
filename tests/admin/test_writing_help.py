"""The change form previews the saved Markdown and scores its reading ease."""

import pytest
from django.urls import reverse

from services.admin.readability import READING_EASE_TARGET, reading_ease, strip_markdown
from services.models import Service


@pytest.mark.parametrize(
    "text, words",
    [
        pytest.param("## Who it is for", "Who it is for.", id="heading"),
        pytest.param("Call [the team](tel:0123) **now**.", "Call the team now.", id="link"),
        pytest.param("- one\n- two", "one. two.", id="list"),
    ],
)
def test_strip_markdown_keeps_the_words_and_ends_each_line_as_a_sentence(text, words):
    assert strip_markdown(text) == words


def test_reading_ease_ranks_plain_english_above_jargon():
    plain = "You can ask for help. We will call you back."
    jargon = (
        "Notwithstanding statutory obligations, practitioners determine eligibility "
        "comprehensively following multidisciplinary consultation."
    )
    assert reading_ease(plain) >= READING_EASE_TARGET > reading_ease(jargon)


def test_change_form_shows_preview_and_warns_on_hard_text(client, editor_a, council_a):
    service = Service.objects.get(slug="ayshire-breaks")
    service.description = "**Short breaks** give you a rest."
    service.who_for = (
        "Notwithstanding statutory obligations, practitioners determine eligibility "
        "comprehensively following multidisciplinary consultation."
    )
    service.save()
    client.force_login(editor_a)
    page = client.get(reverse("admin:services_service_change", args=[service.pk]))
    html = page.content.decode()
    assert "<strong>Short breaks</strong> give you a rest." in html
    assert "Hard to read: below the target of 50" in html
    scores = {row["label"]: row["hard"] for row in page.context["reading_scores"]}
    assert scores == {"summary": False, "what it is": False, "who it is for": True,
                      "how to get it": False}


def test_preview_explains_acronyms_as_the_public_page_does(client, editor_a):
    service = Service.objects.get(slug="ayshire-breaks")
    service.description = "Ask the CWD team."
    service.save()
    client.force_login(editor_a)
    html = client.get(reverse("admin:services_service_change", args=[service.pk])).content.decode()
    assert '<abbr title="Children with Disabilities">CWD</abbr>' in html


def test_preview_tells_the_editor_what_was_taken_out(client, editor_a):
    service = Service.objects.get(slug="ayshire-breaks")
    service.description = "See ![our map](map.png) or [click](javascript:alert(1))."
    service.save()
    client.force_login(editor_a)
    page = client.get(reverse("admin:services_service_change", args=[service.pk]))
    html = page.content.decode()
    assert "Taken out of this text, so parents do not see it:" in html
    assert "An image (our map): images are not shown." in html
    assert "The link to javascript:alert(1): only web, email and phone links are kept." in html
