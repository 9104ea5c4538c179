"""Every admin form error is a sentence a council officer understands, never a constraint name."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from eligibility.models import LevelOfNeed
from feedback.models import CommentGroup
from services.models import Service
from tests.admin.test_publishing import form_data
from tests.factories import REVIEWED


def errors_of(response):
    form = response.context["adminform"].form
    return [error for errors in form.errors.values() for error in errors]


def post_change(client, obj, **changes):
    opts = obj._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    data = {**form_data(client.get(url)), **changes}
    return client.post(url, data)


def test_publishing_a_group_without_a_date_is_refused_with_a_sentence(client, superuser,
                                                                      council_a):
    group = CommentGroup.objects.get(council=council_a)
    client.force_login(superuser)
    response = post_change(client, group, published_on="", status="published")
    assert response.status_code == 200
    assert errors_of(response) == [
        "Enter the date to show to the public before you publish this group, or save it as a "
        "draft."
    ]


# Each row: a save that breaks one database rule, and the sentence the officer reads.
@pytest.mark.parametrize(
    "make_change, sentence",
    [
        pytest.param(
            lambda a: (Service.objects.get(slug="ayshire-breaks"), {"slug": "ayshire-draft"}),
            "This council already has a service with this slug. Choose another slug.",
            id="service-slug-taken",
        ),
        pytest.param(
            lambda a: (
                Service.objects.get(slug="ayshire-breaks"), {"min_age": "10", "max_age": "5"}
            ),
            "The oldest age must not be below the youngest.",
            id="ages-reversed",
        ),
    ],
)
def test_database_rules_are_explained_in_sentences(client, superuser, council_a, make_change,
                                                   sentence):
    obj, changes = make_change(council_a)
    client.force_login(superuser)
    response = post_change(client, obj, **changes)
    assert response.status_code == 200
    assert sentence in errors_of(response)


def test_no_constraint_is_ever_named_in_a_form_error(client, superuser, council_a):
    group = CommentGroup.objects.get(council=council_a)
    service = Service.objects.get(slug="ayshire-breaks")
    client.force_login(superuser)
    responses = [
        post_change(client, group, published_on="", status="published"),
        post_change(client, service, slug="ayshire-draft", min_age="10", max_age="5"),
    ]
    for response in responses:
        for error in errors_of(response):
            assert "onstraint" not in error and "_" not in error


def test_national_level_codes_are_explained_in_a_sentence(db, national):
    level = LevelOfNeed(
        council=None, code="universal", name="Again", summary="s", description="d",
        last_reviewed=REVIEWED, source="test",
    )
    with pytest.raises(ValidationError) as refused:
        level.full_clean()
    assert "A national level already has this code. Choose another code." in str(refused.value)
