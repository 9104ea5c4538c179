"""Find my route, under /<council>/find-my-route/ (PRODUCT.md, Settled details: URLs)."""

from django.urls import path

from eligibility.finder import views

urlpatterns = [
    path("find-my-route/", views.start, name="find-my-route"),
    path("find-my-route/check/", views.check, name="find-my-route-check"),
    path("find-my-route/result/", views.result, name="find-my-route-result"),
    path("find-my-route/<slug:slug>/", views.question, name="find-my-route-question"),
]
