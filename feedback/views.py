"""Comments from families, and the council's published responses (SEND Regs 2014 reg 56)."""

from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from core.shortcuts import get_council
from feedback import ratelimit
from feedback.forms import CommentForm
from feedback.models import Comment, CommentGroup


@never_cache  # the form carries a CSRF token: never keep it in a shared cache
def have_your_say(request, council):
    council = get_council(council)
    context = {"council": council, "last_reviewed": council.last_reviewed}
    if request.method == "POST":
        form = CommentForm(request.POST)
        try:
            # Counted only once the form is valid; the count and the check are one atomic step.
            wait = ratelimit.wait_seconds(request) or (
                form.is_valid() and ratelimit.take(request)
            )
        except ratelimit.Unavailable:
            return _try_later(request, {**context, "text": request.POST.get("text", "")})
        if wait:
            response = render(request, "feedback/rate_limited.html", context, status=429)
            response["Retry-After"] = str(wait)
            return response
        if form.is_valid():
            if not form.is_robot:
                Comment.objects.create(
                    council=council,
                    topic=form.cleaned_data["topic"],
                    text=form.cleaned_data["text"],
                )
            return redirect("have-your-say-thanks", council.slug)
    else:
        form = CommentForm()
    return render(request, "feedback/have_your_say.html", {**context, "form": form})


def _try_later(request, context):
    """The comment counter is down: refuse (closed), kindly, rather than take unlimited comments."""
    response = render(request, "feedback/try_later.html", context, status=503)
    response["Retry-After"] = "300"
    return response


def thanks(request, council):
    council = get_council(council)
    context = {"council": council, "last_reviewed": council.last_reviewed}
    return render(request, "feedback/thanks.html", context)


def you_said_we_did(request, council):
    council = get_council(council)
    groups = list(CommentGroup.objects.published().for_council(council))
    context = {
        "council": council,
        "groups": groups,
        "last_reviewed": groups[0].published_on if groups else council.last_reviewed,
    }
    return render(request, "feedback/you_said_we_did.html", context)
