"""With REQUIRE_SECOND_FACTOR (on in production) staff reach the admin only after a code."""

import subprocess
import sys

import pytest
import segno
from django.core.management import CommandError, call_command
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.factories import make_staff
from tests.support.servers import ROOT, server_env

SECOND_FACTOR = "/admin/second-factor/"


@pytest.fixture
def staff(db):
    return make_staff("officer")


@pytest.fixture
def required(settings):
    settings.REQUIRE_SECOND_FACTOR = True


def code_for(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def enrol(client):
    """Go through enrolment; returns the confirmed device and the recovery codes shown."""
    client.get(SECOND_FACTOR)
    device = TOTPDevice.objects.get()
    response = client.post(SECOND_FACTOR, {"token": code_for(device), "next": "/admin/"})
    device.refresh_from_db()
    return device, response.context["codes"]


def test_production_settings_require_a_second_factor():
    env = server_env(PRODUCTION="true", SECRET_KEY="s" * 60, ALLOWED_HOSTS="example.org")
    env.pop("REQUIRE_SECOND_FACTOR", None)
    printed = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); from django.conf import settings;"
         " print(settings.REQUIRE_SECOND_FACTOR)"],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True,
    ).stdout
    assert printed.strip() == "True"


def test_staff_with_a_password_alone_are_sent_to_the_second_factor(client, staff, required):
    client.force_login(staff)
    response = client.get("/admin/services/service/")
    assert response.status_code == 302
    assert response["Location"].startswith(SECOND_FACTOR + "?next=")


def test_first_visit_shows_a_key_to_enter_in_an_app_and_no_third_party(client, staff, required):
    client.force_login(staff)
    page = client.get(SECOND_FACTOR).content.decode()
    device = TOTPDevice.objects.get(user=staff)
    assert not device.confirmed
    assert "otpauth://totp/" in page
    assert "http" not in page.split('id="totp-uri">')[1].split("</code>")[0]


def test_first_visit_draws_the_setup_address_as_a_qr_code_in_the_page(client, staff, required):
    client.force_login(staff)
    page = client.get(SECOND_FACTOR).content.decode()
    device = TOTPDevice.objects.get(user=staff)
    drawing = page.split('<div id="totp-qr">')[1].split("</div>")[0]
    assert drawing.startswith('<svg role="img" ') and "<title>QR code of the setup key" in drawing
    # The code's modules, as segno draws the device's own otpauth:// address.
    modules = segno.make(device.config_url, error="m").svg_inline(scale=4).split(' d="')[1]
    assert ' d="' + modules.split('"')[0] in drawing
    assert "<img" not in drawing and "src=" not in drawing


def test_enrolling_with_the_apps_code_opens_the_admin_and_shows_ten_recovery_codes(
    client, staff, required
):
    client.force_login(staff)
    device, codes = enrol(client)
    assert device.confirmed
    assert len(set(codes)) == 10
    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_does_not_open_the_admin(client, staff, required):
    client.force_login(staff)
    client.get(SECOND_FACTOR)
    response = client.post(SECOND_FACTOR, {"token": "000000"})
    assert "That code did not work" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_next_sign_in_asks_for_a_code_and_accepts_the_apps_code(client, staff, required):
    client.force_login(staff)
    device, _ = enrol(client)
    client.logout()
    client.force_login(staff)
    assert client.get("/admin/").status_code == 302
    device.refresh_from_db()
    device.last_t = -1  # the code used at enrolment may not be used twice; a new step is fine
    device.save()
    response = client.post(SECOND_FACTOR, {"token": code_for(device), "next": "/admin/"})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_recovery_code_signs_in_once(client, staff, required):
    client.force_login(staff)
    _, codes = enrol(client)
    for expected in (200, 302):
        client.logout()
        client.force_login(staff)
        client.post(SECOND_FACTOR, {"token": codes[0], "next": "/admin/"})
        assert client.get("/admin/").status_code == expected


def test_a_password_alone_is_enough_when_the_setting_is_off(client, staff, settings):
    settings.REQUIRE_SECOND_FACTOR = False
    client.force_login(staff)
    assert client.get("/admin/").status_code == 200


def test_reset_second_factor_removes_the_app_and_recovery_codes(client, staff, required):
    client.force_login(staff)
    enrol(client)
    call_command("reset_second_factor", "officer")
    assert not TOTPDevice.objects.filter(user=staff).exists()
    assert not StaticDevice.objects.filter(user=staff).exists()
    client.logout()
    client.force_login(staff)
    assert "Set up a second factor" in client.get(SECOND_FACTOR).content.decode()


def test_reset_second_factor_names_an_unknown_user(db):
    with pytest.raises(CommandError, match="No account with the username 'nobody'"):
        call_command("reset_second_factor", "nobody")


def test_the_next_address_may_not_leave_the_site(client, staff, required):
    client.force_login(staff)
    client.get(SECOND_FACTOR)
    device = TOTPDevice.objects.get()
    response = client.post(SECOND_FACTOR, {"token": code_for(device), "next": "https://evil.example/"})
    assert 'href="/admin/"' in response.content.decode()


def test_after_a_wrong_code_guessing_is_slowed_down(client, staff, required, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60  # the delay doubles from 60 s: no race in the test
    client.force_login(staff)
    device, _ = enrol(client)
    client.logout()
    client.force_login(staff)
    client.post(SECOND_FACTOR, {"token": "000000"})
    device.refresh_from_db()
    device.last_t = -1
    device.save()
    client.post(SECOND_FACTOR, {"token": code_for(device), "next": "/admin/"})
    assert client.get("/admin/").status_code == 302  # even the right code waits out the delay
