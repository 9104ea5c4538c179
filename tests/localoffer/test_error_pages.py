"""Error pages render without the database (no django_db mark: any query would fail the test)."""

import pytest
from django.core.exceptions import PermissionDenied

from localoffer import views
from localoffer.middleware import service_unavailable


@pytest.mark.parametrize(
    "render, status, heading",
    [
        pytest.param(lambda r: views.bad_request(r, ValueError()), 400,
                     "could not understand that request", id="400"),
        pytest.param(lambda r: views.permission_denied(r, PermissionDenied()), 403,
                     "You cannot do that", id="403"),
        pytest.param(lambda r: views.page_not_found(r, Exception()), 404, "Page not found",
                     id="404"),
        pytest.param(views.server_error, 500, "there is a problem with the service", id="500"),
        pytest.param(service_unavailable, 503, "the service is unavailable", id="503"),
    ],
)
def test_error_page_renders_without_the_database(rf, render, status, heading):
    response = render(rf.get("/somewhere/"))
    assert response.status_code == status
    html = response.content.decode()
    assert heading in html
    assert "999" in html
