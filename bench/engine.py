"""Time the route finder's suggest() over every family in the tests' bounded sweep.

Run from the repository root:  python bench/engine.py
Target: well under 1 ms per family.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.families import families  # noqa: E402
from eligibility.finder.rules import Answers, suggest  # noqa: E402

TARGET_MICROSECONDS = 1000.0
STOKE = {
    "short-breaks": "aiming-high",
    "early-help": "early-help",
    "social-work-assessment": "children-with-disabilities-team",
    "child-protection": "children-with-disabilities-team",
    "children-in-care": "children-with-disabilities-team",
    "parent-carer-assessment": "parent-carer-assessment",
}


def main() -> int:
    """Print the family count, mean and p99 microseconds per family, and if the target holds."""
    answers = [Answers.from_dict(data) for data in families()]
    for family in answers[:1000]:  # warm up
        suggest(family, STOKE)

    timings = []
    clock = time.perf_counter
    for family in answers:
        start = clock()
        suggest(family, STOKE)
        timings.append((clock() - start) * 1_000_000)

    timings.sort()
    mean = statistics.fmean(timings)
    p99 = timings[int(len(timings) * 0.99) - 1]
    met = p99 < TARGET_MICROSECONDS
    print(f"families: {len(timings)}")
    print(f"mean: {mean:.1f} us per family")
    print(f"p99: {p99:.1f} us per family")
    print(f"under 1 ms per family: {'yes' if met else 'NO'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
