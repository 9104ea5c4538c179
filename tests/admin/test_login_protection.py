"""Sign-in failures lock an account out from every address, and an address out for every account;
errors never say which part was wrong."""

import pytest
from django.contrib.auth import get_user_model

LOGIN = "/admin/login/?next=/admin/"
WRONG = "Please enter the correct username and password for a staff account."


@pytest.fixture
def staff_user(db):
    user = get_user_model().objects.create_user("officer", password="right-Passphrase-42")
    user.is_staff = True
    user.save()
    return user


def sign_in(client, username, password, address="10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password},
                       REMOTE_ADDR=address)


def test_wrong_user_and_wrong_password_get_the_same_message(client, staff_user):
    unknown = sign_in(client, "nobody", "right-Passphrase-42")
    wrong = sign_in(client, "officer", "wrong")
    assert unknown.status_code == wrong.status_code == 200
    assert WRONG in unknown.content.decode() and WRONG in wrong.content.decode()


def test_locked_out_after_five_failures_even_with_the_right_password(client, staff_user):
    for _ in range(4):
        assert sign_in(client, "officer", "wrong").status_code == 200
    locked = sign_in(client, "officer", "wrong")
    assert locked.status_code == 429
    assert "Too many attempts to sign in" in locked.content.decode()
    assert sign_in(client, "officer", "right-Passphrase-42").status_code == 429


def test_lockout_is_per_account_across_addresses(client, staff_user):
    for address in ("10.0.0.1", "10.0.0.2", "10.0.0.1", "10.0.0.2", "10.0.0.1"):
        sign_in(client, "officer", "wrong", address)
    assert sign_in(client, "officer", "right-Passphrase-42", "10.0.0.3").status_code == 429


def test_lockout_is_per_address_across_accounts(client, staff_user):
    for name in ("a", "b", "c", "d", "e"):
        sign_in(client, name, "wrong", "10.0.0.1")
    assert sign_in(client, "officer", "right-Passphrase-42", "10.0.0.1").status_code == 429


def test_an_account_locked_at_one_address_leaves_other_accounts_and_addresses_alone(
    client, staff_user
):
    for _ in range(5):
        sign_in(client, "officer", "wrong", "10.0.0.1")
    other = get_user_model().objects.create_user("colleague", password="right-Passphrase-42")
    other.is_staff = True
    other.save()
    assert sign_in(client, "colleague", "right-Passphrase-42", "10.0.0.2").status_code == 302


def test_four_failures_then_success_signs_in(client, staff_user):
    for _ in range(4):
        sign_in(client, "officer", "wrong")
    assert sign_in(client, "officer", "right-Passphrase-42").status_code == 302
