"""Council staff are added in one form, keep their groups in step, reset passwords by email,
are unlocked by their councils' publishers, and are warned before their last sign-in try."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from services.models import Role, StaffMembership
from tests.factories import make_staff

ADD = "/admin/services/staffmembership/add/"
CHANGELIST = "/admin/services/staffmembership/"
LOGIN = "/admin/login/?next=/admin/"


def add_staff(client, council, role="editor", username="new.officer"):
    return client.post(
        ADD,
        {"username": username, "email": "new@ayshire.example.org", "council": council.pk,
         "role": role},
    )


def test_one_form_makes_a_staff_account_with_role_and_council(client, superuser, council_a):
    client.force_login(superuser)
    assert add_staff(client, council_a).status_code == 302
    user = get_user_model().objects.get(username="new.officer")
    assert user.is_staff and user.is_active
    assert StaffMembership.objects.get(user=user).role == Role.EDITOR
    assert [group.name for group in user.groups.all()] == ["Council editors"]


def test_new_staff_can_work_in_the_admin_at_once(client, superuser, council_a):
    client.force_login(superuser)
    add_staff(client, council_a)
    client.force_login(get_user_model().objects.get(username="new.officer"))
    assert client.get("/admin/services/service/").status_code == 200


def test_new_staff_are_emailed_a_link_to_set_a_password(client, superuser, council_a):
    client.force_login(superuser)
    add_staff(client, council_a)
    assert mail.outbox[0].to == ["new@ayshire.example.org"]
    assert "/accounts/reset/" in mail.outbox[0].body


def test_the_emailed_link_sets_a_password_that_signs_in(client, superuser, council_a):
    client.force_login(superuser)
    add_staff(client, council_a)
    client.logout()
    link = re.search(r"http://testserver(/accounts/reset/\S+)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "a-Fresh-passphrase-77", "new_password2": "a-Fresh-passphrase-77"},
    )
    assert done.status_code == 302
    signed_in = client.post(
        LOGIN, {"username": "new.officer", "password": "a-Fresh-passphrase-77"}
    )
    assert signed_in.status_code == 302


def test_changing_the_role_moves_the_account_to_the_other_group(client, superuser, editor_a):
    membership = StaffMembership.objects.get(user=editor_a)
    client.force_login(superuser)
    url = reverse("admin:services_staffmembership_change", args=[membership.pk])
    response = client.post(
        url, {"user": editor_a.pk, "council": membership.council_id, "role": "publisher"}
    )
    assert response.status_code == 302
    assert [group.name for group in editor_a.groups.all()] == ["Council publishers"]


def test_removing_the_last_membership_removes_the_group(client, superuser, editor_a):
    membership = StaffMembership.objects.get(user=editor_a)
    client.force_login(superuser)
    url = reverse("admin:services_staffmembership_delete", args=[membership.pk])
    client.post(url, {"post": "yes"})
    assert not editor_a.groups.exists()


def test_a_publisher_adds_staff_only_to_their_own_councils(client, publisher_a, council_b):
    client.force_login(publisher_a)
    response = add_staff(client, council_b)
    assert response.status_code == 200
    assert "council" in response.context["form"].errors
    assert not get_user_model().objects.filter(username="new.officer").exists()


def test_an_editor_cannot_add_staff(client, editor_a, council_a):
    client.force_login(editor_a)
    assert add_staff(client, council_a).status_code == 403


def test_a_bad_username_is_refused_with_a_sentence(client, superuser, council_a):
    client.force_login(superuser)
    response = add_staff(client, council_a, username="no spaces!")
    assert response.context["form"].errors["username"] == [
        "Enter a username of letters, digits and @ . + - _ only."
    ]


# Password reset ----------------------------------------------------------------------------


def test_sign_in_page_links_to_password_reset(client, db):
    html = client.get(LOGIN).content.decode()
    assert reverse("admin_password_reset") in html


def test_password_reset_emails_a_staff_account(client, editor_a):
    editor_a.email = "editor@ayshire.example.org"
    editor_a.save()
    response = client.post(reverse("admin_password_reset"), {"email": editor_a.email})
    assert response.status_code == 302
    assert mail.outbox[0].to == ["editor@ayshire.example.org"]


def test_password_reset_page_uses_the_govuk_form(client, db):
    html = client.get(reverse("admin_password_reset")).content.decode()
    assert "govuk-input" in html and "Reset your password" in html


# Unlocking ---------------------------------------------------------------------------------


def fail_five_times(client, username):
    for _ in range(5):
        client.post(LOGIN, {"username": username, "password": "wrong"}, REMOTE_ADDR="10.0.0.9")


def sign_in(client, username):
    return client.post(
        LOGIN, {"username": username, "password": "a-long-Passphrase-42"}, REMOTE_ADDR="10.0.0.9"
    )


def unlock(client, user):
    membership = StaffMembership.objects.get(user=user)
    return client.post(
        CHANGELIST, {"action": "unlock_selected", "_selected_action": [membership.pk]}
    )


def test_a_publisher_unlocks_their_own_staff(client, publisher_a, editor_a):
    fail_five_times(client, "editor-a")
    assert sign_in(client, "editor-a").status_code == 429
    publisher = client.__class__()
    publisher.force_login(publisher_a)
    unlock(publisher, editor_a)
    assert sign_in(client, "editor-a").status_code == 302


def test_locked_out_staff_are_marked_in_the_list(client, publisher_a, editor_a):
    fail_five_times(client, "editor-a")
    publisher = client.__class__()
    publisher.force_login(publisher_a)
    html = publisher.get(CHANGELIST).content.decode()
    assert "Locked out" in html
    assert 'alt="True"' in html


def test_a_publisher_cannot_unlock_another_councils_staff(client, publisher_a, editor_b):
    fail_five_times(client, "editor-b")
    publisher = client.__class__()
    publisher.force_login(publisher_a)
    unlock(publisher, editor_b)
    assert sign_in(client, "editor-b").status_code == 429


def test_an_editor_has_no_unlock_action(client, editor_a):
    client.force_login(editor_a)
    response = client.get(CHANGELIST)
    assert response.status_code == 403 or "unlock_selected" not in response.content.decode()


# Warning before the last try ----------------------------------------------------------------


@pytest.mark.parametrize(
    "failures, warned",
    [pytest.param(3, False, id="after-3"), pytest.param(4, True, id="after-4-one-left")],
)
def test_sign_in_warns_when_one_try_is_left(client, council_a, failures, warned):
    make_staff("officer", council_a)
    for _ in range(failures - 1):
        client.post(LOGIN, {"username": "officer", "password": "wrong"}, REMOTE_ADDR="10.0.0.9")
    last = client.post(LOGIN, {"username": "officer", "password": "wrong"}, REMOTE_ADDR="10.0.0.9")
    assert ("You have one more try" in last.content.decode()) == warned
