"""The route finder's questions, as data: one page each, asked in this order.

Each question names its answer key (the contract in PRODUCT.md), its form, the words a parent
reads, the short label on "check your answers", and `ask_if`: a condition on the answers given
so far. A question that is not asked takes the engine's default (rules.Answers), so every
contract key always has a value.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from eligibility.finder import forms, rules

# When a person last checked these questions against the rules and the law.
QUESTIONS_REVIEWED = date(2026, 11, 24)

AnswersSoFar = Mapping[str, Any]


def always(answers: AnswersSoFar) -> bool:
    """Every family is asked."""
    return True


def under_18(answers: AnswersSoFar) -> bool:
    """Children's social care is for under-18s (Children Act 1989 s105)."""
    return answers.get("age", 0) < rules.ADULT_AGE


def child_who_may_be_disabled(answers: AnswersSoFar) -> bool:
    """The needs the Children with Disabilities team serves matter only for a child who is, or
    may be, disabled (Children Act 1989 s17(10); Stoke's Level 4 criteria)."""
    return under_18(answers) and answers.get("disability") != "no"


@dataclass(frozen=True)
class Question:
    """One question page."""

    key: str  # the answer key in the contract
    slug: str  # the last part of the page's address
    form_class: type[forms.QuestionForm]
    text: str  # the question, shown as the page heading
    hint: str  # shown under the question
    label: str  # the row's name on "check your answers"
    ask_if: Callable[[AnswersSoFar], bool] = always
    why: str = ""  # optional paragraph: why we ask

    def show(self, answer: Any) -> list[str]:
        """The answer as a parent reads it on "check your answers", one line per item."""
        if self.key == "age":
            return [f"{answer} {'year' if answer == 1 else 'years'} old"]
        if isinstance(answer, bool):
            return ["Yes" if answer else "No"]
        if isinstance(answer, list):
            labels = rules.ANSWER_LABELS[self.key]
            return [labels[value] for value in answer] or ["None of these"]
        return [rules.ANSWER_LABELS[self.key][answer]]


QUESTIONS: tuple[Question, ...] = (
    Question(
        key="age",
        slug="age",
        form_class=forms.AgeForm,
        text="How old is your child?",
        hint="Enter their age in whole years, from 0 to 25. For a baby under 1, enter 0.",
        label="Age",
    ),
    Question(
        key="risk_of_harm",
        slug="risk-of-harm",
        form_class=forms.RiskOfHarmForm,
        text="Are you worried that your child is at risk of serious harm now?",
        hint="For example, that someone is hurting them, or that they could be badly hurt if "
        "nothing changes today.",
        label="Worried about serious harm now",
    ),
    Question(
        key="disability",
        slug="disability",
        form_class=forms.DisabilityForm,
        text="Does your child have a disability?",
        hint="This includes a long-term illness, autism or a learning disability. Your child "
        "does not need a diagnosis.",
        label="Disability",
    ),
    Question(
        key="child_needs",
        slug="child-needs",
        form_class=forms.ChildNeedsForm,
        text="Do any of these describe your child?",
        hint="Select all that apply.",
        label="Your child's needs",
        ask_if=child_who_may_be_disabled,
    ),
    Question(
        key="family_factors",
        slug="family-factors",
        form_class=forms.FamilyFactorsForm,
        text="Are any of these true for your family?",
        hint="Select all that apply. These are the pressures councils look at when they decide "
        "what help fits.",
        label="Pressures on your family",
        ask_if=under_18,
    ),
    Question(
        key="ehc_plan",
        slug="ehc-plan",
        form_class=forms.EhcPlanForm,
        text="Does your child have an education, health and care (EHC) plan?",
        hint="An EHC plan is a legal document that sets out the support a child or young "
        "person aged 0 to 25 needs for their education, health and care.",
        label="EHC plan",
    ),
    Question(
        key="current_support",
        slug="current-support",
        form_class=forms.CurrentSupportForm,
        text="What support does your family have now?",
        hint="Select the one that fits best.",
        label="Support you have now",
    ),
    Question(
        key="carer_needs_support",
        slug="carer-support",
        form_class=forms.CarerSupportForm,
        text="Would you like support for yourself as a carer?",
        hint="For example, a break from caring, help with your own health, or advice.",
        label="Support for you",
    ),
)

BY_SLUG = {question.slug: question for question in QUESTIONS}


def asked(answers: AnswersSoFar) -> list[Question]:
    """The questions this family is asked, given their answers so far, in order."""
    given: dict[str, Any] = {}
    result = []
    for question in QUESTIONS:
        if not question.ask_if(given):
            continue
        result.append(question)
        if question.key in answers:
            given[question.key] = answers[question.key]
    return result


def answers_in_use(answers: AnswersSoFar) -> dict[str, Any]:
    """Only the answers to questions this family is asked: stale ones are dropped."""
    return {q.key: answers[q.key] for q in asked(answers) if q.key in answers}


def next_unanswered(answers: AnswersSoFar) -> Question | None:
    """The first question asked but not yet answered, or None when all are answered."""
    return next((q for q in asked(answers) if q.key not in answers), None)


def previous(question: Question, answers: AnswersSoFar) -> Question | None:
    """The question asked before this one, or None for the first."""
    before = None
    for q in asked(answers):
        if q is question:
            return before
        before = q
    return before
