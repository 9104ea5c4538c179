"""`{% exit_this_page %}`: GOV.UK Frontend's "Exit this page" on pages about harm.

It shows on the route finder's pages (a parent may be answering questions about harm at home)
and on pages whose subject is harm to a child: the child protection route, the section 47 duty
and the services that answer the child protection route. Without JavaScript it is a plain link
to a neutral site; with it, GOV.UK Frontend adds the overlay and the Shift-key shortcut.
"""

from django import template

register = template.Library()

# Where the button leads: a neutral page, as GOV.UK's own examples use.
EXIT_TO = "https://www.bbc.co.uk/weather"
FINDER_PAGES = {
    "find-my-route", "find-my-route-question", "find-my-route-check", "find-my-route-result",
    "find-my-route-pack",
}
HARM_ROUTES = {"child-protection"}
HARM_DUTIES = {"children-act-1989-s47"}


def is_about_harm(url_name, kwargs, context):
    if url_name in FINDER_PAGES:
        return True
    if url_name == "route-page":
        return kwargs.get("route_type") in HARM_ROUTES
    if url_name == "duty-detail":
        return kwargs.get("slug") in HARM_DUTIES
    if url_name == "service-detail":
        service = context.get("service")
        return service is not None and service.route_types.filter(slug__in=HARM_ROUTES).exists()
    return False


@register.inclusion_tag("includes/_exit_this_page.html", takes_context=True)
def exit_this_page(context):
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    show = match is not None and is_about_harm(match.url_name, match.kwargs, context)
    return {"show": show, "exit_to": EXIT_TO}
