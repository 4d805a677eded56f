"""Dates told relative to another: a relative date is itself the anchor of the next one in the
report ("a week after the arrests ..., and the next day ..."). Every sentence here is written for
these tests."""
import pytest

from nkevents.model import Document
from nkevents.stages import dates


def _relatives(text, published="2024-05-20"):
    doc = dates.run(Document(text=text, published=published))
    return [(d.text, d.date_start) for d in doc.date_mentions if d.precision == "day" and not d.text[:1].isdigit()
            and not d.text.lower().startswith(("may", "june", "april"))]


@pytest.mark.parametrize("text, expected", [
    # a chain: each relative date counts from the one before it
    ("Agents arrested four men on May 2. The court tried them a week after the arrests, and the next day two "
     "were executed.", [("a week after", "2024-05-09"), ("the next day", "2024-05-10")]),
    ("The trial was held on May 3. Three days later the sentences were read out, and the following day the "
     "convicts were sent to a camp.", [("Three days later", "2024-05-06"), ("the following day", "2024-05-07")]),
    # a relative date right after a date still counts from it
    ("The market was closed on May 10 and the next day vendors were detained.", [("the next day", "2024-05-11")]),
])
def test_relative_dates_chain(text, expected):
    assert _relatives(text) == expected


def test_without_an_anchor_a_relative_date_stays_unread():
    assert _relatives("Agents arrested four men last month, and the next day two of them escaped.") == []


def _days(text, published="2024-05-20"):
    doc = dates.run(Document(text=text, published=published))
    return [(d.text, d.date_start) for d in doc.date_mentions]


@pytest.mark.parametrize("text, expected", [
    ("Agents detained three men on the Day of the Sun for drinking in public.",
     [("on the Day of the Sun", "2024-04-15")]),
    ("A public trial was held on Kim Jong Il's birthday in Hoeryong.", [("on Kim Jong Il's birthday", "2024-02-16")]),
    ("On the eve of the party founding anniversary, police searched the market.",
     [("On the eve of the party founding anniversary", "2023-10-09")]),
    ("Two soldiers deserted during the Victory Day holiday.", [("during the Victory Day", "2023-07-27")]),
    # the holiday still to come is the next one
    ("An amnesty will be declared on Liberation Day.", [("on Liberation Day", "2024-08-15")]),
])
def test_holidays_on_a_fixed_day(text, expected):
    assert _days(text) == expected


@pytest.mark.parametrize("name", ["the Day of the Sun", "the Sun's Day", "Taeyangjeol", "Kim Il Sung's birthday",
                                  "the Day of the Shining Star", "Kwangmyongsongjol", "the party's foundation day",
                                  "the WPK's founding anniversary", "Liberation Day", "the DPRK's founding day",
                                  "the Day of Victory in the Fatherland Liberation War", "the armistice anniversary",
                                  "Kim Jong Un's birthday", "New Year's Day"])
def test_every_holiday_name_passes_the_cheap_test_before_its_regexes(name):
    # (data/dates.toml [holidays] contains: a name that holds none of its strings is never read)
    found = _days(f"Police searched the market on {name}.")
    assert len(found) == 1 and found[0][0] == f"on {name}"


@pytest.mark.parametrize("text", [
    # before or for a holiday: no day of the event
    "Police arrested dozens of vendors ahead of the Day of the Sun.",
    "Households were told to prepare gifts to mark Kim Jong Il's birthday.",
    "Security was tightened in the run-up to Victory Day.",
])
def test_no_day_from_a_holiday_the_event_is_not_on(text):
    assert _days(text) == []


@pytest.mark.parametrize("text, published, expected", [
    # a start just to come or just past: the nearer of the two
    ("Police issued an order banning travel as of May 1.", "2024-04-25", "2024-05-01"),
    ("The ban has been enforced starting April 1.", "2024-04-25", "2024-04-01"),
    ("Markets were closed from March 3, a source said.", "2024-04-25", "2024-03-03"),
    # no start word: the most recent such day, as for any month and day
    ("A trial was held on May 1.", "2024-04-25", "2023-05-01"),
])
def test_start_of_a_measure(text, published, expected):
    starts = [d.date_start for d in dates.run(Document(text=text, published=published)).date_mentions]
    assert starts == [expected]


def test_a_measure_whose_start_is_still_to_come_is_planned():
    from nkevents.pipeline import extract
    events = extract("The Ministry of Social Security issued an order banning travel between provinces as of May 1.",
                     published="2024-04-25").events
    policies = [e for e in events if e.type == "policy"]
    assert policies and all(e.modality == "planned" and e.date and e.date.date_start == "2024-05-01" for e in policies)
    past = extract("The Ministry of Social Security issued an order banning travel between provinces as of April 1.",
                   published="2024-04-25").events
    assert all(e.modality == "asserted" for e in past if e.type == "policy")


def _event_dates(text, published="2024-05-20"):
    from nkevents.pipeline import extract
    return [(e.type, e.date.date_start if e.date else None) for e in extract(text, published=published).events]


@pytest.mark.parametrize("text, etype, not_from", [
    # a time the event is compared with is not its own
    ("Police launched the harshest crackdown on smuggling since 2016 in Hyesan last week.", "crackdown", "2016"),
    ("Security agents executed two smugglers in Hoeryong, as they did in 2019.", "execution", "2019"),
    ("More people were arrested in Musan this spring than in 2020.", "arrest", "2020"),
])
def test_no_date_from_a_time_compared_with(text, etype, not_from):
    dated = [d for t, d in _event_dates(text) if t == etype]
    assert dated and not any(d and d.startswith(not_from) for d in dated)


def test_the_clause_told_of_the_compared_time_keeps_it():
    dated = _event_dates("The crackdown is the harshest since 2016, when hundreds were detained in Hyesan.")
    assert ("arrest", "2016-01-01") in dated


@pytest.mark.parametrize("text, expected", [
    # a counted span "after" or "before" an event dated right after it counts from that date
    ("The trader was shot three days after his trial on Feb. 2.", ("three days after", "2024-02-05")),
    ("The guard was detained two days before the raid on Feb. 9.", ("two days before", "2024-02-07")),
    # look-alike: a day set beside it restates the day, counted from the one told before
    ("He was tried on Feb. 2. Three days after, on Feb. 5, he was shot.", ("Three days after", "2024-02-05")),
])
def test_a_counted_span_before_or_after_a_dated_event(text, expected):
    got = [(d.text, d.date_start) for d in dates.run(Document(text=text, published="2024-03-10")).date_mentions]
    assert expected in got
