from django.apps import AppConfig


class LocalOfferConfig(AppConfig):
    name = "localoffer"
    verbose_name = "Local Offer site"

    def ready(self):
        from localoffer.caching import connect_signals

        connect_signals()
