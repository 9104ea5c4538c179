"""The route finder's question forms: they validate and tidy one answer each, and decide nothing.

Four generic forms, one for each kind of question in `questions.py`, which holds every word a
parent reads (question, hint, choices, error messages). Each form has one field, named after the
answer key in the contract (PRODUCT.md), and `answer()` gives the cleaned value in the contract's
shape.
"""

from crispy_forms_gds.choices import Choice
from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Field, Layout, Size
from django import forms

NONE_OF_THESE = "none"
YES_NO = (("yes", "Yes"), ("no", "No"))


class QuestionForm(forms.Form):
    """One question page's form, its single field built from the question's data."""

    def __init__(self, *args, question, **kwargs):
        super().__init__(*args, **kwargs)
        self.question = question
        self.key = question.key
        field = self.fields[self.key] = self.make_field()
        field.label = question.text
        field.help_text = question.hint
        field.error_messages = {
            **field.error_messages,
            "required": question.error,
            "invalid_choice": question.error,
        }
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True  # the page's own <form> carries the token
        self.helper.layout = Layout(self.layout_field(), Button.primary("continue", "Continue"))

    def make_field(self):
        raise NotImplementedError

    def layout_field(self):
        return Field.radios(self.key, legend_size=Size.LARGE, legend_tag="h1")

    @classmethod
    def initial_for(cls, answer):
        """The form's initial value for an answer already given (the contract's shape)."""
        return answer

    def answer(self):
        """The cleaned answer in the contract's shape."""
        return self.cleaned_data[self.key]

    anchors_field = False

    def error_links(self):
        """(anchor, message) pairs for the error summary, each linking to the first input."""
        anchor = f"id_{self.key}" if self.anchors_field else f"id_{self.key}_1"
        return [(anchor, message) for message in self.errors.get(self.key, [])]

    def choices(self):
        """The question's choices as GOV.UK radios or checkboxes, with its "or" divider."""
        choices = []
        for value, label in self.question.choices.items():
            if value == self.question.divider_before:
                choices[-1].divider = "or"
            choices.append(Choice(value, label))
        return choices


class NumberForm(QuestionForm):
    """A whole number in a range: the child's age."""

    anchors_field = True

    def make_field(self):
        return forms.CharField(
            widget=forms.TextInput(
                attrs={"inputmode": "numeric", "spellcheck": "false", "autocomplete": "off"}
            )
        )

    def layout_field(self):
        return Field.text(self.key, label_size=Size.LARGE, label_tag="h1", field_width=2)

    def clean(self):
        text = self.cleaned_data.get(self.key)
        if text is None:
            return self.cleaned_data
        text = text.strip()
        for unit in self.question.units:
            if text.endswith(unit):
                text = text[: -len(unit)].strip()
                break
        errors = self.question.number_errors
        try:
            number = float(text)
        except ValueError:
            self.add_error(self.key, errors["not-a-number"])
            return self.cleaned_data
        if not number.is_integer():
            self.add_error(self.key, errors["not-whole"])
        elif not self.question.minimum <= number <= self.question.maximum:
            self.add_error(self.key, errors["out-of-range"])
        else:
            self.cleaned_data[self.key] = int(number)
        return self.cleaned_data


class YesNoForm(QuestionForm):
    """A yes or no question; the answer is true or false."""

    def make_field(self):
        return forms.ChoiceField(widget=forms.RadioSelect, choices=YES_NO)

    def layout_field(self):
        return Field.radios(self.key, legend_size=Size.LARGE, legend_tag="h1", inline=True)

    @classmethod
    def initial_for(cls, answer):
        return "yes" if answer else "no"

    def answer(self):
        return self.cleaned_data[self.key] == "yes"


class OneChoiceForm(QuestionForm):
    """One of the question's choices."""

    def make_field(self):
        return forms.ChoiceField(widget=forms.RadioSelect, choices=self.choices())


class ManyChoiceForm(QuestionForm):
    """Any of the question's choices, or "None of these" alone; the answer is a list."""

    def make_field(self):
        choices = self.choices()
        choices[-1].divider = "or"
        choices.append(Choice(NONE_OF_THESE, "None of these", behaviour="exclusive"))
        return forms.MultipleChoiceField(widget=forms.CheckboxSelectMultiple, choices=choices)

    def layout_field(self):
        return Field.checkboxes(self.key, legend_size=Size.LARGE, legend_tag="h1")

    @classmethod
    def initial_for(cls, answer):
        return list(answer) or [NONE_OF_THESE]

    def clean(self):
        chosen = self.cleaned_data.get(self.key)
        if chosen and NONE_OF_THESE in chosen and len(chosen) > 1:
            self.add_error(self.key, self.question.error)
        return self.cleaned_data

    def answer(self):
        chosen = self.cleaned_data[self.key]
        return [value for value in self.question.choices if value in chosen]


FORMS = {"number": NumberForm, "yes-no": YesNoForm, "one": OneChoiceForm, "many": ManyChoiceForm}
