"""The admin of councils and their content, as a package.

- content.py: the ModelAdmins of this app (registered when Django imports `services.admin`)
- permissions.py: which councils a staff account may see, edit and publish in (pure functions)
- mixins.py: the ModelAdmin mixin that applies those rules to every admin page
- csv_views.py and csv_io.py: export and import a council's services as CSV
- approvals.py: changes waiting for a publisher (review page, preview, dashboard counts)
- reviews.py: what falls due for review; readability.py: the plain-English score
"""

from django.contrib import admin

from services.admin import (  # noqa: F401 - each module registers its admin pages
    approvals,
    content,
    search_gaps,
)
from services.admin.staff import StaffLoginForm

admin.site.login_form = StaffLoginForm
