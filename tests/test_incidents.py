"""The incident linking core (nkevents.incidents) on events and reports written for these tests."""
from datetime import date

import pytest

from nkevents import incidents as core

# Invented reports in the style of the corpus (never corpus text).
EXECUTION_A = (
    "A man in his forties was publicly executed by firing squad in Hoeryong on March 14 after he "
    "was convicted of selling methamphetamine to traders from across the river, a source in North "
    "Hamgyong Province told the newspaper. Residents of the town were ordered to attend the "
    "execution and the authorities warned that anyone caught dealing drugs would face the same fate. "
    "The source said the man had been arrested in January by the state security department.")
EXECUTION_B = (
    "North Korean authorities shot a drug dealer in front of a crowd in the border city of Hoeryong "
    "last week, according to a resident reached by phone. The man, who was about 45 years old, had "
    "been caught with a large amount of crystal meth. Local people were mobilized to watch, and "
    "officials used the occasion to lecture them about the dangers of narcotics and smuggling.")
COPY_HEADLINE = "North Korea shoots drug dealer in public, report says. "
UNRELATED = (
    "Rice prices in the markets of Sinuiju rose sharply in the first week of June as traders "
    "hoarded grain ahead of the lean season, sources in the region said. A kilogram of rice cost "
    "more than six thousand won, up a quarter from the month before, and corn prices followed. "
    "Residents blamed the border closure and the lack of imports from China for the shortage.")


def report(rid, text, outlet=None, published=None, url=None):
    return {"report_id": rid, "text": text, "outlet": outlet, "published": published, "url": url}


def event(eid, type="execution", start=None, end=None, precision="day", place=None,
          count=None, penalty=None, charges=None, modality="asserted", people=None, when=None):
    """people: the subjects' words ("at least three people"); when: the date's words."""
    ev = {"event_id": eid, "type": type, "modality": modality,
          "date": {"start": start, "end": end or start, "precision": precision, "text": when}
          if start else None,
          "place": {"id": place} if place else None,
          "subjects": {"count": count, "text": people} if count else None,
          "penalty": {"kind": penalty} if penalty else None,
          "charges": charges or []}
    return ev


# ---------------------------------------------------------------------------- rules


def test_same_execution_in_two_outlets_with_different_wording_is_linked():
    linker = core.Linker()
    linker.add_report(report("a", EXECUTION_A, "Daily NK", "2023-03-16"),
                      [event("a1", start="2023-03-14", place="kp.north-hamgyong.hoeryong", count=1,
                             charges=["drugs"])])
    links = linker.add_report(report("b", EXECUTION_B, "Radio Free Asia", "2023-03-20"),
                              [event("b1", start="2023-03-13", place="kp.north-hamgyong.hoeryong",
                                     count=1, charges=["drugs"])])
    assert links[0].linked_to == "a1"
    assert linker.incident_of["a1"] == linker.incident_of["b1"]
    assert "same day (+2)" in links[0].reasons
    assert any(r.startswith("place kp.north-hamgyong.hoeryong contains both") for r in links[0].reasons)


def test_same_type_and_month_in_different_provinces_is_not_linked():
    linker = core.Linker()
    linker.add_report(report("a", EXECUTION_A, published="2023-03-30"),
                      [event("a1", start="2023-03-01", end="2023-03-31", precision="month",
                             place="kp.north-hamgyong", count=2)])
    links = linker.add_report(report("b", UNRELATED, published="2023-03-30"),
                              [event("b1", start="2023-03-01", end="2023-03-31", precision="month",
                                     place="kp.ryanggang", count=2)])
    assert links[0].linked_to is None
    s = core.score_pair(linker.events["a1"], linker.reports["a"], dict(linker.events["b1"]),
                        linker.reports["b"])
    assert not s.compatible


def test_month_precision_date_matches_a_day_inside_it():
    a = event("a1", start="2022-10-01", end="2022-10-31", precision="month",
              place="kp.ryanggang.hyesan", count=3)
    b = event("b1", start="2022-10-21", place="kp.ryanggang.hyesan", count=3)
    outside = event("c1", start="2022-11-20", place="kp.ryanggang.hyesan", count=3)
    ra, rb = report("a", EXECUTION_A), report("b", EXECUTION_B)
    inside = core.score_pair(a, ra, b, rb)
    assert inside.compatible and "same month (+1)" in inside.reasons
    assert inside.score >= core.rules()["decision"]["link_score"]
    assert not core.score_pair(a, ra, outside, rb).compatible


def test_month_day_without_year_compares_month_and_day():
    ra, rb = report("a", EXECUTION_A), report("b", EXECUTION_B)
    md = event("a1", start="--11-28", precision="month-day", place="kp.north-pyongan")
    same = event("b1", start="2020-11-28", place="kp.north-pyongan")
    other = event("c1", start="2020-12-20", place="kp.north-pyongan")
    assert "same day of the year (year unknown) (+1.5)" in core.score_pair(md, ra, same, rb).reasons
    assert not core.score_pair(md, ra, other, rb).compatible
    # and the index finds the full date from the month-day key
    assert set(core.lookup_keys(md, ra)) & set(core.index_keys(same, rb))


def test_copied_aggregator_text_is_linked_and_not_independent():
    linker = core.Linker()
    linker.add_report(report("orig", EXECUTION_A, "Daily NK", "2023-03-16"),
                      [event("o1", place="kp", count=1)])
    copy = report("agg", COPY_HEADLINE + EXECUTION_A + " Follow us for more news.", None, "2023-03-18")
    links = linker.add_report(copy, [event("g1", place="kp", count=1)])
    assert links[0].linked_to == "o1"
    assert any(r.startswith("near-duplicate texts") for r in links[0].reasons)
    ind = core.independence([linker.reports["orig"], linker.reports["agg"]])
    assert ind["orig"]["independent"] is True
    assert ind["agg"] == {"independent": False, "cites": [], "copies": "orig",
                          "origin": "outlet:Daily NK"}


def test_subject_counts_that_differ_block_a_link_even_between_copies():
    linker = core.Linker()
    linker.add_report(report("a", EXECUTION_A), [event("a1", count=2), event("a2", count=1)])
    links = linker.add_report(report("b", COPY_HEADLINE + EXECUTION_A),
                              [event("b1", count=1), event("b2", count=2)])
    assert [l.linked_to for l in links] == ["a2", "a1"]  # one to one, by agreement


def test_type_and_country_alone_do_not_link():
    linker = core.Linker()
    linker.add_report(report("a", EXECUTION_A, published="2023-03-16"), [event("a1", place="kp")])
    links = linker.add_report(report("b", UNRELATED, published="2023-03-20"), [event("b1", place="kp")])
    assert links[0].linked_to is None


@pytest.mark.parametrize("text,own,expected", [
    ("A resident told RFA on Monday that the trial was held.", None, ["Radio Free Asia"]),
    ("The man was shot, according to Daily NK, citing a source.", "NK News", ["Daily NK"]),
    ("Radio Free Asia reported that two men were arrested; Daily NK reported the same.", None,
     ["Radio Free Asia", "Daily NK"]),
    ("A source in Hyesan told Daily NK that prices rose.", "Daily NK", []),  # its own reporting
    ("Nothing is cited here at all.", None, []),
    # how reposts name the report they retell
    ("Two teens were shot, according to a Friday report by Radio Free Asia.", None,
     ["Radio Free Asia"]),
    ("The source said in a phone conversation with the Daily NK on the 9th.", None, ["Daily NK"]),
    ("A man was executed in Wonsan, Daily NK says.", None, ["Daily NK"]),
    ("The smuggler faces the firing squad, per RFA.", None, ["Radio Free Asia"]),
    ("Variety, via Radio Free Asia, reports the sentence.", None, ["Radio Free Asia"]),
    ("Two were arrested, reports Yonhap.", None, ["Yonhap"]),
    ("An article in NK News described the new fence.", None, ["NK News"]),
    # an outlet named without citing it
    ("Daily NK and RFA are based outside the country.", None, []),
    ("He listened to Radio Free Asia broadcasts at night.", None, []),
    ("The reporter of Yonhap was expelled in May.", None, []),
])
def test_cited_outlets(text, own, expected):
    assert core.cited_outlets(text, own) == expected


def test_a_report_citing_an_outlet_counts_as_that_outlets_reporting():
    r1 = report("rfa", EXECUTION_B, "Radio Free Asia")
    r2 = report("paper", "The execution was confirmed by a resident who told RFA about it. " * 3
                + UNRELATED, "The Herald")
    ind = core.independence([r1, r2])
    assert ind["paper"]["independent"] is False and ind["paper"]["cites"] == ["Radio Free Asia"]
    assert ind["paper"]["origin"] == ind["rfa"]["origin"] == "outlet:Radio Free Asia"


# ---------------------------------------------------------------------------- incremental


def test_incremental_linking_compares_only_indexed_candidates():
    linker = core.Linker()
    # 200 executions in other months and provinces: none may be compared with the new one.
    for i in range(200):
        month = 1 + i % 6
        linker.add_report(report(f"r{i}", f"filler report number {i} " * 3, published=None),
                          [event(f"e{i}", start=f"2019-{month:02d}-10", place="kp.south-hwanghae")])
    linker.compared = 0
    linker.add_report(report("new", EXECUTION_A, published="2023-03-16"),
                      [event("n1", start="2023-03-14", place="kp.north-hamgyong.hoeryong", count=2)])
    assert linker.compared == 0
    links = linker.add_report(report("new2", EXECUTION_B, published="2023-03-20"),
                              [event("n2", start="2023-03-14", place="kp.north-hamgyong.hoeryong",
                                     count=2)])
    assert linker.compared == 1 and links[0].linked_to == "n1"


def test_a_clear_disagreement_with_any_member_blocks_the_join():
    linker = core.Linker()
    linker.add_report(report("a", EXECUTION_A), [event("a1", start="2023-03-14", count=3,
                                                       place="kp.north-hamgyong.hoeryong", charges=["drugs"])])
    linker.add_report(report("b", EXECUTION_B), [event("b1", start="2023-03-14", charges=["drugs"],
                                                       place="kp.north-hamgyong.hoeryong")])
    assert linker.incident_of["b1"] == linker.incident_of["a1"]
    # c agrees with b (no count) strongly but says 7 people: a says 3.
    links = linker.add_report(report("c", UNRELATED), [event("c1", start="2023-03-14", count=7,
                                                             charges=["drugs"],
                                                             place="kp.north-hamgyong.hoeryong")])
    assert core.score_pair(linker.events["b1"], linker.reports["b"], {**linker.events["a1"], "event_id": "x",
                           "subjects": {"count": 7}}, linker.reports["c"]).score >= 4
    assert links[0].linked_to is None


def test_reviewer_merge_and_split_in_memory():
    linker = core.Linker()
    linker.add_report(report("a", EXECUTION_A), [event("a1", place="kp")])
    linker.add_report(report("b", UNRELATED), [event("b1", place="kp")])
    ia, ib = linker.incident_of["a1"], linker.incident_of["b1"]
    linker.merge(ia, ib)
    assert linker.incident_of["b1"] == ia
    new = linker.split(ia, ["b1"])
    assert linker.incident_of["b1"] == new != ia


def test_of_two_copies_the_one_citing_the_other_is_the_copy_whatever_the_dates():
    original = report("dnk", EXECUTION_A + " A source told Daily NK.", "Daily NK", None)
    repost = report("agg", COPY_HEADLINE + EXECUTION_A + " A source told Daily NK.", None,
                    "2023-03-10", url="https://www.reposts.example/x")
    ind = core.independence([original, repost])
    assert ind["agg"]["copies"] == "dnk" and ind["agg"]["independent"] is False
    assert ind["dnk"] == {"independent": True, "cites": [], "copies": None, "origin": "outlet:Daily NK"}


def test_an_unnamed_outlet_is_known_by_its_web_host():
    ind = core.independence([report("x", UNRELATED, None, url="https://www.example.net/a")])
    assert ind["x"]["origin"] == "outlet:example.net"


def test_two_reports_agreeing_on_two_city_level_events_in_one_month_are_linked():
    flood_a = report("a", UNRELATED, "The Monitor", "2024-08-01")
    flood_b = report("b", EXECUTION_B, None, "2024-08-03")  # texts unrelated
    linker = core.Linker()
    linker.add_report(flood_a, [event("a1", type="hardship", place="kp.north-pyongan.sinuiju"),
                                event("a2", type="hardship", place="kp.north-pyongan.uiju")])
    links = linker.add_report(flood_b, [event("b1", type="hardship", place="kp.north-pyongan.sinuiju"),
                                        event("b2", type="hardship", place="kp.north-pyongan.uiju")])
    assert [l.linked_to for l in links] == ["a1", "a2"]
    assert "2 events of the two reports agree (+2.5)" in links[0].reasons


def test_places_alone_do_not_corroborate_a_report_with_no_time_at_all():
    # Market prices in the same two cities are reported every week: without any time, two
    # agreeing places are not two agreements.
    prices_a = report("a", UNRELATED, "The Monitor", "2024-08-01")
    prices_b = report("b", EXECUTION_B, None, None)
    linker = core.Linker()
    linker.add_report(prices_a, [event("a1", type="market", place="kp.north-pyongan.sinuiju"),
                                 event("a2", type="market", place="kp.ryanggang.hyesan")])
    links = linker.add_report(prices_b, [event("b1", type="market", place="kp.north-pyongan.sinuiju"),
                                         event("b2", type="market", place="kp.ryanggang.hyesan")])
    assert [l.linked_to for l in links] == [None, None]


def test_a_report_with_no_time_at_all_needs_support_beyond_place_and_people():
    linker = core.Linker()
    linker.add_report(report("a", UNRELATED, published="2010-07-30"),
                      [event("a1", type="arrest", start="2010-06-25", place="kp.north-hamgyong.hoeryong",
                             count=5, charges=["illegal_phone"])])
    links = linker.add_report(report("b", EXECUTION_B, published=None),
                              [event("b1", type="arrest", place="kp.north-hamgyong.hoeryong", count=5,
                                     charges=["illegal_phone"])])
    s = core.score_pair(linker.events["b1"], linker.reports["b"], linker.events["a1"], linker.reports["a"])
    assert s.score >= core.rules()["decision"]["link_score"] and s.timeless
    assert links[0].linked_to is None


def test_same_week_and_city_alone_do_not_link_but_one_more_agreement_does():
    ra, rb = report("a", EXECUTION_A), report("b", UNRELATED)
    a = event("a1", type="arrest", start="2021-06-10", place="kp.ryanggang.hyesan")
    b = event("b1", type="arrest", start="2021-06-11", place="kp.ryanggang.hyesan")
    threshold = core.rules()["decision"]["link_score"]
    assert core.score_pair(a, ra, b, rb).score < threshold
    a["charges"] = b["charges"] = ["smuggling"]
    assert core.score_pair(a, ra, b, rb).score >= threshold


# ---------------------------------------------------------------------------- real coverage
# One invented occurrence told twice: a Daily NK report, and a rewrite by another outlet that
# keeps the names and numbers but not the sentences (the way wire copy and translations differ).

STORY_DNK = (
    "A 37-year-old smuggler named Kang Myong-chol was executed by firing squad on the riverbank "
    "outside Onsong on March 14, a source in North Hamgyong Province told Daily NK. Kang had carried "
    "Chinese mobile phones and 1,200 doses of methamphetamine across the Tumen River at night. The "
    "security department gathered about 300 residents, including students from the Onsong mining "
    "college, to watch the execution. Two of his accomplices, brothers who worked at the Jongsong "
    "customs post, were sent to a political prison camp. The source said traders along the border "
    "have stopped carrying phones since the execution.")
STORY_REWRITE = (
    "North Korea publicly shot a smuggler in the border county of Onsong in mid-March, according "
    "to Daily NK. The man, Kang Myong-chol, 37, had been caught bringing Chinese mobile phones and "
    "1,200 doses of methamphetamine across the Tumen River. Around 300 residents and students of "
    "the Onsong mining college were forced to watch. His two accomplices, brothers employed at "
    "the Jongsong customs post, were reportedly sent to a political prison camp, and traders "
    "have since stopped carrying phones, the report said.")
# Another execution in the same county and month, told with other names and numbers.
OTHER_EXECUTION = (
    "Authorities in Onsong executed a woman accused of helping defectors reach China, a resident "
    "said. The 52-year-old, identified only by her surname Ri, was shot in front of a crowd at the "
    "county stadium after a brief open trial. Officials told onlookers that guides who lead people "
    "across the border would be treated as traitors. Relatives said she had been held by the "
    "police for four months before the trial.")


def dnk_report(**kw):
    return report("dnk", STORY_DNK, "Daily NK", kw.get("published", "2023-03-17"),
                  url="https://www.dailynk.example/english/kang-executed")


def onsong_execution(eid, **kw):
    return event(eid, **{"type": "execution", "start": "2023-03-14", "place": "kp.north-hamgyong.onsong",
                         "count": 1, "charges": ["smuggling", "drugs"], **kw})


def test_report_level_evidence_of_a_rewrite_is_recorded_with_its_reasons():
    a = core.report_features(dnk_report())
    b = core.report_features(report("wire", STORY_REWRITE, "Yonhap", "2023-03-20"))
    sim = core.text_similarity(a, b)
    reasons = [why for _, why in sim.weights()]
    assert any(r.startswith("shared rare words") and "onsong" in r and "myong-chol" in r for r in reasons)
    assert "cites the other's outlet Daily NK" in reasons
    assert sim.evidence >= core.rules()["decision"]["report_link"]
    unrelated = core.text_similarity(a, core.report_features(report("x", OTHER_EXECUTION)))
    assert unrelated.evidence < core.rules()["decision"]["report_link"]


def test_undated_repost_with_a_month_day_date_joins_the_dated_report():
    linker = core.Linker()
    linker.add_report(dnk_report(), [onsong_execution("a1")])
    # The repost has no publication date: its "March 14" has no year.
    links = linker.add_report(report("repost", STORY_REWRITE, None, None),
                              [onsong_execution("b1", start="--03-14", precision="month-day")])
    assert links[0].linked_to == "a1"
    assert "same day of the year (year unknown) (+1.5)" in links[0].reasons


def test_a_month_day_date_takes_its_year_from_the_reports_web_address():
    # The address says 2021: its "March 14" is not the 2023 execution, whatever the texts share.
    ev = onsong_execution("b1", start="--03-14", precision="month-day")
    rep = report("old", OTHER_EXECUTION, url="https://news.example/2021/03/onsong-execution")
    window = core.event_window(ev, rep)
    assert not window.md and window.start.year == 2021
    linker = core.Linker()
    linker.add_report(dnk_report(), [onsong_execution("a1")])
    assert linker.add_report(rep, [ev])[0].linked_to is None


def test_a_country_level_place_joins_a_city_when_other_evidence_agrees():
    linker = core.Linker()
    linker.add_report(dnk_report(), [onsong_execution("a1")])
    # Only "North Korea" as the place; same day, same person, same charges, rewritten text.
    links = linker.add_report(report("wire", STORY_REWRITE, "Yonhap", "2023-03-20"),
                              [onsong_execution("b1", place="kp")])
    assert links[0].linked_to == "a1"
    assert any(r.startswith("shared rare words") for r in links[0].reasons)
    # The same country-level event from a report telling another story stays apart.
    other = linker.add_report(report("other", OTHER_EXECUTION, "Radio Free Asia", "2023-03-21"),
                              [event("c1", type="execution", start="2023-03-14", place="kp", count=1)])
    assert other[0].linked_to is None


def test_executed_and_sentenced_to_death_align_when_the_reports_tell_one_story():
    linker = core.Linker()
    linker.add_report(dnk_report(), [onsong_execution("a1")])
    links = linker.add_report(report("wire", STORY_REWRITE, "Yonhap", "2023-03-20"),
                              [onsong_execution("b1", type="sentence", penalty="death")])
    assert links[0].linked_to == "a1"
    assert "types sentence ~ execution in reports telling one story" in links[0].reasons


def test_compatible_types_need_the_right_penalty_and_one_story():
    a = onsong_execution("a1")
    prison = onsong_execution("b1", type="sentence", penalty="prison")
    death = onsong_execution("b2", type="sentence", penalty="death")
    assert core.types_compatible(a, death) and not core.types_compatible(a, prison)
    arrest, crackdown = event("c1", type="arrest"), event("c2", type="crackdown")
    assert core.types_compatible(arrest, crackdown)
    # without report-level evidence, other compatible types are never compared
    ra, rb = report("x", OTHER_EXECUTION), report("y", UNRELATED)
    assert not core.score_pair(arrest, ra, crackdown, rb).compatible
    assert not core.score_pair(a, ra, prison, rb).compatible
    # and "executed" against "sentenced to death" only when both are dated and agree on a day or
    # a city, with the death penalty stated (not merely allowed by a sentence of no penalty)
    assert core.score_pair(a, ra, death, rb).compatible
    no_penalty = onsong_execution("b3", type="sentence")
    assert not core.score_pair(a, ra, no_penalty, rb).compatible
    province = dict(death, place={"id": "kp.north-hamgyong"}, date={
        "start": "2023-03-01", "end": "2023-03-31", "precision": "month"})
    assert not core.score_pair(a, ra, province, rb).compatible
    undated = dict(death, date=None)
    assert not core.score_pair(a, ra, undated, report("z", UNRELATED, published="2023-03-20")).compatible


def test_a_rewrite_whose_extraction_got_the_date_and_place_wrong_still_shares_the_incident():
    linker = core.Linker()
    linker.add_report(dnk_report(), [onsong_execution("a1")])
    # One side's extraction read a wrong month and the province of another town: the texts are
    # one story, so the execution events are aligned anyway, the disagreements costing weight.
    links = linker.add_report(report("wire", STORY_REWRITE, "Yonhap", "2023-03-20"),
                              [onsong_execution("b1", start="2023-01-05", place="kp.ryanggang")])
    assert links[0].linked_to == "a1"
    assert links[0].reasons[-1].startswith("aligned: the only execution")
    assert "dates disagree (-1)" in links[0].reasons


def test_one_story_told_twice_shares_an_incident_even_when_no_type_is_told_once():
    linker = core.Linker()
    linker.add_report(dnk_report(), [onsong_execution("a1"), onsong_execution("a2", count=3)])
    # two executions in each (so no "only execution"), all dated a month off by one side
    links = linker.add_report(report("wire", STORY_REWRITE, "Yonhap", "2023-03-20"),
                              [onsong_execution("b1", start="2023-01-05"),
                               onsong_execution("b2", start="2023-01-05", count=3)])
    aligned = [l for l in links if l.linked_to]
    assert len(aligned) == 1 and "aligned: the reports are one story" in aligned[0].reasons


def test_a_rewrite_missing_the_main_event_shares_the_incident_of_another_event():
    linker = core.Linker()
    linker.add_report(dnk_report(), [onsong_execution("a1"),
                                     event("a2", type="sentence", start="2023-03-14", count=2,
                                           place="kp.north-hamgyong.onsong",
                                           penalty="political_prison_camp")])
    # The rewrite's extraction missed the execution; it found the accomplices' sentence only.
    links = linker.add_report(report("wire", STORY_REWRITE, "Yonhap", "2023-03-20"),
                              [event("b2", type="sentence", start="2023-03-01", end="2023-03-31",
                                     precision="month", count=2, penalty="political_prison_camp")])
    assert links[0].linked_to == "a2"
    assert linker.incident_of["b2"] == linker.incident_of["a2"] != linker.incident_of["a1"]


def test_different_occurrences_in_one_county_and_month_stay_apart():
    linker = core.Linker()
    linker.add_report(dnk_report(), [onsong_execution("a1")])
    links = linker.add_report(report("rfa", OTHER_EXECUTION, "Radio Free Asia", "2023-03-22"),
                              [onsong_execution("b1", start="2023-03-01", end="2023-03-31",
                                                precision="month", charges=["defection"])])
    assert links[0].linked_to is None


def test_related_charges_do_not_count_as_disagreeing():
    ra, rb = report("x", OTHER_EXECUTION), report("y", UNRELATED)
    a = onsong_execution("a1", charges=["trafficking"])
    b = onsong_execution("b1", charges=["smuggling"])
    s = core.score_pair(a, ra, b, rb)
    assert "no shared charge (-2)" not in s.reasons and s.disagreement == 0
    c = onsong_execution("c1", charges=["corruption"])
    assert "no shared charge (-2)" in core.score_pair(a, ra, c, rb).reasons


def test_similar_headlines_count_as_evidence():
    a = core.text_features(UNRELATED, "Rice prices soar in Sinuiju markets as traders hoard grain")
    b = core.text_features(EXECUTION_B, "Traders hoard grain, rice prices soar in Sinuiju")
    reasons = [why for _, why in core.text_similarity(a, b).weights()]
    assert any(r.startswith("similar headlines") for r in reasons)
    c = core.text_features(EXECUTION_B, "Drug dealer shot in Hoeryong")
    assert not any(r.startswith("similar headlines") for _, r in core.text_similarity(a, c).weights())


def test_a_third_report_linking_two_incidents_joins_them():
    linker = core.Linker()
    # Two reports of one execution that could not be linked to each other: the first has only a
    # province and a month, the second only a country and no date.
    linker.add_report(report("a", EXECUTION_A, "Daily NK", "2023-03-16"),
                      [event("a1", start="2023-03-01", end="2023-03-31", precision="month",
                             place="kp.north-hamgyong", count=1, charges=["drugs"])])
    linker.add_report(report("b", STORY_DNK, None, None), [event("b1", place="kp", count=1,
                                                                 charges=["drugs"])])
    assert linker.incident_of["a1"] != linker.incident_of["b1"]
    # The third is a copy of b's text and dates the execution in Hoeryong: it links to both.
    links = linker.add_report(report("c", COPY_HEADLINE + STORY_DNK, None, "2023-03-18"),
                              [event("c1", start="2023-03-14", place="kp.north-hamgyong.hoeryong",
                                     count=1, charges=["drugs"])])
    assert links[0].absorbs and any(r.startswith("joins incident") for r in links[0].reasons)
    assert linker.incident_of["a1"] == linker.incident_of["b1"] == linker.incident_of["c1"]


def test_two_incidents_are_not_joined_when_their_members_disagree():
    linker = core.Linker()
    linker.add_report(report("a", EXECUTION_A, "Daily NK", "2023-03-16"),
                      [event("a1", start="2023-03-01", end="2023-03-31", precision="month",
                             place="kp.north-hamgyong", count=3, charges=["drugs"])])
    linker.add_report(report("b", STORY_DNK, None, None), [event("b1", place="kp", count=1,
                                                                 charges=["drugs"])])
    # c agrees with each, but a says three people and b one: they stay apart.
    linker.add_report(report("c", COPY_HEADLINE + STORY_DNK, None, "2023-03-18"),
                      [event("c1", start="2023-03-14", place="kp.north-hamgyong.hoeryong",
                             charges=["drugs"])])
    assert linker.incident_of["a1"] != linker.incident_of["b1"]


def test_a_citing_phrase_alone_does_not_support_an_undated_report():
    # Both say "... told Daily NK" (one is Daily NK's own): that phrase is neither shared wording
    # nor support for an event with no time at all; two different drug executions stay apart.
    linker = core.Linker()
    linker.add_report(report("a", EXECUTION_A, "Daily NK", "2023-03-16"),
                      [event("a1", start="2023-03-14", place="kp.north-hamgyong", count=1, charges=["drugs"])])
    links = linker.add_report(report("b", STORY_DNK, None, None),
                              [event("b1", place="kp", count=1, charges=["drugs"])])
    sim = core.text_similarity(core.report_features(linker.reports["a"]),
                               core.report_features(linker.reports["b"]))
    assert "cites the other's outlet Daily NK" in sim.cites
    assert sim.content_evidence < core.rules()["decision"]["text_support"]
    assert links[0].linked_to is None


def test_score_script_fails_only_below_a_floor_minus_its_tolerance(tmp_path):
    import importlib.util
    import json
    from pathlib import Path
    path = Path(__file__).resolve().parents[1] / "scripts" / "score_incidents.py"
    spec = importlib.util.spec_from_file_location("score_incidents", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    floors = tmp_path / "floor.json"
    floors.write_text(json.dumps({"floors": {"check": {"precision": 0.9, "recall": 0.3}},
                                  "tolerance": {"check": 0.05}}))
    ok = {"check": {"precision": 0.86, "recall": 0.3}}
    assert mod.check_floors(ok, floors) == []
    low = {"check": {"precision": 0.84, "recall": 0.3}}
    assert mod.check_floors(low, floors) == [
        "incidents check precision 0.840 is below its floor 0.900 (tolerance 0.050; floor.json)"]
    gold = {frozenset(p) for p in (("a", "b"), ("c", "d"))}
    found = {frozenset(("a", "b")), frozenset(("a", "c"))}
    fig = mod.figures(gold, found, {"a", "b", "c", "d"})
    assert (fig["precision"], fig["recall"], fig["true_pairs"]) == (0.5, 0.5, 1)
    assert mod.figures(gold, found, {"c", "d"})["predicted_pairs"] == 0  # pairs inside the part only


def test_an_undated_report_agreeing_on_people_penalty_and_term_is_supported():
    linker = core.Linker()
    # b has no time at all; it is found as a candidate through a rare word both texts use
    # ("Onsong"), which is not enough support on its own.
    linker.add_report(report("a", STORY_DNK, "Daily NK", "2024-01-18"),
                      [event("a1", type="sentence", start="2024-01-01", end="2024-01-31",
                             precision="month", place="kp", count=2, penalty="prison",
                             charges=["foreign_media"])])
    linker.events["a1"]["penalty"].update(min_months=144, max_months=144)
    b = event("b1", type="sentence", count=2, penalty="prison", charges=["foreign_media"])
    b["penalty"].update(min_months=144, max_months=144)
    sim = core.text_similarity(core.report_features(linker.reports["a"]),
                               core.report_features(report("b", OTHER_EXECUTION)))
    assert sim.content_evidence < core.rules()["decision"]["text_support"]
    links = linker.add_report(report("b", OTHER_EXECUTION, None, None), [b])
    assert links[0].linked_to == "a1" and "same term (+0.5)" in links[0].reasons
    # one person, no term: too common to link without a time
    c = event("c1", type="sentence", count=1, penalty="prison", charges=["foreign_media"])
    onsong_prison = ("A man in Onsong was sent to prison for watching foreign films, a resident "
                     "said, without giving a date or his name. Local officials used the case to "
                     "warn students at the county's schools about videos brought in from China.")
    before = linker.compared
    assert linker.add_report(report("c", onsong_prison, None, None), [c])[0].linked_to is None
    assert linker.compared > before  # it was compared, and not linked


def test_the_only_execution_of_each_of_two_tellings_is_aligned_whatever_its_place():
    linker = core.Linker()
    linker.add_report(dnk_report(), [onsong_execution("a1"),
                                     event("a2", type="sentence", start="2023-03-14", count=2,
                                           place="kp.north-hamgyong.onsong",
                                           penalty="political_prison_camp")])
    # The rewrite's extraction took a dateline for the place of the execution; its sentence of
    # the accomplices links as usual, and its only execution meets the other's only execution.
    links = linker.add_report(report("wire", STORY_REWRITE, "Yonhap", "2023-03-20"),
                              [onsong_execution("b1", place="kp.pyongyang"),
                               event("b2", type="sentence", start="2023-03-14", count=2,
                                     place="kp.north-hamgyong", penalty="political_prison_camp")])
    assert [l.linked_to for l in links] == ["a1", "a2"]
    assert "aligned: the only execution of each report telling one story" in links[0].reasons
    assert any(r.startswith("places kp.pyongyang and kp.north-hamgyong.onsong disagree")
               for r in links[0].reasons)


# ---------------------------------------------------------------------------- reports with no date of their own
# A national measure told by two outlets: invented texts sharing one sentence and a headline's words
# (text evidence 3.5, under report_link), so that the time evidence below decides.
ISOLATION_A = (
    "North Korea will keep every foreigner who arrives from China in isolation for thirty days to "
    "stop the new virus from spreading, the Swedish mission in the capital said on Tuesday. The "
    "foreign ministry told embassies that diplomats and aid workers are included and that they will "
    "be watched by doctors at designated hotels during the period. The mission said the rule applies "
    "to anyone crossing at the border bridge or landing at the airport, and that trains and flights "
    "are being reduced. Officials gave no date for an end to the measures.")
ISOLATION_B = (
    "Foreigners entering North Korea through China will be isolated for a month under a new rule, "
    "according to a post by the Swedish embassy in Pyongyang. Diplomats and aid workers are covered "
    "as well, the embassy said on Tuesday. They will be watched by doctors at designated hotels "
    "during the period, adding that the foreign ministry had informed it of the decision. Flights and "
    "trains to Beijing are being cut while the measure lasts.")


def isolation_reports(published_a="2020-01-28", published_b="2020-01-27"):
    a = dict(report("yna", ISOLATION_A, "Yonhap", published_a),
             title="N. Korea to isolate all foreigners arriving from China for a month")
    b = dict(report("kbs", ISOLATION_B, None, published_b),
             title="N. Korea orders foreigners arriving from China isolated for a month")
    return a, b


def test_isolation_texts_alone_stay_under_the_report_link():
    a, b = isolation_reports()
    sim = core.text_similarity(core.report_features(a), core.report_features(b))
    assert 3 <= sim.evidence < core.rules()["decision"]["report_link"]


@pytest.mark.parametrize("url,expected", [
    ("https://www.rfa.example/english/news/korea/students-07012011172747.html", ("2011-07-01", True)),
    ("https://news.example/world/north-korea-bans-tight-jeans-20220509", ("2022-05-09", True)),
    ("https://cm.example.kr/en/article/2024012510055997502", ("2024-01-25", True)),
    ("https://appeal.example/news/2009/dec/31/north-korea-bans-foreign-currency", ("2009-12-31", True)),
    ("https://relief.example/report/dprk/north-korea-today-no-320-jan-2010", ("2010-01-31", False)),
    ("https://news.example/2021/03/onsong-execution", ("2021-03-31", False)),
    # look-alikes: a mayor is no month, article numbers are no dates, a 13th month is none
    ("https://news.example/pyongyang-mayor-2019-replaced", None),
    ("https://www.daily.example/news-detail-67590", None),
    ("https://news.example/ebola-quarantine-649168.html", None),
    ("https://news.example/story/v1.20201345", None),
    ("https://news.example/story/8820210304", None),
])
def test_a_report_time_is_read_from_dates_written_into_web_addresses(url, expected):
    found = core.url_date(url)
    assert (found and (found[0].isoformat(), found[1])) == expected


def test_a_month_day_date_takes_its_year_from_a_stamp_in_the_web_address():
    # An RFA-style stamp (month, day, year, time) dates the report: its "March 14" is 2021's.
    ev = onsong_execution("b1", start="--03-14", precision="month-day")
    old = report("old", OTHER_EXECUTION, url="https://www.rfa.example/news/korea/exec-03162021093012.html")
    assert core.event_window(ev, old).start.year == 2021
    linker = core.Linker()
    linker.add_report(dnk_report(), [onsong_execution("a1")])
    assert linker.add_report(old, [ev])[0].linked_to is None
    # the same stamp of 2023 takes the year of the execution it retells
    new = report("new", STORY_REWRITE, url="https://www.rfa.example/news/korea/exec-03182023093012.html")
    links = linker.add_report(new, [onsong_execution("c1", start="--03-14", precision="month-day")])
    assert links[0].linked_to == "a1" and "same day (+2)" in links[0].reasons


def test_a_month_after_publication_is_a_planned_time_compared_as_undated():
    planned = event("p1", "policy", "2020-02-01", "2020-02-29", precision="month", place="kp")
    past = event("p0", "policy", "2019-10-01", "2019-10-31", precision="month", place="kp")
    a, b = isolation_reports()
    w = core.event_window(planned, a)
    assert not w.dated and w.start < date(2020, 1, 28) and w.end == date(2020, 2, 29)
    assert core.event_window(past, a).dated  # a month before publication is when it happened
    # a day after publication stays a date (an execution announced for that day)
    assert core.event_window(event("d1", start="2020-02-03"), a).dated
    linker = core.Linker()
    linker.add_report(b, [event("b1", "policy", place="kp")])  # undated, its report of 27 January
    assert linker.add_report(a, [planned])[0].linked_to == "b1"
    linker = core.Linker()
    linker.add_report(b, [event("b1", "policy", place="kp")])
    assert linker.add_report(a, [past])[0].linked_to is None


def test_undated_events_of_reports_published_days_apart_gain_a_little_time_evidence():
    linker = core.Linker()
    a, b = isolation_reports("2020-01-28", "2020-01-25")
    linker.add_report(b, [event("b1", "policy", place="kp")])
    links = linker.add_report(a, [event("a1", "policy", place="kp")])
    assert links[0].linked_to == "b1"
    assert "undated events, reports published 3 days apart (+1)" in links[0].reasons
    # look-alike: the same texts published five weeks apart are two measures, as far as time says
    linker = core.Linker()
    a, b = isolation_reports("2020-03-03", "2020-01-27")
    linker.add_report(b, [event("b1", "policy", place="kp")])
    links = linker.add_report(a, [event("a1", "policy", place="kp")])
    assert links[0].linked_to is None
    # nor do texts that share nothing: one week's news holds many measures
    other = report("rice", UNRELATED, None, "2020-03-04")
    s = core.score_pair(event("x", "policy", place="kp"), a, event("y", "policy", place="kp"), other,
                        core.text_similarity(core.report_features(a), core.report_features(other)))
    assert s.compatible and not any("reports published" in r for r in s.reasons)
    # and dated events get nothing from their reports' days: their dates speak
    s = core.score_pair(event("x", "policy", "2020-01-20", place="kp"), a,
                        event("y", "policy", "2020-01-21", place="kp"), b)
    assert not any("reports published" in r for r in s.reasons)


# ---------------------------------------------------------------------------- round of 2026-12-03 evening


def test_contractions_with_typographic_apostrophes_are_not_rare_words():
    a = core.text_features("The guards didn’t say where the prisoners were taken, and they "
                           "weren’t seen again.")
    b = core.text_features("Officials didn't explain the decision; the traders weren't told.")
    assert not {"didn't", "didn’t", "weren’t", "weren't"} & set(a.rare)
    assert not set(a.rare) & set(b.rare)


@pytest.mark.parametrize("british, american", [
    ("mobilised", "mobilized"), ("mobilisation", "mobilization"), ("105-storey", "105-story"),
    ("analysed", "analyzed"), ("harbour", "harbor")])
def test_british_and_american_spellings_are_one_rare_word(british, american):
    assert core.spelling(british) == core.spelling(american)
    a = core.text_features(f"Students were {british} for the works in the capital.")
    b = core.text_features(f"Students were {american} for the works in the capital.")
    assert set(a.rare) == set(b.rare)


@pytest.mark.parametrize("word", ["hour", "promised", "premise", "dour", "tour", "killed",
                                  "ryugyong"])
def test_words_without_another_spelling_stay_as_they_are(word):
    # "hour" -> "hor", "promised" -> "promized": the rewrite is not a more frequent English word
    assert core.spelling(word) == word


@pytest.mark.parametrize("people, bound", [
    ("at least three people", "at_least"), ("more than 5,000 residents", "at_least"),
    ("over 30 smugglers", "at_least"), ("dozens of traders", "at_least"),
    ("ten or more officials", "at_least"), ("as many as 70 people", "at_most"),
    ("up to 20 students", "at_most"), ("three men", "exact"), ("nearly 250 people", "exact"),
    ("a dispute over land", "exact"), ("two boys under 18", "exact")])
def test_the_words_of_the_people_say_whether_their_number_is_a_bound(people, bound):
    assert core.count_bound({"subjects": {"text": people, "count": 3}}) == bound


def _counts(a_count, a_people, b_count, b_people):
    ra = report("a", EXECUTION_A, "Daily NK", "2023-03-16")
    rb = report("b", EXECUTION_B, "Radio Free Asia", "2023-03-20")
    place = "kp.north-hamgyong.hoeryong"
    return core.score_pair(event("a1", start="2023-03-14", place=place, count=a_count, people=a_people,
                                 charges=["drugs"]), ra,
                           event("b1", start="2023-03-14", place=place, count=b_count, people=b_people,
                                 charges=["drugs"]), rb)


def test_a_lower_bound_fits_a_larger_count_and_still_rules_out_a_smaller_one():
    fits = _counts(3, "at least three people", 5, "five men")
    assert not any("against" in r for r in fits.reasons) and fits.disagreement == 0
    assert fits.score >= core.rules()["decision"]["link_score"]  # day, city, charges, nothing against
    fewer = _counts(3, "at least three people", 2, "two women")
    assert "3 against 2 people (-3)" in fewer.reasons
    # two lower bounds never disagree; an upper bound fits anything under it
    assert _counts(3, "at least three", 10, "more than ten").disagreement == 0
    assert _counts(70, "as many as 70 people", 40, "40 people").disagreement == 0
    assert _counts(20, "up to 20 people", 40, "40 people").disagreement < 0
    # look-alike: exact counts that differ still disagree, and a bound earns no "same count"
    assert "3 against 5 people (-3)" in _counts(3, "three men", 5, "five men").reasons
    assert not any(r.startswith("both 3 people") for r in
                   _counts(3, "at least three people", 3, "three people").reasons)


def _video_reports():
    # A wire story of 20 March about a video of executions "broadcast earlier this week", and an
    # NGO statement giving the day of the executions, 1 March (texts written for this test).
    wire = report("w", "Footage broadcast earlier this week by a Japanese network shows firing squads "
                  "executing alleged traffickers before a crowd in a border town.", None, "2005-03-20")
    ngo = report("n", "The tapes show a public execution on March 1 near the market of the town; "
                 "the judge read the verdicts aloud to several thousand people.", None, "2005-03-25")
    return wire, ngo


def test_a_recent_time_counted_from_publication_does_not_rule_out_an_earlier_date():
    wire, ngo = _video_reports()
    recent = event("w1", start="2005-03-14", end="2005-03-20", precision="range",
                   place="kp.north-hamgyong.hoeryong", when="earlier this week",
                   charges=["trafficking"], count=2, people="two men")
    w = core.event_window(recent, wire)
    assert not w.dated and w.start < date(2005, 2, 1) and w.end == date(2005, 3, 20)
    day = event("n1", start="2005-03-01", place="kp.north-hamgyong.hoeryong", charges=["trafficking"],
                count=2, people="two men")
    s = core.score_pair(recent, wire, day, ngo)
    assert s.compatible and not any("same day" in r or "month" in r for r in s.reasons)
    linker = core.Linker()
    linker.add_report(ngo, [day])
    assert linker.add_report(wire, [recent])[0].linked_to == "n1"


def test_a_recent_time_needs_a_shared_city_to_pass_over_an_earlier_date():
    wire, ngo = _video_reports()
    recent = event("w1", "hardship", start="2005-03-14", end="2005-03-20", precision="range",
                   place="kp", when="this week")
    day = event("n1", "hardship", start="2005-03-01", place="kp.north-hamgyong.hoeryong")
    assert not core.score_pair(recent, wire, day, ngo).compatible
    # within its own week it is compared as before: no city needed
    same_week = event("n2", "hardship", start="2005-03-16", place="kp.north-hamgyong.hoeryong")
    assert core.score_pair(recent, wire, same_week, ngo).compatible


def test_other_ranges_and_months_keep_their_dates():
    wire, ngo = _video_reports()
    # "the second week of March" is a date of the event, not of the news: it still rules out 1 March
    week = event("w1", start="2005-03-07", end="2005-03-13", precision="range",
                 place="kp.north-hamgyong.hoeryong", when="the second week of March")
    assert core.event_window(week, wire).dated
    day = event("n1", start="2005-03-01", place="kp.north-hamgyong.hoeryong")
    assert not core.score_pair(week, wire, day, ngo).compatible
    # "last month" keeps its weight against a day inside it
    month = event("w2", start="2005-02-01", end="2005-02-28", precision="month",
                  place="kp.north-hamgyong.hoeryong", when="last month")
    s = core.score_pair(month, wire, event("n2", start="2005-02-11", place="kp.north-hamgyong.hoeryong"),
                        ngo)
    assert "same month (+1)" in s.reasons


# ---------------------------------------------------------------------------- who, and stories told three times

# Three invented write-ups of one mobilization: two dated outlets and an undated newsletter that
# shares a few names and numbers with each, and nothing else.
TEACHERS_A = (
    "Teachers at secondary schools in Wonsan have been pulled out of their classrooms and sent to "
    "building sites, where they must help finish 7,500 apartments on the Kalma peninsula before the "
    "party congress, a source in Kangwon Province said. Lessons have been cancelled for weeks, and "
    "parents complain that their children roam the streets. The site is run by a construction "
    "brigade under Ri Chol-ung, and teachers who fall behind are criticized at study sessions.")
TEACHERS_B = (
    "Schoolteachers in the port city of Wonsan are spending their days hauling bricks instead of "
    "teaching in their classrooms, residents said. The authorities want the Kalma apartment blocks, "
    "7,500 units in all, completed ahead of the congress, and have closed schools so that staff can "
    "work on the site. One resident said the brigade commander, Ri Chol-ung, had told pupils to stay "
    "home, and that the teachers sleep in tents beside the scaffolding during the week.")
TEACHERS_C = (
    "Classrooms across the coastal city stand empty as the regime drafts teachers into construction "
    "brigades, according to a newsletter circulated among aid workers. The brigades are racing to "
    "complete 7,500 flats near the Kalma beach before the congress opens, it said, while engineers "
    "complain about a shortage of steel rods and the quality of the concrete poured in a hurry. "
    "Parents have organized informal lessons at home, the newsletter added.")


def mobilized(eid, people="teachers", **kw):
    """A mobilization at province level (as a direct-administered city is) with no date."""
    ev = event(eid, type="mobilization", place="kp.kangwon", **kw)
    ev["subjects"] = {"count": kw.get("count"), "text": people}
    return ev


@pytest.mark.parametrize("people, kinds", [
    ("two college students", {"student"}), ("most students", {"student"}),
    ("the schoolteachers", set()),  # not a people noun of the lexicon: no kind rather than a wrong one
    ("nine local residents", set()), ("people", set()), ("a group of 41 refugees", {"refuge"}),
    ("two teenagers", {"teenager"}), ("three officials", set()),
])
def test_who_an_event_concerns_is_read_from_the_people_nouns_of_its_subjects(people, kinds):
    assert core.subject_kinds({"subjects": {"text": people}}) == kinds


def test_events_about_the_same_kind_of_people_agree_on_one_more_detail():
    ra, rb = report("a", UNRELATED, published="2023-05-02"), report("b", EXECUTION_B, published="2023-05-05")
    same = core.score_pair(mobilized("a1", "college students"), ra, mobilized("b1", "students"), rb)
    assert "both about student (+1)" in same.reasons
    # look-alikes: residents say nothing of who; other kinds do not disagree either
    for other in ("local residents", "soldiers"):
        s = core.score_pair(mobilized("a1", "local residents"), ra, mobilized("b1", other), rb)
        assert not any(r.startswith("both about") for r in s.reasons) and s.disagreement == 0


def test_a_kind_of_people_that_restates_a_shared_charge_counts_once():
    ra, rb = report("a", UNRELATED), report("b", EXECUTION_B)
    a = event("a1", type="arrest", place="kp.ryanggang.hyesan", charges=["smuggling"])
    b = event("b1", type="arrest", place="kp.ryanggang.hyesan", charges=["smuggling"])
    a["subjects"], b["subjects"] = {"text": "two smugglers"}, {"text": "the smugglers"}
    s = core.score_pair(a, ra, b, rb)
    assert "shared charges smuggling (+1)" in s.reasons
    assert not any(r.startswith("both about") for r in s.reasons)


def test_the_largest_numbers_of_a_story_are_index_keys_but_days_and_years_are_not():
    feats = core.text_features("In 2019 the 14 brigades had to build 100,000 homes and 4,100 "
                               "schools by 15 April, the report said.")
    keys = set(feats.rare_keys)
    assert {"r:100000", "r:4100"} <= keys
    assert not keys & {"r:2019", "r:14", "r:15"}


def _teacher_reports(linker, with_b=True):
    linker.add_report(report("a", TEACHERS_A, "Daily NK", "2023-05-02"), [mobilized("a1")])
    if with_b:
        linker.add_report(report("b", TEACHERS_B, "Radio Free Asia", "2023-05-05"), [mobilized("b1")])
    return linker.add_report(report("c", TEACHERS_C), [mobilized("c1", "teachers")])


def test_a_third_write_up_with_no_time_joins_a_story_two_reports_tell():
    linker = core.Linker()
    links = _teacher_reports(linker)
    assert linker.incident_of["a1"] == linker.incident_of["b1"] == linker.incident_of["c1"]
    assert "agrees with 2 reports of one incident (+1)" in links[0].reasons


def test_the_same_write_up_agreeing_with_one_report_only_stays_apart():
    linker = core.Linker()
    links = _teacher_reports(linker, with_b=False)
    s = core.score_pair(linker.events["c1"], linker.reports["c"], linker.events["a1"],
                        linker.reports["a"], core.text_similarity(
                            core.report_features(linker.reports["c"]),
                            core.report_features(linker.reports["a"])))
    assert 0 < s.score < core.rules()["decision"]["link_score"]  # some evidence, not enough
    assert links[0].linked_to is None


def test_a_write_up_that_disagrees_with_one_of_the_reports_is_not_let_in():
    linker = core.Linker()
    linker.add_report(report("a", TEACHERS_A, "Daily NK", "2023-05-02"), [mobilized("a1", count=300)])
    linker.add_report(report("b", TEACHERS_B, "Radio Free Asia", "2023-05-05"), [mobilized("b1")])
    assert linker.incident_of["a1"] == linker.incident_of["b1"]
    links = linker.add_report(report("c", TEACHERS_C), [mobilized("c1", count=40)])
    assert links[0].linked_to is None  # 40 teachers against 300: another brigade, another story


@pytest.mark.parametrize("words", [
    ("mobilized", "mobilization", "mobilizations"), ("repatriated", "repatriation", "repatriating"),
    ("confiscated", "confiscation"), ("interrogated", "interrogation"),
    ("isolate", "isolated", "isolates", "isolating", "isolation"),
])
def test_a_verb_and_its_noun_in_ation_are_one_rare_word(words):
    # one outlet writes "students were mobilized", another "the mobilization of students"
    assert len({core.stem(w) for w in words}) == 1


@pytest.mark.parametrize("a, b", [("station", "stated"), ("nation", "naming"), ("relation", "related"),
                                  ("debate", "deb")])
def test_short_stems_are_not_cut_down_to_a_few_letters(a, b):
    assert core.stem(a) != core.stem(b)


def test_a_shared_large_number_finds_a_report_but_does_not_link_it():
    linker = core.Linker()
    linker.add_report(report("a", TEACHERS_A, "Daily NK", "2023-05-02"), [mobilized("a1")])
    # another mobilization, with no time, that shares only the number 7,500 (sacks of rice)
    other = ("Farmers on cooperative farms were told to hand over 7,500 sacks of rice to the army "
             "and to send their sons to the harvest battle, a newsletter for aid workers said.")
    links = linker.add_report(report("n", other), [mobilized("n1", "farmers")])
    assert "a" in linker.text_found  # found by the number key r:7500
    assert links[0].linked_to is None


# ---------------------------------------------------------------------------- calendar days

AMNESTY_WIRE = (
    "North Korea will release prisoners in a sweeping amnesty to mark the founding anniversary of "
    "the state on September 9, the official news agency said on Friday. The legislature's standing "
    "committee adopted a decree on June 30 and the pardons take effect from July 15, it said, "
    "without saying how many inmates would walk free. Officials were told to help those released "
    "find jobs and housing.")
AMNESTY_REPOST = (
    "Pyongyang grants clemency to convicts. The presidium of the assembly decided on the thirtieth "
    "of June to free convicted criminals from July fifteenth, ahead of the ninth of September "
    "celebrations, state media reported. Cabinet bodies will arrange work for the freed people. "
    "No figure was given.")
AMNESTY_OTHER_YEAR = (
    "North Korea announced an amnesty for convicted prisoners to celebrate the birthday of its "
    "founder, state media said. A decree of the assembly dated March 2 sets the release from "
    "April 1, and the cabinet will arrange jobs for those freed. No number was given.")
HOLIDAY_ROUNDUP = (
    "Ahead of the Day of the Shining Star on February 16 and the Day of the Sun on April 15, "
    "neighborhood units in the capital were told to clean statues and prepare flowers, a source "
    "said, while security agents stepped up patrols in the markets.")
HOLIDAY_ROUNDUP_2 = (
    "Security agents in Chongjin were ordered to search homes for foreign videos before February "
    "16, with a second sweep planned before April 15, residents said, and households were told to "
    "hand in any unregistered phones.")


@pytest.mark.parametrize("text, days", [
    ("issued on August 1 and in force from Aug. 15th", {(8, 1), (8, 15)}),
    ("from September ninth to the twenty-first of September", {(9, 9), (9, 21)}),
    ("on 28 December, and again on 3 Jan.", {(12, 28), (1, 3)}),
    ("the authorities may first ask, then march 10 km", set()),
    ("in March 2021 and in the 1990s", set()),
    ("the Mayor said 5 towns signed a Decree 12 times; Marching 20 km", set()),
    ("Jan. 3rd and Sept 21", {(1, 3), (9, 21)}),
    ("the 1st of August", {(8, 1)}),
])
def test_calendar_days_named_by_a_text(text, days):
    assert core.calendar_days(text) == days


def test_two_undated_write_ups_naming_the_same_days_are_linked():
    linker = core.Linker()
    linker.add_report(report("a", AMNESTY_WIRE),
                      [event("a1", "policy", start="--07-15", precision="month-day", place="kp",
                             modality="planned")])
    links = linker.add_report(report("b", AMNESTY_REPOST),
                              [event("b1", "policy", start="--07-15", precision="month-day",
                                     place="kp", modality="planned")])
    assert links[0].linked_to == "a1"
    assert any(r.startswith("both texts name the days Jun 30, Jul 15, Sep 9") for r in links[0].reasons)


def test_an_amnesty_of_another_year_names_other_days_and_stays_apart():
    linker = core.Linker()
    linker.add_report(report("a", AMNESTY_WIRE),
                      [event("a1", "policy", start="--07-15", precision="month-day", place="kp")])
    links = linker.add_report(report("c", AMNESTY_OTHER_YEAR),
                              [event("c1", "policy", start="--04-01", precision="month-day",
                                     place="kp")])
    assert links[0].linked_to is None
    s = core.text_similarity(core.report_features(report("a", AMNESTY_WIRE)),
                             core.report_features(report("c", AMNESTY_OTHER_YEAR)))
    assert not any("name the days" in why for _, why in s.weights())


def test_one_shared_day_or_holidays_alone_are_no_evidence():
    one = core.text_similarity(core.report_features(report("a", AMNESTY_WIRE)),
                               core.report_features(report("b", "Prices rose on July 15 " * 5)))
    assert one.days == ((7, 15),) and not any("name the days" in w for _, w in one.weights())
    holidays = core.text_similarity(core.report_features(report("a", HOLIDAY_ROUNDUP)),
                                    core.report_features(report("b", HOLIDAY_ROUNDUP_2)))
    assert holidays.days == ((2, 16), (4, 15))
    assert not any("name the days" in w for _, w in holidays.weights())


# ---------------------------------------------------------------------------- measures told twice

QUARANTINE_ANNOUNCED = (
    "Pyongyang will put every foreigner entering from China by train through Dandong or on Air "
    "Koryo flights under medical observation for thirty days, a travel agency said, as the "
    "country seals itself off from the outbreak.")
QUARANTINE_TAKEN = (
    "Foreigners who came in from China on Air Koryo or on the Dandong train are now kept under "
    "medical observation in designated hotels for a month, state radio said on Tuesday, the "
    "latest step to keep the outbreak out of the country.")
QUARANTINE_TITLES = ("North Korea to isolate arrivals from Dandong, Air Koryo flights for a month",
                     "North Korea isolates Air Koryo, Dandong arrivals")


def test_an_announced_measure_meets_the_report_of_it_taken_a_week_later():
    linker = core.Linker()
    linker.add_report(dict(report("a", QUARANTINE_ANNOUNCED, published="2024-02-01"),
                           title=QUARANTINE_TITLES[0]),
                      [event("a1", "policy", place="kp")])
    links = linker.add_report(dict(report("b", QUARANTINE_TAKEN, published="2024-02-08"),
                                   title=QUARANTINE_TITLES[1]),
                              [event("b1", "policy", start="2024-02-06", place="kp.pyongyang")])
    assert links[0].linked_to == "a1"
    assert any(r.startswith("similar headlines") for r in links[0].reasons)
    assert "undated events, reports published 7 days apart (+1)" in links[0].reasons


def test_an_announced_measure_does_not_reach_a_month_later_nor_other_kinds_of_events():
    a = report("a", QUARANTINE_ANNOUNCED, published="2024-02-01")
    late = report("b", QUARANTINE_TAKEN, published="2024-03-08")
    sim = core.text_similarity(core.report_features(a), core.report_features(late))
    measure = event("a1", "policy", place="kp")
    assert not core.score_pair(measure, a, event("b1", "policy", start="2024-03-06", place="kp"),
                               late, sim).compatible
    # an undated arrest is news of the days before its report, not of the days after
    soon = report("c", QUARANTINE_TAKEN, published="2024-02-08")
    assert not core.score_pair(event("a2", "arrest", place="kp"), a,
                               event("c1", "arrest", start="2024-02-06", place="kp"), soon).compatible


# ---------------------------------------------------------------------------- types, no story

def test_executed_and_sentenced_to_death_link_on_day_and_city_without_shared_wording():
    linker = core.Linker()
    linker.add_report(report("a", EXECUTION_A, "Daily NK", "2023-03-16"),
                      [event("a1", start="2023-03-14", place="kp.north-hamgyong.hoeryong", count=1,
                             charges=["drugs"])])
    links = linker.add_report(report("b", EXECUTION_B, "Radio Free Asia", "2023-03-20"),
                              [event("b1", "sentence", start="2023-03-14",
                                     place="kp.north-hamgyong.hoeryong", count=1, penalty="death",
                                     charges=["drugs"])])
    assert links[0].linked_to == "a1"
    assert "different types (-0.5)" in links[0].reasons


def test_a_death_sentence_in_the_same_city_and_month_with_other_people_stays_apart():
    linker = core.Linker()
    linker.add_report(report("a", EXECUTION_A, "Daily NK", "2023-03-16"),
                      [event("a1", start="2023-03-14", place="kp.north-hamgyong.hoeryong", count=1,
                             charges=["drugs"])])
    links = linker.add_report(report("b", UNRELATED, "Radio Free Asia", "2023-03-30"),
                              [event("b1", "sentence", start="2023-03-01", end="2023-03-31",
                                     precision="month", place="kp.north-hamgyong.hoeryong",
                                     count=3, penalty="death", charges=["smuggling"])])
    assert links[0].linked_to is None


# ---------------------------------------------------------------------------- found by details
# A rewrite with no date at all and only "North Korea" for a place (a digest, a repost with its
# date cut off) has no time or place key to be found by; an exact number of several people with
# their penalty or charges files it by those details alone (incidents.detail_signature).

TEENS_DATED = ("Footage released by a defectors' institute shows two schoolboys in grey uniforms "
               "handcuffed before a crowd in a stadium while officers read out that each will "
               "serve twelve years for watching films from the South. The group said the scene "
               "was filmed last year and reached it through a courier in Yanggang.")
TEENS_DIGEST = ("In brief: a pair of sixteen-year-olds were given long terms of hard labour for "
                "viewing banned dramas, according to a clip shown by a Seoul think tank. Their "
                "classmates were made to watch the hearing.")


def sentence_of_teens(eid, *, start=None, precision="year", months=144, count=2,
                      charges=("foreign_media",), people="two teenagers"):
    ev = event(eid, type="sentence", start=start, precision=precision, place="kp", count=count,
               penalty="prison", charges=list(charges), people=people)
    ev["penalty"].update(min_months=months, max_months=months)
    return ev


@pytest.mark.parametrize("kwargs, expected", [
    ({}, "2|prison:144-144|foreign_media"),
    ({"months": None}, "2|prison:|foreign_media"),
    ({"count": 1}, None),                                  # one person: too common
    ({"people": "at least two teenagers"}, None),          # a bound, not a count
    ({"charges": ()}, "2|prison:144-144|"),                # the penalty alone is enough
])
def test_the_details_that_file_an_event_by_themselves(kwargs, expected):
    ev = sentence_of_teens("x", **kwargs)
    if kwargs.get("months", 1) is None:
        ev["penalty"] = {"kind": "prison"}
    assert core.detail_signature(ev) == expected
    bare = event("y", type="sentence", place="kp", count=2)  # no penalty, no charges
    assert core.detail_signature(bare) is None


def test_an_undated_country_level_rewrite_is_found_by_its_details_and_linked():
    linker = core.Linker()
    linker.add_report(report("a", TEENS_DATED, "The Monitor", "2024-01-18"),
                      [sentence_of_teens("a1", start="2023-01-01")])
    # the two texts share no rare word, no wording, no date: only the details can find b
    b_report = report("b", TEENS_DIGEST, None, None)
    sim = core.text_similarity(core.report_features(linker.reports["a"]),
                               core.report_features(b_report))
    assert not sim.rare_shared and sim.evidence == 0
    links = linker.add_report(b_report, [sentence_of_teens("b1")])
    assert links[0].linked_to == "a1"
    assert "same term (+0.5)" in links[0].reasons


def test_a_dated_report_finds_an_earlier_undated_one_by_its_details():
    linker = core.Linker()
    linker.add_report(report("b", TEENS_DIGEST, None, None), [sentence_of_teens("b1")])
    links = linker.add_report(report("a", TEENS_DATED, "The Monitor", "2024-01-18"),
                              [sentence_of_teens("a1", start="2023-01-01")])
    assert links[0].linked_to == "b1"


@pytest.mark.parametrize("other", [
    {"months": 120},                      # ten years, not twelve: found, compared, not linked
    {"charges": ("smuggling",)},          # other charges: another occurrence, not even found
    {"count": 3, "people": "three teenagers"},  # three people
    {"people": "at least two teenagers"},  # a bound says too little to be found by
])
def test_undated_look_alikes_with_other_details_stay_apart(other):
    linker = core.Linker()
    linker.add_report(report("a", TEENS_DATED, "The Monitor", "2024-01-18"),
                      [sentence_of_teens("a1", start="2023-01-01")])
    links = linker.add_report(report("b", TEENS_DIGEST, None, None),
                              [sentence_of_teens("b1", **other)])
    assert links[0].linked_to is None


def test_dated_events_with_the_same_details_are_not_compared_by_them():
    # Sentences of two people to twelve years for foreign media in other years and provinces
    # are many in an archive: dated events never look each other up by their details.
    linker = core.Linker()
    for i in range(50):
        linker.add_report(report(f"r{i}", f"filler report number {i} " * 3, published=None),
                          [sentence_of_teens(f"e{i}", start=f"{2010 + i % 8}-06-01",
                                             precision="month")])
    linker.compared = 0
    linker.add_report(report("new", TEENS_DATED, "The Monitor", "2024-01-18"),
                      [sentence_of_teens("n1", start="2023-01-01")])
    assert linker.compared == 0


# ---------------------------------------------------------------------------- place spellings


@pytest.mark.parametrize("a, b", [("Chagang", "Jagang"), ("Onsong", "Onsung"),
                                  ("Kimjongsuk", "Kimjongsuk")])
def test_one_place_romanized_two_ways_is_one_rare_word(a, b):
    fa = core.text_features(f"Officials in {a} were punished after the rains, a source said.")
    fb = core.text_features(f"The cadres of {b} were shot after the floods, sources claimed.")
    shared = set(fa.rare) & set(fb.rare)
    assert core.place_word(a.lower()) in shared
    assert core.place_word(a.lower()) == core.place_word(b.lower())


def test_a_place_every_report_names_weighs_nothing_however_spelled():
    # "hoeryong" is in [rare].domain_common; "Hoiryong" is the same border city
    f = core.text_features("Police in Hoiryong posted a notice, and another went up in Hoeryong.")
    assert not set(f.rare) & {"hoiryong", "hoeryong", core.place_word("hoiryong")}


@pytest.mark.parametrize("word", ["videotape", "handcuffs", "jumpsuit", "reclusive"])
def test_words_that_are_not_place_names_keep_their_stem(word):
    assert core.place_word(word) is None


# ---------------------------------------------------------------------------- reposts of one source

# Three write-ups of one (invented) execution. Two retell the same broadcaster's report in its
# words (its witness's long quote); the third tells it in other words. One repost's extraction
# dated the execution by the day the source report came out ("a Friday report").
WITNESS = (
    '"The officers lined Hyon Song-il and Pak Un-chol up at the edge of the old airstrip by the river and read out '
    'that watching foreign films was treason against the people, and then the soldiers fired '
    'before anyone could look away," one witness said, adding that the boys were students at '
    'the Kapsan mining college and had been held for three weeks before the trial.')
REPOST_A = ("Two students were shot in front of a crowd in Kapsan in October for passing around "
            "foreign films, Radio Free Asia reported, quoting two witnesses. " + WITNESS +
            " Workers were ordered to leave their posts to attend. Human rights groups in Seoul "
            "have counted more such killings along the northern border since the pandemic, when "
            "the state tightened its grip on trade and on the memory cards that carry dramas, "
            "and lawyers abroad call the law behind them a tool of fear rather than of justice.")
REPOST_B = ("Two teenage students were executed for sharing foreign films, according to a Friday "
            "report by Radio Free Asia. " + WITNESS + " The broadcaster said the authorities had "
            "warned schools a week before. Teachers at several middle schools were dismissed and "
            "sent to rural farms, and parents were made to sign pledges, it said. A spokesman for "
            "the ministry in charge of ties with the North declined to comment, saying it could "
            "not confirm reports about individual cases inside the country.")
OTHER_WORDS = (
    "Residents of Kapsan county were marched to a riverside field last month to see two young men "
    "put to death. They had copied and lent out memory sticks holding soap operas from across the "
    "border, people there said by phone. Local party officials told the crowd that the same would "
    "happen to anybody caught with such material, and market stalls stayed shut that afternoon.")
ANOTHER_RFA_STORY = (
    "Prices of diesel in the markets of Chongjin doubled over the summer, Radio Free Asia "
    "reported, as fuel imports from China slowed to a trickle. Bus services between the city and "
    "the surrounding counties were cut, and farms were told to plough with oxen instead of "
    "tractors, a resident told the broadcaster, asking not to be named for safety reasons.")


def kapsan_execution(eid, **kw):
    return event(eid, **{"type": "execution", "start": "2022-10-01", "end": "2022-10-31",
                         "precision": "month", "place": "kp.ryanggang.kapsan", "count": 2,
                         "charges": ["foreign_media"], **kw})


def test_two_reposts_citing_one_outlet_in_its_own_words_tell_one_story():
    a = core.report_features(report("a", REPOST_A, None, "2022-12-06"))
    b = core.report_features(report("b", REPOST_B, None, "2022-12-05"))
    sim = core.text_similarity(a, b)
    assert (1.0, "both cite Radio Free Asia, in the same words") in sim.weights()
    # citing one outlet without its words is no evidence: it is cited by most reports
    other = core.text_similarity(a, core.report_features(report("c", ANOTHER_RFA_STORY)))
    assert (0.0, "both cite Radio Free Asia") in other.weights()
    assert other.evidence < core.rules()["decision"]["report_link"]


def test_a_repost_dated_by_its_source_report_joins_the_story_whatever_the_order():
    # The repost misdated by its source's "Friday" came in first; then a report in other words;
    # then the other repost, which joins the second by its events and is one story with the first.
    linker = core.Linker()
    linker.add_report(report("b", REPOST_B, None, "2022-12-05"),
                      [kapsan_execution("b1", start="2022-12-02", end=None, precision="day",
                                        place="kp")])
    linker.add_report(report("w", OTHER_WORDS, None, "2022-11-20"), [kapsan_execution("w1")])
    links = linker.add_report(report("a", REPOST_A, None, "2022-12-06"), [kapsan_execution("a1")])
    assert links[0].linked_to == "w1"
    assert any(r.startswith("joins incident") and "b1" in r for r in links[0].reasons)
    assert {"a", "b", "w"} in linker.report_clusters()


def test_a_misdated_repost_stays_apart_without_one_story_or_when_its_people_disagree():
    # a report telling another story in other words does not pull the misdated event in
    linker = core.Linker()
    linker.add_report(report("b", REPOST_B, None, "2022-12-05"),
                      [kapsan_execution("b1", start="2022-12-02", end=None, precision="day",
                                        place="kp")])
    linker.add_report(report("w", OTHER_WORDS, None, "2022-11-20"), [kapsan_execution("w1")])
    linker.add_report(report("z", ANOTHER_RFA_STORY, None, "2022-12-06"), [kapsan_execution("z1")])
    assert not any({"b", "w"} <= c or {"b", "z"} <= c for c in linker.report_clusters())
    # one story, but the misdated execution is of three people: another occurrence it retells
    linker = core.Linker()
    linker.add_report(report("b", REPOST_B, None, "2022-12-05"),
                      [kapsan_execution("b1", start="2022-12-02", end=None, precision="day",
                                        place="kp", count=3)])
    linker.add_report(report("w", OTHER_WORDS, None, "2022-11-20"), [kapsan_execution("w1")])
    linker.add_report(report("a", REPOST_A, None, "2022-12-06"), [kapsan_execution("a1")])
    assert not any({"b", "w"} <= c for c in linker.report_clusters())


def test_of_two_executions_in_a_misdated_repost_the_agreeing_one_joins_the_story():
    linker = core.Linker()
    linker.add_report(report("b", REPOST_B, None, "2022-12-05"),
                      [kapsan_execution("b1", start="2022-12-02", end=None, precision="day",
                                        place="kp"),
                       kapsan_execution("b2", start="2022-12-02", end=None, precision="day",
                                        place="kp", count=1, charges=["violent_crime"])])
    linker.add_report(report("w", OTHER_WORDS, None, "2022-11-20"), [kapsan_execution("w1")])
    links = linker.add_report(report("a", REPOST_A, None, "2022-12-06"), [kapsan_execution("a1")])
    assert links[0].linked_to == "w1"
    assert linker.incident_of["b1"] == linker.incident_of["w1"]
    assert linker.incident_of["b2"] != linker.incident_of["w1"]


# ---------------------------------------------------------------------------- counts as ranges


@pytest.mark.parametrize("words, count, span", [
    ("some 20 to 30 provincial cadres", 20, (20, 30)),
    ("between 40 and 50 farmers", 40, (40, 50)),
    ("two or three soldiers", 2, (2, 3)),
    ("15-20 traders", 15, (15, 20)),
    # not ranges: ages of the people counted, a span of years, a count alone
    ("three boys aged 15 or 16", 3, (3, 3)),
    ("from 2019 to 2021 six brokers", 6, (6, 6)),
    ("eleven guards", 11, (11, 11)),
])
def test_a_number_of_people_given_as_a_range(words, count, span):
    assert core.count_span({"subjects": {"text": words, "count": count}}) == span


def test_a_range_of_people_fits_a_count_inside_it_and_disagrees_with_one_outside():
    ra = report("a", EXECUTION_A, published="2024-09-04")
    rb = report("b", UNRELATED, published="2024-09-05")
    rng = event("r", start="2024-08-20", place="kp.chagang", count=20,
                people="about 20 to 30 local cadres")
    inside = event("i", start="2024-08-20", place="kp.chagang", count=30, people="at least 30 cadres")
    same = event("s", start="2024-08-20", place="kp.chagang", count=20,
                 people="between 20 and 30 officials")
    outside = event("o", start="2024-08-20", place="kp.chagang", count=5, people="five cadres")
    assert core.score_pair(rng, ra, inside, rb).disagreement == 0
    assert "both 20 to 30 people (+1.5)" in core.score_pair(rng, ra, same, rb).reasons
    assert "20 against 5 people (-3)" in core.score_pair(rng, ra, outside, rb).reasons
