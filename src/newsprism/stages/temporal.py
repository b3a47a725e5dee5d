"""Temporal expressions: find them in text and normalise them against an anchor date.

The rules follow news usage, where the anchor is the article's publication date:

- a bare or ``on``/``this`` weekday is the most recent such day, the anchor day included
  ("on Monday" in an article of Wed 2023-12-27 is 2023-12-25; "this Wednesday" is 2023-12-27);
  ``last X`` excludes the anchor day, ``next X`` looks forward; a sentence in the future
  tense (``direction=+1``) turns bare weekdays forward too;
- a day or month without a year ("Oct. 7", "in October") is the occurrence nearest the anchor,
  looking back up to about ten months (news reports mostly the past) and forward up to two; one
  told ahead (``direction=+1``: "when it goes on sale in January") is the next one, one told as gone
  by (``direction=-1``: "way back in November", "was opened in October") the last one, the anchor's
  own month included in both; one
  with "this", "last" or "next year" after it ("in April this year") is in that year;
- "September 11" with "attacks" after it or "the anniversary of" before it is 2001-09-11
  (:func:`named_day`);
- a named day of the calendar is read as a day without a year ("on Christmas Day" in a January report
  is the last one, "will release on Christmas Day" the coming one; "this Christmas", "last Easter",
  "Thanksgiving Day in 2012"); the movable ones are computed (Easter by the computus, Thanksgiving
  and the US Monday holidays as the n-th weekday of their month); a name used as a modifier ("a
  Christmas present", "the Christmas shopping season") or in a greeting is no time (:func:`holidays_told`);
- weeks are ISO weeks (value ``YYYY-Www``, precision "week"): "last week" in an article of
  2023-12-27 is ``2023-W51``; :func:`value_range` gives the Monday..Sunday it covers;
- expressions tied to another event ("days after", "weeks later", "the next day", "the next year",
  "the same day", "the following year"), durations, sets, vague words
  ("recently", "in recent years") and bounds ("less than two weeks ago", "over a year ago": any
  time since or before then, not one week or year) resolve to ``(None, "vague")``;
- with no anchor, relative expressions stay unresolved (value None, their precision kept), while
  absolute ones ("January 4, 2020", "2020") still resolve.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

__all__ = [
    "Resolution",
    "compatible",
    "find_times",
    "future_context",
    "holidays_told",
    "named_day",
    "resolve",
    "resolve_full",
    "street_number",
    "value_range",
]

PRECISIONS = ("day", "week", "month", "year", "vague")

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
# Every English month name and abbreviation -> month number; the one table the project matches months with.
MONTHS: dict[str, int] = {
    name: i
    for i, names in enumerate(
        (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")),
        start=1,
    )
    for name in names
}
_WEEKDAYS = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5,
             "sun": 6}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

# Month names are matched capitalised only: "may" the verb must not become a month.
_MONTH = (
    r"(?P<mon>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sep(?:tember|t\.|\.|t)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?|"
    r"JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)"
)
_WDAY = (r"(?P<wd>Mon(?:day)?|Tue(?:sday|s)?|Wed(?:nesday)?|Thu(?:rsday|rs?)?|Fri(?:day)?|Sat(?:urday)?"
         r"|Sun(?:day)?)")
_WDAY_FULL = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAYNUM = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[6-9]\d\d|20\d\d|21\d\d)"
_PART = r"(?:(?i:morning|afternoon|evening|night))"
_NUMWORD = (r"(?P<n>\d+|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+few"
            r"|several|few))")
_EDGE = (r"(?P<edge>(?i:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of"
         r"|the\s+middle\s+of)[\s-]+)?")
_APOS = r"(?:['’]s)?"
# A holiday's name (see _HOLIDAYS), a whole word ("Eastern" is no Easter). Not one of a greeting ("Merry
# Christmas", "Happy New Year") or of another calendar's day of the same name ("Chinese New Year",
# "Canadian Thanksgiving", in October; "Orthodox Easter" and "Orthodox Christmas" are the Julian calendar's),
# nor a name cut short of its possessive ("New Year" of "New Year's resolutions", which names no day), nor
# one that is a title or a name: after a possessive other than a year's ("John Carpenter's Halloween", not
# "last year's Christmas" nor "it's Christmas"), an honorific ("Dr Christmas") or the kind of work it names
# ("the album Christmas"). "Day" and "Eve" may be written small, "New Years" without its apostrophe.
_HOLIDAY_NAME = (
    r"(?P<hol>Christmas(?:\s+(?:Day|Eve|day|eve|morning|night))?|New\s+Year(?:['’]?s)?(?:\s+(?:[Dd]ay|[Ee]ve))?"
    r"|Boxing\s+[Dd]ay|(?:(?:St\.?|Saint)\s+)?Valentine" + _APOS + r"\s+[Dd]ay|Hallowe(?:en|['’]en)"
    r"|Bastille\s+[Dd]ay|Armistice\s+[Dd]ay|Veterans['’]?\s+[Dd]ay|Remembrance\s+[Dd]ay"
    r"|(?:St\.?|Saint)\s+Patrick" + _APOS + r"\s+[Dd]ay|Fourth\s+of\s+July|July\s+Fourth"
    r"|Easter(?:\s+(?:Sunday|Monday|[Dd]ay))?|Good\s+Friday|Thanksgiving(?:\s+[Dd]ay)?|Memorial\s+[Dd]ay"
    r"|Labor\s+[Dd]ay)"
)
_HOLIDAY = (r"(?<![Mm]erry\s)(?<![Hh]appy\s)(?<!MERRY\s)(?<!HAPPY\s)(?<!Chinese\s)(?<!Lunar\s)(?<!Jewish\s)"
            r"(?<!Persian\s)(?<!Islamic\s)(?<!Canadian\s)(?<!Orthodox\s)"
            r"(?:(?<!['’]s\s)|(?<=[Yy]ear['’]s\s)|(?<=\b[Ii]t['’]s\s)|(?<=[Hh]e['’]s\s)|(?<=[Hh]at['’]s\s)"
            r"|(?<=[Hh]ere['’]s\s))(?<!Dr\s)(?<!Dr\.\s)(?<!Mr\s)(?<!Mr\.\s)(?<!Mrs\s)(?<!Mrs\.\s)(?<!Ms\s)"
            r"(?<!Ms\.\s)(?<!film\s)(?<!movie\s)(?<!album\s)(?<!song\s)(?<!book\s)(?<!novel\s)"
            r"\b" + _HOLIDAY_NAME
            + r"\b(?!['’]s\b)")
# ... nor one naming a kind of thing or a stretch of time: a name followed by another word is a modifier
# ("a Christmas present", "Halloween-themed", "the Christmas shopping season", "Thanksgiving Day Parade",
# "Easter Island") unless the word is one that may follow a time ("on Christmas Day in 2012", "at
# Christmas when", "as Easter approaches"); a name so used is no time (the holiday season it may tell
# stays vague); _MODIFIED: the word after a name that makes it a modifier
_MODIFIED = (
    r"[ \t-]+(?!(?i:in|on|at|of|to|for|from|with|by|and|or|but|nor|as|when|while|after|before|until|till"
    r"|since|this|last|next|that|which|is|was|were|are|will|would|has|had|have|came|comes|approaches"
    r"|arrives|falls|he|she|they|it|we|i|you|the|a|an|his|her|their|its|our|my|your|there|then|so)\b)"
    r"[A-Za-z]"
)
# ... and so is one joined to another that does ("the Christmas and New Year sales period"), and one
# followed by a number that is no year of it ("Christmas in 2000 homes", "Easter 9999"): the pattern takes
# a year first, so a number left after the name counts something else or is out of the calendar's range
_NOT_A_TIME = (r"(?!" + _MODIFIED + r"|[ \t]+(?:and|or|&)[ \t]+" + _HOLIDAY_NAME.replace("(?P<hol>", "(?:")
               + _MODIFIED + r"|[ \t]+(?:(?i:of|in)[ \t]+)?\d)")


@dataclass(frozen=True)
class Resolution:
    """What an expression means: ISO value (or None), precision, and whether it needed the anchor."""

    value: str | None
    precision: str
    relative: bool
    label: str = "DATE"


_VAGUE = Resolution(None, "vague", False)


def _month(tok: str) -> int:
    return _MONTHS[tok.lower()[:3]]


def _wday(tok: str) -> int:
    return _WEEKDAYS[tok.lower()[:3]]


def _iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _add_months(d: date, n: int) -> tuple[int, int]:
    m = d.year * 12 + (d.month - 1) + n
    return m // 12, m % 12 + 1


def _safe_day(y: int, m: int, dd: int) -> date | None:
    if not (1 <= m <= 12) or not (1 <= dd <= calendar.monthrange(y, m)[1]):
        return None
    return date(y, m, dd)


def _near_year(anchor: date, month: int, day: int | None, direction: int) -> int:
    """The year putting (month, day) nearest the anchor: back up to ~10 months, forward up to ~2."""
    best_year, best_cost = anchor.year, None
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        d = _safe_day(y, month, day or 15)
        if d is None:
            d = date(y, month, 28)
        delta = (d - anchor).days  # >0 future
        if direction > 0:
            cost = delta if delta >= -1 else 10_000 - delta
        elif direction < 0:
            cost = -delta if delta <= 1 else 10_000 + delta
        else:
            cost = -delta if delta <= 0 else delta * 5  # the future costs more in news
        if day is None:
            ahead = (y - anchor.year) * 12 + month - anchor.month  # months after the anchor's month
            if direction > 0:  # "goes on sale in January": the next one, this month included
                cost = ahead if ahead >= 0 else 10_000 - ahead
            elif direction < 0:  # "way back in November": the last one, this month included
                cost = -ahead if ahead <= 0 else 10_000 + ahead
            else:
                # a month is "near" when it is this month or recent, not half-way through the year ahead
                cost = abs(delta) if delta <= 15 else delta * 5
        if best_cost is None or cost < best_cost:
            best_year, best_cost = y, cost
    return best_year


def _weekday(anchor: date, wd: int, mod: str, direction: int) -> date:
    back = (anchor.weekday() - wd) % 7  # 0..6 days back to the most recent such day
    fwd = (wd - anchor.weekday()) % 7
    if mod == "last" or mod == "past" or mod == "previous":
        return anchor - timedelta(days=back or 7)
    if mod == "next" or mod == "coming":
        return anchor + timedelta(days=fwd or 7)
    if direction > 0:
        return anchor + timedelta(days=fwd)
    return anchor - timedelta(days=back)


# --------------------------------------------------------------------------- handlers
# Each pattern is (name, regex, handler(match, anchor, direction) -> Resolution | None).

Handler = Callable[[re.Match[str], date | None, int], Resolution | None]


def _h_iso(m: re.Match[str], anchor: date | None, direction: int) -> Resolution | None:
    d = _safe_day(int(m["year"]), int(m["m"]), int(m["day"]))
    return Resolution(d.isoformat(), "day", False) if d else None


def _h_mdy(m: re.Match[str], anchor: date | None, direction: int) -> Resolution | None:
    d = _safe_day(int(m["year"]), _month(m["mon"]), int(m["day"]))
    return Resolution(d.isoformat(), "day", False) if d else None


def _h_my(m: re.Match[str], anchor: date | None, direction: int) -> Resolution | None:
    return Resolution(f"{int(m['year']):04d}-{_month(m['mon']):02d}", "month", False)


def _h_md(m: re.Match[str], anchor: date | None, direction: int) -> Resolution | None:
    mon, day = _month(m["mon"]), int(m["day"])
    if not 1 <= day <= 31:
        return None
    if anchor is None:
        return Resolution(None, "day", True)
    d = _safe_day(_near_year(anchor, mon, day, direction), mon, day)
    return Resolution(d.isoformat(), "day", True) if d else None


def _h_month(m: re.Match[str], anchor: date | None, direction: int) -> Resolution | None:
    mon = _month(m["mon"])
    if anchor is None:
        return Resolution(None, "month", True)
    mod = (m.groupdict().get("mod") or "").lower()
    y = _near_year(anchor, mon, None, direction)
    ymod = (m.groupdict().get("ymod") or "").lower()
    if ymod:  # "in April this year", "October of last year": the month of that year
        y = anchor.year + {"this": 0, "last": -1, "next": 1}[ymod]
    elif mod in ("last", "past", "previous"):
        y = anchor.year if mon < anchor.month else anchor.year - 1
    elif mod in ("next", "coming"):
        y = anchor.year if mon > anchor.month else anchor.year + 1
    elif mod == "this":
        y = anchor.year
    return Resolution(f"{y:04d}-{mon:02d}", "month", True)


def _h_year(m: re.Match[str], anchor: date | None, direction: int) -> Resolution | None:
    return Resolution(m["year"], "year", False)


def _h_season(m: re.Match[str], anchor: date | None, direction: int) -> Resolution | None:
    return Resolution(m["year"], "year", False)


def _h_wday(m: re.Match[str], anchor: date | None, direction: int) -> Resolution | None:
    if anchor is None:
        return Resolution(None, "day", True)
    mod = (m.groupdict().get("mod") or "").lower()
    return Resolution(_weekday(anchor, _wday(m["wd"]), mod, direction).isoformat(), "day", True)


_DEICTIC_DAYS = {
    "the day before yesterday": -2, "yesterday": -1, "last night": -1, "today": 0, "tonight": 0,
    "this morning": 0, "this afternoon": 0, "this evening": 0, "earlier today": 0, "later today": 0,
    "tomorrow": 1, "the day after tomorrow": 2,
}


def _h_deictic(m: re.Match[str], anchor: date | None, direction: int) -> Resolution | None:
    key = " ".join(m.group(0).lower().split())
    if anchor is None:
        return Resolution(None, "day", True)
    return Resolution((anchor + timedelta(days=_DEICTIC_DAYS[key])).isoformat(), "day", True)


def _h_rel_unit(m: re.Match[str], anchor: date | None, direction: int) -> Resolution | None:
    mod, unit = m["mod"].lower(), m["unit"].lower()
    if unit == "day":
        return _VAGUE  # "the next day", "the previous day": the day after or before another time, not today's
    if m["the"]:
        # the week, month or year after a time told before, or the twelve months ahead, not the one after
        # publication: "By the next year Williams was claiming on his blog" (FNC-1 body 110, of 2003), "over
        # the next year"
        return _VAGUE
    step = {"last": -1, "past": -1, "previous": -1, "this": 0, "current": 0, "next": 1, "coming": 1}[mod]
    precision = unit if unit in ("week", "month", "year") else "year"
    if anchor is None:
        return Resolution(None, precision, True)
    if unit == "week":
        return Resolution(_iso_week(anchor + timedelta(days=7 * step)), "week", True)
    if unit == "month":
        y, mo = _add_months(anchor, step)
        return Resolution(f"{y:04d}-{mo:02d}", "month", True)
    return Resolution(f"{anchor.year + step:04d}", "year", True)


def _h_ago(m: re.Match[str], anchor: date | None, direction: int) -> Resolution | None:
    n_raw, unit = " ".join(m["n"].lower().split()), m["unit"].lower()
    n = int(n_raw) if n_raw.isdigit() else _NUMBERS.get(n_raw)
    precision = {"day": "day", "week": "week", "month": "month", "year": "year"}[unit]
    if n is None:  # "a few days ago", "several years ago"
        return _VAGUE
    if anchor is None:
        return Resolution(None, precision, True)
    if unit == "day":
        return Resolution((anchor - timedelta(days=n)).isoformat(), "day", True)
    if unit == "week":
        return Resolution(_iso_week(anchor - timedelta(days=7 * n)), "week", True)
    if unit == "month":
        y, mo = _add_months(anchor, -n)
        return Resolution(f"{y:04d}-{mo:02d}", "month", True)
    return Resolution(f"{anchor.year - n:04d}", "year", True)


def _h_vague(m: re.Match[str], anchor: date | None, direction: int) -> Resolution | None:
    return _VAGUE


def _h_duration(m: re.Match[str], anchor: date | None, direction: int) -> Resolution | None:
    return Resolution(None, "vague", False, "DURATION")


def _h_set(m: re.Match[str], anchor: date | None, direction: int) -> Resolution | None:
    return Resolution(None, "vague", False, "SET")


def _easter(year: int) -> date:
    """Easter Sunday of ``year`` in the Gregorian calendar, by the computus (the anonymous algorithm of
    Meeus/Jones/Butcher): the first Sunday after the ecclesiastical full moon on or after March 21."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month, day = divmod(h + ell - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _nth_weekday(year: int, month: int, wd: int, n: int) -> date:
    """The ``n``-th weekday ``wd`` (0 = Monday) of the month, counted from its end when ``n`` < 0."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - wd) % 7 + 7 * (-n - 1))


# The named days of the calendar news dates by: a holiday's name (its first word, lowercased, or two for
# "new year" and "good friday") -> its day in a given year. Fixed days are a month and day; the movable ones
# are computed (Easter by the computus, the US Monday holidays and Thanksgiving as the n-th weekday of their
# month), never read off a table of years. Left out: days whose date depends on the country ("Independence
# Day" is July 4 in the US, August 15 in India; "Mother's Day" is in May in the US, in March in Britain;
# "Labour Day" is May 1 in most of the world, the US spelling "Labor Day" the first Monday of September) and
# the lunar or lunisolar ones (Ramadan, Eid, Chinese New Year, Passover, Diwali), which need their calendars.
_HOLIDAYS: dict[str, Callable[[int], date]] = {
    "christmas": lambda y: date(y, 12, 25),
    "christmas eve": lambda y: date(y, 12, 24),
    "new year": lambda y: date(y, 1, 1),
    "new year eve": lambda y: date(y, 12, 31),
    "boxing": lambda y: date(y, 12, 26),
    "valentine": lambda y: date(y, 2, 14),
    "halloween": lambda y: date(y, 10, 31),
    "hallowe": lambda y: date(y, 10, 31),
    "bastille": lambda y: date(y, 7, 14),
    "armistice": lambda y: date(y, 11, 11),
    "veterans": lambda y: date(y, 11, 11),
    "remembrance": lambda y: date(y, 11, 11),
    "patrick": lambda y: date(y, 3, 17),
    "fourth": lambda y: date(y, 7, 4),
    "july": lambda y: date(y, 7, 4),
    "easter": _easter,
    "easter monday": lambda y: _easter(y) + timedelta(days=1),
    "good friday": lambda y: _easter(y) - timedelta(days=2),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),  # the fourth Thursday of November (the US one)
    "memorial": lambda y: _nth_weekday(y, 5, 0, -1),  # the last Monday of May
    "labor": lambda y: _nth_weekday(y, 9, 0, 1),  # the first Monday of September
}


def _holiday_key(name: str) -> str:
    words = re.findall(r"[a-z]+", name.lower())
    if words[0] in ("st", "saint"):  # "St. Patrick's Day", "Saint Valentine's Day"
        words = words[1:]
    if words[0] == "christmas" and words[1:2] == ["eve"]:
        return "christmas eve"
    if words[0] == "new":
        return "new year eve" if words[-1] == "eve" else "new year"
    if words[0] in ("easter", "good") and words[1:2] in (["monday"], ["friday"]):
        return f"{words[0]} {words[1]}"
    return words[0]


# how long after a holiday a past "this <holiday>" is still the one just gone, not the year's next one,
# and how long before it its season has begun, so that a past told in it is of this year's ("Shoppers
# flocked to the malls this Christmas" in mid-December)
_JUST_GONE_DAYS = 62
_SEASON_DAYS = 31


def _h_holiday(m: re.Match[str], anchor: date | None, direction: int) -> Resolution | None:
    day_in = _HOLIDAYS[_holiday_key(m["hol"])]
    if m["year"]:  # "Christmas 2019", "Thanksgiving Day in 2012", "Valentine's Day of 2015"
        return Resolution(day_in(int(m["year"])).isoformat(), "day", False)
    if anchor is None:
        return Resolution(None, "day", True)
    mod = (m["mod"] or "").lower()
    ymod = (m["ymod"] or "").lower()
    if ymod or mod == "this":  # "this Christmas", "Easter last year": that year's
        y = anchor.year + {"this": 0, "last": -1, "next": 1, "": 0}[ymod]
        if not ymod and direction < 0 and day_in(y) > anchor:
            if (anchor - day_in(y - 1)).days <= _JUST_GONE_DAYS:
                y -= 1  # "This Christmas was quiet" in a January report: the one just gone
            elif (day_in(y) - anchor).days > _SEASON_DAYS:
                # told in the past in June: neither the Christmas to come nor, months back, one a
                # report would call "this"
                return Resolution(None, "day", True)
        return Resolution(day_in(y).isoformat(), "day", True)
    if mod:  # "last Christmas" is the one before the anchor day, "next Easter" the one after it
        step = -1 if mod in ("last", "past", "previous") else 1
        y = anchor.year
        while (day_in(y) - anchor).days * step <= 0:
            y += step
        return Resolution(day_in(y).isoformat(), "day", True)
    # a bare one is read as a day of the month without a year: "on Christmas Day" in a January report is
    # the last one, "will release on Christmas Day" the coming one
    near = day_in(anchor.year)
    return Resolution(day_in(_near_year(anchor, near.month, near.day, direction)).isoformat(), "day", True)


_UNIT = r"(?P<unit>(?i:day|week|month|year))s?"
_MONTH_GAP = r"(?:\s+|(?<=\.))"  # between a month and its day: blanks, or none after an abbreviation's stop
_PATTERNS: list[tuple[str, str, Handler]] = [
    ("iso", r"\b" + _YEAR + r"-(?P<m>[01]\d)-(?P<day>[0-3]\d)\b", _h_iso),
    # "Oct.22, 2014" (no blank after the abbreviation's stop), "October 6, 2014The seam" (an embedded
    # post's date glued to the text after it)
    ("mdy", r"(?:" + _WDAY + r"\s*,?\s+)?" + _EDGE.replace("edge", "e1") + _MONTH + _MONTH_GAP + _DAYNUM
     + r"\s*,?\s+" + _YEAR + r"(?!\d)", _h_mdy),
    ("dmy", r"(?:" + _WDAY + r"\s*,?\s+)?" + _DAYNUM + r"\s+(?:(?i:of)\s+)?" + _MONTH + r"\s*,?\s+" + _YEAR
     + r"\b", _h_mdy),
    ("my", _EDGE + _MONTH + r"\s*,?\s+(?:(?i:of)\s+)?" + _YEAR + r"\b", _h_my),
    ("md", r"(?:" + _WDAY + r"\s*,?\s+)?" + _MONTH + _MONTH_GAP + _DAYNUM + r"(?![\d\s,.]*\d{4})\b", _h_md),
    ("dm", r"(?:" + _WDAY + r",?\s+)?(?:(?i:the)\s+)?" + _DAYNUM + r"\s+(?:(?i:of)\s+)?" + _MONTH + r"\b",
     _h_md),
    ("season", r"(?i:early|mid|late)?[\s-]?(?i:spring|summer|fall|autumn|winter)\s+(?:(?i:of)\s+)?" + _YEAR
     + r"\b", _h_season),
    ("quarter", r"(?i:the\s+)?(?i:first|second|third|fourth|1st|2nd|3rd|4th|last)\s+(?i:quarter|half)\s+"
     r"(?i:of\s+)?" + _YEAR + r"\b", _h_season),
    ("edgeyear", r"(?i:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of)[\s-]+" + _YEAR
     + r"\b", _h_year),
    ("month", r"(?:(?P<mod>(?i:last|next|this|past|previous|coming))\s+)?" + _EDGE + _MONTH + r"(?![a-z])"
     + r"(?:\s+(?i:of\s+)?(?P<ymod>(?i:this|last|next))\s+(?i:year)\b)?", _h_month),
    ("wday", r"(?:(?P<mod>(?i:last|next|this|past|previous|coming|on))\s+)?" + _WDAY_FULL + _APOS
     + r"(?:\s+" + _PART + r")?\b", _h_wday),
    ("deictic", (r"(?i:\bthe\s+day\s+before\s+yesterday|\bthe\s+day\s+after\s+tomorrow|\byesterday|\btoday"
     r"|\btonight|\btomorrow|\bthis\s+(?:morning|afternoon|evening)|\blast\s+night|\bearlier\s+today"
     r"|\blater\s+today)\b"), _h_deictic),
    ("ago", r"\b" + _NUMWORD + r"\s+" + _UNIT + r"\s+(?i:ago)\b", _h_ago),
    ("relunit", r"\b(?:(?P<the>(?i:the))\s+(?=(?i:next)\s+(?i:week|month|year)\b))?"
     r"(?P<mod>(?i:last|past|previous|this|current|next|coming))\s+" + _UNIT.replace("s?", "") + r"\b"
     + r"(?!\s*(?i:s\b|ago))", _h_rel_unit),
    ("vague", (r"(?i:\brecently\b|\bin\s+recent\s+(?:years|months|weeks|days|times)\b|\bsoon\b|\bcurrently\b"
     r"|\bnowadays\b|\bat\s+the\s+time\b|\bthese\s+days\b|\bin\s+the\s+past\b|\bin\s+the\s+future\b"
     r"|\b(?:days|weeks|months|years|hours)\s+(?:after|later|earlier|before|ago)\b"
     r"|\bthe\s+(?:past|last|next|coming)\s+(?:few|several)\s+(?:days|weeks|months|years)\b"
     r"|\brecent\s+(?:days|weeks|months|years)\b|\bthe\s+\d{4}s\b"
     # a bound, not a time: "less than two weeks ago" is any day since then
     r"|\b(?:less|more|fewer)\s+than\s+(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten"
     r"|a\s+few)\s+(?:days?|weeks?|months?|years?)\s+ago\b"
     r"|\bover\s+(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
     r"(?:days?|weeks?|months?|years?)\s+ago\b)"), _h_vague),
    ("duration", (r"\b(?:\d+|(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|many"
     r"|a\s+few))[\s-]+(?i:days?|weeks?|months?|years?|decades?|hours?)(?:[\s-]+(?i:long|old))?\b"),
     _h_duration),
    ("set", (r"(?i:\bevery\s+(?:day|week|month|year|monday|tuesday|wednesday|thursday|friday|saturday"
     r"|sunday)\b)|\b(?:daily|weekly|monthly|annually|yearly)\b"), _h_set),
    ("anaphor", (r"\b(?i:(?:on\s+)?the\s+(?:same|following)\s+(?:day|week|month|year)"
     r"|(?:on\s+)?that\s+same\s+(?:day|week|month|year))\b"), _h_vague),
    ("year", r"(?:(?<=\bin\s)|(?<=\bIn\s)|(?<=\bsince\s)|(?<=\bSince\s)|(?<=\bby\s)|(?<=\bof\s)"
     r"|(?<=\bduring\s)|(?<=\buntil\s)|(?<=\bfrom\s)|(?<=\bto\s)|(?<=\bbefore\s)|(?<=\bafter\s))" + _YEAR
     + r"\b(?![\d%,.]\d)", _h_year),
    ("holiday", r"(?:(?P<mod>(?i:last|next|this|past|previous|coming))\s+)?" + _HOLIDAY
     + r"(?:\s*,?\s+(?:(?i:of|in)\s+)?" + _YEAR + r"\b(?!(?<=[Ii]n\s\d{4})" + _MODIFIED + r")"
     + r"|\s+(?P<ymod>(?i:this|last|next))\s+(?i:year)\b"
     + r"|" + _NOT_A_TIME + r")", _h_holiday),
]
_COMPILED = [(n, re.compile(p), h) for n, p, h in _PATTERNS]
_HANDLERS = {n: h for n, _, h in _COMPILED}
# Used only inside expressions already known to be dates (spaCy DATE entities): a bare year.
_BARE_YEAR = re.compile(r"\b" + _YEAR + r"\b(?![\d%])")
_ORDER = {n: i for i, (n, _, _) in enumerate(_PATTERNS)}


# Finding the patterns fast. Most patterns open with optional words ("Wednesday, ", "early ",
# "last ") and lookbehinds, which leave the regex engine nothing to skip ahead by: it tries every
# pattern at every character. Yet every match holds a key: a year, a month or weekday name, or a
# word of its own ("ago", "yesterday", "day" ...), which a plain search finds at C speed, and the
# words before that key are few. So each key found is looked at from the start of the
# ``reach``-th chunk before it (chunks are separated by blanks and hyphens; the separators before
# that chunk are taken in too)
# up to the key itself, and the pattern is tried (``match``) at each of those places, left to
# right, as ``finditer`` would; a match resumes the search after its end. Every place a match can
# start is tried in order, so the matches are those of ``finditer`` over the whole text.
# Keys of case-insensitive words are searched in a folded copy of the text of the same length
# (``_fold``), where every letter the regex engine takes as an ASCII letter is that letter.
_YEAR_KEY = re.compile(r"1[6-9]\d\d|2[01]\d\d")  # every _YEAR
_MONTH_STEMS = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
)  # fmt: skip
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_UNITS = "day|week|month|year"
# key name -> (regex, searched in the folded text)
_KEYS: dict[str, tuple[re.Pattern[str], bool]] = {
    "year": (_YEAR_KEY, False),
    "month": (re.compile("|".join(_MONTH_STEMS)), False),  # every _MONTH starts with one
    "wday": (re.compile("|".join(_WEEKDAY_NAMES)), False),
    "deictic": (re.compile("yesterday|today|tonight|tomorrow|morning|afternoon|evening|night"), True),
    "ago": (re.compile("ago"), True),
    "unit": (re.compile(_UNITS), True),
    "vague": (re.compile(_UNITS + r"|hour|recent|soon|current|nowadays|time|past|future|\d{4}s"), True),
    "duration": (re.compile(_UNITS + "|decade|hour"), True),
    "set": (re.compile("every|daily|weekly|monthly|annually|yearly"), True),
    "holiday": (re.compile("Christmas|Year|Boxing|Valentine|Hallowe|Bastille|Armistice|Veterans|Remembrance"
                           "|Patrick|Fourth|Easter|Good|Thanksgiving|Memorial|Labor"), False),
}


def _key_parts(rx: re.Pattern[str]) -> tuple[tuple[str, ...], re.Pattern[str] | None]:
    """A key's plain words, and a regex of its other alternatives (None when there are none).

    The positions where an alternation of words matches are those where one of the words is found,
    and ``str.find`` finds a word many times quicker than the regex engine tries an alternation of
    words at every character (of a lowercased text, where its first letters are everywhere)."""
    if "(" in rx.pattern or re.search(r"\[[^\]]*\|", rx.pattern):
        return (), rx  # a "|" inside a group or a set: not the top level's
    alternatives = rx.pattern.split("|")
    words = tuple(a for a in alternatives if a.isascii() and a.isalpha())
    rest = [a for a in alternatives if a not in words]
    return words, re.compile("|".join(rest)) if rest else None


_KEY_PARTS = {key: _key_parts(rx) for key, (rx, _) in _KEYS.items()}
# pattern -> (its key, how many chunks before the key a match can start): one more than the most
# the pattern's leading words can span ("Wednesday , the middle of" is five before "January").
_SCAN: dict[str, tuple[str, int]] = {
    "iso": ("year", 1), "mdy": ("month", 6), "dmy": ("month", 5), "my": ("month", 4), "md": ("month", 3),
    "dm": ("month", 5), "season": ("year", 4), "quarter": ("year", 5), "edgeyear": ("year", 4),
    "month": ("month", 5), "wday": ("wday", 2), "deictic": ("deictic", 4), "ago": ("ago", 4),
    "relunit": ("unit", 2), "vague": ("vague", 5), "duration": ("duration", 3), "set": ("set", 1),
    "anaphor": ("unit", 4), "year": ("year", 1), "holiday": ("holiday", 3),
}  # fmt: skip
# Letters other than A-Z that the regex engine matches case-insensitively with an ASCII letter.
_FOLD_EXTRA = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_FOLD = str.maketrans({**{chr(c): chr(c + 32) for c in range(65, 91)}, **_FOLD_EXTRA})
_CHUNK_RX = re.compile(r"[^\s-]+")  # "mid - - January": hyphens join words as blanks do
# In the reversed text, from a key back: the rest of its chunk, up to ``reach`` chunks before it with
# the separators after each, and the separators before the last (it always matches).
_BACK = {reach: re.compile(rf"[^\s-]*(?:[\s-]+[^\s-]+){{0,{reach}}}[\s-]*") for reach in range(1, 7)}

# Patterns every alternative of which opens with ``\b`` and a word character: a match starts only
# where a word does, and the next place one starts is found at C speed (``\b`` at a position sees
# the character before it even when the search starts there).
_AT_WORD_START = frozenset({"iso", "deictic", "ago", "relunit", "vague", "duration", "set", "anaphor"})
_WORD_START_RX = re.compile(r"\b\w")


def _fold(text: str) -> str:
    """``text`` with every letter that matches an ASCII letter ignoring case as that lowercase letter.

    Other letters may come out lowercased too (``str.lower``, far quicker than ``translate``): the
    keys searched in it are ASCII words and digits, and no other letter lowercases to an ASCII
    letter or changes length once the four of :data:`_FOLD_EXTRA` are replaced (U+0130 "İ", the one
    letter lowercasing to two, is one of them), nor does any letter become or stop being a digit.
    """
    if text.isascii():
        return text.lower()
    for c, ascii_letter in _FOLD_EXTRA.items():
        if c in text:
            text = text.replace(c, ascii_letter)
    return text.lower()


class _Scanner:
    """Where the keys of one text are, found once for all the patterns sharing them."""

    def __init__(self, text: str):
        self.text = text
        self._folded: str | None = None
        self._hits: dict[str, list[int]] = {}
        self._reversed: str | None = None

    def hits(self, key: str) -> list[int]:
        """Every position where the key matches (overlapping ones too)."""
        got = self._hits.get(key)
        if got is None:
            _, folded = _KEYS[key]
            words, rx = _KEY_PARTS[key]
            where = self.text
            if folded:
                if self._folded is None:
                    self._folded = _fold(self.text)
                where = self._folded
            found: set[int] = set()
            for w in words:
                k = where.find(w)
                while k >= 0:
                    found.add(k)
                    k = where.find(w, k + 1)
            if rx is not None:
                m = rx.search(where)
                while m is not None:
                    found.add(m.start())
                    m = rx.search(where, m.start() + 1)
            got = self._hits[key] = sorted(found)
        return got

    def window(self, q: int, reach: int) -> int:
        """The first place a match whose key is at ``q`` can start: the end of the chunk ``reach``
        chunks before the one holding ``q`` (a key is no separator), else the start of the text.

        Read off the reversed text from ``q`` back (:data:`_BACK`): only the few chunks before
        a key are looked at, not every chunk of the text."""
        rev = self._reversed
        if rev is None:
            rev = self._reversed = self.text[::-1]
        n = len(rev)
        m = _BACK[reach].match(rev, n - 1 - q)
        return n - m.end() if m is not None else 0

    def finditer(self, name: str, rx: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """``rx.finditer(text)``, trying ``rx`` only where a match can start."""
        key, reach = _SCAN[name]
        text = self.text
        at_word = name in _AT_WORD_START
        pos = 0  # no match starts before this (the end of the last one)
        tried = 0  # every place before this was tried
        for q in self.hits(key):
            s = max(pos, tried, self.window(q, reach))
            while s <= q:
                if at_word:
                    w = _WORD_START_RX.search(text, s, q + 1)  # the next word starting at q at the latest
                    if w is None:
                        break
                    s = w.start()
                m = rx.match(text, s)
                if m is None:
                    s += 1
                    continue
                yield m
                pos = s = m.end()  # no pattern matches the empty string: each needs its key
            tried = max(tried, q + 1)


def _matches(text: str, holidays: bool = True) -> list[tuple[int, int, str, re.Match[str]]]:
    """All pattern matches, longest first, without overlaps; ``holidays``: holidays' names count."""
    found: list[tuple[int, int, str, re.Match[str]]] = []
    scan = _Scanner(text)
    for name, rx, _ in _COMPILED:
        if name == "holiday" and not holidays:
            continue
        for m in scan.finditer(name, rx):
            s, e = m.span()
            # strip whitespace the optional groups may have swallowed
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                found.append((s, e, name, m))
    found.sort(key=lambda x: (-(x[1] - x[0]), _ORDER[x[2]], x[0]))
    taken: list[tuple[int, int, str, re.Match[str]]] = []
    for cand in found:
        if all(cand[1] <= t[0] or cand[0] >= t[1] for t in taken):
            taken.append(cand)
    taken.sort(key=lambda x: x[0])
    return taken


def find_times(text: str) -> list[tuple[int, int]]:
    """Character spans of temporal expressions found by the patterns (no parse needed)."""
    return [(s, e) for s, e, _, _ in _matches(text)]


@lru_cache(maxsize=4096)
def _expression_matches(expr: str, holidays: bool = True) -> tuple[tuple[int, int, str, re.Match[str]], ...]:
    """:func:`_matches` of one expression, kept: a corpus names the same few hundred ("Monday",
    "last week", "2014") over and over, and its patterns cost more than reading them off."""
    return tuple(_matches(expr, holidays))


def resolve_full(expr: str, anchor: date | None, direction: int = 0, holidays: bool = True) -> Resolution:
    """Normalise one expression; ``direction`` +1 when its sentence speaks of the future, -1 past;
    ``holidays`` False: a holiday's name it holds is no time (:func:`holidays_told`)."""
    hits = _expression_matches(expr, holidays)
    best: Resolution | None = None
    rank = {"day": 0, "week": 1, "month": 2, "year": 3, "vague": 4}
    for _, _, name, m in hits:
        res = _HANDLERS[name](m, anchor, direction)
        if res is None:
            continue
        # prefer the most precise reading ("Monday, Dec. 25" -> the day; "2020" inside a longer one)
        if best is None or (rank[res.precision], res.value is None) < (
                rank[best.precision], best.value is None):
            best = res
    if best is None:
        y = _BARE_YEAR.search(expr)
        if y:
            return Resolution(y["year"], "year", False)
        return _VAGUE
    return best


def resolve(expr: str, anchor: date | None, direction: int = 0) -> tuple[str | None, str]:
    """``(value, precision)`` of a temporal expression against ``anchor`` (the article's date)."""
    r = resolve_full(expr, anchor, direction)
    return r.value, r.precision


# --------------------------------------------------------------------------- value arithmetic

_WEEK_RX = re.compile(r"^(\d{4})-W(\d{2})$")


def value_range(value: str) -> tuple[date, date]:
    """First and last day a normalised value covers (``2020`` -> 2020-01-01..2020-12-31)."""
    w = _WEEK_RX.match(value)
    if w:
        monday = date.fromisocalendar(int(w[1]), int(w[2]), 1)
        return monday, monday + timedelta(days=6)
    parts = value.split("-")
    y = int(parts[0])
    if len(parts) == 1:
        return date(y, 1, 1), date(y, 12, 31)
    mo = int(parts[1])
    if len(parts) == 2:
        return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
    d = date(y, mo, int(parts[2]))
    return d, d


def compatible(a: str, b: str) -> bool:
    """True when two values can name the same time ("2020-01" and "2020-01-04" can)."""
    a0, a1 = value_range(a)
    b0, b1 = value_range(b)
    return a0 <= b1 and b0 <= a1


_FUTURE_RX = re.compile(
    r"(?i:\bwill\b|\bshall\b|['’]ll\b"
    r"|(?:\bis|\bare|['’]s|['’]re)\s+(?:set|due|expected|scheduled|slated|going)\s+to\b"
    r"|(?:\bis|\bare|['’]s|['’]re)\s+(?:set|due)\s+for\b"  # "his trial is set for Dec. 19"
    r"|\bscheduled\b|\bslated\b|\bupcoming\b|\bdue\s+(?:out|back)\b"
    r"|\bplans?\s+to\b|\bplanning\s+(?:to|for)\b|\bplanned\b|\bto\s+be\s+(?:held|released)\b|\bset\s+to\b"
    # the present of a sale or launch tells its arrangement: "when it goes on sale in January", "Apple
    # is launching its watch in April"; "hit stores" is the past but after a modal ("may not hit stores
    # until April") or an arrangement ("is expected to hit"): "The iPhone 6 hit stores in September",
    # "did not hit stores until September", "the first phone to hit stores in September"
    r"|\bgo(?:es)?\s+on\s+sale\b|\b(?:hits|(?:(?:may|might|could|should|would|can)(?:\s+not|n['’]t)?"
    r"|cannot|can['’]t|won['’]t|(?:set|due|expected|going|scheduled|slated)\s+to)\s+hit)"
    r"\s+(?:stores|shelves)\b"
    r"|\b(?:launches|debuts|ships|premieres)\s+(?:in|on)\s*$"
    r"|(?:\bis|\bare|['’]s|['’]re)\s+(?:launching|releasing|shipping|debuting|unveiling)\b)"
)
# getting ready now for what is to come: "Republicans campaigning for November elections", "preparing for
# the mid-Feb release" (FNC-1 bodies 108, 300: the past November, the past February); not a past
# progressive or what time was spent on (_THEN_RX before it: "were", "was still", "had been busy", "spent
# weeks" preparing for the March launch tell a then-coming March); aiming at it is the same ("Apple is still
# shooting for a launch on Valentine's Day", "hopes to finish by Christmas": FNC-1 body 286, the coming one)
_READYING_RX = re.compile(r"(?i:\b(?:preparing|campaigning|bracing|gearing\s+up|getting\s+ready|aiming"
                          r"|shooting|hoping|pushing)\s+for\b|\b(?:aims?|hopes?|aiming|hoping)\s+to\b)")
_THEN_RX = re.compile(r"(?i:\b(?:was|were|had\s+been|spent)(?:\s+\w+){0,3}\s+)$")
# "way back in November", "reported dead back in April", "as far back as June": a time told as gone by
_PAST_RX = re.compile(r"(?i:\bback\s+(?:in|on|as)\s*$|\bas\s+far\s+back\s+as\s*$|\bearlier\s+in\s*$)")
# ... but "back" after being, coming or going tells a return, ahead as often as not: "Parliament is due back
# in November", "he will be back in May", "the show is coming back in March"
_RETURN_RX = re.compile(r"(?i:\b(?:be|is|are|am|['’]s|['’]re|being|come|comes|coming|go|goes|going|get"
                        r"|gets|getting|due|bring|brings|bringing)\s+back\s+(?:in|on)\s*$)")
_PAST_NOUN_RX = re.compile(
    r"(?i:\b(?:death|killing|murder|assassination|attacks?|strikes?|airstrikes?|bombings?|raids?|statement|"
    r"remarks?|comments?|arrest|election|announcement|meeting|decision)\b)"
)


# "the September 11 attacks", "the anniversary of Sept. 11": with no year, the day names the attacks of 2001,
# not this year's September 11
_NINE_ELEVEN_RX = re.compile(r"(?:Sept?\.?|September|SEPTEMBER)\s+11(?:th)?")
# its hijackers, commission or victims, or the attack or attacks unless on or in another place than the
# towers, the Pentagon, their cities and the country, in any case ("the US", "the twin towers", "this
# country"): "Since the Sept. 11 attack, airports have tightened security" is 2001's, "the Sept. 11
# attack on the U.S. consulate in Benghazi" and "the Sept. 11 attacks on U.S. facilities in Benghazi" 2012's
_ATTACKS_AFTER_RX = re.compile(r"\s*(?i:(?:terror(?:ist)?\s+)?(?:hijack(?:ers|ings?)|commission|victims)\b)")
_ATTACK_AFTER_RX = re.compile(r"\s*(?i:(?:terror(?:ist)?\s+)?attacks?\b)")
_ELSEWHERE_RX = re.compile(
    r"\s+(?:on|in|at|against)\s+(?!(?i:(?:the\s+)?(?:(?:World\s+Trade\s+Center|Twin\s+Towers|Pentagon"
    r"|New\s+York|Manhattan|Washington|Pennsylvania|Shanksville|Americans?|America|United\s+States|USA|US"
    r"|(?:this|our)\s+(?:country|nation)|homeland)\b|U\.\s?S\.(?:A\.)?))"
    r"(?!\s+(?i:diplomatic\s+)?(?i:consulates?|embass(?:y|ies)|missions?|compounds?"
    r"|bases?|facilit(?:y|ies)|installations?|outposts?|personnel|diplomats?)\b)"
    r"|\d|(?:which|whom?)\b)"
)
_ANNIVERSARY_BEFORE_RX = re.compile(r"(?i:\banniversary\s+of\s+(?:the\s+)?)$")


# "1200, 1300 and 1900 Seaport Blvd.", "to 1600 Pennsylvania Avenue": numbers of a street, not years
_STREET_AFTER_RX = re.compile(
    r"(?:(?:\s*(?:,|and|&)\s*|\s+)\d+\b)*\s+(?:[A-Z][\w'’-]*\s+){1,3}"
    r"(?:Blvd|Boulevard|Street|St|Avenue|Ave|Road|Rd|Drive|Dr|Lane|Ln|Place|Pl|Court|Ct|Highway|Hwy"
    r"|Parkway|Pkwy|Way|Square|Sq|Terrace)\b"
)


# "In 2008 Wall Street banks collapsed", "since 2010 Main Street shops": a year told as a time
_LIST_MARKS_RX = re.compile(r"[\s,&]|\band\b")  # "1600, 1700 and" (spaCy's date entity) is numbers
_TIME_PREP_BEFORE_RX = re.compile(
    r"(?i:\b(?:in|since|by|until|till|before|after|during|through|throughout)\s+)$")


def street_number(text: str, start: int, end: int) -> bool:
    """The bare numbers ``text[start:end]`` (with the numbers listed after them) are followed by a
    street's name: an address, not a year. A number after a preposition of time is a year whatever
    follows it, and any other expression ("On Monday Wall Street rallied") is no number of a street."""
    if not _LIST_MARKS_RX.sub("", text[start:end]).isdecimal():
        return False
    if _TIME_PREP_BEFORE_RX.search(text[max(0, start - 12):start]):
        return False
    return _STREET_AFTER_RX.match(text, end) is not None


# "told USA Today", "on the Today show", "NBC's Today", "CNN Tonight", "India Today": a deictic word
# capitalised after a word of its clause is a word of a name (an outlet, a show), not the report's day
_NAME_DEICTIC_RX = re.compile(r"Today|Tonight|Tomorrow")
_WORD_BEFORE_RX = re.compile(r"\w[ \t]+$")


# in a headline whose every word is capitalised ("Storm Hits Coast Tomorrow") the capital is the
# line's, so only what names an outlet or a show makes the deictic a name's word: a word of capitals
# before it ("USA Today", "CNN Tonight"), a possessive ("NBC's Today"), "the" ("the Today Show"), or
# the show's noun after it
_HEADLINE_SMALL = frozenset({"a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for",
                             "by", "with", "as", "from", "into", "over", "vs", "via"})
_HEADLINE_WORD_RX = re.compile(r"[^\W\d_][\w'’.-]*")
_NAMING_BEFORE_RX = re.compile(r"(?:\b[A-Z]{2,}|['’]s|\b[Tt]he)[ \t]+$")
_SHOW_AFTER_RX = re.compile(r"[ \t]+(?:[Ss]how|[Pp]rogram(?:me)?|[Mm]agazine|[Nn]ewspaper)\b")


def _headline(text: str, start: int) -> bool:
    """The line holding ``text[start]`` is the report's headline written in title case: its first line,
    three to twenty words, every one but the small words (:data:`_HEADLINE_SMALL`) capitalised, no full
    stop ending it and no credit's marks in it ("[Image Credit | India Today": FNC-1 body 244, an
    outlet). A title-case line further down is another report's or an advert's ("Apple Comms Breathing
    Easier Today", a link in FNC-1 body 282; "Find Your Greek Soul Mate Today", an advert in 1303), whose
    day is not the report's."""
    lo = text.rfind("\n", 0, start) + 1
    if text[:lo].strip():
        return False
    hi = text.find("\n", start)
    line = text[lo:hi if hi >= 0 else len(text)].strip()
    words = _HEADLINE_WORD_RX.findall(line)
    if not 3 <= len(words) <= 20 or line.endswith(".") or any(c in line for c in "|[]"):
        return False
    return all(w[0].isupper() for w in words if w.lower() not in _HEADLINE_SMALL) and words[0][0].isupper()


def name_deictic(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is a capitalised "Today", "Tonight" or "Tomorrow" right after a word: a
    name's word, as a sentence's first word ("Today, the PGA Tour said") or a heading's is not. In a
    title-case headline ("Storm Hits Coast Tomorrow") the capital tells nothing: there only an
    outlet's or a show's words around it make it a name's (:func:`_headline`)."""
    if _NAME_DEICTIC_RX.fullmatch(text, start, end) is None or \
            _WORD_BEFORE_RX.search(text[max(0, start - 8):start]) is None:
        return False
    if not _headline(text, start):
        return True
    return _NAMING_BEFORE_RX.search(text[max(0, start - 12):start]) is not None or \
        _SHOW_AFTER_RX.match(text, end) is not None


def named_day(text: str, start: int, end: int, anchor: date | None = None,
              direction: int = 0) -> Resolution | None:
    """The day ``text[start:end]`` names as a happening known by its date, read from the words around
    it ("the September 11 attacks" is 2001-09-11; :func:`_holiday_told_before`), else None. ``anchor``
    and ``direction`` (the tense it is told in, as for :func:`resolve_full`): a holiday to come is no
    day gone by."""
    if not _NINE_ELEVEN_RX.fullmatch(text, start, end):
        return _holiday_told_before(text, start, end, anchor, direction)
    one = _ATTACK_AFTER_RX.match(text, end)
    if (_ATTACKS_AFTER_RX.match(text, end) or (one is not None and not _ELSEWHERE_RX.match(text, one.end()))
            or _ANNIVERSARY_BEFORE_RX.search(text[max(0, start - 40):start])):
        return Resolution("2001-09-11", "day", False)
    return None


_HOLIDAY_NAME_RX = re.compile(r"\b" + _HOLIDAY_NAME + r"\b")
_HOLIDAY_RX = _COMPILED[_ORDER["holiday"]][1]


def _holiday_told_before(text: str, start: int, end: int, anchor: date | None = None,
                         direction: int = 0) -> Resolution | None:
    """A holiday named without a year after the report gave the same holiday one: that day again
    ("Foley was kidnapped ... on Thanksgiving Day in 2012. ... 'We last knew that he was abducted on
    Thanksgiving Day'" is 2012's, not the last one before publication), else None. Not when it is told
    as to come (``direction`` > 0) and that day is not after the report's (``anchor``): "He was jailed on
    Christmas Day 2012 ... he will be home by Christmas Day" is the next one, which the bare name gives."""
    if _HOLIDAY_NAME_RX.search(text, start, end) is None:
        return None
    m = _HOLIDAY_RX.match(text, start)
    if m is None or m.end() != end or m["year"] or m["mod"] or m["ymod"]:
        return None
    key = _holiday_key(m["hol"])
    years = [int(p["year"]) for p in _HOLIDAY_RX.finditer(text, 0, start)
             if p["year"] and _holiday_key(p["hol"]) == key]
    if not years:
        return None
    day = _HOLIDAYS[key](years[-1])
    if direction > 0 and (anchor is None or day <= anchor):
        return None
    return Resolution(day.isoformat(), "day", False)


def holidays_told(text: str, start: int, end: int) -> bool:
    """Whether each holiday's name ``text[start:end]`` holds is a time where it stands in ``text``: an
    expression found apart from the patterns (spaCy's "Christmas" of "a Christmas present") is read
    without its holiday when the words after or before it make the name a modifier or a greeting."""
    for name in _HOLIDAY_NAME_RX.finditer(text, start, end):
        told = _HOLIDAY_RX.finditer(text, max(0, name.start() - 12), min(len(text), end + 40))
        if not any(m.start() <= name.start() < m.end() for m in told):
            return False
    return True


# where a clause's words end: a stop, a quote mark, a reporting "that"/"said", and a blank line, after a
# heading the parser runs into the sentence below it ("'We will not negotiate'\n\nIn a video released on
# Friday": a past Friday, rd34's review of FNC-1 body 1588)
_CLAUSE_CUT_RX = re.compile(r"[.;:!?\"“”]|\bthat\b|\bsaid\b|\bsays\b|\n[ \t]*\n")


def future_context(before: str) -> int:
    """+1 when the clause words before an expression put it in the future ("will meet on Monday"), -1
    when the words just before it tell it as gone by ("way back in November"), else 0."""
    # Only the nearest clause counts: "said on Monday it will" keeps Monday in the past.
    tail = _CLAUSE_CUT_RX.split(before)[-1]
    if _PAST_RX.search(tail) and not _RETURN_RX.search(tail):
        return -1
    marks = list(_FUTURE_RX.finditer(tail))
    marks += [m for m in _READYING_RX.finditer(tail) if not _THEN_RX.search(tail, 0, m.start())]
    marks.sort(key=lambda m: m.end())
    if not marks:
        return 0
    # "will respond to the death on Monday": the day belongs to the (past) death, not the response
    if _PAST_NOUN_RX.search(tail[marks[-1].end():]):
        return 0
    return 1
