"""Write one council's content (and its history) as JSON with natural keys, for loaddata."""

import datetime

from django.core import serializers
from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder

from eligibility.models import LevelOfNeed, RouteGuide, RoutePolicy, Timescale
from services.models import FAQ, Contact, Council, CouncilSlugRedirect, Page, Service, Synonym

# Rows that name a council but are not its content, so not exported: staff and their pending
# edits (people and accounts belong to an install), searches that found nothing (private counts,
# kept 12 months at most), and parents' comments with the council's responses to them (personal
# words, in the database backup only). tests/localoffer/test_backup.py checks this list.
NOT_EXPORTED = {
    "services.StaffMembership", "services.PendingChange", "services.SearchGap",
    "feedback.Comment", "feedback.CommentGroup",
}


def council_querysets(council):
    """The rows that belong to one council, by model, parents before children."""
    return [
        Council.objects.filter(pk=council.pk),
        CouncilSlugRedirect.objects.filter(council=council),
        Contact.objects.filter(council=council),
        LevelOfNeed.objects.filter(council=council),
        Timescale.objects.filter(council=council),
        Service.objects.filter(council=council),
        RouteGuide.objects.filter(council=council),
        RoutePolicy.objects.filter(council=council),
        FAQ.objects.filter(council=council),
        Page.objects.filter(council=council),
        Synonym.objects.filter(council=council),
    ]


def council_objects(council):
    """Every row that belongs to one council, parents before children, with their history."""
    for queryset in council_querysets(council):
        model = queryset.model
        yield from queryset.order_by("pk")
        history = getattr(model, "history", None)
        if history is not None:
            ids = list(queryset.values_list("pk", flat=True))
            yield from history.model.objects.filter(id__in=ids).order_by("history_id")


class ExactJSONEncoder(DjangoJSONEncoder):
    """Write times to the microsecond; Django's encoder cuts them to the millisecond.

    A history row saved at 10:00:00.000456 would otherwise load back as 10:00:00,
    and the council's history would not be the same after a round trip.
    """

    def default(self, o):
        if isinstance(o, datetime.datetime):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        return super().default(o)


class Command(BaseCommand):
    help = "Export one council's content and history as JSON (load it back with loaddata)."

    def add_arguments(self, parser):
        parser.add_argument("council", help="The council's slug, e.g. stoke-on-trent.")
        parser.add_argument("--output", "-o", help="File to write (default: standard output).")

    def handle(self, *args, council, output, **options):
        try:
            found = Council.objects.get(slug=council)
        except Council.DoesNotExist:
            raise CommandError(f"unknown council '{council}'", returncode=2) from None
        data = serializers.serialize(
            "json", council_objects(found), indent=1,
            use_natural_foreign_keys=True, use_natural_primary_keys=False, cls=ExactJSONEncoder,
        )
        if output:
            with open(output, "w", encoding="utf-8") as stream:
                stream.write(data)
        else:
            self.stdout.write(data)
