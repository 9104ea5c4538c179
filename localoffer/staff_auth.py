"""The admin's second factor: enrol an authenticator app once, then a one-time code each sign-in.

Codes are TOTP (RFC 6238) from django-otp; ten single-use recovery codes (django-otp static
tokens) are shown once at enrolment. Nothing here talks to a third party: the key is shown as
a QR code drawn into the page itself (segno, inline SVG: no image request, no QR code service),
as text and as an otpauth:// address for the app.
"""

from base64 import b32encode

import segno
from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django_otp import devices_for_user, match_token
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODES = 10
QR_TITLE = "QR code of the setup key: scan it with your authenticator app"


def qr_code(text):
    """`text` as a QR code in inline SVG, black on white with its quiet zone (so it scans in the
    admin's dark theme too), named for screen readers by its title."""
    svg = segno.make(text, error="m").svg_inline(scale=4, dark="#000", light="#fff",
                                                   title=QR_TITLE)
    # segno draws the code as paths from `text`'s bits; the only text in it is QR_TITLE.
    return mark_safe(svg.replace("<svg ", '<svg role="img" ', 1))  # noqa: S308


class CodeForm(forms.Form):
    token = forms.CharField(
        label="Code", max_length=16, strip=True,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}
        ),
    )


def _next(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("admin:index")


@never_cache
@login_required(login_url="admin:login")
def second_factor(request):
    user = request.user
    if not user.is_staff:
        raise PermissionDenied
    if user.is_verified():
        return redirect(_next(request))
    if any(devices_for_user(user, confirmed=True)):
        return _verify(request, user)
    return _enrol(request, user)


def _verify(request, user):
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(user, form.cleaned_data["token"].replace(" ", ""))
        if device is not None:
            otp_login(request, device)
            return redirect(_next(request))
        form.add_error(
            "token",
            "That code did not work. Check the time on your phone is right and try the newest "
            "code, or use one of your recovery codes.",
        )
    context = {"form": form, "next": _next(request), "title": "Enter your code"}
    return render(request, "admin/second_factor_verify.html", context)


def _enrol(request, user):
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=False)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"].replace(" ", "")):
            device.confirmed = True
            device.save()
            codes = _new_recovery_codes(user)
            otp_login(request, device)
            context = {"codes": codes, "next": _next(request), "title": "Your recovery codes"}
            return render(request, "admin/second_factor_codes.html", context)
        form.add_error("token", "That code did not work. Enter the newest 6-digit code.")
    key = b32encode(device.bin_key).decode()
    context = {
        "form": form,
        "next": _next(request),
        "key": " ".join(key[i : i + 4] for i in range(0, len(key), 4)),
        "config_url": device.config_url,
        "qr_code": qr_code(device.config_url),
        "title": "Set up a second factor",
    }
    return render(request, "admin/second_factor_enrol.html", context)


def _new_recovery_codes(user):
    """Replace the user's recovery codes with RECOVERY_CODES new ones; returns them."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="Recovery codes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes
