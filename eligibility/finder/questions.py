"""The route finder's questions, as data: one page each, asked in this order.

Each question names its answer key (the contract in PRODUCT.md), its form, the words a parent
reads, the short label on "check your answers", and `ask_if`: a condition on the answers given
so far. A question that is not asked takes the engine's default (rules.Answers), so every
contract key always has a value.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
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
    """One question page: every word a parent reads on it, and when it is asked."""

    key: str  # the answer key in the contract
    slug: str  # the last part of the page's address
    kind: str  # "number", "yes-no", "one" (radios) or "many" (checkboxes): see forms.FORMS
    text: str  # the question, shown as the page heading
    hint: str  # shown under the question
    label: str  # the row's name on "check your answers"
    error: str  # the error message when nothing (or something impossible) is chosen
    choices: Mapping[str, str] = field(default_factory=dict)  # value -> what a parent reads
    divider_before: str = ""  # the choice that an "or" divider separates from the others
    ask_if: Callable[[AnswersSoFar], bool] = always
    why: str = ""  # optional paragraph: why we ask
    # For a number: its range, the units a parent may type after it, and its error messages.
    minimum: int = 0
    maximum: int = 0
    units: tuple[str, ...] = ()
    number_errors: Mapping[str, str] = field(default_factory=dict)

    @property
    def form_class(self) -> type[forms.QuestionForm]:
        return forms.FORMS[self.kind]

    def show(self, answer: Any) -> list[str]:
        """The answer as a parent reads it on "check your answers", one line per item."""
        if self.key == "age":
            return [f"{answer} {'year' if answer == 1 else 'years'} old"]
        if isinstance(answer, bool):
            return ["Yes" if answer else "No"]
        if isinstance(answer, list):
            return [self.choices[value] for value in answer] or ["None of these"]
        return [self.choices[answer]]


def choices(allowed: tuple[str, ...], labels: Mapping[str, str], last: str = "") -> dict[str, str]:
    """The labels of an answer's allowed values (rules.py), in the rules' order, `last` last."""
    missing = set(allowed) ^ set(labels)
    if missing:
        raise ValueError(f"labels and allowed values differ: {sorted(missing)}")
    ordered = [value for value in allowed if value != last] + ([last] if last else [])
    return {value: labels[value] for value in ordered}


QUESTIONS: tuple[Question, ...] = (
    Question(
        key="age",
        slug="age",
        kind="number",
        text="How old is your child?",
        hint="Enter their age in whole years, from 0 to 25. For a baby under 1, enter 0.",
        label="Age",
        error="Enter your child's age in years",
        minimum=rules.MIN_AGE,
        maximum=rules.MAX_AGE,
        units=("years", "year"),
        number_errors={
            "not-a-number": "Your child's age must be a number, like 9",
            "not-whole": "Enter your child's age in whole years, like 9",
            "out-of-range": f"Your child's age must be between {rules.MIN_AGE} and "
            f"{rules.MAX_AGE}",
        },
    ),
    Question(
        key="risk_of_harm",
        slug="risk-of-harm",
        kind="yes-no",
        text="Are you worried that your child is at risk of serious harm now?",
        hint="For example, that someone is hurting them, or that they could be badly hurt if "
        "nothing changes today.",
        label="Worried about serious harm now",
        error="Select yes if you are worried your child is at risk of serious harm now",
    ),
    Question(
        key="disability",
        slug="disability",
        kind="one",
        text="Does your child have a disability?",
        hint="This includes a long-term illness, autism or a learning disability. Your child "
        "does not need a diagnosis.",
        label="Disability",
        error="Select if your child has a disability",
        choices=choices(
            rules.DISABILITY,
            {"yes": "Yes", "no": "No", "not-sure": "I'm not sure (you do not need a diagnosis)"},
        ),
    ),
    Question(
        key="child_needs",
        slug="child-needs",
        kind="many",
        text="Do any of these describe your child?",
        hint="Select all that apply.",
        label="Your child's needs",
        error="Select all that describe your child, or select 'None of these'",
        choices=choices(
            rules.CHILD_NEEDS,
            {
                "severe-learning-difficulties": "My child has severe learning difficulties",
                "multiple-or-severe-disability": (
                    "My child has several disabilities, or a severe disability"
                ),
                "life-limiting-illness": "My child has an illness that will shorten their life",
                "complex-physical-disability": "My child has a complex physical disability",
            },
        ),
        ask_if=child_who_may_be_disabled,
    ),
    Question(
        key="family_factors",
        slug="family-factors",
        kind="many",
        text="Are any of these true for your family?",
        # The page says whose criteria these are (council_data.family_factors_hint).
        hint="Select all that apply.",
        label="Pressures on your family",
        error="Select all that are true for your family, or select 'None of these'",
        choices=choices(
            rules.FAMILY_FACTORS,
            {
                "family-breakdown-risk": "The strain is so great our family might break up",
                "challenging-behaviour": (
                    "My child's behaviour is much harder to manage than most children's"
                ),
                "complex-medical-needs": "My child needs a lot of medical care every day",
                "single-carer": "I am the only carer (a single parent or carer)",
                "poverty-or-housing": "Money, housing or where we live makes things harder",
                "limited-network": "We get little help from family or friends",
                "social-exclusion": "My child has few chances to try new things or make friends",
                "no-independence-opportunities": (
                    "My child has few chances to learn skills to be more independent"
                ),
                "discrimination": "My child is treated unfairly because of their disability",
            },
        ),
        ask_if=under_18,
    ),
    Question(
        key="ehc_plan",
        slug="ehc-plan",
        kind="one",
        text="Does your child have an education, health and care (EHC) plan?",
        hint="An EHC plan is a legal document that sets out the support a child or young "
        "person aged 0 to 25 needs for their education, health and care.",
        label="EHC plan",
        error="Select if your child has an EHC plan",
        choices=choices(
            rules.EHC_PLAN,
            {
                "yes": "Yes, my child has an EHC plan",
                "being-assessed": "We have asked for one, or it is being assessed",
                "no": "No",
            },
        ),
    ),
    Question(
        key="current_support",
        slug="current-support",
        kind="one",
        text="What support does your family have now?",
        hint="Select the one that fits best.",
        label="Support you have now",
        error="Select the support your family has now, or select 'None of these'",
        # "None of these" last, after an "or", as GOV.UK radios show an exclusive answer.
        choices=choices(
            rules.CURRENT_SUPPORT,
            {
                "none": "None of these",
                "early-help": "We have an Early Help worker or plan",
                "social-worker": "We have a social worker",
                "looked-after": "My child is in the council's care (looked after)",
            },
            last="none",
        ),
        divider_before="none",
    ),
    Question(
        key="carer_needs_support",
        slug="carer-support",
        kind="yes-no",
        text="Would you like support for yourself as a carer?",
        hint="For example, a break from caring, help with your own health, or advice.",
        label="Support for you",
        error="Select yes if you would like support for yourself as a carer",
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
