"""What a council must check again soon (CFA 2014 s30(5): the Local Offer is kept under review)."""

from dataclasses import dataclass
from datetime import date, timedelta

from django.apps import apps
from django.utils import timezone

# The "Needs review" list shows what is overdue and what falls due within this many days.
DUE_SOON_DAYS = 30

# Council content with review dates, in the order the list shows their kinds.
REVIEWED_MODELS = [
    "services.Council",
    "services.Service",
    "services.Page",
    "services.FAQ",
    "eligibility.RouteGuide",
    "eligibility.LevelOfNeed",
    "eligibility.Timescale",
]


@dataclass
class ReviewItem:
    obj: object
    kind: str
    review_due: date
    days_left: int
    url: str = ""

    @property
    def overdue(self):
        return self.days_left < 0

    @property
    def when(self):
        """The due date in words: "Overdue by 3 days", "Due today", "Due in 12 days"."""
        if self.days_left < 0:
            days = -self.days_left
            return f"Overdue by {days} day{'s' if days != 1 else ''}"
        if self.days_left == 0:
            return "Due today"
        return f"Due in {self.days_left} day{'s' if self.days_left != 1 else ''}"


def needs_review(council, on=None, days=DUE_SOON_DAYS):
    """The council's content that is overdue for review or due within `days` days, soonest first."""
    on = on or timezone.localdate()
    horizon = on + timedelta(days=days)
    items = []
    for label in REVIEWED_MODELS:
        model = apps.get_model(label)
        if model._meta.model_name == "council":
            rows = model._default_manager.filter(pk=council.pk)
        else:
            rows = model._default_manager.filter(council=council)
        for obj in rows.filter(review_due__lte=horizon):
            items.append(
                ReviewItem(
                    obj=obj,
                    kind=str(model._meta.verbose_name).capitalize(),
                    review_due=obj.review_due,
                    days_left=(obj.review_due - on).days,
                )
            )
    return sorted(items, key=lambda item: (item.review_due, item.kind, str(item.obj)))
