"""Odd admin input is a 400 or 404, never a 500 (issue 18), and "View on site" is scoped."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from services.models import Category, Service


@pytest.mark.parametrize(
    "params",
    [
        pytest.param({"q": "\x00"}, id="search"),
        pytest.param({"status__exact": "\x00"}, id="filter"),
        pytest.param({"q\x00": "x"}, id="parameter-name"),
    ],
)
def test_a_nul_in_a_changelist_query_is_a_400(client, editor_a, params):
    client.force_login(editor_a)
    assert client.get(reverse("admin:services_service_changelist"), params).status_code == 400


def test_a_nul_in_an_autocomplete_term_is_a_400(client, editor_a):
    client.force_login(editor_a)
    params = {"app_label": "services", "model_name": "service", "field_name": "categories",
              "term": "\x00"}
    assert client.get(reverse("admin:autocomplete"), params).status_code == 400


def test_history_of_a_missing_row_of_a_model_without_history_is_a_404(client, superuser):
    client.force_login(superuser)
    url = reverse("admin:services_category_history", args=[999999])
    assert not hasattr(Category, "history")
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("object_id", ["abc", "1.5", "-"])
def test_history_with_an_id_that_is_not_a_number_is_a_404(client, superuser, object_id):
    client.force_login(superuser)
    assert client.get(f"/admin/services/service/{object_id}/history/").status_code == 404


def view_on_site(service):
    content_type = ContentType.objects.get_for_model(Service)
    return f"/admin/r/{content_type.pk}/{service.pk}/"


def test_view_on_site_is_a_404_for_another_councils_draft(client, editor_a, council_b):
    client.force_login(editor_a)
    draft = Service.objects.get(slug="beeshire-draft")
    assert client.get(view_on_site(draft)).status_code == 404


def test_view_on_site_redirects_for_the_officers_own_service(client, editor_a):
    client.force_login(editor_a)
    own = Service.objects.get(slug="ayshire-breaks")
    response = client.get(view_on_site(own))
    assert response.status_code == 302
    assert response["Location"].endswith(own.get_absolute_url())


def test_view_on_site_with_an_id_that_is_not_a_number_is_a_404(client, editor_a):
    client.force_login(editor_a)
    content_type = ContentType.objects.get_for_model(Service)
    assert client.get(f"/admin/r/{content_type.pk}/abc/").status_code == 404
