"""The letters and the meeting pack, under /<council>/ (the deadline calculator is site-wide)."""

from django.urls import path

from core.caching import public_page
from toolkit import views

urlpatterns = [
    path("step-by-step/", public_page(views.step_by_step), name="step-by-step"),
    path("letters/", public_page(views.letter_index), name="letter-index"),
    path(
        "letters/<slug:letter>/", views.public_unless_asked(views.letter_detail),
        name="letter-detail",
    ),
    path("find-my-route/meeting-pack/", views.meeting_pack, name="find-my-route-pack"),
]
