"""Deadline arithmetic for statutory timescales: plain Python, no Django.

Working days skip Saturdays, Sundays and bank holidays in England. Day 1 is the first working
day after the start date, so "45 working days from referral" on a Friday starts counting on
the Monday. Weeks and days are calendar periods: six weeks from 3 March is 14 April.
A period of days "beginning with" a day counts that day as day 1 (SEND Regulations 2014 reg 13(1):
"at least 15 days, beginning with the day on which the draft plan was served"), so its last day
is the start day plus 14.
"""

from dataclasses import dataclass
from datetime import date, timedelta

import holidays

WORKING_DAYS = "working-days"
WEEKS = "weeks"
DAYS = "days"
DAYS_BEGINNING_WITH = "days-beginning-with"
UNITS = (WORKING_DAYS, WEEKS, DAYS, DAYS_BEGINNING_WITH)


@dataclass(frozen=True)
class Deadline:
    """When a timescale ends, and which days were left out of the count."""

    start: date
    due: date
    length: int
    unit: str
    weekend_days: int = 0
    bank_holidays: tuple = ()  # (date, name) pairs skipped because they fell on a weekday

    @property
    def calendar_days(self):
        return (self.due - self.start).days


def england_bank_holidays(*years):
    """Bank holidays in England for `years`: {date: name}, substitute days named as such."""
    calendar = holidays.country_holidays("GB", subdiv="ENG", years=years)
    return {day: _named(name) for day, name in calendar.items()}


def _named(name):
    return name.replace("(observed)", "(substitute day)")


# The holidays package loads each further year itself the first time a date in it is asked for.
ENGLAND = holidays.country_holidays("GB", subdiv="ENG")


def is_weekend(day):
    return day.weekday() >= 5


def add_working_days(start, length):
    """The `length`th working day after `start`, skipping weekends and English bank holidays."""
    if length < 0:
        raise ValueError("length must not be negative")
    day, counted, weekend_days, skipped = start, 0, 0, []
    while counted < length:
        day += timedelta(days=1)
        if is_weekend(day):
            weekend_days += 1
        elif (name := ENGLAND.get(day)) is not None:
            skipped.append((day, _named(name)))
        else:
            counted += 1
    return Deadline(start, day, length, WORKING_DAYS, weekend_days, tuple(skipped))


def deadline(start, length, unit):
    """When a timescale of `length` `unit`s that starts on `start` ends."""
    if unit == WORKING_DAYS:
        return add_working_days(start, length)
    if unit == WEEKS:
        return Deadline(start, start + timedelta(weeks=length), length, unit)
    if unit == DAYS:
        return Deadline(start, start + timedelta(days=length), length, unit)
    if unit == DAYS_BEGINNING_WITH:
        if length < 1:
            raise ValueError("a period beginning with a day is at least 1 day long")
        return Deadline(start, start + timedelta(days=length - 1), length, unit)
    raise ValueError(f"unknown unit {unit!r}; expected one of {', '.join(UNITS)}")


def _plural(number, word):
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


def _and_list(items):
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def plural(number, word):
    """"1 working day", "3 working days"."""
    return _plural(number, word)


def period_words(length, unit):
    """"45 working days", "1 working day", "15 days", "20 weeks"."""
    word = {WORKING_DAYS: "working day", WEEKS: "week"}.get(unit, "day")
    return _plural(length, word)


def how_counted(result):
    """One or two plain-English sentences saying which days were skipped, if any."""
    if result.unit == DAYS_BEGINNING_WITH:
        return (
            f"We counted {_plural(result.length, 'day')} on the calendar, with the start date "
            "as day 1. Weekends and bank holidays count as days."
        )
    if result.unit != WORKING_DAYS:
        unit = "week" if result.unit == WEEKS else "day"
        return (
            f"We counted {_plural(result.length, unit)} ({_plural(result.calendar_days, 'day')}) "
            "on the calendar. Weekends and bank holidays count as days."
        )
    if not result.weekend_days and not result.bank_holidays:
        return "No weekend days or bank holidays fell in this period."
    parts = []
    if result.weekend_days:
        parts.append(_plural(result.weekend_days, "weekend day"))
    if result.bank_holidays:
        names = _and_list(name for _, name in result.bank_holidays)
        parts.append(f"{_plural(len(result.bank_holidays), 'bank holiday')}: {names}")
    return f"We skipped {' and '.join(parts)}."


def is_bank_holiday(day):
    """The bank holiday's name if `day` is one in England, otherwise None."""
    name = ENGLAND.get(day)
    return _named(name) if name else None


def is_working_day(day):
    return not is_weekend(day) and day not in ENGLAND


def working_days_between(after, upto):
    """How many working days fall after `after`, up to and including `upto` (0 if none)."""
    count, day = 0, after
    while day < upto:
        day += timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count


PASSED = "passed"
TODAY = "today"
TO_COME = "to-come"


@dataclass(frozen=True)
class Standing:
    """Where a deadline stands on `today`: passed, today or still to come, in working days."""

    state: str
    working_days: int
    today: date

    @property
    def sentence(self):
        days = _plural(self.working_days, "working day")
        if self.state == PASSED:
            if self.working_days == 0:
                return "The deadline has passed. No working days have gone by since."
            return f"The deadline has passed. It was {days} ago."
        if self.state == TODAY:
            return "The deadline is today."
        if self.working_days == 0:
            return "The deadline has not passed yet. No working days are left before it."
        verb = "is" if self.working_days == 1 else "are"
        return f"The deadline has not passed yet. There {verb} {days} left."


def standing(due, today):
    """Whether `due` has passed on `today`, and by (or in) how many working days."""
    if today > due:
        return Standing(PASSED, working_days_between(due, today), today)
    if today == due:
        return Standing(TODAY, 0, today)
    return Standing(TO_COME, working_days_between(today, due), today)
