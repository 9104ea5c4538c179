"""Letter templates for each seed council: the council's details, the law, and a text download."""

import pytest

from services.models import Council

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_content")]

SEED_COUNCILS = ["essex", "bexley", "norfolk", "stoke-on-trent"]
LETTERS = {
    "child-in-need-assessment": [
        "section 17 of the Children Act 1989",
        "Section 17(1) of the Children Act 1989",
        "to safeguard and promote the welfare of children within their area who are in need",
        "45 working days",
    ],
    "parent-carer-needs-assessment": [
        "section 17ZD of the Children Act 1989",
        "assess whether a parent carer within their area has needs for support",
        "the authority receive a request from the parent carer",
    ],
    "transition-assessment": [
        "section 58 of the Care Act 2014",
        "is likely to have needs for care and support after becoming 18",
        "written reasons for its decision",
    ],
    "missed-deadline-complaint": [
        "formal complaint",
        "Section 26(3) of the Children Act 1989",
        # Issue 17: s26(3) only for Children Act functions; EHC and Care Act deadlines have their
        # own routes, so the letter offers a paragraph for each.
        "Special Educational Needs and Disability Regulations 2014",
        "National Health Service Complaints (England) Regulations 2009",
        "Local Government and Social Care Ombudsman",
    ],
}
CASES = [
    pytest.param(council, letter, id=f"{council}-{letter}")
    for council in SEED_COUNCILS
    for letter in LETTERS
]


@pytest.mark.parametrize(("slug", "letter"), CASES)
def test_letter_names_the_council_and_quotes_the_law(client, slug, letter):
    council = Council.objects.get(slug=slug)
    response = client.get(f"/{slug}/letters/{letter}/")
    html = response.content.decode()
    assert response.status_code == 200
    assert council.name in html
    for wording in LETTERS[letter]:
        assert wording.replace("'", "&#x27;") in html
    assert "[your child&#x27;s name]" in html
    assert "Page last reviewed" in html
    assert 'class="lo-no-print"' in html


@pytest.mark.parametrize(("slug", "letter"), CASES)
def test_letter_downloads_as_plain_text(client, slug, letter):
    council = Council.objects.get(slug=slug)
    response = client.get(f"/{slug}/letters/{letter}/", {"format": "txt"})
    text = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="{slug}-{letter}.txt"'
    assert council.name in text
    assert council.front_door_name in text  # unescaped: "children's", not "children&#x27;s"
    assert "[your child's name]" in text
    assert "<" not in text
    for wording in LETTERS[letter]:
        assert wording in text


@pytest.mark.parametrize(
    ("slug", "contact"),
    [
        pytest.param("essex", "Phone: 0345 603 7627", id="essex-phone"),
        pytest.param("stoke-on-trent", "Phone: 01782 235100", id="stoke-chad"),
        # norfolk.gov.uk (read 30 November 2026): "please call us on 0344 800 8020".
        pytest.param("norfolk", "Phone: 0344 800 8020", id="norfolk-phone"),
        # bexley.gov.uk (read 30 November 2026): "Telephone 020 8303 7777".
        pytest.param("bexley", "Phone: 020 8303 7777", id="bexley-phone"),
    ],
)
def test_letter_is_addressed_to_the_councils_front_door(client, slug, contact):
    text = client.get(f"/{slug}/letters/child-in-need-assessment/?format=txt").content.decode()
    assert contact in text


@pytest.mark.parametrize("slug", SEED_COUNCILS)
def test_letters_index_lists_every_letter(client, slug):
    html = client.get(f"/{slug}/letters/").content.decode()
    for letter in LETTERS:
        assert f'href="/{slug}/letters/{letter}/"' in html


def test_unknown_letter_is_not_found(client):
    assert client.get("/essex/letters/no-such-letter/").status_code == 404


def test_letter_posts_nothing_and_stores_nothing(client):
    html = client.get("/essex/letters/child-in-need-assessment/").content.decode()
    html = html[html.index("<main"):]  # the header's site search is a GET form of its own
    assert "<form" not in html
    assert "<input" not in html
