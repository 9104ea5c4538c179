"""Abstract building blocks of content models: dated, sourced and publishable (no tables)."""

from dateutil.relativedelta import relativedelta
from django.db import models

SOURCE_HELP = (
    "Where this fact comes from: a seed file name (for example 004_b93c0aa4de5fdaa3.txt) "
    "or a public web address. Inspectors may ask."
)
DEFAULT_REVIEW_MONTHS = 6


def months_after(day, months):
    """The same day `months` later, clamped to the end of a shorter month (31 Jan -> 28 Feb)."""
    return day + relativedelta(months=months)


class Status(models.TextChoices):
    DRAFT = "draft", "Draft"
    PUBLISHED = "published", "Published"


class Reviewed(models.Model):
    """Content that is dated: CFA 2014 s30(5) says the Local Offer is kept under review."""

    last_reviewed = models.DateField(help_text="When someone last checked this was right.")
    review_due = models.DateField(
        blank=True,
        help_text="When it must next be checked. Left blank, it is set from the council's "
        "review period.",
    )
    source = models.CharField(max_length=500, help_text=SOURCE_HELP)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self.review_due and self.last_reviewed:
            self.review_due = months_after(self.last_reviewed, self.review_period_months())
        super().save(*args, **kwargs)

    def review_period_months(self):
        """The owning council's review period; national content uses six months."""
        council = getattr(self, "council", None)
        if council is not None:
            return council.review_months
        return getattr(self, "review_months", DEFAULT_REVIEW_MONTHS)


class Publishable(Reviewed):
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)

    class Meta:
        abstract = True

    @property
    def is_published(self):
        return self.status == Status.PUBLISHED
