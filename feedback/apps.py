from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "feedback"
    verbose_name = "Have your say (comments, SEND Regulations 2014 reg 56)"
