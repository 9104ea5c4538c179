"""Delete counts of searches that found nothing once they are older than 12 months.

Searching deletes them too; run this daily (cron) so they go even when nobody searches.
"""

from django.core.management.base import BaseCommand

from services.search import prune_search_gaps


class Command(BaseCommand):
    help = "Delete counts of searches that found nothing older than 12 months."

    def handle(self, *args, **options):
        deleted = prune_search_gaps()
        plural = "" if deleted == 1 else "s"
        self.stdout.write(f"Deleted {deleted} count{plural} older than 12 months.")
