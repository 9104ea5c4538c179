"""CSV export then import of each shipped council's services changes nothing."""

import pytest

from services.admin import csv_io
from services.models import Council
from tests.openreferral.test_csv import add_tricky_services, import_text, snapshot

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_content")]
COUNCILS = ["essex", "bexley", "norfolk", "stoke-on-trent"]


@pytest.mark.parametrize("slug", COUNCILS)
def test_export_then_import_changes_nothing_for_each_council(slug):
    council = Council.objects.get(slug=slug)
    add_tricky_services(council)
    before = snapshot(council)
    exported = csv_io.export_text(council)

    plan = import_text(council, exported)

    assert plan.errors == []
    assert (plan.created, plan.updated) == (0, 0)
    assert plan.unchanged == len(before[0])
    assert snapshot(council) == before
    assert csv_io.export_text(council) == exported
