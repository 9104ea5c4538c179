from django.apps import AppConfig


class LocalOfferConfig(AppConfig):
    name = "localoffer"
    verbose_name = "Local Offer site"

    def ready(self):
        from django.contrib import admin
        from django.contrib.auth.signals import user_logged_in
        from django_otp.plugins.otp_static.models import StaticDevice
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from localoffer.middleware import stamp_sign_in

        user_logged_in.connect(stamp_sign_in, dispatch_uid="localoffer-stamp-sign-in")
        # Devices hold secrets: nobody sees or edits them in the admin. A lost device is reset
        # with `manage.py reset_second_factor <username>` (SECURITY.md).
        for model in (TOTPDevice, StaticDevice):
            if admin.site.is_registered(model):
                admin.site.unregister(model)
