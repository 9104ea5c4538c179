from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "feedback"
    verbose_name = "Have your say (comments, SEND Regulations 2014 reg 56)"

    def ready(self):
        from core.caching import owning_council, watch
        from feedback.models import CommentGroup

        # Comments themselves are never shown; only published groups are.
        watch(CommentGroup, council_of=owning_council)
