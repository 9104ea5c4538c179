"""A broken fixture file stops load_content with a one-line error, and nothing is loaded.

What the shipped fixtures contain, and that loading them twice changes nothing, is checked in
tests/content/test_fixtures.py.
"""

import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from services.models import Category, Council

pytestmark = pytest.mark.django_db

# Real files loaded before the broken one, so that "nothing is loaded" means rolled back.
GOOD_FILES = ["categories.yaml", "councils.yaml"]
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
    for name in GOOD_FILES:
        shutil.copy(Path(settings.BASE_DIR, "fixtures", name), tmp_path)
    (tmp_path / "zz_broken.yaml").write_text(content)
    with pytest.raises(CommandError) as raised:
        call_command("load_content", directory=str(tmp_path))
    assert str(raised.value).startswith(message)
    assert "\n" not in str(raised.value)
    assert Council.objects.count() == 0
    assert Category.objects.count() == 0
