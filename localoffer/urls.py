"""Site-wide addresses first; then each council's pages under /<council>/."""

from django.contrib import admin
from django.urls import include, path

from eligibility import views_toolkit
from localoffer import views
from localoffer.caching import public_page

urlpatterns = [
    path("", public_page(views.home), name="home"),
    path("rights/", public_page(views.rights_index), name="rights"),
    path("rights/<slug:slug>/", public_page(views.duty_detail), name="duty-detail"),
    path("glossary/", public_page(views.glossary), name="glossary"),
    path("privacy/", public_page(views.privacy), name="privacy"),
    path("accessibility/", public_page(views.accessibility), name="accessibility"),
    path("healthz", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path(
        "tools/deadlines/",
        public_page(views_toolkit.deadline_calculator),
        name="deadline-calculator",
    ),
    path("open-referral/", include(("services.api_urls", "oruk"), namespace="oruk")),
    path("<slug:council>/", include("services.urls")),
]

handler400 = "localoffer.views.bad_request"
handler403 = "localoffer.views.permission_denied"
handler404 = "localoffer.views.page_not_found"
handler500 = "localoffer.views.server_error"
