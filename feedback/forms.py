"""The "Have your say" form: a topic, a comment, and a field only robots fill in."""

from crispy_forms_gds.helper import FormHelper
from crispy_forms_gds.layout import Button, Div, Field, Layout, Size
from django import forms

from feedback.models import Comment

MAX_CHARACTERS = 3000


class CommentForm(forms.Form):
    topic = forms.ChoiceField(
        label="What is your comment about?",
        choices=Comment.Topic.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what your comment is about"},
    )
    text = forms.CharField(
        label="Your comment",
        help_text="Do not include your name, your child's name or any contact details. "
        "We publish a summary of comments, without names.",
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=MAX_CHARACTERS,
        error_messages={
            "required": "Enter your comment",
            "max_length": f"Your comment must be {MAX_CHARACTERS:,} characters or fewer",
        },
    )
    # A honeypot: hidden from people by CSS; robots that fill every field give themselves away.
    website = forms.CharField(
        label="Leave this blank",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.layout = Layout(
            Field.radios("topic", legend_size=Size.MEDIUM),
            Field.textarea("text", label_size=Size.MEDIUM, max_characters=MAX_CHARACTERS),
            Div(Field("website"), css_class="lo-honeypot"),
            Button("submit", "Send your comment"),
        )

    def clean_text(self):
        return self.cleaned_data["text"].strip()

    @property
    def is_robot(self):
        """True when the hidden field was filled in."""
        return bool(self.cleaned_data.get("website"))
