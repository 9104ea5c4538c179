"""Personal data in a comment is flagged for staff to check before anything is published."""

import pytest

from feedback.moderation import personal_data


@pytest.mark.parametrize(
    ("text", "reasons"),
    [
        pytest.param("My name is Sarah and the page is hard to read.", ["name"], id="my-name-is"),
        pytest.param("MY NAME IS JO", ["name"], id="my-name-is-shouting"),
        pytest.param("I am Priya, mum of a 9 year old.", ["name"], id="i-am-capitalised"),
        pytest.param("I'm Dave. The map is broken.", ["name"], id="im-capitalised"),
        pytest.param("Write to jo.bloggs+lo@example.co.uk please", ["email"], id="email"),
        pytest.param("Call me on 07700 900123", ["phone"], id="mobile"),
        pytest.param("ring 01782 235100 any time", ["phone"], id="landline"),
        pytest.param("my number is +44 7700 900123", ["phone"], id="international"),
        pytest.param("tel (01632) 960 001", ["phone"], id="brackets"),
        pytest.param("I am Sam, sam@example.org, 0161 496 0000", ["name", "email", "phone"],
                     id="all-three"),
        pytest.param("I am a parent and the short breaks page has gaps.", [], id="i-am-a"),
        pytest.param("The page lists 45 working days, which is right.", [], id="numbers"),
        pytest.param("In 2027 there were 12345 visits.", [], id="short-number"),
        pytest.param("", [], id="empty"),
    ],
)
def test_personal_data_is_spotted(text, reasons):
    assert personal_data(text) == reasons
