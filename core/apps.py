from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Shared building blocks every app may use; it imports no other app of the project."""

    name = "core"
    verbose_name = "Shared building blocks"
