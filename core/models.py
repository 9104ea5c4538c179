"""Abstract building blocks of content models: dated, sourced and publishable (no tables)."""

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
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
        self.move_review_due()
        super().save(*args, **kwargs)
        self._loaded_review_dates = (self.last_reviewed, self.review_due)

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded_review_dates = (
            instance.__dict__.get("last_reviewed"),
            instance.__dict__.get("review_due"),
        )
        return instance

    def move_review_due(self):
        """Set "review due" from "last reviewed" when it is blank, or when "last reviewed" moved
        and "review due" was left as it was (so marking a review never leaves it overdue)."""
        if not self.last_reviewed:
            return
        loaded = getattr(self, "_loaded_review_dates", None)
        moved = (
            loaded is not None
            and self.last_reviewed != loaded[0]
            and self.review_due == loaded[1]
        )
        if not self.review_due or moved:
            self.review_due = months_after(self.last_reviewed, self.review_period_months())

    def mark_reviewed(self, on):
        """Checked today: "last reviewed" is `on`, "review due" one review period later."""
        self.last_reviewed = on
        self.review_due = months_after(on, self.review_period_months())

    def clean_fields(self, exclude=None):
        super().clean_fields(exclude=exclude)
        self.move_review_due()
        exclude = exclude or ()
        if (
            "review_due" not in exclude
            and self.last_reviewed
            and self.review_due
            and self.review_due < self.last_reviewed
        ):
            raise ValidationError(
                {
                    "review_due": "The review due date must be on or after the last reviewed "
                    "date. Leave it blank to set it from the council's review period."
                }
            )

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
