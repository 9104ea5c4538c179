from django.apps import AppConfig


class ServicesConfig(AppConfig):
    name = "services"
    verbose_name = "Councils and services"

    def ready(self):
        from core.caching import owning_council, watch
        from services import models

        watch(models.Council, council_of=lambda council: council.slug)
        watch(
            models.Contact, models.Service, models.FAQ, models.Page, models.Synonym,
            council_of=owning_council,
        )
        watch(models.Category, models.GlossaryTerm)
