"""The route finder's question forms: they validate and tidy one answer each, and decide nothing.

Every form has one field, named after the answer key in the contract (PRODUCT.md), and
`answer()` gives the cleaned value in the contract's shape. The question's words come from
`questions.py`, so that one list holds all the text a parent reads.
"""

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout, Size
from django import forms

from eligibility.finder import rules

NONE_OF_THESE = "none"
YES_NO = (("yes", "Yes"), ("no", "No"))


class QuestionForm(forms.Form):
    """One question page's form. Subclasses name their field `key` and say how to read it."""

    key = ""

    def __init__(self, *args, question, **kwargs):
        super().__init__(*args, **kwargs)
        self.question = question
        field = self.fields[self.key]
        field.label = question.text
        field.help_text = question.hint
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the page's own <form> carries the token
        self.helper.layout = Layout(self.layout_field(), Button.primary("continue", "Continue"))

    def layout_field(self):
        return Field.radios(self.key, legend_size=Size.LARGE, legend_tag="h1")

    @classmethod
    def initial_for(cls, answer):
        """The form's initial value for an answer already given (the contract's shape)."""
        return answer

    def answer(self):
        """The cleaned answer in the contract's shape."""
        return self.cleaned_data[self.key]

    def error_links(self):
        """(anchor, message) pairs for the error summary, each linking to the first input."""
        anchor = f"id_{self.key}" if self.anchors_field else f"id_{self.key}_1"
        return [(anchor, message) for message in self.errors.get(self.key, [])]

    anchors_field = False


class AgeForm(QuestionForm):
    key = "age"
    anchors_field = True
    age = forms.CharField(
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "spellcheck": "false", "autocomplete": "off"}
        ),
        error_messages={"required": "Enter your child's age in years"},
    )

    def layout_field(self):
        return Field.text(self.key, label_size=Size.LARGE, label_tag="h1", field_width=2)

    def clean_age(self):
        text = self.cleaned_data["age"].strip()
        if text.endswith(("years", "year")):
            text = text.rsplit("year", 1)[0].strip()
        try:
            number = float(text)
        except ValueError:
            raise forms.ValidationError("Your child's age must be a number, like 9") from None
        if not number.is_integer():
            raise forms.ValidationError("Enter your child's age in whole years, like 9")
        age = int(number)
        if not rules.MIN_AGE <= age <= rules.MAX_AGE:
            raise forms.ValidationError(
                f"Your child's age must be between {rules.MIN_AGE} and {rules.MAX_AGE}"
            )
        return age


class ChoiceForm(QuestionForm):
    """A single choice from the answer's labels in rules.py."""

    labels: dict[str, str] = {}
    required_message = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields[self.key]
        field.choices = list(self.labels.items())
        field.error_messages = {
            "required": self.required_message,
            "invalid_choice": self.required_message,
        }


def choice_field():
    return forms.ChoiceField(widget=forms.RadioSelect, choices=())


class DisabilityForm(ChoiceForm):
    key = "disability"
    labels = rules.DISABILITY_LABELS
    required_message = "Select if your child has a disability"
    disability = choice_field()


class EhcPlanForm(ChoiceForm):
    key = "ehc_plan"
    labels = rules.EHC_PLAN_LABELS
    required_message = "Select if your child has an EHC plan"
    ehc_plan = choice_field()


class CurrentSupportForm(ChoiceForm):
    key = "current_support"
    labels = {
        **{k: v for k, v in rules.CURRENT_SUPPORT_LABELS.items() if k != "none"},
        "none": rules.CURRENT_SUPPORT_LABELS["none"],
    }
    required_message = "Select the support your family has now, or select 'None of these'"
    current_support = choice_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [Choice(value, label) for value, label in self.labels.items()]
        choices[-2].divider = "or"
        self.fields[self.key].choices = choices


class YesNoForm(QuestionForm):
    """A yes or no question; the answer is true or false."""

    required_message = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[self.key].error_messages = {
            "required": self.required_message,
            "invalid_choice": self.required_message,
        }

    def layout_field(self):
        return Field.radios(self.key, legend_size=Size.LARGE, legend_tag="h1", inline=True)

    @classmethod
    def initial_for(cls, answer):
        return "yes" if answer else "no"

    def answer(self):
        return self.cleaned_data[self.key] == "yes"


class RiskOfHarmForm(YesNoForm):
    key = "risk_of_harm"
    required_message = "Select yes if you are worried your child is at risk of serious harm now"
    risk_of_harm = forms.ChoiceField(widget=forms.RadioSelect, choices=YES_NO)


class CarerSupportForm(YesNoForm):
    key = "carer_needs_support"
    required_message = "Select yes if you would like support for yourself as a carer"
    carer_needs_support = forms.ChoiceField(widget=forms.RadioSelect, choices=YES_NO)


class ChecklistForm(QuestionForm):
    """Any of the answer's labels, or 'None of these' alone; the answer is a list."""

    labels: dict[str, str] = {}
    required_message = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [Choice(value, label) for value, label in self.labels.items()]
        choices[-1].divider = "or"
        choices.append(Choice(NONE_OF_THESE, "None of these", behaviour="exclusive"))
        field = self.fields[self.key]
        field.choices = choices
        field.error_messages = {
            "required": self.required_message,
            "invalid_choice": self.required_message,
        }

    def layout_field(self):
        return Field.checkboxes(self.key, legend_size=Size.LARGE, legend_tag="h1")

    @classmethod
    def initial_for(cls, answer):
        return list(answer) or [NONE_OF_THESE]

    def clean(self):
        chosen = self.cleaned_data.get(self.key)
        if chosen and NONE_OF_THESE in chosen and len(chosen) > 1:
            self.add_error(self.key, self.required_message)
        return self.cleaned_data

    def answer(self):
        chosen = self.cleaned_data[self.key]
        return [value for value in self.labels if value in chosen]


def checklist_field():
    return forms.MultipleChoiceField(widget=forms.CheckboxSelectMultiple, choices=())


class ChildNeedsForm(ChecklistForm):
    key = "child_needs"
    labels = rules.CHILD_NEED_LABELS
    required_message = "Select all that describe your child, or select 'None of these'"
    child_needs = checklist_field()


class FamilyFactorsForm(ChecklistForm):
    key = "family_factors"
    labels = rules.FAMILY_FACTOR_LABELS
    required_message = "Select all that are true for your family, or select 'None of these'"
    family_factors = checklist_field()
