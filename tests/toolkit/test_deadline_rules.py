"""Deadline rules, one row per rule with the law it rests on: counting, and how late a date is."""

from datetime import date

import pytest

from toolkit.deadlines import (
    DAYS,
    DAYS_BEGINNING_WITH,
    PASSED,
    TO_COME,
    TODAY,
    deadline,
    how_counted,
    period_words,
    standing,
)

# SEND Regulations 2014 reg 13(1)(a): the parent has "at least 15 days, beginning with the day
# on which the draft plan was served", to make representations. "Beginning with" counts the day
# of service as day 1, so the 15th day is the day served plus 14.
DRAFT_PLAN_CASES = [
    pytest.param(date(2027, 3, 1), 15, date(2027, 3, 15), id="served-monday-day-15-is-monday"),
    pytest.param(date(2026, 12, 18), 15, date(2027, 1, 1), id="bank-holidays-still-count"),
    pytest.param(date(2028, 2, 20), 15, date(2028, 3, 5), id="leap-year"),
    pytest.param(date(2027, 3, 1), 1, date(2027, 3, 1), id="one-day-is-the-day-itself"),
]


@pytest.mark.parametrize(("served", "length", "last_day"), DRAFT_PLAN_CASES)
def test_a_period_beginning_with_a_day_counts_that_day_as_day_1(served, length, last_day):
    assert deadline(served, length, DAYS_BEGINNING_WITH).due == last_day


def test_plain_calendar_days_start_counting_the_day_after():
    # The other reading, kept for timescales that say "within N days of": day 1 is the next day.
    assert deadline(date(2027, 3, 1), 15, DAYS).due == date(2027, 3, 16)


def test_how_counted_says_the_start_day_is_day_1():
    result = deadline(date(2027, 3, 1), 15, DAYS_BEGINNING_WITH)
    assert how_counted(result) == (
        "We counted 15 days on the calendar, with the start date as day 1. Weekends and bank "
        "holidays count as days."
    )


def test_a_period_beginning_with_a_day_is_at_least_one_day():
    with pytest.raises(ValueError, match="at least 1 day"):
        deadline(date(2027, 3, 1), 0, DAYS_BEGINNING_WITH)


# Where the deadline stands "as of today", in working days: Monday to Friday, except bank holidays
# in England (the same working days the 45 working days of Working Together 2023 count).
FRIDAY = date(2027, 3, 5)
STANDING_CASES = [
    pytest.param(FRIDAY, date(2027, 3, 8), PASSED, 1,
                 "The deadline has passed. It was 1 working day ago.", id="passed-by-one"),
    pytest.param(FRIDAY, date(2027, 3, 9), PASSED, 2,
                 "The deadline has passed. It was 2 working days ago.", id="passed-by-two"),
    pytest.param(FRIDAY, date(2027, 3, 6), PASSED, 0,
                 "The deadline has passed. No working days have gone by since.",
                 id="passed-on-the-weekend"),
    pytest.param(date(2026, 12, 24), date(2026, 12, 29), PASSED, 1,
                 "The deadline has passed. It was 1 working day ago.",
                 id="christmas-and-boxing-day-do-not-count"),
    pytest.param(FRIDAY, FRIDAY, TODAY, 0, "The deadline is today.", id="today"),
    pytest.param(FRIDAY, date(2027, 3, 4), TO_COME, 1,
                 "The deadline has not passed yet. There is 1 working day left.",
                 id="one-day-left"),
    pytest.param(FRIDAY, date(2027, 3, 1), TO_COME, 4,
                 "The deadline has not passed yet. There are 4 working days left.",
                 id="four-days-left"),
    pytest.param(date(2027, 3, 7), date(2027, 3, 6), TO_COME, 0,
                 "The deadline has not passed yet. No working days are left before it.",
                 id="sunday-deadline-on-saturday"),
]


@pytest.mark.parametrize(("due", "today", "state", "days", "sentence"), STANDING_CASES)
def test_standing_says_whether_the_deadline_passed_and_by_how_many_working_days(
    due, today, state, days, sentence
):
    result = standing(due, today)
    assert (result.state, result.working_days, result.sentence) == (state, days, sentence)


@pytest.mark.parametrize(
    ("length", "unit", "words"),
    [
        pytest.param(1, "working-days", "1 working day", id="singular-working-day"),
        pytest.param(45, "working-days", "45 working days", id="working-days"),
        pytest.param(15, "days-beginning-with", "15 days", id="days-beginning-with"),
        pytest.param(1, "weeks", "1 week", id="singular-week"),
        pytest.param(20, "weeks", "20 weeks", id="weeks"),
    ],
)
def test_a_period_reads_in_plain_words(length, unit, words):
    assert period_words(length, unit) == words
