"""Rules the data keeps in the database and the model, not only in forms."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from core.models import months_after
from services.models import contrast_with_white
from tests.factories import make_council, make_service

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("slug", ["rights", "glossary", "admin", "static", "healthz", "tools"])
def test_council_slug_may_not_take_a_site_wide_address(slug):
    council = make_council("fine")
    council.slug = slug
    with pytest.raises(ValidationError, match="site-wide page"):
        council.full_clean()


def test_database_refuses_a_service_whose_youngest_age_is_above_its_oldest():
    council = make_council()
    with pytest.raises(IntegrityError):
        make_service(council, min_age=18, max_age=5)


def test_review_due_defaults_to_the_councils_review_period():
    council = make_council(review_months=3)
    service = make_service(council, last_reviewed=date(2026, 11, 30))
    assert service.review_due == date(2027, 2, 28)


def test_open_referral_id_is_the_same_for_the_same_council_and_slug():
    first = make_service(make_council("alpha"), slug="aiming-high")
    first_id = first.oruk_id
    first.delete()
    again = make_service(first.council, slug="aiming-high")
    assert again.oruk_id == first_id


@pytest.mark.parametrize(
    "day, months, expected",
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
        (date(2027, 8, 31), 6, date(2028, 2, 29)),
        (date(2026, 11, 24), 6, date(2027, 5, 24)),
    ],
)
def test_months_after_clamps_to_the_end_of_short_months(day, months, expected):
    assert months_after(day, months) == expected


@pytest.mark.parametrize(
    "colour, at_least",
    [("#00487a", 7), ("#4b2e83", 7), ("#005a36", 7), ("#8a1538", 7), ("#0b0c0c", 7)],
)
def test_seed_council_colours_reach_7_to_1_with_white(colour, at_least):
    assert contrast_with_white(colour) >= at_least


def test_a_pale_colour_fails_the_contrast_check():
    assert contrast_with_white("#ffdd00") < 4.5
