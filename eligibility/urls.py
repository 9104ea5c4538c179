"""A council's home, levels of need and route pages, under /<council>/."""

from django.urls import path

from core.caching import public_page
from eligibility import views

urlpatterns = [
    path("", public_page(views.council_home), name="council-home"),
    path("levels-of-need/", public_page(views.levels_of_need), name="levels-of-need"),
    path("routes/<slug:route_type>/", public_page(views.route_page), name="route-page"),
]
