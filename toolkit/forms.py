"""The deadline calculator's form: a start date and one of the timescales on offer."""

import re
from datetime import date

from crispy_forms_gds.fields import DateInputField
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout, Size
from django import forms
from django.core.exceptions import ValidationError

from core.formatting import govuk_date
from toolkit.deadlines import period_words

EARLIEST = date(2000, 1, 1)
LATEST = date(2099, 12, 31)
ISO_DATE = re.compile(r"^\s*(\d{1,4})-(\d{1,2})-(\d{1,2})\s*$")


class StartDateField(DateInputField):
    """A GOV.UK date input whose messages say which date is wrong and how to fix it."""

    def __init__(self, **kwargs):
        super().__init__(require_all_fields=False, **kwargs)
        self.error_messages["required"] = "Enter the date you asked, or the date of the referral"
        self.error_messages["incomplete"] = "The date must include a day, month and year"
        day, month, year = self.fields
        for field, part in ((day, "day"), (month, "month"), (year, "year")):
            field.error_messages["incomplete"] = f"The date must include a {part}"
            field.validators = []

    def clean(self, value):
        if isinstance(value, (list, tuple)) and any(
            str(part or "").strip() and not str(part).strip().isdigit() for part in value
        ):
            raise ValidationError("The date must be a real date, like 3 3 2027", code="invalid")
        return super().clean(value)

    def compress(self, data_list):
        day, month, year = (str(part or "").strip() for part in data_list)
        if not (day.isdigit() and month.isdigit() and year.isdigit()):
            raise ValidationError("The date must be a real date, like 3 3 2027", code="invalid")
        try:
            chosen = date(int(year), int(month), int(day))
        except (ValueError, OverflowError):
            raise ValidationError(
                "The date must be a real date, like 3 3 2027", code="invalid"
            ) from None
        if not EARLIEST <= chosen <= LATEST:
            raise ValidationError(
                f"The date must be between {govuk_date(EARLIEST)} and {govuk_date(LATEST)}",
                code="range",
            )
        return chosen


def query_data(params):
    """The form's data from the query string, turning `start=YYYY-MM-DD` into day, month, year."""
    data = params.copy()
    parts = ("start_0", "start_1", "start_2")
    if "start" in data and not any(data.get(part) for part in parts):
        raw = data.get("start", "")
        match = ISO_DATE.match(raw)
        if match:
            year, month, day = match.groups()
        else:  # keep what was typed, so the form explains that it is not a date
            day, month, year = raw or "", "", ""
        data["start_0"], data["start_1"], data["start_2"] = day, month, year
    return data


def is_a_question(params):
    """True when the query string asks for a deadline: it carries a start date, even empty.

    `?timescale=<slug>` alone (a link from a page the deadline applies to) only chooses it.
    """
    keys = {"start", "start_0", "start_1", "start_2"}
    return any(key in params for key in keys)


class DeadlineForm(forms.Form):
    timescale = forms.ChoiceField(
        label="Which deadline do you want to work out?",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select which deadline you want to work out",
            "invalid_choice": "Select a deadline from the list",
        },
    )
    start = StartDateField(
        label="When did it start?",
        help_text="The date you asked, or the date of the referral. For example, 3 3 2027",
    )

    def __init__(self, *args, timescales=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.timescales = {timescale.slug: timescale for timescale in timescales}
        self.fields["timescale"].choices = [
            (timescale.slug, timescale_label(timescale)) for timescale in timescales
        ]
        self.helper = FormHelper()
        self.helper.form_method = "get"
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Field.radios("timescale", legend_size=Size.MEDIUM),
            Field("start", context={"legend_size": Size.for_legend(Size.MEDIUM)}),
            Button("submit", "Work out the deadline"),
        )

    def clean_timescale(self):
        return self.timescales[self.cleaned_data["timescale"]]


def timescale_label(timescale):
    """e.g. "Child and family assessment: 45 working days from the referral"."""
    period = period_words(timescale.length, timescale.unit)
    return f"{timescale.name}: {period} from {timescale.starts_from}"
