"""Phone numbers in editors' text become tap-to-call links (issue 17), and nothing else does."""

import pytest

from core.phones import link_phone_numbers


@pytest.mark.parametrize(
    ("text", "href"),
    [
        ("Call 0345 603 7627 today.", "tel:03456037627"),  # Essex (000)
        ("CHAD 01782-235100", "tel:01782235100"),  # Stoke, as 004 writes it
        ("phoning 0800 3287822 or email", "tel:08003287822"),  # Action for Children (004)
        ("Telephone 020 8303 7777", "tel:02083037777"),  # Bexley
        ("call 999.", "tel:999"),
    ],
)
def test_a_phone_number_in_text_becomes_a_tel_link(text, href):
    assert f'href="{href}"' in link_phone_numbers(f"<p>{text}</p>")


@pytest.mark.parametrize(
    "text",
    [
        "Read on 2026-11-30.",  # a date
        "Children aged 0 - 15.",  # an age range
        "Within 45 working days.",
        "Write to Bexleyheath DA6 7AT.",
        "Section 17(10) of the Act.",
        "Reference 0123.",  # too short for a phone number
        "Page 9999 of the report.",
    ],
)
def test_other_numbers_stay_plain_text(text):
    assert "tel:" not in link_phone_numbers(f"<p>{text}</p>")


def test_a_number_already_inside_a_link_is_not_linked_again():
    html = '<p><a href="tel:01782235100">01782 235100</a></p>'
    assert link_phone_numbers(html).count("<a ") == 1


def test_a_number_in_a_table_cell_becomes_a_tel_link():
    html = "<table><tr><td>Early Help: 01782 232200</td></tr></table>"
    linked = '<td>Early Help: <a class="govuk-link" href="tel:01782232200"'
    assert linked in link_phone_numbers(html)


def test_a_number_inside_an_attribute_value_is_left_alone():
    html = '<p><a href="https://example.org/" title="call 01782 235100">Contact</a></p>'
    assert "tel:" not in link_phone_numbers(html)
