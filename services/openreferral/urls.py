"""The Open Referral UK feed's addresses, included at /open-referral/ and /<council>/open-referral/.

A trailing slash is optional, because readers append paths such as "/services" to a base URL.
"""

from django.urls import re_path

from services.openreferral import views as api

ID = r"(?P<id>[^/]+)"

urlpatterns = [
    re_path(r"^$", api.meta, name="meta"),
    re_path(r"^openapi\.json$", api.openapi, name="openapi"),
    re_path(r"^services/?$", api.service_list, name="service-list"),
    re_path(rf"^services/{ID}/?$", api.service_detail, name="service-detail"),
    re_path(r"^taxonomies/?$", api.taxonomy_list, name="taxonomy-list"),
    re_path(rf"^taxonomies/{ID}/?$", api.taxonomy_detail, name="taxonomy-detail"),
    re_path(r"^taxonomy_terms/?$", api.taxonomy_term_list, name="taxonomy-term-list"),
    re_path(rf"^taxonomy_terms/{ID}/?$", api.taxonomy_term_detail, name="taxonomy-term-detail"),
]
