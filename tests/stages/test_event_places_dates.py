"""Where and when an event happened, on sentences written for these tests in the styles of the
reports (Daily NK, RFA, wire copy): the place and date an event travels with."""
import pytest

from nkevents.pipeline import extract


def place_of(text, etype, published="2023-06-20"):
    doc = extract(text, published=published)
    found = [e.place.id if e.place else None for e in doc.events if e.type == etype]
    assert found, [(e.type, e.place) for e in doc.events]
    return found[0]


@pytest.mark.parametrize("text, etype", [
    # nationwide, told by a source who lives in one city: the country, not the source's city
    ("A source in Hyesan told Daily NK that the youth league held lectures nationwide last week.", "directive"),
    ("“The youth league held lectures nationwide last week,” a resident of Hyesan told RFA.", "directive"),
    # a place named in an earlier sentence is not where a country-wide measure happened
    ("Police in Chongjin arrested a smuggler in May. Since then, a crackdown on phones has been "
     "launched across the country.", "crackdown"),
    ("Traders in Sinuiju have been struggling since May. The authorities closed markets in many areas, "
     "including Pyongyang and Pyongsong, in June.", "policy"),
    ("A resident of Hamhung said students throughout North Korea were mobilized for rice planting.", "mobilization"),
    ("A source in Musan said that drug users all over the country were being arrested.", "arrest"),
    ("A source in Hoeryong said all universities were closed so that students could work on building sites.", "policy"),
])
def test_a_nationwide_event_is_placed_in_the_country(text, etype):
    assert place_of(text, etype) == "kp"


@pytest.mark.parametrize("text, etype, place", [
    # the event names a place of its own: the national words are about something else
    ("Police in Hyesan arrested five people last week as part of a nationwide crackdown.", "arrest",
     "kp.ryanggang.hyesan"),
    ("Amid a nationwide campaign, security agents in Hoeryeong arrested three smugglers.", "arrest",
     "kp.north-hamgyong.hoeryong"),
    # where people come from is not where the event happened
    ("A source in Chongjin said a man who had traveled from Sinuiju was arrested in Chongjin.", "arrest",
     "kp.north-hamgyong.chongjin"),
    ("Students from Pyongyang were sent to farms in South Hwanghae Province last month.", "mobilization",
     "kp.south-hwanghae"),
    ("Three smugglers, natives of Hyesan, were executed in Hoeryong on Tuesday.", "execution",
     "kp.north-hamgyong.hoeryong"),
    # only the origin is named: it is still the best the sentence gives
    ("Two women from Musan were arrested last week.", "arrest", "kp.north-hamgyong.musan"),
    # prices are quoted per place: a named city is the price's place, national words or not
    ("Rice prices rose across the country, reaching 6,000 won per kilogram in Hyesan.", "market",
     "kp.ryanggang.hyesan"),
])
def test_a_place_of_the_event_beats_national_words(text, etype, place):
    assert place_of(text, etype) == place


@pytest.mark.parametrize("text, published, expected", [
    ("Rice prices surged by 30% in the first quarter of 2023, the NIS said.", "2023-05-31",
     ("2023-01-01", "2023-03-31", "range")),
    ("Exports fell in the third quarter of last year.", "2023-05-31", ("2022-07-01", "2022-09-30", "range")),
    ("Trade with China recovered in the fourth quarter of 2021.", None, ("2021-10-01", "2021-12-31", "range")),
    ("Starvation deaths tripled in the first three months of 2022.", "2022-06-01",
     ("2022-01-01", "2022-03-31", "range")),
    ("Grain imports rose in the second quarter of the year.", "2020-09-10", ("2020-04-01", "2020-06-30", "range")),
])
def test_a_quarter_of_a_year_is_a_range_of_its_months(text, published, expected):
    from nkevents.stages.dates import find_dates
    found = [(m.date_start, m.date_end, m.precision) for m in find_dates(text, published)]
    assert found == [expected]


@pytest.mark.parametrize("text", [
    "Prices rose in the first quarter, the source said.",  # no year named: no date
    "The market's first quarter of the stalls was closed.",
    "A quarter of the residents were mobilized in 2021.",  # a share, not a time: only the year
])
def test_quarter_words_that_date_no_quarter(text):
    from nkevents.stages.dates import find_dates
    assert all(m.precision != "range" for m in find_dates(text, "2023-05-31"))


def date_of(text, etype, published="2022-06-20"):
    doc = extract(text, published=published)
    found = [e for e in doc.events if e.type == etype]
    assert found, [(e.type, e.date) for e in doc.events]
    d = found[0].date
    return (d.date_start, d.date_end) if d and found[0].date_basis != "context" else None


@pytest.mark.parametrize("text, etype", [
    # the date is the earlier event's that the measure followed, not the measure's
    ("North Korea closed general markets in many areas following the first official announcement "
     "of a COVID-19 outbreak on May 12.", "policy"),
    ("Authorities ordered residents to stay home in the wake of the state media's announcement of "
     "an outbreak on May 12.", "directive"),
    ("The border was sealed after the government's declaration of a national emergency on May 12.", "policy"),
])
def test_a_date_of_the_event_a_measure_followed_is_not_the_measures(text, etype):
    assert date_of(text, etype) != ("2022-05-12", "2022-05-12")


@pytest.mark.parametrize("text, etype", [
    # the measure's own date, before the clause or with no such clause
    ("North Korea closed general markets on May 12 following the announcement of an outbreak.", "policy"),
    ("On May 12, authorities ordered residents to stay home after the announcement.", "directive"),
    ("Authorities ordered all residents to stay home on May 12.", "directive"),
])
def test_a_measures_own_date_is_kept(text, etype):
    assert date_of(text, etype) == ("2022-05-12", "2022-05-12")


@pytest.mark.parametrize("text, etype", [
    # only the source's home is named: the state's crackdown or measure is the country's
    ("A source in North Pyongan Province told Daily NK on Monday. The authorities have intensified "
     "their crackdown on foreign currency use.", "crackdown"),
    ("“Security agents are cracking down on people who use Chinese phones,” a resident of Ryanggang "
     "Province said. “Inspections are intensifying.”", "crackdown"),
])
def test_a_campaign_told_by_a_source_from_one_province_is_the_countrys(text, etype):
    assert place_of(text, etype) == "kp"


@pytest.mark.parametrize("text, etype, place", [
    # a crackdown the sentence places keeps its place
    ("A source in Ryanggang said police launched a crackdown on smugglers in Hyesan last week.",
     "crackdown", "kp.ryanggang.hyesan"),
    # an arrest told by a source with no place of its own keeps the source's place
    ("A source in Ryanggang Province told Daily NK on Monday. Police arrested three smugglers last week.",
     "arrest", "kp.ryanggang"),
])
def test_a_placed_campaign_and_a_sourced_arrest_keep_their_places(text, etype, place):
    assert place_of(text, etype) == place


@pytest.mark.parametrize("text, published, expected", [
    ("The amnesty will apply to convicts starting August first.", "2012-07-20", ("2012-08-01", "day")),
    ("The North will pardon prisoners from the first of August.", "2012-07-20", ("2012-08-01", "day")),
    ("The trial was held on March third, a source said.", "2012-07-20", ("2012-03-03", "day")),
    ("Police raided the market on the fifteenth of April 2011.", None, ("2011-04-15", "day")),
    ("The order came down on June twenty-first.", None, ("--06-21", "month-day")),
])
def test_a_day_of_the_month_written_as_a_word(text, published, expected):
    from nkevents.stages.dates import find_dates
    found = [(m.date_start, m.precision) for m in find_dates(text, published)]
    assert found == [expected]


@pytest.mark.parametrize("text, published", [
    ("In March second thoughts about the policy emerged.", "2012-07-20"),  # an ordinal of a noun
    ("It was the first August without rations.", "2012-07-20"),  # no "of"
    ("In May first-time defectors arrived in Seoul.", "2012-07-20"),
])
def test_ordinal_words_that_are_no_day(text, published):
    from nkevents.stages.dates import find_dates
    assert all(m.precision != "day" for m in find_dates(text, published))


@pytest.mark.parametrize("text, etype", [
    # a measure or campaign told as taken is not dated by the future it aims at
    ("North Korea has closed its universities and sent students to building sites ahead of the "
     "leader's birthday celebrations next year.", "policy"),
    ("Students have been mobilized for construction ahead of the party congress next year.", "mobilization"),
    ("The authorities have banned the sale of grain in markets ahead of the harvest next month.", "policy"),
])
def test_an_asserted_event_is_not_dated_after_the_report(text, etype):
    d = date_of(text, etype, published="2011-07-05")
    assert d is None or d[0] <= "2011-07-05"


@pytest.mark.parametrize("text, etype, expected", [
    # planned measures keep their future date; asserted ones keep a date before the report
    ("North Korea will close its universities next month, KCNA said.", "policy", ("2011-08-01", "2011-08-31")),
    ("Students were mobilized for construction last month.", "mobilization", ("2011-06-01", "2011-06-30")),
])
def test_planned_and_past_dates_are_kept(text, etype, expected):
    assert date_of(text, etype, published="2011-07-05") == expected


@pytest.mark.parametrize("text, etype", [
    # the state itself takes the measure: the story's town, told before, is not its place
    ("Residents of Hyesan were short of food in May. North Korea sealed its borders in early 2020 to "
     "keep out the virus.", "policy"),
    ("Traders in Sinuiju lost their stalls last month. The regime has banned private grain sales.", "policy"),
    ("Police in Hoeryong arrested a phone seller in April. In response, the North Korean government "
     "has launched a crackdown on illegal phones.", "crackdown"),
    ("Smuggling has picked up in Musan. The DPRK has since reopened the border to freight trains.", "policy"),
    ("A source in Chongjin spoke to us on Monday. North Korea's authorities have also banned "
     "travel between provinces.", "policy"),
])
def test_a_measure_the_state_itself_takes_is_the_countrys(text, etype):
    assert place_of(text, etype) == "kp"


@pytest.mark.parametrize("text, etype, place", [
    # a body or a place of the town acts, or the sentence names the town: the town's measure
    ("Residents of Hyesan were short of food in May. The city authorities then banned private grain "
     "sales.", "policy", "kp.ryanggang.hyesan"),
    ("Residents of Hyesan were short of food in May. Authorities have banned private grain sales.",
     "policy", "kp.ryanggang.hyesan"),
    ("North Korea has placed the city of Hyesan under lockdown.", "policy", "kp.ryanggang.hyesan"),
    ("Traders in Sinuiju said that North Korea closed the market in Sinuiju on Monday.", "policy",
     "kp.north-pyongan.sinuiju"),
])
def test_a_measure_of_a_town_keeps_its_place(text, etype, place):
    assert place_of(text, etype) == place


def event_of(text, etype, published="2023-06-20"):
    doc = extract(text, published=published)
    found = [e for e in doc.events if e.type == etype]
    assert found, [(e.type, e.place) for e in doc.events]
    return found[0]


@pytest.mark.parametrize("text, etype", [
    # a paragraph that turns to another story takes neither the date nor the town of the one before
    ("A public trial was held in Hamhung on May 3, a source said.\n\nMeanwhile, police have begun "
     "searching homes for foreign phones.", "crackdown"),
    ("Two smugglers were arrested in Hyesan on April 20.\n\nSeparately, the authorities have banned "
     "the sale of gasoline by individuals.", "policy"),
    ("Rice cost 6,000 won in Sinuiju on June 1. In a separate development, officials ordered farms "
     "to hand over more grain.", "directive"),
])
def test_another_story_takes_no_date_or_town_from_the_one_before(text, etype):
    ev = event_of(text, etype)
    assert ev.date is None
    assert ev.place is None or ev.place.id not in ("kp.south-hamgyong.hamhung", "kp.ryanggang.hyesan",
                                                   "kp.north-pyongan.sinuiju")


@pytest.mark.parametrize("text, etype, place, start", [
    # the same story goes on: its time and town carry over
    ("A public trial was held in Hamhung on May 3, a source said.\n\nPolice have also begun searching "
     "homes for foreign phones.", "crackdown", "kp.south-hamgyong.hamhung", "2023-05-03"),
    ("Two smugglers were arrested in Hyesan on April 20.\n\nThe authorities have since tightened "
     "controls on the riverbank.", "policy", "kp.ryanggang.hyesan", "2023-04-20"),
])
def test_the_same_story_keeps_its_date_and_town(text, etype, place, start):
    ev = event_of(text, etype)
    assert ev.place.id == place and ev.date.date_start == start


@pytest.mark.parametrize("text, etype", [
    # a wire dateline in mixed case names where the report was filed, not where the event was
    ("Pyongyang, Oct. 20 (KCNA) -- The Cabinet adopted a decision on launching a 100-day campaign "
     "across the country.", "mobilization"),
    ("Seoul, March 5 (Yonhap) -- North Korea has banned the sale of grain at markets, a source said.", "policy"),
    ("Pyongyang (AFP) — The regime has closed the border to all traffic.", "policy"),
])
def test_a_mixed_case_dateline_is_not_the_events_place(text, etype):
    assert place_of(text, etype) == "kp"


def test_a_town_opening_a_sentence_is_still_its_place():
    text = "Hyesan, a city on the Chinese border, was placed under lockdown on Monday."
    assert place_of(text, "policy") == "kp.ryanggang.hyesan"


@pytest.mark.parametrize("text, etype, expected", [
    # a date in the possessive dates its own noun
    ("The party ordered all farms to meet this year's grain targets.", "directive", None),
    ("Officials mobilized students to repair damage from last year's floods on Monday.", "mobilization",
     "2023-06-19"),
    # ... which may be the event itself
    ("Last month's public trial in Hyesan drew thousands of residents.", "trial", "2023-05-01"),
])
def test_a_possessive_date_dates_its_own_noun(text, etype, expected):
    ev = event_of(text, etype)
    assert (ev.date.date_start if ev.date else None) == expected


@pytest.mark.parametrize("text, etype", [
    # the capital named for the state: its measures are the country's
    ("Traders in Hyesan are struggling. Pyongyang has banned the sale of imported grain at markets.", "policy"),
    ("Pyongyang's decision to close the border has hit smugglers hard, a source in Musan said.", "policy"),
    ("Pyongyang abruptly suspended all trains to China on Monday.", "policy"),
])
def test_the_capital_named_for_the_state_is_no_place(text, etype):
    assert place_of(text, etype) == "kp"


@pytest.mark.parametrize("text, etype", [
    ("The Pyongyang city people's committee has banned the sale of imported grain at markets.", "policy"),
    ("Pyongyang residents were mobilized to clear snow on Monday.", "mobilization"),
    ("A public trial was held in Pyongyang on Monday.", "trial"),
])
def test_the_capital_as_a_city_is_its_place(text, etype):
    assert place_of(text, etype) == "kp.pyongyang"


def test_prices_across_the_province_told_before_are_that_provinces():
    text = ("Smuggling has slowed in Hyesan, Ryanggang Province, since May. Rice prices have been rising "
            "across the province, traders say.")
    assert place_of(text, "market") == "kp.ryanggang"


def test_prices_told_with_no_place_are_the_countrys():
    text = "Smuggling has slowed in Hyesan since May. Rice prices have been rising, traders say."
    assert place_of(text, "market") == "kp"


@pytest.mark.parametrize("text, etype, expected", [
    # "N days after the trial" counts from the trial: the trial keeps its own date
    ("A trader was shot in Musan a week after the trial, which took place on May 3.", "trial",
     ("2011-05-03", "2011-05-03")),
    ("A trader was shot in Musan a week after the trial, which took place on May 3.", "execution",
     ("2011-05-10", "2011-05-10")),
    # look-alike: the phrase after "after" names another event; the trigger's verb takes the date
    ("A smuggler was detained in Musan on May 3. Two days after that arrest he was tried.", "trial",
     ("2011-05-05", "2011-05-05")),
])
def test_a_date_counted_from_the_event_is_not_its_date(text, etype, expected):
    assert date_of(text, etype, published="2011-07-05") == expected


@pytest.mark.parametrize("text, etype, expected", [
    # a span inside the charge clause after the trigger is how long the offence went on
    ("Two farmers were shot in Musan in June. They were executed for selling state cattle from 2009 "
     "to March, residents said.", "execution", ("2011-06-01", "2011-06-30")),
    # look-alikes: a single day after the charge is the event's own; so is a campaign's "since"
    ("A trader was detained in Musan for smuggling on May 2.", "arrest", ("2011-05-02", "2011-05-02")),
    ("Musan police have been arresting people for smuggling since January.", "arrest", ("2011-01-01", "2011-01-31")),
])
def test_a_span_of_the_offence_is_not_the_events_date(text, etype, expected):
    doc = extract(text, published="2011-07-05")
    got = {(e.date.date_start, e.date.date_end) for e in doc.events if e.type == etype and e.date}
    assert got == {expected}


@pytest.mark.parametrize("text, etype, expected", [
    # the day an outlet told of the event is not the event's day
    ("On June 9, Radio Free Asia (RFA) reported that a trader was executed in Musan on June 7.",
     "execution", ("2011-06-07", "2011-06-07")),
    ("North Korea, which on Wednesday claimed to be free of the virus, has executed a smuggler in Musan.",
     "execution", None),
    # look-alikes: the event is told before the verb, or the date is the event's own
    ("A trader was executed in Musan on June 7, RFA reported.", "execution", ("2011-06-07", "2011-06-07")),
    ("On June 7, police arrested a trader in Musan.", "arrest", ("2011-06-07", "2011-06-07")),
])
def test_the_day_of_the_telling_before_the_event_is_not_its_date(text, etype, expected):
    assert date_of(text, etype, published="2011-07-05") == expected


@pytest.mark.parametrize("text, expected", [
    # the day a price is compared with is not the day of the price, nor the story's time after it
    ("Rice sold for 6,000 won a kilogram in Musan on June 20, a 12% increase from June 3. Similar "
     "rises were seen in Hyesan, where rice reached 6,200 won.", {("2011-06-20", "2011-06-20")}),
    ("Rice sold for 6,000 won a kilogram in Musan on June 20, up 300 won from June 3.",
     {("2011-06-20", "2011-06-20")}),
    # look-alike: a day after "from" that no change word opens keeps
    ("Rice sold for 6,000 won a kilogram in Musan from June 3.", {("2011-06-03", "2011-06-03")}),
])
def test_a_day_a_price_is_compared_with_is_not_its_date(text, expected):
    doc = extract(text, published="2011-07-05")
    got = {(e.date.date_start, e.date.date_end) if e.date else None for e in doc.events if e.type == "market"}
    assert got == expected


def _event_date(text, etype, published=None):
    doc = extract(text, published=published)
    found = [e for e in doc.events if e.type == etype]
    assert found, [(e.type, e.date) for e in doc.events]
    d = found[0].date or found[0].context_date
    return (d.date_start, d.date_end) if d else None


@pytest.mark.parametrize("text, published, expected", [
    # the day of the incident named after the event's sentence dates it
    ("Two smugglers were shot in Musan, residents said. The day of the execution was March 9, a guard told "
     "a neighbour.", None, ("--03-09", "--03-09")),
    ("Two smugglers were shot in Musan, residents said. The date of the incident was March 9.",
     "2011-07-05", ("2011-03-09", "2011-03-09")),
    ("A smuggler was shot in front of a crowd in Musan, a human rights group said. The footage, which "
     "seems to have been recorded in 2009, shows the crowd.", None, ("2009-01-01", "2009-12-31")),
    # look-alike: a date told before the event's sentence is the story's time
    ("In May, guards caught smugglers in Musan. Two of them were shot, residents said. The day of the "
     "incident was March 9, a guard said.", "2011-07-05", ("2011-05-01", "2011-05-31")),
])
def test_the_day_of_the_incident_named_later_dates_the_event(text, published, expected):
    assert _event_date(text, "execution", published) == expected


@pytest.mark.parametrize("text, expected", [
    # a year's tally ranks the event; the day the sentence names is its date
    ("In this year's second execution in the town, a trader was shot in Musan on June 3.", ("2011-06-03", "2011-06-03")),
    # look-alikes: with no other date the year stays; a possessive without a rank is the event's own
    ("This year's second execution took place in Musan.", ("2011-01-01", "2011-12-31")),
    ("Last month's public execution in Musan drew a crowd, residents said on July 2.", ("2011-06-01", "2011-06-30")),
])
def test_a_years_tally_is_not_the_date_when_the_sentence_names_a_day(text, expected):
    assert date_of(text, "execution", published="2011-07-05") == expected


@pytest.mark.parametrize("text, modality, expected", [
    # a measure that goes into effect on a day still to come is planned and dated by that day
    ("The ban on selling grain in markets goes into effect on July 15, a source said.", "planned",
     ("2011-07-15", "2011-07-15")),
    # look-alike: "took effect" tells a day past
    ("The ban on selling grain in markets took effect on July 1, a source said.", "asserted",
     ("2011-07-01", "2011-07-01")),
])
def test_a_measure_going_into_effect_on_a_day(text, modality, expected):
    doc = extract(text, published="2011-07-05")
    ev = next(e for e in doc.events if e.type == "policy")
    assert (ev.modality, (ev.date.date_start, ev.date.date_end)) == (modality, expected)
