"""The bounded sweep of route finder answers, shared by the tests and the benchmark.

Every value of every single-choice answer, both values of each flag, each list empty, with one
item and full, at the ages either side of each age rule. Never one test per combination.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

from eligibility.finder.rules import (
    CHILD_NEEDS,
    CURRENT_SUPPORT,
    DISABILITY,
    EHC_PLAN,
    FAMILY_FACTORS,
)

SWEEP_AGES = (0, 5, 13, 14, 17, 18, 25)


def list_options(values: tuple[str, ...]) -> list[list[str]]:
    """A list answer empty, with each single item, and full."""
    return [[], *([value] for value in values), list(values)]


def families() -> Iterator[dict[str, Any]]:
    """Every family in the bounded sweep, as answers-file dictionaries."""
    for age, disability, ehc_plan, current, risk, carer, needs, factors in itertools.product(
        SWEEP_AGES,
        DISABILITY,
        EHC_PLAN,
        CURRENT_SUPPORT,
        (False, True),
        (False, True),
        list_options(CHILD_NEEDS),
        list_options(FAMILY_FACTORS),
    ):
        yield {
            "age": age,
            "disability": disability,
            "child_needs": needs,
            "family_factors": factors,
            "risk_of_harm": risk,
            "ehc_plan": ehc_plan,
            "current_support": current,
            "carer_needs_support": carer,
        }
