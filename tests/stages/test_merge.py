"""Joining mentions of one occurrence, and stable ids."""
from nkevents.model import DateMention, Event, Penalty, Place
from nkevents.stages import merge

CITY = Place(id="kp.north-hamgyong.chongjin", name="Chongjin", level="city")
DISTRICT = Place(id="kp.north-hamgyong.chongjin.sunam", name="Sunam", level="district")
OTHER_CITY = Place(id="kp.ryanggang.hyesan", name="Hyesan", level="city")


def ev(typ, start, **kw):
    return Event(type=typ, evidence=[(start, start + 10)], trigger=(start, start + 3), **kw)


def day(iso):
    return DateMention(0, 5, iso, iso, iso, "day")


def test_headline_and_detail_of_one_trial_become_one_with_the_most_specific_arguments():
    headline = ev("trial", 0, place=CITY, place_basis="sentence")
    detail = ev("trial", 50, place=DISTRICT, place_basis="sentence", date=day("2022-11-10"))
    [joined] = merge.merge_events([headline, detail])
    assert joined.place.id == DISTRICT.id and joined.date.date_start == "2022-11-10"
    assert joined.evidence == [(0, 10), (50, 60)]


def test_different_places_or_dates_are_different_occurrences():
    a = ev("arrest", 0, place=CITY, place_basis="sentence")
    b = ev("arrest", 50, place=OTHER_CITY, place_basis="sentence")
    assert len(merge.merge_events([a, b])) == 2
    c = ev("arrest", 0, date=day("2022-03-01"))
    d = ev("arrest", 50, date=day("2022-04-01"))
    assert len(merge.merge_events([c, d])) == 2


def test_one_sentence_event_per_penalty_group():
    a = ev("sentence", 0, penalty=Penalty("prison", 132, 132))
    b = ev("sentence", 50, penalty=Penalty("prison", 6, 60))
    c = ev("sentence", 90, penalty=Penalty("prison", 132, 132))
    assert len(merge.merge_events([a, b, c])) == 2


def test_a_vague_punishment_joins_the_specific_one():
    vague = ev("sentence", 0, penalty=Penalty("other"))
    specific = ev("sentence", 50, penalty=Penalty("labor_training", 1, 1), subjects_count=3)
    [joined] = merge.merge_events([vague, specific])
    assert (joined.penalty.kind, joined.penalty.min_months, joined.subjects_count) == ("labor_training", 1, 3)


def test_different_counts_of_people_are_different_groups():
    a = ev("execution", 0, subjects_count=2)
    b = ev("execution", 50, subjects_count=1)
    assert len(merge.merge_events([a, b])) == 2


def test_a_reference_back_gives_its_date_to_every_group():
    a = ev("execution", 0, subjects_count=2, place=CITY, place_basis="sentence")
    b = ev("execution", 20, subjects_count=1, place=CITY, place_basis="sentence")
    ref = ev("execution", 50, date=DateMention(0, 5, "in October", "2022-10-01", "2022-10-31", "month"),
             anaphoric=True)
    out = merge.merge_events([a, b, ref])
    assert len(out) == 2 and all(e.date and e.date.date_start == "2022-10-01" for e in out)


def test_outcomes_of_the_trial_take_its_date_place_and_court():
    from nkevents.model import Actor
    trial = ev("trial", 0, place=DISTRICT, place_basis="sentence", date=day("2022-11-10"),
               actors=[Actor("court", "the court")])
    outcome = ev("sentence", 50, penalty=Penalty("life_imprisonment"), place=CITY, place_basis="context")
    merge.inherit_from_trial([trial, outcome])
    assert outcome.date.date_start == "2022-11-10" and outcome.place.id == DISTRICT.id
    assert [a.id for a in outcome.actors] == ["court"]


def test_event_ids_are_stable_and_distinct():
    a, b = ev("arrest", 0), ev("trial", 0)
    assert merge.event_id(a) == merge.event_id(ev("arrest", 0))
    assert merge.event_id(a) != merge.event_id(b)
    assert merge.event_id(ev("market", 0, place=CITY)) != merge.event_id(ev("market", 0, place=OTHER_CITY))


def test_a_punishment_naming_no_offence_takes_the_one_last_described():
    arrest = ev("arrest", 0, charges=["drugs"])
    trial = ev("trial", 20)
    sentence = ev("sentence", 40, penalty=Penalty("prison", 180, 180))
    price = ev("market", 60)
    merge.carry_charges([arrest, trial, sentence, price])
    assert trial.charges == ["drugs"] and sentence.charges == ["drugs"] and price.charges == []
    named = ev("sentence", 80, charges=["theft"])
    merge.carry_charges([arrest, named])
    assert named.charges == ["theft"]


def test_each_punishment_takes_the_date_of_the_trial_it_was_passed_at():
    first = ev("trial", 0, date=day("2005-03-01"))
    second = ev("trial", 100, date=day("2005-03-02"))
    early = ev("sentence", 40, penalty=Penalty("prison", 120, 120))
    late = ev("sentence", 140, penalty=Penalty("life_imprisonment"))
    events = [first, early, second, late]
    merge.inherit_from_trial(events)
    assert (early.date.date_start, early.date_basis) == ("2005-03-01", "event")
    assert late.date.date_start == "2005-03-02"


def test_another_trial_on_another_day_stays_another_trial():
    a = ev("trial", 0, date=day("2005-03-01"))
    b = ev("trial", 100, date=day("2005-03-02"))
    assert len(merge.merge_events([a, b])) == 2


def test_a_death_sentence_whose_execution_is_told_is_that_execution():
    execution = ev("execution", 0, place=CITY, place_basis="sentence", subjects_count=2)
    death = ev("sentence", 50, penalty=Penalty("death"), subjects_count=2)
    prison = ev("sentence", 90, penalty=Penalty("prison", 120, 180), subjects_count=7)
    kept = merge.fold_death_sentences([execution, death, prison])
    assert [e.type for e in kept] == ["execution", "sentence"]
    assert (50, 60) in execution.evidence


def test_a_death_sentence_alone_stays_a_sentence():
    death = ev("sentence", 50, penalty=Penalty("death"))
    assert merge.fold_death_sentences([death]) == [death]


def test_an_undated_occurrence_takes_the_time_its_story_is_set_in():
    context = day("2014-11-01")
    undated = ev("arrest", 40, context_date=context)
    dated = ev("arrest", 80, date=day("2015-01-02"), place=OTHER_CITY, place_basis="sentence")
    merge.date_from_context([undated, dated])
    assert (undated.date, undated.date_basis) == (context, "context")
    assert dated.date.date_start == "2015-01-02"


def test_a_reference_back_to_a_flood_naming_other_areas_is_one_event_per_area():
    flood = ev("hardship", 0, place=Place(id="kp.jagang", name="Chagang", level="province"), place_basis="sentence")
    sinuiju = Place(id="kp.north-pyongan.sinuiju", name="Sinuiju", level="city")
    uiju = Place(id="kp.north-pyongan.uiju", name="Uiju", level="county")
    later = [ev("hardship", 100, place=p, place_basis="sentence", anaphoric=True) for p in (sinuiju, uiju)]
    merged = merge.merge_events([flood, *later])
    assert [e.place.id for e in merged] == ["kp.jagang", sinuiju.id, uiju.id]


def test_a_reference_back_without_a_place_of_its_own_joins_the_occurrence():
    flood = ev("hardship", 0, place=Place(id="kp.jagang", name="Chagang", level="province"), place_basis="sentence")
    again = ev("hardship", 100, anaphoric=True)
    assert len(merge.merge_events([flood, again])) == 1


def test_another_trial_is_never_joined_to_the_one_before():
    first = ev("trial", 0)
    other = ev("trial", 100, new_occurrence=True)
    assert len(merge.merge_events([first, other])) == 2


def test_an_issuer_filled_in_from_the_report_does_not_split_one_order():
    from nkevents.model import Actor
    named = ev("directive", 0, actors=[Actor(id="central_committee", text="the Central Committee", role="issuer")])
    filled = ev("directive", 50, actors=[Actor(id="central_committee", text="", role="issuer")])
    bare = ev("directive", 90)
    assert len(merge.merge_events([named, filled, bare])) == 1


def test_a_detail_of_an_order_gives_it_no_time():
    decree = ev("directive", 0)
    detail = ev("directive", 100, anaphoric=True, detail=True, date=day("2020-10-01"))
    [joined] = merge.merge_events([decree, detail])
    assert joined.date is None and (100, 110) in joined.evidence


def test_a_trial_no_sentence_dates_happened_when_its_outcome_was_handed_down():
    trial = ev("trial", 100)
    sentence = ev("sentence", 0, date=day("2016-03-16"), date_basis="sentence", penalty=Penalty("prison", 180, 180))
    merge.trial_date_from_outcomes([sentence, trial])
    assert (trial.date.date_start, trial.date_basis) == ("2016-03-16", "event")


def test_a_measure_dated_only_by_its_start_still_to_come_is_planned():
    from nkevents.pipeline import extract
    doc = extract("North Korea announced an amnesty for prisoners on Monday. The amnesty will take effect from August 1.",
                  published="2020-04-10")
    assert [(e.type, e.modality) for e in doc.events] == [("policy", "planned")]
    doc = extract("Authorities imposed a lockdown in Hyesan. The lockdown will last until May 1.", published="2020-04-10")
    assert [(e.type, e.modality) for e in doc.events] == [("policy", "asserted")]


def test_mentions_joined_keep_anti_socialist_only_without_a_more_specific_charge():
    from nkevents.model import Event
    from nkevents.stages import merge
    a = Event(type="arrest", evidence=[(0, 10)], trigger=(0, 5), charges=["anti_socialist"])
    b = Event(type="arrest", evidence=[(20, 30)], trigger=(20, 25), charges=["foreign_media"])
    [joined] = merge.merge_events([a, b])
    assert joined.charges == ["foreign_media"]


def test_a_verdict_naming_no_punishment_joins_the_execution():
    text = "Two men were executed. The judge read out the verdict. A third was sentenced."
    execution = Event(type="execution", evidence=[(0, 22)], trigger=(13, 21), subjects_count=2)
    verdict = Event(type="sentence", evidence=[(23, 54)], trigger=(46, 53), subjects_count=1)
    sentenced = Event(type="sentence", evidence=[(55, 77)], trigger=(67, 76))
    kept = merge.fold_death_sentences([execution, verdict, sentenced], text)
    assert kept == [execution, sentenced] and execution.subjects_count == 2


def test_a_day_the_mention_gives_beats_the_day_a_measure_was_announced():
    announced = ev("policy", 0, date=DateMention(0, 5, "Wednesday", "2020-01-22", "2020-01-22", "day"), date_basis="announced")
    told = ev("policy", 50, date=DateMention(50, 57, "Tuesday", "2020-01-21", "2020-01-21", "day"), date_basis="sentence")
    assert merge._date_compatible(announced, told)
    merge._fill_gaps(announced, told)
    assert announced.date.date_start == "2020-01-21"
    later = ev("policy", 90, date=DateMention(90, 97, "Friday", "2020-01-24", "2020-01-24", "day"), date_basis="sentence")
    assert not merge._date_compatible(told, later)
