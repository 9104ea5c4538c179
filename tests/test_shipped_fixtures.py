"""The fixtures that `make run` loads are valid, and loading them twice changes nothing."""

import pytest
from django.apps import apps
from django.core.management import call_command

pytestmark = pytest.mark.django_db

CONTENT_APPS = ("services", "eligibility")


def content_objects():
    for app in CONTENT_APPS:
        for model in apps.get_app_config(app).get_models():
            if model.__name__.startswith("Historical") or model._meta.auto_created:
                continue
            yield from model.objects.all()


def test_every_fixture_loads_and_passes_full_clean():
    call_command("load_content")
    objects = list(content_objects())
    assert len(objects) > 10
    for obj in objects:
        obj.full_clean()


def test_loading_fixtures_twice_changes_nothing():
    call_command("load_content")
    before = {type(o).__name__ + str(o.pk) for o in content_objects()}
    call_command("load_content")
    assert {type(o).__name__ + str(o.pk) for o in content_objects()} == before


def test_four_seed_councils_ship():
    from services.models import Council

    call_command("load_content")
    assert set(Council.objects.values_list("slug", flat=True)) >= {
        "essex", "bexley", "norfolk", "stoke-on-trent"
    }


BROKEN = {
    "bad-field-value": (
        "- model: services.council\n  fields: {slug: brokenshire, name: Brokenshire,"
        " ons_code: E10009999, colour: 'red', website_url: 'https://b.example/',"
        " introduction: x, front_door_name: x, last_reviewed: 2026-11-24, source: test}\n",
        "zz_broken.yaml: services.council brokenshire: colour: Enter a colour like #00487a.",
    ),
    "unknown-field": (
        "- model: services.category\n  fields: {slug: x, name: X, colour: blue}\n",
        "zz_broken.yaml: ",
    ),
    "unknown-council": (
        "- model: services.contact\n  fields: {council: [atlantis], slug: x, name: X,"
        " source: test}\n",
        "zz_broken.yaml: ",
    ),
    "not-yaml": ("- model: [unclosed\n", "zz_broken.yaml: "),
}


@pytest.mark.parametrize("content, message", BROKEN.values(), ids=BROKEN.keys())
def test_broken_fixture_gives_one_line_error_and_loads_nothing(tmp_path, content, message):
    import shutil
    from pathlib import Path

    from django.conf import settings
    from django.core.management.base import CommandError

    from services.models import Category, Council

    for path in Path(settings.BASE_DIR, "fixtures").glob("*.yaml"):
        shutil.copy(path, tmp_path)
    (tmp_path / "zz_broken.yaml").write_text(content)
    with pytest.raises(CommandError) as raised:
        call_command("load_content", directory=str(tmp_path))
    assert str(raised.value).startswith(message)
    assert "\n" not in str(raised.value)
    assert Council.objects.count() == 0
    assert Category.objects.count() == 0


def test_fixture_services_get_their_open_referral_id():
    from services.models import Service

    call_command("load_content")
    assert not Service.objects.filter(oruk_id__isnull=True).exists()
