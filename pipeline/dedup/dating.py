"""Event dates: whether two reports' dates can name the day of one event.

A report's date is known at a *level* (:attr:`pipeline.dedup.state.Record.level`,
the coder's ``date_precision`` or a guess from the date itself):

* ``day``: an explicit day; two of them agree when equal or one day apart (time zones);
* ``week``: "two weeks ago", "more than two weeks after": within a week either side;
* ``month``: "in August", "last month": the calendar month (for a 1st) or a month
  either side; ``year``: "in 2019": that year;
* ``default``: the text gave no date and the coder used the story's day — an *upper
  bound*: the act happened then or earlier. A done act (``occurred``/``denied``) told
  without a date is often background ("the Alaska summit was the first since...") and
  may be up to ``BACKGROUND_DAYS`` older; an offer or plan is dated the day it was
  stated, so it may be at most ``window_days`` older. When the coder did not say the
  precision, a report dated its own publication day is taken for a default but looks
  back ``window_days`` only. Two defaults agree only within a day of each other: two
  undated reports a week apart are two occasions. A denial is dated by the day it was
  made ("the Kremlin on Monday denied that..."), so its date, too, is an upper bound
  of the alleged act's.

The spans are symmetric, so whether two reports agree never depends on which came
first.
"""

from __future__ import annotations

from datetime import date, timedelta

from pipeline.dedup.state import Record

__all__ = ["BACKGROUND_DAYS", "dates_agree", "span_of"]

BACKGROUND_DAYS = 30
_DONE = frozenset({"occurred", "denied"})
_WEEK = timedelta(days=7)
_MONTH = timedelta(days=31)


def _month(day: date) -> tuple[date, date]:
    first = day.replace(day=1)
    last = date(day.year + day.month // 12, day.month % 12 + 1, 1) - timedelta(days=1)
    return first, last


def span_of(record: Record, *, window_days: int) -> tuple[date, date]:
    """The first and last day the record's date may stand for."""
    day, level = record.date, record.level
    if level == "week":
        return day - _WEEK, day + _WEEK
    if level == "month":
        return _month(day) if day.day == 1 else (day - _MONTH, day + _MONTH)
    if level == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    if level == "default":
        told = record.precision is not None or record.status == "denied"
        back = BACKGROUND_DAYS if told and record.status in _DONE else window_days
        return day - timedelta(days=back), day
    return day, day


def dates_agree(left: Record, right: Record, window_days: int) -> bool:
    """Whether the two records' dates may be the same day (see the module docstring)."""
    gap = abs((left.date - right.date).days)
    if gap <= 1:
        return True
    if left.undated and right.undated:
        return False
    if left.precise and right.precise:
        return False
    l_first, l_last = span_of(left, window_days=window_days)
    r_first, r_last = span_of(right, window_days=window_days)
    return l_first <= r_last and r_first <= l_last
