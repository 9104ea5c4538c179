"""Working-day arithmetic: one row per case, each worked out by hand from the GOV.UK calendar."""

from datetime import date

import pytest

from toolkit.deadlines import (
    DAYS,
    WEEKS,
    WORKING_DAYS,
    add_working_days,
    deadline,
    england_bank_holidays,
    how_counted,
)

WORKING_DAY_CASES = [
    # start, working days, due, weekend days skipped, bank holidays skipped
    pytest.param(date(2025, 3, 3), 5, date(2025, 3, 10), 2, [], id="2025-monday-plus-a-week"),
    pytest.param(date(2025, 3, 7), 1, date(2025, 3, 10), 2, [], id="2025-friday-to-monday"),
    pytest.param(date(2025, 3, 8), 1, date(2025, 3, 10), 1, [], id="2025-saturday-start"),
    pytest.param(date(2025, 3, 4), 0, date(2025, 3, 4), 0, [], id="zero-days-is-the-start"),
    pytest.param(
        date(2025, 3, 3), 45, date(2025, 5, 8), 18,
        ["Good Friday", "Easter Monday", "May Day"], id="2025-45-days-over-easter-and-may",
    ),
    pytest.param(
        date(2025, 4, 17), 1, date(2025, 4, 22), 2, ["Good Friday", "Easter Monday"],
        id="2025-easter",
    ),
    pytest.param(
        date(2025, 12, 24), 1, date(2025, 12, 29), 2, ["Christmas Day", "Boxing Day"],
        id="2025-christmas-on-thursday",
    ),
    pytest.param(
        date(2025, 12, 31), 1, date(2026, 1, 2), 0, ["New Year's Day"], id="2026-new-year",
    ),
    pytest.param(
        date(2026, 4, 2), 1, date(2026, 4, 7), 2, ["Good Friday", "Easter Monday"],
        id="2026-easter",
    ),
    pytest.param(
        date(2026, 11, 30), 45, date(2027, 2, 4), 18,
        ["Christmas Day", "Boxing Day (substitute day)", "New Year's Day"],
        id="2026-45-days-over-christmas-boxing-day-on-saturday",
    ),
    pytest.param(
        date(2027, 3, 25), 1, date(2027, 3, 30), 2, ["Good Friday", "Easter Monday"],
        id="2027-easter",
    ),
    pytest.param(
        date(2027, 12, 24), 1, date(2027, 12, 29), 2,
        ["Christmas Day (substitute day)", "Boxing Day (substitute day)"],
        id="2027-boxing-day-on-sunday-substitute-28-december",
    ),
    pytest.param(
        date(2027, 12, 31), 1, date(2028, 1, 4), 2, ["New Year's Day (substitute day)"],
        id="2028-new-year-on-saturday-substitute-3-january",
    ),
    pytest.param(
        date(2028, 4, 13), 1, date(2028, 4, 18), 2, ["Good Friday", "Easter Monday"],
        id="2028-easter",
    ),
    pytest.param(
        date(2028, 12, 22), 1, date(2028, 12, 27), 2, ["Christmas Day", "Boxing Day"],
        id="2028-christmas-on-monday",
    ),
    pytest.param(
        date(2021, 12, 24), 1, date(2021, 12, 29), 2,
        ["Christmas Day (substitute day)", "Boxing Day (substitute day)"],
        id="2021-christmas-weekend-two-substitutes",
    ),
    pytest.param(
        date(2022, 12, 23), 1, date(2022, 12, 28), 2,
        ["Boxing Day", "Christmas Day (substitute day)"],
        id="2022-christmas-on-sunday-substitute-27-december",
    ),
    pytest.param(
        date(2021, 12, 31), 1, date(2022, 1, 4), 2, ["New Year's Day (substitute day)"],
        id="2022-new-year-on-saturday",
    ),
]


@pytest.mark.parametrize(("start", "length", "due", "weekend_days", "holidays"),
                         WORKING_DAY_CASES)
def test_working_days_skip_weekends_and_english_bank_holidays(
    start, length, due, weekend_days, holidays
):
    result = add_working_days(start, length)
    assert result.due == due
    assert result.weekend_days == weekend_days
    assert [name for _, name in result.bank_holidays] == holidays


@pytest.mark.parametrize(
    ("start", "length", "unit", "due"),
    [
        pytest.param(date(2027, 3, 3), 6, WEEKS, date(2027, 4, 14), id="6-weeks"),
        pytest.param(date(2026, 1, 5), 20, WEEKS, date(2026, 5, 25), id="20-weeks-to-bank-hol"),
        pytest.param(date(2027, 12, 20), 2, WEEKS, date(2028, 1, 3), id="2-weeks-over-new-year"),
        pytest.param(date(2025, 1, 30), 15, DAYS, date(2025, 2, 14), id="15-calendar-days"),
        pytest.param(date(2028, 2, 20), 10, DAYS, date(2028, 3, 1), id="leap-year-days"),
        pytest.param(date(2025, 12, 24), 1, WORKING_DAYS, date(2025, 12, 29), id="working"),
    ],
)
def test_weeks_and_days_are_calendar_periods(start, length, unit, due):
    assert deadline(start, length, unit).due == due


def test_unknown_unit_is_refused():
    with pytest.raises(ValueError, match="unknown unit"):
        deadline(date(2027, 1, 1), 3, "fortnights")


def test_bank_holiday_names_call_observed_days_substitute_days():
    names = england_bank_holidays(2027)
    assert names[date(2027, 12, 28)] == "Boxing Day (substitute day)"
    assert names[date(2027, 12, 26)] == "Boxing Day"


@pytest.mark.parametrize(
    ("result", "sentence"),
    [
        pytest.param(
            add_working_days(date(2025, 12, 10), 12),
            "We skipped 6 weekend days and 2 bank holidays: Christmas Day and Boxing Day.",
            id="weekends-and-holidays",
        ),
        pytest.param(
            add_working_days(date(2025, 3, 3), 4),
            "No weekend days or bank holidays fell in this period.",
            id="nothing-skipped",
        ),
        pytest.param(
            add_working_days(date(2025, 3, 7), 1),
            "We skipped 2 weekend days.",
            id="weekend-only",
        ),
        pytest.param(
            deadline(date(2027, 3, 3), 6, WEEKS),
            "We counted 6 weeks (42 days) on the calendar. Weekends and bank holidays count as "
            "days.",
            id="weeks",
        ),
    ],
)
def test_how_it_was_counted_reads_as_a_sentence(result, sentence):
    assert how_counted(result) == sentence
