"""In a real browser: an editor edits, a publisher publishes, parents see it; no payload runs."""

import pytest
from django.urls import reverse

from services.models import Role, Service
from tests.admin.xss_payloads import XSS_PAYLOADS
from tests.browser.conftest import PHONE, axe_check, no_horizontal_scroll
from tests.factories import PASSWORD, make_full_council, make_staff


@pytest.fixture
def testshire(db):
    return make_full_council("testshire", services=1)


def sign_in(page, server, username):
    page.goto(f"{server.url}/admin/login/?next=/admin/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{server.url}/admin/")


def test_editor_submits_publisher_sees_diff_and_preview_approves_and_parents_see_it(
    page, browser, server, testshire
):
    """Issue 19: the live page stays as it is until a publisher approves the change."""
    make_staff("editor", testshire, Role.EDITOR)
    make_staff("publisher", testshire, Role.PUBLISHER)
    service = Service.objects.get(council=testshire)
    old_name = service.name
    public_url = f"{server.url}/testshire/services/{service.slug}/"

    sign_in(page, server, "editor")
    page.goto(server.url + reverse("admin:services_service_change", args=[service.pk]))
    page.fill("#id_name", "Aiming High short breaks")
    page.click("input[name=_save]")
    page.wait_for_selector("#submit-form")
    axe_check(page, "the editor's change, ready to submit")
    page.fill("#id_note", "The leaflet calls it Aiming High.")
    page.click("#submit-form input[type=submit]")
    page.wait_for_selector("text=Submitted. A publisher will review it.")

    parent = browser.new_context().new_page()
    assert parent.goto(public_url).status == 200
    assert parent.locator("h1").inner_text() == old_name

    publisher = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    sign_in(publisher, server, "publisher")
    axe_check(publisher, "admin home with the approvals dashboard")
    publisher.click("#approvals-dashboard a:has-text('Waiting for me')")
    publisher.click(f"a:has-text('{old_name}')")
    diff = publisher.locator("#change-diff")
    assert "Aiming High short breaks" in diff.inner_text()
    assert "The leaflet calls it Aiming High." in publisher.inner_text("#editor-note")
    axe_check(publisher, "a change waiting for approval")
    publisher.click("#preview-link")
    assert publisher.locator("h1").inner_text() == "Aiming High short breaks"
    assert "Parents do not see it yet" in publisher.inner_text("body")
    publisher.go_back()
    publisher.click("button[value=approve]")
    publisher.wait_for_selector("text=Approved. Parents now see the change.")

    response = parent.reload()
    assert response.status == 200
    assert parent.locator("h1").inner_text() == "Aiming High short breaks"


def test_no_dialog_fires_on_a_page_showing_every_payload(page, server, testshire):
    Service.objects.filter(council=testshire).update(
        description="\n\n".join(XSS_PAYLOADS), who_for=" ".join(XSS_PAYLOADS)
    )
    service = Service.objects.get(council=testshire)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    response = page.goto(f"{server.url}/testshire/services/{service.slug}/")
    assert response.status == 200
    page.mouse.move(200, 300)
    page.keyboard.press("Tab")
    page.wait_for_timeout(500)
    assert dialogs == []
    assert page.evaluate("document.querySelectorAll('script:not([src]), iframe, svg script, "
                         "[onerror], [onload], [onclick]').length") == 0


def test_the_dialog_check_can_fail(page):
    """The listener above does see a dialog when one fires."""
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.set_content("<p>x</p>")
    page.evaluate("alert('seen')")
    assert dialogs == ["seen"]


def test_history_compare_and_recently_deleted_pages_are_axe_clean(page, server, testshire):
    """Issue 19: the history list with its choice of versions, a comparison, recently deleted."""
    make_staff("publisher", testshire, Role.PUBLISHER)
    service = Service.objects.get(council=testshire)
    for name in ("A first name", "A second name"):
        service.name = name
        service.save()
    sign_in(page, server, "publisher")
    page.goto(server.url + reverse("admin:services_service_history", args=[service.pk]))
    axe_check(page, "history with a choice of versions")
    page.click("#compare-versions input[type=submit]")
    assert "A second name" in page.inner_text("#version-diff")
    axe_check(page, "two versions compared")
    service_id = service.pk
    service.delete()
    page.goto(server.url + reverse("admin:services_recently_deleted"))
    axe_check(page, "recently deleted")
    page.click("#recently-deleted button:has-text('Restore')")
    page.wait_for_selector("text=Restored “A second name”")
    assert Service.objects.get(pk=service_id).name == "A second name"


def test_second_factor_setup_shows_a_qr_code_is_axe_clean_and_reflows_at_320_px(
    page, server, testshire, settings
):
    settings.REQUIRE_SECOND_FACTOR = True
    make_staff("officer", testshire, Role.EDITOR)
    page.set_viewport_size(PHONE)
    page.goto(f"{server.url}/admin/login/?next=/admin/")
    page.fill("#id_username", "officer")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url(f"{server.url}/admin/second-factor/*")
    assert page.get_by_role("img", name="QR code of the setup key").is_visible()
    axe_check(page, "setting up a second factor")
    no_horizontal_scroll(page)
