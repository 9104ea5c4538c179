"""The service directory, FAQs and the council's stylesheet, under /<council>/."""

from django.urls import path

from core.caching import public_page
from services import views

urlpatterns = [
    path("theme.css", views.council_theme, name="council-theme"),
    path("services/", public_page(views.service_list), name="service-list"),
    path("services/<slug:slug>/", public_page(views.service_detail), name="service-detail"),
    path("faq/", public_page(views.faq_list), name="faq"),
    path("contact/", public_page(views.contact), name="council-contact"),
]
