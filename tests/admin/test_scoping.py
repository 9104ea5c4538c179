"""A generated matrix over every registered ModelAdmin: staff of council A never reach council B.

For every admin in admin.site._registry and each kind of staff account of council A, no page of
the admin (change list, search, filters, choice lists, autocomplete, change, delete and history
pages, actions) shows or opens a row of council B. The superuser sees everything.

Each test walks the whole registry and reports every admin that leaks, by its model label: one
database set-up per check keeps the matrix quick.
"""

from urllib.parse import urlencode

import pytest
from django.contrib import admin
from django.contrib.admin.filters import RelatedFieldListFilter
from django.contrib.auth import get_user_model
from django.urls import reverse

from eligibility.models import LegalDuty, LevelOfNeed, RouteType, Timescale
from services.admin.mixins import council_field
from services.models import Category, Council, GlossaryTerm, Service

REGISTRY = sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)
STAFF = ["editor_a", "publisher_a"]


def belongs_to(obj, council):
    """The row is `council`'s: the council itself, its content, or its staff."""
    if isinstance(obj, Council):
        return obj.pk == council.pk
    if isinstance(obj, get_user_model()):
        return obj.memberships.filter(council=council).exists()
    field = council_field(type(obj))
    return field is not None and getattr(obj, field.attname) == council.pk


def leaks(rows, council):
    return [str(obj) for obj in rows if belongs_to(obj, council)]


def rows_of(model, council):
    return [obj for obj in model._default_manager.all() if belongs_to(obj, council)]


def url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def lookup(obj, path):
    """Follow a search field such as "user__username" from an object to a value."""
    value = obj
    for part in path.lstrip("^=@").split("__"):
        value = getattr(value, part)
    return str(value)


@pytest.fixture
def staff(request, editor_a, publisher_a, editor_b):
    return {"editor_a": editor_a, "publisher_a": publisher_a}[request.param]


def test_every_council_model_has_rows_in_council_b(council_b, editor_b):
    """The matrix can fail: council B owns a row of every admin model that has a council."""
    for model, _ in REGISTRY:
        if model is Council or council_field(model) or model is get_user_model():
            assert rows_of(model, council_b), model._meta.label


@pytest.mark.parametrize("staff", STAFF, indirect=True)
def test_changelists_search_and_filters_show_no_other_council_rows(client, staff, council_b):
    client.force_login(staff)
    found = {}
    for model, model_admin in REGISTRY:
        label = model._meta.label
        response = client.get(url(model, "changelist"))
        if response.status_code == 403:
            continue
        assert response.status_code == 200, label
        changelist = response.context["cl"]
        found[(label, "list")] = leaks(changelist.queryset, council_b)
        for obj in rows_of(model, council_b)[:2]:
            for field in model_admin.search_fields:
                searched = client.get(url(model, "changelist"), {"q": lookup(obj, field)})
                found[(label, "search", field)] = leaks(searched.context["cl"].queryset, council_b)
        for spec in changelist.filter_specs:
            if isinstance(spec, RelatedFieldListFilter):
                pks = [pk for pk, _ in spec.lookup_choices]
                choices = spec.field.related_model._default_manager.filter(pk__in=pks)
                found[(label, "filter", spec.field_path)] = leaks(choices, council_b)
        if council_field(model):
            filtered = client.get(url(model, "changelist"), {"council__id__exact": council_b.pk})
            if filtered.status_code == 200:
                found[(label, "filtered")] = leaks(filtered.context["cl"].queryset, council_b)
    assert {key: rows for key, rows in found.items() if rows} == {}
    assert ("services.Service", "list") in found


@pytest.mark.parametrize("staff", STAFF, indirect=True)
def test_choice_lists_offer_no_other_council_rows(client, staff, council_a, council_b):
    client.force_login(staff)
    found = {}
    for model, _ in REGISTRY:
        own = rows_of(model, council_a)[:1]
        for page in [url(model, "add")] + [url(model, "change", obj.pk) for obj in own]:
            response = client.get(page)
            if response.status_code == 403:
                continue
            assert response.status_code == 200, page
            if "adminform" not in response.context:
                continue  # a page with no form (a change waiting for approval)
            form = response.context["adminform"].form
            for name, field in form.fields.items():
                if getattr(field, "queryset", None) is not None:
                    found[(page, name)] = leaks(field.queryset, council_b)
    assert {key: rows for key, rows in found.items() if rows} == {}
    assert any(name == "contacts" for _, name in found)


@pytest.mark.parametrize("staff", STAFF, indirect=True)
def test_autocomplete_offers_no_other_council_rows(client, staff, council_b):
    client.force_login(staff)
    found = {}
    for model, model_admin in REGISTRY:
        for field_name in model_admin.autocomplete_fields:
            related = model._meta.get_field(field_name).related_model
            for term in ["", "Beeshire", "beeshire", "duty"]:
                query = {
                    "app_label": model._meta.app_label,
                    "model_name": model._meta.model_name,
                    "field_name": field_name,
                    "term": term,
                }
                response = client.get("/admin/autocomplete/?" + urlencode(query))
                assert response.status_code == 200, (model._meta.label, field_name)
                ids = [row["id"] for row in response.json()["results"]]
                rows = related._default_manager.filter(pk__in=ids)
                found[(model._meta.label, field_name, term)] = leaks(rows, council_b)
    assert {key: rows for key, rows in found.items() if rows} == {}
    assert len(found) >= 10


def test_autocomplete_lists_own_council(client, editor_a, council_a, council_b):
    """The autocomplete check above can fail: it does list the user's own council."""
    client.force_login(editor_a)
    query = {"app_label": "services", "model_name": "service", "field_name": "council"}
    response = client.get("/admin/autocomplete/?" + urlencode(query))
    assert [row["text"] for row in response.json()["results"]] == ["Ayshire"]


@pytest.mark.parametrize("staff", STAFF, indirect=True)
def test_other_council_change_delete_and_history_pages_are_refused(client, staff, council_b):
    client.force_login(staff)
    opened = {}
    checked = 0
    for model, _ in REGISTRY:
        for obj in rows_of(model, council_b):
            pages = [url(model, "change", obj.pk), url(model, "delete", obj.pk)]
            if hasattr(model, "history"):
                pages.append(url(model, "history", obj.pk))
                record = model.history.filter(pk=obj.pk).first()
                if record:
                    pages.append(url(model, "simple_history", obj.pk, record.history_id))
            for page in pages:
                checked += 1
                for method in (client.get, client.post):
                    status = method(page, {"post": "yes"}).status_code
                    if status not in (403, 404):
                        opened[(method.__name__, page)] = status
            if not model._default_manager.filter(pk=obj.pk).exists():
                opened[("deleted", str(obj))] = model._meta.label
    assert opened == {}
    assert checked >= 30


@pytest.mark.parametrize("staff", STAFF, indirect=True)
def test_actions_on_other_council_rows_change_nothing(client, staff, council_b):
    client.force_login(staff)
    changed = {}
    for model, _ in REGISTRY:
        targets = rows_of(model, council_b)
        if not targets:
            continue
        before = {obj.pk: getattr(obj, "status", None) for obj in targets}
        for action in ["delete_selected", "publish_selected"]:
            client.post(
                url(model, "changelist"),
                {"action": action, "_selected_action": list(before), "post": "yes"},
            )
        rows = model._default_manager.filter(pk__in=before)
        after = {obj.pk: getattr(obj, "status", None) for obj in rows}
        if after != before:
            changed[model._meta.label] = (before, after)
    assert changed == {}
    assert Service.objects.get(slug="beeshire-draft").status == "draft"


def test_superuser_sees_every_row(client, superuser, editor_a, editor_b):
    client.force_login(superuser)
    for model, _ in REGISTRY:
        response = client.get(url(model, "changelist"))
        assert response.status_code == 200, model._meta.label
        count = response.context["cl"].queryset.count()
        assert count == model._default_manager.count(), model._meta.label


def test_national_data_is_read_only_to_staff(client, editor_a, publisher_a):
    national_rows = [
        LegalDuty.objects.first(), RouteType.objects.first(), Category.objects.first(),
        GlossaryTerm.objects.first(), LevelOfNeed.objects.get(council=None),
        Timescale.objects.get(council=None),
    ]
    for user in (editor_a, publisher_a):
        client.force_login(user)
        for obj in national_rows:
            model = type(obj)
            response = client.get(url(model, "change", obj.pk))
            assert response.status_code == 200, model
            assert not response.context["has_change_permission"], model
            assert client.post(url(model, "change", obj.pk), {}).status_code == 403, model
            assert client.get(url(model, "delete", obj.pk)).status_code == 403, model
        for model in (LegalDuty, RouteType, Category, GlossaryTerm):
            assert client.get(url(model, "add")).status_code == 403, model
