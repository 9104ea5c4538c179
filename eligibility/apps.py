from django.apps import AppConfig


class EligibilityConfig(AppConfig):
    name = "eligibility"
    verbose_name = "Routes, rights and levels of need"

    def ready(self):
        from core.caching import owning_council, watch
        from eligibility import models

        watch(models.RouteGuide, models.LevelOfNeed, models.Timescale, council_of=owning_council)
        watch(models.LegalDuty, models.RouteType)
