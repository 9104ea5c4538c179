"""The parent toolkit: the deadline calculator, the letter templates and the meeting pack."""

import re
from datetime import date

from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from core.shortcuts import get_council
from eligibility.finder.views import TEMPLATES, result_context
from eligibility.models import LegalDuty, Timescale
from services.models import Council
from toolkit import deadlines
from toolkit.forms import DeadlineForm, is_a_question, query_data
from toolkit.letters import BY_SLUG, LETTERS, LETTERS_REVIEWED
from toolkit.meeting_pack import letters_for_routes, timescales_for_routes

# When the calculator page's own words were last checked against the law.
CALCULATOR_REVIEWED = date(2026, 11, 24)


def timescales_for(council):
    """National timescales first, then the chosen council's own, each by name."""
    owners = Q(council__isnull=True) | Q(council=council) if council else Q(council__isnull=True)
    found = Timescale.objects.filter(owners).select_related("legal_duty", "council")
    return sorted(found, key=lambda timescale: (timescale.council_id is not None, timescale.name))


def deadline_calculator(request):
    slug = request.GET.get("council", "")
    council = Council.objects.filter(slug=slug, live=True).first() if slug else None
    timescales = timescales_for(council)
    asked = is_a_question(request.GET)
    form = DeadlineForm(
        query_data(request.GET) if asked else None, timescales=timescales
    )
    result = None
    if asked and form.is_valid():
        timescale = form.cleaned_data["timescale"]
        counted = deadlines.deadline(
            form.cleaned_data["start"], timescale.length, timescale.unit
        )
        result = {
            "timescale": timescale,
            "deadline": counted,
            "how_counted": deadlines.how_counted(counted),
            "due_is_weekend": deadlines.is_weekend(counted.due),
            "due_bank_holiday": deadlines.is_bank_holiday(counted.due),
        }
    context = {
        "form": form,
        "council_chosen": council,
        "councils": Council.objects.filter(live=True) if council is None else (),
        "timescales": timescales,
        "result": result,
        "last_reviewed": max(
            [timescale.last_reviewed for timescale in timescales], default=CALCULATOR_REVIEWED
        ),
    }
    return render(request, "tools/deadlines.html", context)


def letter_index(request, council):
    council = get_council(council)
    context = {"council": council, "letters": LETTERS, "last_reviewed": LETTERS_REVIEWED}
    return render(request, "letters/index.html", context)


def letter_detail(request, council, letter):
    council = get_council(council)
    letter = BY_SLUG.get(letter)
    if letter is None:
        raise Http404("No such letter")
    text = render_to_string(letter.template, {"council": council})
    if request.GET.get("format") == "txt":
        response = HttpResponse(text, content_type="text/plain; charset=utf-8")
        filename = f"{council.slug}-{letter.slug}.txt"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    context = {
        "council": council,
        "letter": letter,
        "paragraphs": paragraphs(text),
        "duties": LegalDuty.objects.filter(slug__in=letter.duty_slugs),
        "last_reviewed": LETTERS_REVIEWED,
    }
    return render(request, "letters/letter.html", context)


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
