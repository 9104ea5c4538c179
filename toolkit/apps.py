from django.apps import AppConfig


class ToolkitConfig(AppConfig):
    """The parent toolkit: deadlines, letters and the meeting pack (no models)."""

    name = "toolkit"
    verbose_name = "Parent toolkit"
