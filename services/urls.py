"""Addresses under /<council>/ (PRODUCT.md, Settled details: URLs)."""

from django.urls import include, path

from eligibility import views as eligibility_views
from eligibility import views_toolkit
from localoffer.caching import public_page
from services import views

urlpatterns = [
    path("", public_page(views.council_home), name="council-home"),
    path("theme.css", views.council_theme, name="council-theme"),
    path(
        "levels-of-need/", public_page(eligibility_views.levels_of_need), name="levels-of-need"
    ),
    path("services/", public_page(views.service_list), name="service-list"),
    path("services/<slug:slug>/", public_page(views.service_detail), name="service-detail"),
    path("routes/<slug:route_type>/", public_page(eligibility_views.route_page), name="route-page"),
    path("faq/", public_page(views.faq_list), name="faq"),
    path("letters/", public_page(views_toolkit.letter_index), name="letter-index"),
    path("letters/<slug:letter>/", public_page(views_toolkit.letter_detail), name="letter-detail"),
    path("", include("feedback.urls")),
    path(
        "open-referral/", include(("services.api_urls", "oruk"), namespace="council-oruk")
    ),
    path("", include("eligibility.urls")),
    path("<slug:slug>/", public_page(views.council_page), name="council-page"),
]
