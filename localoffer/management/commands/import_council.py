"""Load a council exported by export_council, history as it was, all or nothing."""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

from core.caching import one_change


class Command(BaseCommand):
    help = "Load a file written by export_council (the history in the file is kept as it is)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="A JSON file written by export_council.")

    def handle(self, *args, file, **options):
        # The file carries the history; saving its rows must not write new history of its own.
        try:
            with (
                override_settings(SIMPLE_HISTORY_ENABLED=False),
                transaction.atomic(),
                one_change(),
            ):
                call_command("loaddata", file, verbosity=0)
        except Exception as error:  # loaddata raises many kinds; report one line, write nothing.
            raise CommandError(f"{file}: not loaded: {' '.join(str(error).split())}") from None
        self.stdout.write(f"Loaded {file}.")
