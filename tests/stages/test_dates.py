"""The dates stage: the news-date grammar and its resolution against the publication date.

Sentences are written for these tests in the style of the reports; none is copied from them.
"""
import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nkevents.model import Document
from nkevents.stages import dates
from nkevents.stages.dates import find_dates


def found(text, published):
    """(text, date_start, date_end, precision) of every mention."""
    return [(m.text, m.date_start, m.date_end, m.precision) for m in find_dates(text, published)]


def only(text, published):
    mentions = find_dates(text, published)
    assert len(mentions) == 1, [m.text for m in mentions]
    m = mentions[0]
    return (m.text, m.date_start, m.date_end, m.precision)


# ---------------------------------------------------------------------------- with a publication date

@pytest.mark.parametrize("text, published, expected", [
    # month and day without a year: the most recent one on or before publication
    ("Two cadres were tried on Nov. 10 in the city.", "2022-11-17", ("Nov. 10", "2022-11-10", "2022-11-10", "day")),
    ("Guards stopped the boats on Jun. 1 at night.", "2021-06-03", ("Jun. 1", "2021-06-01", "2021-06-01", "day")),
    ("The rains began on July 27 and flooded fields.", "2024-08-01", ("July 27", "2024-07-27", "2024-07-27", "day")),
    ("The shooting took place on 28 November near the river.", "2020-12-04", ("28 November", "2020-11-28", "2020-11-28", "day")),
    ("The rocket was launched on Dec. 12 from the coast.", "2013-01-31", ("Dec. 12", "2012-12-12", "2012-12-12", "day")),
    ("A meeting was called on September 3rd.", "2019-09-03", ("September 3rd", "2019-09-03", "2019-09-03", "day")),
    ("Measures took effect around 20 November.", "2020-12-01", ("20 November", "2020-11-20", "2020-11-20", "day")),
    # explicit years
    ("The leader died on Dec. 17, 2011, of a heart attack.", "2013-01-31", ("Dec. 17, 2011", "2011-12-17", "2011-12-17", "day")),
    ("The treaty was signed on July 11, 1961 in Beijing.", None, ("July 11, 1961", "1961-07-11", "1961-07-11", "day")),
    ("The order came in January of 2014 from the center.", None, ("January of 2014", "2014-01-01", "2014-01-31", "month")),
    ("In January 2011, the dollar bought 4,000 won.", "2013-01-31", ("January 2011", "2011-01-01", "2011-01-31", "month")),
    ("The camp was shut in June 2012 by the guards.", "2014-11-08", ("June 2012", "2012-06-01", "2012-06-30", "month")),
    ("The fence was built in 2014 along the river.", "2020-01-01", ("2014", "2014-01-01", "2014-12-31", "year")),
    ("Trade stopped at the start of the pandemic in 2020.", "2023-04-12", ("2020", "2020-01-01", "2020-12-31", "year")),
    ("The 2009 currency reform wiped out savings.", None, ("2009", "2009-01-01", "2009-12-31", "year")),
    ("Posted 2020-12-04 by the desk.", None, ("2020-12-04", "2020-12-04", "2020-12-04", "day")),
    ("Saturday, July 31, 2010 edition.", None, ("Saturday, July 31, 2010", "2010-07-31", "2010-07-31", "day")),
    # bare months
    ("The students were shot in October at the airfield.", "2022-12-05", ("October", "2022-10-01", "2022-10-31", "month")),
    ("Smuggling rose in December, traders said.", "2023-01-20", ("December", "2022-12-01", "2022-12-31", "month")),
    ("Prices were stable in June according to the source.", "2022-06-15", ("June", "2022-06-01", "2022-06-30", "month")),
    # parts of months keep the whole month (precision month)
    ("He was detained in mid-May for selling phones.", "2022-08-01", ("mid-May", "2022-05-01", "2022-05-31", "month")),
    ("The crackdown began in early June in the county.", "2021-07-02", ("early June", "2021-06-01", "2021-06-30", "month")),
    ("Inspectors arrived in late August.", "2019-09-10", ("late August", "2019-08-01", "2019-08-31", "month")),
    ("Arrests continued to the end of November.", "2020-12-10", ("the end of November", "2020-11-01", "2020-11-30", "month")),
    ("Early this month, a farmer died of hunger.", "2023-03-14", ("Early this month", "2023-03-01", "2023-03-31", "month")),
    ("The order came down late last month.", "2021-02-05", ("late last month", "2021-01-01", "2021-01-31", "month")),
    ("Reports are due by the end of the month.", "2021-05-20", ("the end of the month", "2021-05-01", "2021-05-31", "month")),
    ("Rations were cut in the first half of 2020.", "2021-01-01", ("the first half of 2020", "2020-01-01", "2020-06-30", "range")),
    # weekdays: the most recent such day on or before publication
    ("Police shot a smuggler on Saturday, residents said.", "2020-12-04", ("Saturday", "2020-11-28", "2020-11-28", "day")),
    ("The court met on Thursday in the afternoon.", "2013-01-31", ("Thursday", "2013-01-31", "2013-01-31", "day")),
    ("A source said last Friday that rice was scarce.", "2020-05-08", ("last Friday", "2020-05-01", "2020-05-01", "day")),
    # relative expressions
    ("The lecture was held last month in the hall.", "2022-01-10", ("last month", "2021-12-01", "2021-12-31", "month")),
    ("A dollar fetched 9,000 won this month.", "2013-01-31", ("this month", "2013-01-01", "2013-01-31", "month")),
    ("Prices doubled last year in the markets.", "2013-01-31", ("last year", "2012-01-01", "2012-12-31", "year")),
    ("This year the harvest was poor.", "2013-01-31", ("This year", "2013-01-01", "2013-12-31", "year")),
    ("In the first month of last year a sack cost 3,000 won.", "2013-01-31",
     ("the first month of last year", "2012-01-01", "2012-01-31", "month")),
    ("He was caught yesterday at the border.", "2021-03-10", ("yesterday", "2021-03-09", "2021-03-09", "day")),
    ("She was released today.", "2021-03-10", ("today", "2021-03-10", "2021-03-10", "day")),
    ("They fled the day before yesterday.", "2021-03-10", ("the day before yesterday", "2021-03-08", "2021-03-08", "day")),
    ("The family was exiled three days ago.", "2021-03-10", ("three days ago", "2021-03-07", "2021-03-07", "day")),
    ("A trader was arrested two months ago.", "2021-03-10", ("two months ago", "2021-01-01", "2021-01-31", "month")),
    ("Her husband died two years ago.", "2023-03-14", ("two years ago", "2021-01-01", "2021-12-31", "year")),
    ("The order arrived a week ago.", "2021-03-10", ("a week ago", "2021-02-28", "2021-03-06", "range")),
    ("Two men were caught over the weekend.", "2021-05-24", ("the weekend", "2021-05-22", "2021-05-23", "range")),
    ("Markets opened again in mid-2020.", "2021-05-24", ("mid-2020", "2020-01-01", "2020-12-31", "year")),
    ("Guards were doubled last week.", "2023-03-14", ("last week", "2023-03-06", "2023-03-12", "range")),
    ("Guards were doubled earlier this week.", "2023-03-16", ("earlier this week", "2023-03-13", "2023-03-16", "range")),
    ("On the 20th of last month the battle began.", "2015-06-08", ("the 20th of last month", "2015-05-20", "2015-05-20", "day")),
    ("The source said on the 7th that prices rose.", "2014-11-08", ("the 7th", "2014-11-07", "2014-11-07", "day")),
    ("The source said on the 27th that prices rose.", "2014-11-08", ("the 27th", "2014-10-27", "2014-10-27", "day")),
    ("Last December, a woman starved in the village.", "2023-03-14", ("Last December", "2022-12-01", "2022-12-31", "month")),
    ("Many froze last winter in the mountains.", "2023-03-14", ("last winter", "2022-12-01", "2023-02-28", "range")),
    # ranges
    ("Ten people were arrested from June 10 to 25.", "2010-07-30", ("June 10 to 25", "2010-06-10", "2010-06-25", "range")),
    ("Rice was surveyed from Jan. 2 through Jan. 9.", "2013-01-31", ("Jan. 2 through Jan. 9", "2013-01-02", "2013-01-09", "range")),
    ("Trials were held on Aug. 16 and 21.", "2020-09-01", ("Aug. 16 and 21", "2020-08-16", "2020-08-21", "range")),
    ("Searches ran between March and May.", "2021-07-01", ("March and May", "2021-03-01", "2021-05-31", "range")),
    ("Over 30 users were caught in April and May.", "2024-06-01", ("April and May", "2024-04-01", "2024-05-31", "range")),
    ("Meetings were held in September and October.", "2022-12-05", ("September and October", "2022-09-01", "2022-10-31", "range")),
    ("Drills ran from December to February.", "2021-03-01", ("December to February", "2020-12-01", "2021-02-28", "range")),
    ("The 1994-1998 famine killed many.", None, ("1994-1998", "1994-01-01", "1998-12-31", "range")),
    ("Defections surged in the 1990s.", None, ("the 1990s", "1990-01-01", "1999-12-31", "range")),
    ("Markets spread in the late 1990s.", None, ("the late 1990s", "1996-01-01", "1999-12-31", "range")),
])
def test_resolves_against_the_publication_date(text, published, expected):
    assert only(text, published) == expected


# ---------------------------------------------------------------------------- without a publication date

@pytest.mark.parametrize("text, expected", [
    ("His public trial was held on May 5.", ("May 5", "--05-05", "--05-05", "month-day")),
    ("Residents attended a lecture on March 2 in the hall.", ("March 2", "--03-02", "--03-02", "month-day")),
    ("The man was shot on 28 November.", ("28 November", "--11-28", "--11-28", "month-day")),
    ("The battle was proclaimed on May 20th.", ("May 20th", "--05-20", "--05-20", "month-day")),
    ("Ten people were arrested from June 10 to 25.", ("June 10 to 25", "--06-10", "--06-25", "month-day")),
    ("The treaty of July 11, 1961 was cited.", ("July 11, 1961", "1961-07-11", "1961-07-11", "day")),
    ("The order came in January of 2014.", ("January of 2014", "2014-01-01", "2014-01-31", "month")),
    ("He has been in prison since 2019.", ("2019", "2019-01-01", "2019-12-31", "year")),
])
def test_without_publication_date_keeps_month_and_day_and_explicit_years(text, expected):
    assert only(text, None) == expected


@pytest.mark.parametrize("text", [
    "The arrests came in early June.",
    "The crackdown began in October.",
    "A man was executed on Saturday.",
    "The order came down late last month.",
    "Prices fell last year and rose this month.",
    "He was caught yesterday, two days ago, three weeks ago.",
    "The source said on the 27th that rice was scarce.",
    "Since the end of November the border has been shut.",
    "Meetings were held in September and October.",
    "Guards were doubled last week and this week.",
])
def test_without_publication_date_relative_expressions_stay_null(text):
    assert found(text, None) == []


# ---------------------------------------------------------------------------- no false positives

@pytest.mark.parametrize("text", [
    "The trial started at 10 AM in the stadium.",
    "North Korea Today No. 354 reported the case.",
    "A kilogram of rice cost 7,000 won in the market.",
    "The 61st anniversary of the treaty was marked.",
    "The two suspects, aged 16 or 17, were detained.",
    "A man in his 50s was shot; women in their 20s were detained.",
    "The 1,400-kilometre border is fenced.",
    "Some 2,000 people watched the execution.",
    "The office is at 2025 M St. NW in Washington.",
    "Bureau 27 and the 109 group searched houses.",
    "Article 63 of the criminal law was cited.",
    "Officials said they may be executed soon.",
    "A march was held and the Arduous March was recalled.",
    "The 7th plenary meeting and the 8th Party Congress were held.",
    "He was sent to Camp No. 22 for 15 years.",
    "The price rose to 5,000 won per kilogram, up 20 percent.",
    "About 2000 people gathered at the square.",
    "Of the 2000 soldiers, half deserted.",
    "He lived through the Arduous March and the Long March.",
    "He was on the 10th floor when they came.",
])
def test_no_false_positives(text):
    assert found(text, "2022-11-17") == []


def test_famine_name_is_not_a_month():
    assert found("Millions died in the Arduous March of 1996-97.", None) == [
        ("1996-97", "1996-01-01", "1997-12-31", "range")]


def test_may_the_month_needs_a_date_context():
    assert found("May they be forgiven, he said.", "2022-11-17") == []
    assert [m[0] for m in found("The trial was held in May.", "2022-11-17")] == ["May"]


# ---------------------------------------------------------------------------- relations and spans

@pytest.mark.parametrize("text, relation", [
    ("The border has been shut since January.", "since"),
    ("Since the end of November, checks were tightened.", "since"),
    ("The ban stays until March 2021.", "until"),
    ("He fled before 2020.", "before"),
    ("Prices rose after June 2021.", "after"),
    ("He was arrested on Nov. 10, 2022.", "at"),
    ("Guards have searched homes from Friday.", "since"),
    ("The ban was lifted by the end of June 2022.", "until"),
    ("Arrests went on from June 10 to 25, 2010.", "at"),
    ("Traders were caught between March and May 2021.", "at"),
])
def test_relation(text, relation):
    (m,) = find_dates(text, "2022-12-01")
    assert m.relation == relation


@pytest.mark.parametrize("text, expected", [
    ("The campaign will run through the end of June.", ("the end of June", "2015-06-01", "2015-06-30", "month")),
    ("Units drill in advance of the anniversary in October.", ("October", "2015-10-01", "2015-10-31", "month")),
    ("The trial will be held on March 3.", ("March 3", "2016-03-03", "2016-03-03", "day")),
    ("The trial was held on March 3.", ("March 3", "2015-03-03", "2015-03-03", "day")),
    ("He was tried in October. The next trial will be soon.", ("October", "2014-10-01", "2014-10-31", "month")),
])
def test_future_sentence_takes_the_next_date_without_a_year(text, expected):
    assert only(text, "2015-06-08") == expected


def test_since_keeps_the_anchor_date():
    (m,) = find_dates("The border has been shut since January.", "2020-12-04")
    assert (m.date_start, m.date_end, m.precision, m.relation) == ("2020-01-01", "2020-01-31", "month", "since")


def test_several_mentions_in_order_with_offsets():
    text = "On Nov. 10 two men were tried; in 2014 a third fled, and last month a fourth."
    mentions = find_dates(text, "2022-11-17")
    assert [m.text for m in mentions] == ["Nov. 10", "2014", "last month"]
    for m in mentions:
        assert text[m.start:m.end] == m.text


def test_range_whose_second_half_is_no_date_falls_back_to_its_first_date():
    assert found("He was caught on June 25 and 2 others fled.", "2020-07-01") == [
        ("June 25", "2020-06-25", "2020-06-25", "day")]
    assert [m[0] for m in found("In January of 2014 and January 2011 prices rose.", None)] == [
        "January of 2014", "January 2011"]


def test_invalid_calendar_dates_are_dropped():
    assert found("It happened on Feb. 30 last year.", None) == []


def test_leap_day_without_a_year_goes_back_to_a_leap_year():
    assert only("It happened on Feb. 29.", "2023-03-01") == ("Feb. 29", "2020-02-29", "2020-02-29", "day")


def test_run_sets_date_mentions():
    doc = Document(text="The trial was held on Nov. 10 in the city.", published="2022-11-17")
    out = dates.run(doc)
    assert [(m.text, m.date_start) for m in out.date_mentions] == [("Nov. 10", "2022-11-10")]


def test_unreadable_publication_date_is_treated_as_unknown():
    assert found("The trial was held on Nov. 10.", "not a date") == [("Nov. 10", "--11-10", "--11-10", "month-day")]


# ---------------------------------------------------------------------------- properties

FRAGMENTS = [
    "on Nov. 10", "in June", "mid-May", "on Thursday", "last month", "this year", "in 2014",
    "since January", "from June 10 to 25", "between March and May", "the 1990s", "1994-1998",
    "yesterday", "two weeks ago", "on the 27th", "July 11, 1961", "late last month", "Aug. 16 and 21",
    "last winter", "28 November", "a week ago", "earlier this week", "Dec. 17, 2011", "2,000 people",
    "in his 50s", "No. 354", "10 AM", "the 61st anniversary", "they may go", "a march",
]
FILLER = ["the court met", "prices rose", "a source said", ",", ".", "and", "in Hyesan", "\n"]
# expressions that count back from publication (past tense)
PAST_RELATIVE = {"on Nov. 10", "in June", "mid-May", "on Thursday", "last month", "yesterday",
                 "two weeks ago", "on the 27th", "late last month", "Aug. 16 and 21", "28 November",
                 "a week ago", "earlier this week", "from June 10 to 25", "between March and May"}

texts = st.lists(st.sampled_from(FRAGMENTS + FILLER), min_size=1, max_size=12).map(" ".join)
published_dates = st.one_of(st.none(), st.dates(date(1995, 1, 1), date(2030, 12, 31)).map(date.isoformat))


@settings(max_examples=150, deadline=None)
@given(texts, published_dates)
def test_spans_are_inside_the_text_and_ranges_are_ordered(text, published):
    for m in find_dates(text, published):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.precision in {"day", "month", "year", "month-day", "range"}
        if m.precision != "month-day":
            assert m.date_start <= m.date_end
        # month-day ranges may wrap the new year ("Dec. 30 to Jan. 2"), which the scorer allows


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(sorted(PAST_RELATIVE)), min_size=1, max_size=4).map(". ".join),
       st.dates(date(1995, 1, 1), date(2030, 12, 31)))
def test_past_relative_expressions_never_start_after_publication(text, published):
    mentions = find_dates(text, published.isoformat())
    assert mentions
    for m in mentions:
        assert m.date_start <= published.isoformat()
        if m.precision == "day":
            assert m.date_end <= published.isoformat()


@settings(max_examples=150, deadline=None)
@given(texts)
def test_no_year_is_invented_without_a_publication_date(text):
    written = [int(y) for y in re.findall(r"(?<!\d)\d{4}(?!\d)", text)]
    for m in find_dates(text, None):
        for iso in (m.date_start, m.date_end):
            if not iso.startswith("--"):
                # a year written in the text, or one inside a written decade ("the 1990s") or
                # next to a written year ("Dec. 30 to Jan. 2, 2020")
                assert any(abs(int(iso[:4]) - y) <= 9 for y in written), (text, iso)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("0123456789 ,.-–/'’sthndrJFMASONDaeyuiglbcvpw\n") + [
    "May", "June", "Nov.", "Sept", "the ", "last ", "of ", "since ", "Friday", "ago", "week", "20th",
    "1999", "2020", "early ", "mid-", "and ", "to ", "winter"]), max_size=40).map("".join), published_dates)
def test_any_text_gives_valid_mentions_without_errors(text, published):
    for m in find_dates(text, published):
        assert text[m.start:m.end] == m.text
        for iso in (m.date_start, m.date_end):
            if iso.startswith("--"):
                date.fromisoformat("2000" + iso[1:])
            else:
                date.fromisoformat(iso)


@settings(max_examples=100, deadline=None)
@given(st.dates(date(1995, 1, 1), date(2030, 12, 31)), st.integers(0, 6))
def test_weekday_is_the_most_recent_on_or_before_publication(published, back):
    day = published - timedelta(days=back)
    name = day.strftime("%A")
    (m,) = find_dates(f"The trial was held on {name} in the city.", published.isoformat())
    assert m.date_start == m.date_end == day.isoformat()


# ---------------------------------------------------------------------------- the dev corpus

DEV = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "dev"


def _train_stems() -> list[str]:
    """The train part of the dev corpus (split.json names the check part, which is not read here)."""
    check = set(json.loads((DEV / "split.json").read_text("utf-8"))["check"]) if (DEV / "split.json").exists() else set()
    return [p.name[:-len(".gold.json")] for p in sorted(DEV.glob("*.gold.json")) if p.name[:-len(".gold.json")] not in check]


def test_dev_gold_dates_are_found_as_mentions():
    """Most dated gold events of the train reports have a mention with exactly their dates (the rest
    need event context: "about a week after the meetings", a future "in October")."""
    if not DEV.is_dir():
        pytest.skip("the shared dev corpus is not on this machine")
    from nkevents.model import Document
    from nkevents.stages import dates
    total = hit = 0
    for stem in _train_stems():
        gold = json.loads((DEV / f"{stem}.gold.json").read_text("utf-8"))
        doc = json.loads((DEV / f"{stem}.json").read_text("utf-8"))
        found = dates.run(Document(text=doc.get("text") or "", published=doc.get("published"))).date_mentions
        spans = {(m.date_start, m.date_end) for m in found}
        for ev in gold["events"]:
            if ev.get("date") and not ev.get("optional"):
                total += 1
                hit += (ev["date"]["start"], ev["date"]["end"]) in spans
    assert total > 0
    assert hit / total >= 0.85, f"{hit}/{total}"


# ---------------------------------------------------------------------------- dates told relative to others

def _mentions(text: str, published: str | None = None):
    from nkevents.model import Document
    from nkevents.stages import dates
    return [(m.text, m.date_start, m.precision) for m in dates.run(Document(text=text, published=published)).date_mentions]


@pytest.mark.parametrize("text, published, expected", [
    ("Two men were shot on Oct. 3. The following day a third was tried.", "2021-10-20",
     ("The following day", "2021-10-04", "day")),
    ("The first hearing was on June 30; a second one took place the next day.", None,
     ("the next day", "--07-01", "month-day")),
    ("Police raided the market on May 2 and returned three days later.", "2019-05-30",
     ("three days later", "2019-05-05", "day")),
    ("Her family was taken away the day after her April 9 arrest.", "2016-05-01",
     ("the day after", "2016-04-10", "day")),
    ("He was detained on Dec. 31, and two weeks later he was sent to a camp.", "2020-02-01",
     ("two weeks later", "2020-01-14", "day")),
    # set beside a date, "N days after" counts back to the clause it introduces
    ("The trial took place on Feb. 3, two weeks after the men were arrested.", "2024-02-20",
     ("two weeks after", "2024-01-20", "day")),
    ("They were shot on May 10 - three days after their arrest.", "2023-06-01",
     ("three days after", "2023-05-07", "day")),
    ("The execution took place on May 3, a day after the trial.", "2024-06-01",
     ("a day after", "2024-05-02", "day")),
    ("The trial was held on May 3, three days before the execution.", "2024-06-01",
     ("three days before", "2024-05-06", "day")),
    # "earlier" and "before" on their own count back from the date before
    ("They were executed on May 3. The trial had been held two days earlier.", "2024-06-01",
     ("two days earlier", "2024-05-01", "day")),
    ("A public trial was held on March 5. He had been arrested two weeks before.", "2024-03-20",
     ("two weeks before", "2024-02-20", "day")),
    # in a sentence of its own, it counts forward from the date before
    ("A trial was held on Oct. 12. Two were executed three days after the trial.", "2023-10-30",
     ("three days after", "2023-10-15", "day")),
])
def test_dates_told_relative_to_the_one_before(text, published, expected):
    assert expected in _mentions(text, published)


def test_a_relative_date_needs_a_day_to_count_from():
    assert [m for m in _mentions("The next day, the market was closed.", "2022-03-03") if m[0] == "The next day"] == []


def test_without_publication_date_a_month_day_takes_the_year_the_report_gives_for_that_month():
    found = _mentions("A video from March 2005 reached Tokyo. On March 4 two men were shot. On May 1 more followed.")
    assert ("March 4", "2005-03-04", "day") in found
    assert ("May 1", "--05-01", "month-day") in found  # another month: the year is not invented


def test_the_title_dates_are_read_too():
    from nkevents.model import Document
    from nkevents.stages import dates
    doc = dates.run(Document(text="Farmers are dying of hunger.", title="The Famine of 2008 Has Begun", published=None))
    assert [(m.text, m.date_start, m.precision) for m in doc.title_dates] == [("2008", "2008-01-01", "year")]


@pytest.mark.parametrize("text, published, expected", [
    # a month and day with a year told relative to the report's: that year, not the most recent one
    ("The guard was detained on October 5 last year at the post.", "2023-11-10",
     ("October 5 last year", "2022-10-05", "2022-10-05", "day")),
    ("They were tried on the 3rd of March this year.", "2023-11-10",
     ("the 3rd of March this year", "2023-03-03", "2023-03-03", "day")),
    ("Seized on Aug. 20 of last year, the boat was sold.", "2021-02-01",
     ("Aug. 20 of last year", "2020-08-20", "2020-08-20", "day")),
    # without a publication date the year stays unknown: month-day only
    ("The guard was detained on October 5 last year at the post.", None,
     ("October 5 last year", "--10-05", "--10-05", "month-day")),
])
def test_a_month_day_with_a_relative_year(text, published, expected):
    assert only(text, published) == expected


def test_a_relative_year_possessive_after_a_month_day_is_not_its_year():
    # "last year's" goes with the noun after it
    got = found("On March 3, last year's winner was named.", "2023-11-10")
    assert ("March 3", "2023-03-03", "2023-03-03", "day") in got


@pytest.mark.parametrize("text, expected", [
    # a start told in the present is the nearer of the last and the next such day
    ("The ban goes into effect on April 1 in every province.", ("April 1", "2023-04-01", "2023-04-01", "day")),
    ("The new rules take effect from April 1, officials said.", ("April 1", "2023-04-01", "2023-04-01", "day")),
    # look-alike: the past tense tells a day already past
    ("The ban took effect on April 1 in every province.", ("April 1", "2022-04-01", "2022-04-01", "day")),
])
def test_a_start_told_in_the_present_is_the_nearer_day(text, expected):
    assert only(text, "2023-03-20") == expected


@pytest.mark.parametrize("text, expected", [
    # an end or a deadline without a year is the nearer of the last and the next such day
    ("Students must work on the farms until June 15.", ("June 15", "2023-06-15", "2023-06-15", "day")),
    ("Households were ordered to hand in scrap metal by April 10.", ("April 10", "2023-04-10", "2023-04-10", "day")),
    # look-alike: a deadline long past is the last such day
    ("The traders were held until January 30.", ("January 30", "2023-01-30", "2023-01-30", "day")),
    ("The campaign ran through December 20.", ("December 20", "2022-12-20", "2022-12-20", "day")),
])
def test_an_end_without_a_year_is_the_nearer_day(text, expected):
    assert only(text, "2023-03-20") == expected
