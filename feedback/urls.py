"""Have your say and "You said, we did", under /<council>/."""

from django.urls import path

from feedback import views

urlpatterns = [
    path("have-your-say/", views.have_your_say, name="have-your-say"),
    path("have-your-say/thanks/", views.thanks, name="have-your-say-thanks"),
    path("you-said-we-did/", views.you_said_we_did, name="you-said-we-did"),
]
