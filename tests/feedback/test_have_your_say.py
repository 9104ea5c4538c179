"""Have your say (SEND Regs 2014 reg 56): the form, spam protection, moderation and publishing."""

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from feedback.admin import CommentAdmin
from feedback.models import Comment, CommentGroup, publication_overdue
from tests.factories import make_council, make_group, make_staff

pytestmark = pytest.mark.django_db
FORM = "/testshire/have-your-say/"
GOOD = {"topic": "content", "text": "The short breaks page does not list holiday clubs."}


def test_form_invites_the_three_kinds_of_comment_and_asks_no_name(client, council):
    response = client.get(FORM)
    html = response.content.decode()
    assert response.status_code == 200
    for value in ["content", "accessibility", "development"]:
        assert f'value="{value}"' in html
    assert "gaps" in html
    assert "accessibility" in html
    assert "developed or reviewed" in html
    assert 'name="email"' not in html and 'name="name"' not in html
    assert "Page last reviewed" in html


def test_honeypot_is_hidden_labelled_and_out_of_the_tab_order(client, council):
    html = client.get(FORM).content.decode()
    assert "Leave this blank" in html
    assert 'class="lo-honeypot"' in html
    assert 'autocomplete="off"' in html
    assert 'tabindex="-1"' in html


def test_honeypot_class_is_hidden_by_the_site_stylesheet():
    from django.conf import settings

    css = (settings.BASE_DIR / "static" / "css" / "site.css").read_text()
    assert ".lo-honeypot{display:none}" in css


def test_comment_is_stored_and_the_parent_is_thanked(client, council):
    response = client.post(FORM, GOOD)
    assert response.status_code == 302
    assert response["Location"] == "/testshire/have-your-say/thanks/"
    comment = Comment.objects.get()
    assert comment.council == council
    assert comment.text == GOOD["text"]
    assert comment.state == Comment.State.NEW
    assert not comment.flagged
    thanks = client.get(response["Location"])
    assert "Thank you for your comment" in thanks.content.decode()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param({"text": "Good."}, "Select what your comment is about", id="no-topic"),
        pytest.param({"topic": "content"}, "Enter your comment", id="no-text"),
        pytest.param({"topic": "content", "text": "   "}, "Enter your comment", id="blank-text"),
        pytest.param({"topic": "weather", "text": "Hi"}, "Select a valid choice",
                     id="unknown-topic"),
        pytest.param({"topic": "content", "text": "x" * 3001},
                     "Your comment must be 3,000 characters or fewer", id="too-long"),
    ],
)
def test_invalid_comment_shows_the_form_with_a_govuk_error(client, council, data, message):
    response = client.post(FORM, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Have your say" in html
    assert message in html
    assert Comment.objects.count() == 0


def test_honeypot_filled_is_thanked_but_not_stored(client, council):
    response = client.post(FORM, {**GOOD, "website": "http://spam.example"})
    assert response.status_code == 302
    assert Comment.objects.count() == 0


def test_sixth_comment_in_an_hour_gets_429(client, council):
    for _ in range(5):
        assert client.post(FORM, GOOD).status_code == 302
    response = client.post(FORM, GOOD)
    assert response.status_code == 429
    assert "Please wait before sending another comment" in response.content.decode()
    assert Comment.objects.count() == 5


def test_rate_limit_is_per_address(client, council):
    for _ in range(5):
        client.post(FORM, GOOD, REMOTE_ADDR="192.0.2.1")
    assert client.post(FORM, GOOD, REMOTE_ADDR="192.0.2.1").status_code == 429
    assert client.post(FORM, GOOD, REMOTE_ADDR="192.0.2.2").status_code == 302


def test_address_is_never_stored(client, council):
    client.post(FORM, GOOD, REMOTE_ADDR="192.0.2.77")
    stored = " ".join(str(value) for value in Comment.objects.values().get().values())
    assert "192.0.2.77" not in stored


def test_post_without_csrf_token_is_refused(council):
    response = Client(enforce_csrf_checks=True).post(FORM, GOOD)
    assert response.status_code == 403
    assert Comment.objects.count() == 0


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        pytest.param("My name is Sarah Jones.", "may contain a name", id="name"),
        pytest.param("Email me at sarah@example.org", "contains an email address", id="email"),
        pytest.param("Call 07700 900123", "contains a phone number", id="phone"),
    ],
)
def test_comment_with_personal_data_is_flagged_and_kept_as_written(client, council, text,
                                                                    reason):
    client.post(FORM, {"topic": "accessibility", "text": text})
    comment = Comment.objects.get()
    assert comment.flagged
    assert reason in comment.flag_reasons
    assert comment.text == text
    assert Comment.objects.flagged().count() == 1


def test_moderation_states_include_both_exclusions_of_reg_56_4():
    assert set(Comment.State.values) == {
        "new", "grouped-for-publication", "excluded-vexatious", "excluded-individual-service",
    }


@pytest.mark.parametrize(
    ("action", "state"),
    [
        pytest.param("mark_grouped", "grouped-for-publication", id="grouped"),
        pytest.param("mark_vexatious", "excluded-vexatious", id="vexatious"),
        pytest.param("mark_individual_service", "excluded-individual-service", id="individual"),
    ],
)
def test_admin_action_sets_the_moderation_state(admin_client, council, action, state):
    comment = Comment.objects.create(council=council, topic="content", text="Hello")
    response = admin_client.post(
        "/admin/feedback/comment/",
        {"action": action, "_selected_action": [comment.pk]},
        follow=True,
    )
    assert response.status_code == 200
    comment.refresh_from_db()
    assert comment.state == state


def test_admin_cannot_add_comments_by_hand(rf, admin_user):
    request = rf.get("/admin/")
    request.user = admin_user
    from django.contrib import admin

    assert not CommentAdmin(Comment, admin.site).has_add_permission(request)


def feedback_staff(council):
    """A staff user of `council` with every permission of the feedback app, and no other."""
    permissions = Permission.objects.filter(content_type__app_label="feedback")
    return make_staff("editor", council, permissions=permissions)


def test_staff_see_only_their_own_councils_comments(client, council):
    other = make_council("otherton")
    Comment.objects.create(council=council, topic="content", text="Testshire comment")
    Comment.objects.create(council=other, topic="content", text="Otherton comment")
    client.force_login(feedback_staff(council))
    html = client.get("/admin/feedback/comment/").content.decode()
    assert "Testshire comment" in html
    assert "Otherton comment" not in html
    theirs = Comment.objects.get(council=other)
    assert client.get(f"/admin/feedback/comment/{theirs.pk}/change/").status_code == 404


def test_staff_see_only_their_own_councils_groups(client, council):
    other = make_council("otherton")
    make_group(council, title="Testshire group")
    make_group(other, title="Otherton group")
    client.force_login(feedback_staff(council))
    html = client.get("/admin/feedback/commentgroup/").content.decode()
    assert "Testshire group" in html
    assert "Otherton group" not in html


@pytest.mark.parametrize(
    ("published_on", "status", "overdue"),
    [
        pytest.param(date.today() - timedelta(days=30), "published", False, id="recent"),
        pytest.param(date.today() - timedelta(days=400), "published", True, id="old"),
        pytest.param(date.today() - timedelta(days=30), "draft", True, id="only-a-draft"),
        pytest.param(None, None, True, id="never"),
    ],
)
def test_publication_is_overdue_after_12_months(council, published_on, status, overdue):
    if status:
        make_group(council, status=status, published_on=published_on)
    assert publication_overdue(council) is overdue


def test_admin_warns_when_the_last_publication_is_over_12_months_old(client, council):
    make_group(council, published_on=date(2020, 1, 1))
    client.force_login(feedback_staff(council))
    html = client.get("/admin/feedback/commentgroup/", follow=True).content.decode()
    assert "last published “You said, we did” on 1 January 2020" in html
    assert "regulation 56(3)" in html


def test_admin_does_not_warn_after_a_recent_publication(client, council):
    make_group(council, published_on=date.today())
    client.force_login(feedback_staff(council))
    html = client.get("/admin/feedback/commentgroup/").content.decode()
    assert "regulation 56(3)" not in html


def test_you_said_we_did_shows_only_published_groups_newest_first(client, council):
    make_group(council, title="Older group", published_on=date(2025, 6, 1))
    make_group(council, title="Newer group", published_on=date(2026, 6, 1),
               response="We hear you.", actions="We will rewrite the page.")
    make_group(council, title="Draft group", status="draft", published_on=None)
    make_group(make_council("otherton"), title="Another council's group")
    response = client.get("/testshire/you-said-we-did/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Draft group" not in html
    assert "Another council&#x27;s group" not in html
    assert html.index("Newer group") < html.index("Older group")
    assert "We hear you." in html
    assert "We will rewrite the page." in html
    assert "1 June 2026" in html
    assert "Page last reviewed" in html


def test_you_said_we_did_says_when_nothing_is_published(client, council):
    html = client.get("/testshire/you-said-we-did/").content.decode()
    assert "has not published any responses yet" in html


def test_published_group_needs_a_date(council):
    from django.db import IntegrityError, transaction

    with pytest.raises(IntegrityError), transaction.atomic():
        CommentGroup.objects.create(council=council, title="x", summary="x", response="x",
                                    actions="x", status="published", published_on=None)


def test_every_council_page_links_to_have_your_say_and_you_said_we_did(client, council):
    html = client.get("/testshire/").content.decode()
    assert 'href="/testshire/have-your-say/"' in html
    assert 'href="/testshire/you-said-we-did/"' in html
    assert 'href="/testshire/letters/"' in html
    assert 'href="/tools/deadlines/?council=testshire"' in html
