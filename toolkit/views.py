"""The parent toolkit: the deadline calculator, the letter templates and the meeting pack."""

import re
from datetime import date
from functools import wraps

from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from core.caching import public_page
from core.formatting import govuk_date
from core.shortcuts import council_from_query, get_council
from eligibility.finder.views import TEMPLATES, result_context
from eligibility.models import LegalDuty, RouteType, Timescale
from services.models import Council
from toolkit import deadlines
from toolkit.forms import DeadlineForm, is_a_question, query_data
from toolkit.letters import (
    BY_SLUG,
    COMPLAINT_LETTER,
    LETTERS,
    LETTERS_REVIEWED,
    complaint_route,
    is_parents_own,
)
from toolkit.meeting_pack import LETTER_FOR_ROUTE, letters_for_routes, timescales_for_routes
from toolkit.step_by_step import STEPS, TITLE

# When the calculator page's own words were last checked against the law.
CALCULATOR_REVIEWED = date(2026, 11, 24)


def today():
    """Today's date in England (settings.TIME_ZONE): the day "as of today" is counted to."""
    return timezone.localdate()


def public_unless_asked(view):
    """A public, cached page, except when the query carries a family's dates.

    The dates are carried in the link or form and never stored: such an answer is rendered
    afresh (it also depends on today's date) and kept by no cache.
    """
    cached, private = public_page(view), never_cache(view)

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        chosen = private if is_a_question(request.GET) else cached
        return chosen(request, *args, **kwargs)

    return wrapper


def answer(params, council):
    """(form, result) for a deadline question in `params`; result is None unless it is valid."""
    timescales = timescales_for(council)
    asked = is_a_question(params)
    chosen = params.get("timescale", "")
    initial = {"timescale": chosen} if chosen in {t.slug for t in timescales} else {}
    form = DeadlineForm(
        query_data(params) if asked else None, timescales=timescales, initial=initial
    )
    if not (asked and form.is_valid()):
        return form, None
    timescale = form.cleaned_data["timescale"]
    counted = deadlines.deadline(form.cleaned_data["start"], timescale.length, timescale.unit)
    return form, {
        "timescale": timescale,
        "period": deadlines.period_words(timescale.length, timescale.unit),
        "deadline": counted,
        "standing": deadlines.standing(counted.due, today()),
        "route": complaint_route(timescale),
        "parents_own": is_parents_own(timescale),
        "how_counted": deadlines.how_counted(counted),
        "due_is_weekend": deadlines.is_weekend(counted.due),
        "due_bank_holiday": deadlines.is_bank_holiday(counted.due),
    }


def timescales_for(council):
    """National timescales first, then the chosen council's own, each by name."""
    owners = Q(council__isnull=True) | Q(council=council) if council else Q(council__isnull=True)
    found = Timescale.objects.filter(owners).select_related("legal_duty", "council")
    return sorted(found, key=lambda timescale: (timescale.council_id is not None, timescale.name))


@public_unless_asked
def deadline_calculator(request):
    council = council_from_query(request)
    form, result = answer(request.GET, council)
    timescales = form.timescales.values()
    context = {
        "form": form,
        "council_chosen": council,
        "council": council,  # the header shows the council's name, colour and a way back
        "councils": Council.objects.filter(live=True) if council is None else (),
        "timescales": timescales,
        "result": result,
        "last_reviewed": max(
            [timescale.last_reviewed for timescale in timescales], default=CALCULATOR_REVIEWED
        ),
    }
    return render(request, "tools/deadlines.html", context)


# When the step-by-step page's own words were last checked against the law.
STEP_BY_STEP_REVIEWED = date(2026, 11, 30)


def step_by_step(request, council):
    """The council's step-by-step: its route pages, letters and deadlines in the order of use."""
    council = get_council(council)
    routes = RouteType.objects.in_bulk(
        [route for step in STEPS for route in step.routes], field_name="slug"
    )
    steps = [
        {
            "step": step,
            "routes": [
                {"route": routes[slug], "letter": BY_SLUG.get(LETTER_FOR_ROUTE.get(slug, ""))}
                for slug in step.routes if slug in routes
            ],
        }
        for step in STEPS
    ]
    context = {
        "council": council,
        "title": TITLE,
        "steps": steps,
        "timescales": timescales_for(council),
        "complaint_letter": BY_SLUG[COMPLAINT_LETTER],
        "last_reviewed": STEP_BY_STEP_REVIEWED,
    }
    return render(request, "toolkit/step_by_step.html", context)


def letter_index(request, council):
    council = get_council(council)
    context = {"council": council, "letters": LETTERS, "last_reviewed": LETTERS_REVIEWED}
    return render(request, "letters/index.html", context)


def letter_detail(request, council, letter):
    council = get_council(council)
    letter = BY_SLUG.get(letter)
    if letter is None:
        raise Http404("No such letter")
    filled, route = None, None
    if letter.slug == COMPLAINT_LETTER:
        _, result = answer(request.GET, council)
        if result and not result["parents_own"]:
            filled, route = letter_dates(result), result["route"]
    text = render_to_string(
        letter.template, {"council": council, "filled": filled, "route": route}
    )
    if request.GET.get("format") == "txt":
        response = HttpResponse(text, content_type="text/plain; charset=utf-8")
        filename = f"{council.slug}-{letter.slug}.txt"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    context = {
        "council": council,
        "letter": letter,
        "paragraphs": paragraphs(text),
        "duties": LegalDuty.objects.filter(
            slug__in=route.duty_slugs if route else letter.duty_slugs
        ),
        "official": route.official if route else letter.official,
        "filled": filled,
        "query": request.GET.urlencode() if filled else "",
        "last_reviewed": LETTERS_REVIEWED,
    }
    return render(request, "letters/letter.html", context)


def letter_dates(result):
    """The words the complaint letter fills in from a deadline the calculator worked out."""
    timescale, standing = result["timescale"], result["standing"]
    return {
        "name": timescale.name[:1].lower() + timescale.name[1:],
        "start": govuk_date(result["deadline"].start),
        "due": govuk_date(result["deadline"].due),
        "period": result["period"],
        "starts_from": timescale.starts_from,
        "citation": timescale.legal_duty.citation if timescale.legal_duty else "",
        "passed": standing.state == deadlines.PASSED,
        "today": govuk_date(standing.today),
        "late": deadlines.plural(standing.working_days, "working day"),
    }


def paragraphs(text):
    """The letter as paragraphs: each its lines, then any "- " bullet lines that end it."""
    blocks = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = block.splitlines()
        blocks.append(
            {
                "lines": [line for line in lines if not line.startswith("- ")],
                "bullets": [line[2:] for line in lines if line.startswith("- ")],
            }
        )
    return blocks


@never_cache
@require_GET
def meeting_pack(request, council):
    """A one-page summary to print and take to a meeting: nothing is stored."""
    council = get_council(council)
    context, response = result_context(request, council)
    if response:
        return response
    types = [route.type for route in context["suggestion"].routes]
    context["letters"] = letters_for_routes(types)
    context["timescales"] = timescales_for_routes(council, types)
    return render(request, TEMPLATES + "meeting_pack.html", context)
