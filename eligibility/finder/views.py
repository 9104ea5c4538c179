"""Find my route: a start page, one question a page, check your answers, then the routes.

Answers live only in the parent's browser (see answers.py): every page here is sent with
Cache-Control: no-store, every question is posted, and no address carries an answer.
"""

import dataclasses

from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from core.shortcuts import get_council
from eligibility.finder import answers as stored
from eligibility.finder.council_data import (
    family_factors_hint,
    national_routes,
    published_policies,
    route_details,
    route_policies,
    route_services,
    route_texts,
)
from eligibility.finder.first_step import LETTER_FOR_ROUTE, route_contact, what_to_say
from eligibility.finder.questions import (
    BY_SLUG,
    QUESTIONS,
    QUESTIONS_REVIEWED,
    answers_in_use,
    asked,
    next_unanswered,
    previous,
)
from eligibility.finder.rules import (
    ALWAYS_ASK,
    NOT_A_DECISION,
    NOT_DESCRIBED,
    Answers,
    AnswersError,
    suggest,
)

TEMPLATES = "eligibility/find_my_route/"


def question_url(council, question):
    return reverse("find-my-route-question", args=[council.slug, question.slug])


def next_url(council, given):
    """The first question still to answer, or "check your answers" when none is left."""
    question = next_unanswered(given)
    if question is None:
        return reverse("find-my-route-check", args=[council.slug])
    return question_url(council, question)


def start_again(request, council, *, tampered):
    """Answers that cannot be used: say so kindly, forget them, and offer to start again."""
    context = {"council": council, "tampered": tampered, "last_reviewed": QUESTIONS_REVIEWED}
    response = render(
        request, TEMPLATES + "start_again.html", context, status=400 if tampered else 200
    )
    return stored.clear(response, council)


def load_answers(request, council):
    """(answers in use, None), or (None, a response asking the parent to start again)."""
    try:
        return answers_in_use(stored.load(request)), None
    except stored.AnswersTampered:
        return None, start_again(request, council, tampered=True)
    except stored.NoAnswers:
        return None, start_again(request, council, tampered=False)


@never_cache
@require_http_methods(["GET", "POST"])
def start(request, council):
    council = get_council(council)
    if request.method == "POST":  # "Start now" and "Start again" both forget earlier answers
        return stored.clear(redirect(question_url(council, QUESTIONS[0])), council)
    context = {
        "council": council,
        "not_a_decision": NOT_A_DECISION,
        "always_ask": ALWAYS_ASK,
        "last_reviewed": QUESTIONS_REVIEWED,
    }
    return render(request, TEMPLATES + "start.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def question(request, council, slug):
    council = get_council(council)
    question = BY_SLUG.get(slug)
    if question is None:
        raise Http404("No such question")
    try:
        given = answers_in_use(stored.load(request))
    except stored.AnswersTampered:
        return start_again(request, council, tampered=True)
    except stored.NoAnswers:
        if question is not QUESTIONS[0]:
            return start_again(request, council, tampered=False)
        given = {}
    questions = asked(given)
    first_unanswered = next_unanswered(given)
    if question not in questions or (
        first_unanswered and questions.index(first_unanswered) < questions.index(question)
    ):
        return redirect(next_url(council, given))

    if question.key == "family_factors":  # whose criteria, or what the answers are for
        question = dataclasses.replace(question, hint=family_factors_hint(council))
    form_class = question.form_class
    if request.method == "POST":
        form = form_class(request.POST, question=question)
        if form.is_valid():
            given = answers_in_use({**given, question.key: form.answer()})
            return stored.save(redirect(next_url(council, given)), council, given)
    elif question.key in given:
        initial = {question.key: form_class.initial_for(given[question.key])}
        form = form_class(initial=initial, question=question)
    else:
        form = form_class(question=question)

    before = previous(BY_SLUG[slug], given)
    context = {
        "council": council,
        "question": question,
        "form": form,
        "error_links": form.error_links() if form.is_bound else [],
        "back_url": question_url(council, before)
        if before
        else reverse("find-my-route", args=[council.slug]),
        "urgent": given.get("risk_of_harm", False),
        "last_reviewed": QUESTIONS_REVIEWED,
    }
    return render(request, TEMPLATES + "question.html", context)


@never_cache
@require_GET
def check(request, council):
    council = get_council(council)
    given, problem = load_answers(request, council)
    if problem:
        return problem
    if next_unanswered(given):
        return redirect(next_url(council, given))
    questions = asked(given)
    rows = [
        {"question": q, "lines": q.show(given[q.key]), "url": question_url(council, q)}
        for q in questions
    ]
    context = {
        "council": council,
        "rows": rows,
        "back_url": question_url(council, questions[-1]),
        "urgent": given.get("risk_of_harm", False),
        "last_reviewed": QUESTIONS_REVIEWED,
    }
    return render(request, TEMPLATES + "check.html", context)


def result_context(request, council):
    """What the result page and the meeting pack show: (context, None) or (None, a response)."""
    given, problem = load_answers(request, council)
    if problem:
        return None, problem
    if next_unanswered(given):
        return None, redirect(next_url(council, given))
    try:
        family = Answers.from_dict(given)
    except AnswersError:  # signed by us but no longer valid: the questions changed
        return None, start_again(request, council, tampered=True)
    rows = published_policies(council)
    services = route_services(council, rows)
    routes_here = national_routes()
    suggestion = suggest(
        family, services, route_texts(routes_here), route_policies(council, rows)
    )
    details = route_details(council, services, routes_here, rows)
    routes = []
    for route in suggestion.routes:
        entry = {"route": route, **vars(details[route.type])}
        entry["contact"] = route_contact(council, details[route.type])
        entry["not_described"] = route.access == NOT_DESCRIBED
        routes.append(entry)
    first = routes[0]
    first_step = {
        "route": first["route"],
        "contact": first["contact"],
        "say": what_to_say(first["route"], first["policy"]),
        "letter": LETTER_FOR_ROUTE.get(first["route"].type),
        "has_social_worker": family.current_support in ("social-worker", "looked-after")
        and first["route"].tier != "urgent",
    }
    groups = [
        ("urgent", "Get help now", [e for e in routes if e["route"].tier == "urgent"]),
        ("best", "Help that fits your answers best",
         [e for e in routes if e["route"].tier == "specific" and not e["not_described"]]),
        ("ask", f"Help that {council.name}'s own information does not describe",
         [e for e in routes if e["route"].tier == "specific" and e["not_described"]]),
        ("general", "Help for every family",
         [e for e in routes if e["route"].tier == "general"]),
    ]
    reviewed = [QUESTIONS_REVIEWED] + [
        item.last_reviewed
        for entry in routes
        for item in (entry["route_type"], entry["guide"], entry["policy"])
        if item is not None
    ]
    context = {
        "council": council,
        "suggestion": suggestion,
        "routes": routes,
        "groups": [group for group in groups if group[2]],
        "first_step": first_step,
        "not_a_decision": NOT_A_DECISION,
        "always_ask": ALWAYS_ASK,
        "adult": family.age >= 18,
        "last_reviewed": max(reviewed),
    }
    return context, None


@never_cache
@require_GET
def result(request, council):
    context, response = result_context(request, get_council(council))
    if response:
        return response
    return render(request, TEMPLATES + "result.html", context)
