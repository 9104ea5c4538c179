"""Every address of the site: site-wide pages first, then each council's pages under /<council>/.

The project composes the apps' URL lists here, so no app needs to know another's addresses.
"""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from core.caching import public_page
from localoffer import site_search, staff_auth, views
from services import views as services_views
from services.admin.shortcut import view_on_site
from toolkit import views as toolkit_views

council_patterns = [
    path("", include("eligibility.urls")),
    path("", include("services.urls")),
    path("", include("toolkit.urls")),
    path("", include("feedback.urls")),
    path(
        "open-referral/",
        include(("services.openreferral.urls", "oruk"), namespace="council-oruk"),
    ),
    path("", include("eligibility.finder.urls")),
    # Not through the page cache: a page for words a parent typed is never stored.
    path("search/", site_search.site_search, name="site-search"),
    # Last: the council's own pages (about, complaints...) take any other single segment.
    path("<slug:slug>/", public_page(services_views.council_page), name="council-page"),
]

urlpatterns = [
    path("", public_page(views.home), name="home"),
    path("rights/", public_page(views.rights_index), name="rights"),
    path("rights/<slug:slug>/", public_page(views.duty_detail), name="duty-detail"),
    path("glossary/", public_page(views.glossary), name="glossary"),
    path("privacy/", public_page(views.privacy), name="privacy"),
    path("accessibility/", public_page(views.accessibility), name="accessibility"),
    path("healthz", views.healthz, name="healthz"),
    # Before the admin's own /admin/r/: the "View on site" redirect, scoped to the officer.
    path("admin/r/<int:content_type_id>/<path:object_id>/", view_on_site),
    path("readyz", views.readyz, name="readyz"),
    path("admin/second-factor/", staff_auth.second_factor, name="second-factor"),
    # Password reset by email for staff; the admin sign-in page links to it.
    path(
        "accounts/password-reset/",
        auth_views.PasswordResetView.as_view(
            email_template_name="registration/password_reset_email.txt"
        ),
        name="admin_password_reset",
    ),
    path(
        "accounts/password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "accounts/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "accounts/reset/done/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("admin/", admin.site.urls),
    path(
        "tools/deadlines/",
        toolkit_views.deadline_calculator,  # public and cached unless it carries dates
        name="deadline-calculator",
    ),
    path(
        "open-referral/", include(("services.openreferral.urls", "oruk"), namespace="oruk")
    ),
    path("<slug:council>/", include(council_patterns)),
]

handler400 = "localoffer.views.bad_request"
handler403 = "localoffer.views.permission_denied"
handler404 = "localoffer.views.page_not_found"
handler500 = "localoffer.views.server_error"
