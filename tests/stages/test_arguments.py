"""Argument readers of the events: penalties, subjects, charges, groups (sentences written for these tests)."""
import pytest

from nkevents.model import Event
from nkevents.stages import arguments


@pytest.mark.parametrize("sentence, kind, months", [
    ("The two were given life sentences.", "life_imprisonment", (None, None)),
    ("They were sentenced to 11 years in prison.", "prison", (132, 132)),
    ("Punishments ranged from six months of forced labor to five years in prison.", "prison", (6, 60)),
    ("He was sent to reform through labor for 8 to 10 years.", "prison", (96, 120)),
    ("They faced a month of disciplinary labor.", "labor_training", (1, 1)),
    ("The court gave them 15 years of forced labor.", "prison", (180, 180)),
    ("Three people were sentenced to death.", "death", (None, None)),
    ("The family was sent to a political prison camp.", "political_prison_camp", (None, None)),
    ("The cadre was dismissed from his post.", "discipline", (None, None)),
    ("The household was banished to a remote mountain village.", "banishment", (None, None)),
    ("The five received heavy sentences.", "other", (None, None)),
])
def test_penalty_kind_and_term(sentence, kind, months):
    p = arguments.choose_penalty(sentence)
    assert (p.kind, (p.min_months, p.max_months)) == (kind, months)


def test_years_ago_is_not_a_term():
    p = arguments.choose_penalty("Two years ago he formed a gang; last week he was sentenced to life.")
    assert p.kind == "life_imprisonment" and p.min_months is None


@pytest.mark.parametrize("text, count", [
    ("Police arrested two cadres on Monday.", 2),
    ("Over 30 users were apprehended.", 30),
    ("A man in his 30s was executed.", 1),
    ("Nine local residents were tried.", 9),
    ("The court sentenced three men and four women.", 7),
    ("Dozens of residents were detained.", None),
    ("At least one family was banished.", None),
    ("More than 5,000 people were rescued.", 5000),
    ("A youth league patrol stopped them.", None),
    ("The nine had been arrested for using foreign phones.", 9),
])
def test_subject_counts(text, count):
    phrase, n = arguments.choose_subjects(text, (0, len(text)), len(text) // 2, [])
    assert n == count, phrase
    assert phrase is None or phrase in text


@pytest.mark.parametrize("sentence, charges", [
    ("They were caught watching South Korean dramas on a USB stick.", {"foreign_media"}),
    ("He used a Chinese mobile phone to call his brother in South Korea.", {"illegal_phone"}),
    ("She was arrested for smuggling copper and breaking quarantine rules.", {"smuggling", "quarantine_violation"}),
    ("The official took bribes from traders.", {"corruption"}),
    ("Two were accused of anti-socialist behavior.", {"anti_socialist"}),
    ("Two were accused of anti-socialist behavior and selling drugs.", {"drugs"}),
])
def test_charges(sentence, charges):
    assert set(arguments.choose_charges(sentence)) == charges


def test_enumerated_groups_split_into_one_event_each():
    text = "Authorities executed three men: two for selling drugs and one for murder."
    ev = Event(type="execution", evidence=[(0, len(text))], trigger=(12, 20))
    parts = arguments.split_groups(text, ev)
    assert [(p.subjects_count, p.charges) for p in parts] == [(2, ["drugs"]), (1, ["violent_crime"])]


def test_two_punishments_in_one_sentence_are_two_groups():
    text = ("Five of them were sent to a labor-training camp for six months, while the other two "
            "women were fined 100,000 won.")
    ev = Event(type="sentence", evidence=[(0, len(text))], trigger=(16, 20))
    parts = arguments.split_penalties(text, ev, [])
    assert [(p.penalty.kind, p.penalty.min_months) for p in parts] == [("labor_training", 6), ("fine", None)]
    assert [p.subjects_count for p in parts] == [5, 2]  # "five of them" counts five


def test_a_range_of_punishments_for_one_group_stays_one():
    text = "Those who watched the films received from six months of forced labor to five years in prison."
    ev = Event(type="sentence", evidence=[(0, len(text))], trigger=(30, 38))
    assert len(arguments.split_penalties(text, ev, [])) == 1


@pytest.mark.parametrize("text, modality", [
    ("Locals have had to face a month of disciplinary labor.", "asserted"),
    ("Ahead of the party congress, police arrested 30 traders.", "asserted"),
    ("Two other smugglers are awaiting trial.", "planned"),
    ("Authorities plan to allow residents to leave.", "planned"),
    ("Police did not arrest anyone.", "negated"),
    ("Rumors say that two officials were executed.", "alleged"),
])
def test_modality(text, modality):
    from nkevents.stages import events
    found = events.find_triggers(text)
    m = next(iter(found.values()))
    assert arguments.choose_modality(text, (0, len(text)), (m.start(), m.end())) == modality


def test_context_date_is_the_latest_usable_date_before_the_sentence():
    from nkevents.model import Document
    from nkevents.stages import arguments, dates, sentences
    text = ("In late 2014, police raided the village. A source told Daily NK on March 3 that nobody "
            "was released. Lim was detained for a month.")
    doc = Document(text=text, published="2015-03-10")
    sentences.run(doc)
    dates.run(doc)
    last = doc.sentences[-1]
    found = arguments.context_date(doc, last)
    assert found is not None and found.text == "late 2014"  # "on March 3" dates the telling


def test_one_sentence_event_per_clause_with_its_own_penalty():
    from nkevents.stages import arguments
    text = ("Two of them received the death penalty, two got life sentences, and the remaining seven "
            "were given 10 to 15 years in prison.")
    event = Event(type="sentence", evidence=[(0, len(text))], trigger=(0, 3))
    parts = arguments.split_penalties(text, event, [])
    assert [(p.penalty.kind, p.penalty.min_months, p.penalty.max_months) for p in parts] == [
        ("death", None, None), ("life_imprisonment", None, None), ("prison", 120, 180)]


def test_a_penalty_named_twice_in_one_clause_is_not_split():
    from nkevents.stages import arguments
    text = "The court sentenced him to ten years in prison and hard labor, the source said."
    event = Event(type="sentence", evidence=[(0, len(text))], trigger=(0, 3))
    assert len(arguments.split_penalties(text, event, [])) == 1


@pytest.mark.parametrize("text, count", [
    # counts given as words, compounds and ranges (the gold counts a range by its lower end)
    ("Two sisters from Musan were detained last week.", 2),
    ("About three thousand people were evacuated.", 3000),
    ("Some twenty-five traders were fined.", 25),
    ("Roughly 40 to 50 cadres were purged.", 40),
    ("Between 10 and 12 smugglers were caught.", 10),
    ("Nearly 1,200 residents were mobilized.", 1200),
    ("Police rounded up 150 people in the market.", 150),
    ("A group of 17 refugees was sent back by China.", 17),
    ("A pair of border residents got caught smuggling.", 2),
    ("A dozen vendors were questioned.", None),  # vague
    ("A couple of days later police detained everyone.", None),
    # one person: a job noun, a named person, an age, a pronoun
    ("A nurse and her assistant were arrested at the clinic.", 2),
    ("An engineer and lab technician were detained.", 2),
    ("The director of the mine was shot last month.", 1),
    ("A 19-year-old soldier was executed for desertion.", 1),
    ("Pak Chol-su, 45, was taken away by security agents.", 1),
    ("She was caught with a Chinese phone.", 1),
    ("Mr. Ri was executed in front of officials.", 1),
    ("Agents arrested him at the station.", 1),
    ("Two traders, a father and his son, were arrested.", 2),  # apposition, not four
    ("Three men, two women and a teenager were tried.", 6),
    ("Of the 9 arrested, the 4 who had crossed the river were shot.", 4),
    ("Three of the 12 detainees were later released.", 3),
    ("The remaining 6 were given labor terms.", 6),
    ("A major crackdown began in the city.", None),  # "major" is not a person here
])
def test_subject_counts_beyond_the_dev_wording(text, count):
    from nkevents.stages import events
    found = events.find_triggers(text)
    at = min(m.start() for m in found.values()) if found else len(text) // 2
    phrase, n = arguments.choose_subjects(text, (0, len(text)), at, [])
    assert n == count, (phrase, n)


@pytest.mark.parametrize("sentence, kind, months", [
    # ranges, bounds and mixed penalties
    ("He was sentenced to 20 years to life.", "life_imprisonment", (None, None)),
    ("The others got eight to 12 years at hard labour.", "prison", (96, 144)),
    ("Offenders are given at least three months of corrective labor.", "labor_training", (3, None)),
    ("They face up to five years in a reform-through-labour camp.", "prison", (None, 60)),
    ("She received more than two years' hard labor.", "prison", (24, None)),
    ("The two were handed a 15-year prison term.", "prison", (180, 180)),
    # kinds in words the dev reports do not use
    ("The pastor was condemned to indefinite hard labour.", "life_imprisonment", (None, None)),
    ("Three men were sent to re-education camps.", "prison", (None, None)),
    ("The couple was sent to a gyohwaso in South Pyongan.", "prison", (None, None)),
    ("He spent six months in a rodong dallyeondae.", "labor_training", (6, 6)),
    ("Traders got three months of labour training.", "labor_training", (3, 3)),
    ("The family was expelled from Pyongyang.", "banishment", (None, None)),
    ("Their relatives were sent to the countryside.", "banishment", (None, None)),
    ("His whole family ended up in a kwalliso.", "political_prison_camp", (None, None)),
    ("The cadre's relatives were sent to a political prison.", "political_prison_camp", (None, None)),
    ("The court passed a death sentence on the broker.", "death", (None, None)),
    ("Two officials were relieved of their posts.", "discipline", (None, None)),
])
def test_penalty_wording_beyond_the_dev_reports(sentence, kind, months):
    p = arguments.choose_penalty(sentence)
    assert p is not None, sentence
    assert (p.kind, (p.min_months, p.max_months)) == (kind, months)


@pytest.mark.parametrize("text, trigger, etype, modality", [
    # a measure told with "will" is planned only while its start is still to come
    ("The ban on private grain sales will take effect from next month.", "ban", "policy", "planned"),
    ("Authorities said markets will close on Sundays beginning this spring.", "close", "policy", "planned"),
    ("The new travel permits will be issued starting in March.", "permits", "policy", "planned"),
    ("Officials announced they will isolate every arriving traveller for 30 days.", "isolate", "policy", "asserted"),
    ("Foreign tourists will not be admitted starting last Monday.", "admitted", "policy", "asserted"),
    ("Authorities are set to lift the lockdown in Hyesan.", "lift", "policy", "planned"),
    ("The regime is considering a ban on Chinese mobile phones.", "ban", "policy", "planned"),
    # other events: "will", "set to be", "scheduled" are planned; "will have been" is not
    ("Seven smugglers will be executed in Hyesan next week.", "executed", "execution", "planned"),
    ("The eight are slated to be tried in public.", "tried", "trial", "planned"),
    # an absence is the hardship itself; "no cases" negates
    ("Electricity has not been supplied to Hoeryong for weeks.", "supplied", "hardship", "asserted"),
    ("Residents don't have enough food to eat.", "food", "hardship", "asserted"),
    ("Officials insist there have been no cases of the virus.", "cases", "hardship", "negated"),
    ("Police did not detain anyone at the market.", "detain", "arrest", "negated"),
    # doubt the text itself marks
    ("Unconfirmed reports say a vice-minister was executed.", "executed", "execution", "alleged"),
    ("The official may have been executed in April.", "executed", "execution", "alleged"),
    ("A defector said two men were executed in Hyesan.", "executed", "execution", "asserted"),
    # content of an order
    ("The party ordered security agents to arrest anyone selling South Korean films.", "arrest", "arrest", "ordered"),
])
def test_modality_by_class(text, trigger, etype, modality):
    at = text.index(trigger)
    assert arguments.choose_modality(text, (0, len(text)), (at, at + len(trigger)), etype) == modality


def test_a_report_that_marks_its_account_unverified_makes_its_punishments_alleged():
    text = ("Two officials were executed in Pyongyang last month, a newspaper said. "
            "The report could not be independently verified. Markets reopened on Monday.")
    first = (0, text.index(".") + 1)
    at = text.index("executed")
    assert arguments.choose_modality(text, first, (at, at + 8), "execution") == "alleged"
    at = text.index("reopened")
    assert arguments.choose_modality(text, (text.index("Markets"), len(text)), (at, at + 8), "policy") == "asserted"


def _actors_of(text, etype, trigger):
    at = text.index(trigger)
    ev = Event(type=etype, evidence=[(0, len(text))], trigger=(at, at + len(trigger)))
    return {(a.id, a.role) for a in arguments.choose_actors(text, (0, len(text)), ev, [])}


@pytest.mark.parametrize("text, etype, trigger, actors", [
    # names of the bodies beyond the dev wording
    ("Bowibu agents detained a trader in Hyesan.", "arrest", "detained", {("mss", "authority")}),
    ("National Security Agency officers arrested two brokers.", "arrest", "arrested", {("mss", "authority")}),
    ("People's Safety Agency officers detained five vendors.", "arrest", "detained", {("mps", "authority")}),
    ("Anjeon officers raided the market.", "crackdown", "raided", {("mps", "authority")}),
    ("Chinese police handed the 12 refugees back to the North.", "other", "handed", {("other", "participant")}),
    ("The Standing Committee of the Supreme People's Assembly issued a decree on amnesty.", "directive", "decree",
     {("other", "issuer")}),
    ("Youth league patrols cracked down on students in tight jeans.", "crackdown", "cracked down", {("other", "authority")}),
    # only the clause of the event: the agency of another clause is not its authority
    ("The court sentenced the broker to ten years after he was caught by state security agents.", "sentence",
     "sentenced", {("court", "authority")}),
    ("Police arrested two smugglers after a border guard who helped them confessed.", "arrest", "arrested",
     {("mps", "authority")}),
    # a trial or sentence that names no body is the court's
    ("Nine residents were tried in front of the cultural hall.", "trial", "tried", {("court", "authority")}),
    # the body followed by an order verb issues the order, wherever the trigger is
    ("At the meeting, Kim Jong Un instructed provincial party committees to prepare for floods.", "directive", "meeting",
     {("kim_jong_un", "issuer"), ("party_committee", "recipient")}),
    ("Kim also called for tighter control of grain sales.", "directive", "called for", {("kim_jong_un", "issuer")}),
])
def test_actors(text, etype, trigger, actors):
    assert _actors_of(text, etype, trigger) == actors


def test_an_arrest_that_names_no_body_is_the_reports_only_enforcer():
    from nkevents.model import Document
    text = ("State security agents have stepped up patrols in Musan. Two women were arrested on Monday. "
            "The Central Committee ordered the patrols.")
    arrest = Event(type="arrest", evidence=[(56, 94)], trigger=(80, 88))
    order = Event(type="directive", evidence=[(95, len(text))], trigger=(120, 127),
                  actors=[arguments.Actor(id="central_committee", text="Central Committee", role="issuer")])
    doc = Document(text=text)
    doc.events = [arrest, order]
    arguments.fill_context_actors(doc, [])
    assert [(a.id, a.role) for a in arrest.actors] == [("mss", "authority")]
    assert [(a.id, a.role) for a in order.actors] == [("central_committee", "issuer")]


@pytest.mark.parametrize("sentence, charges", [
    # people named by their past conduct or as sources are no charge
    ("A defector who witnessed the trial said the two were shot.", set()),
    ("South Korea's spy agency told lawmakers the minister was executed.", set()),
    ("Agents demanding bribe money searched the houses.", set()),
    ("North Korean state media said the officials were punished.", set()),
    ("He was killed by a firing squad in front of a crowd.", set()),
    # offences in words the dev reports do not use
    ("She was arrested for illegal border crossing into China.", {"defection"}),
    ("Two women were caught crossing the Tumen River.", {"defection"}),
    ("The pair were detained for listening to South Korean radio broadcasts.", {"foreign_media"}),
    ("He was sentenced for keeping Chinese films on a micro SD card.", {"foreign_media"}),
    ("The man was jailed on subversion charges.", {"espionage"}),
    ("The minister was executed for treason and disloyalty.", {"political"}),
    ("Three women were arrested for prostitution.", {"other"}),
    ("Police confiscated yuan and dollars from traders at the station.", {"economic"}),
    ("The manager was arrested for embezzling state funds.", {"corruption"}),
    ("He was caught selling crystal meth in Hamhung.", {"drugs"}),
    ("The brokers were charged with selling women to Chinese men.", {"trafficking"}),
    ("They were arrested for holding prayer meetings at home.", {"religion"}),
])
def test_charges_beyond_the_dev_wording(sentence, charges):
    assert set(arguments.choose_charges(sentence)) == charges


def test_a_crossing_told_during_the_border_closure_also_breaks_the_epidemic_rules():
    report = "Since the border closure in 2020, guards have shot at anyone near the river. A man was arrested for smuggling."
    sentence = "A man was arrested for smuggling."
    assert set(arguments.choose_charges(sentence, report)) == {"smuggling", "quarantine_violation"}
    assert set(arguments.choose_charges(sentence, "A man was arrested for smuggling in 2015.")) == {"smuggling"}


def test_a_story_dated_only_by_its_title_is_set_then():
    from nkevents.model import Document
    from nkevents.stages import arguments, dates, sentences
    doc = Document(text="Farmers in the county are dying of hunger. Officials do nothing.",
                   title="The Famine of 2008 Has Begun")
    sentences.run(doc)
    dates.run(doc)
    found = arguments.context_date(doc, doc.sentences[0])
    assert found is not None and found.date_start == "2008-01-01"


def test_a_measure_in_force_is_dated_by_its_announcement_when_nothing_else_dates_it():
    from nkevents.model import Document
    from nkevents.stages import arguments, dates, events, sentences
    text = "State media said on Monday that the regime has quarantined 200 foreigners."
    doc = Document(text=text, published="2020-02-20")
    for stage in (sentences, dates, events):
        stage.run(doc)
    [policy] = [e for e in doc.events if e.type == "policy"]
    assert arguments.choose_date(doc, policy, doc.sentences[0]).date_start == "2020-02-17"
    arrest_text = "A source said on Monday that police arrested two men."
    doc = Document(text=arrest_text, published="2020-02-20")
    for stage in (sentences, dates, events):
        stage.run(doc)
    [arrest] = [e for e in doc.events if e.type == "arrest"]
    assert arguments.choose_date(doc, arrest, doc.sentences[0]) is None  # the day it was told, not done


@pytest.mark.parametrize("text, trigger, actors", [
    # the body an order comes from issues it, whoever receives it
    ("Trading companies in Sinuiju received orders from the Ministry of Foreign Trade to cut staff.", "orders",
     {("cabinet", "issuer"), ("trading_company", "recipient")}),
    ("The amnesty decree was issued by the Presidium of the Supreme People's Assembly on Monday.", "decree",
     {("other", "issuer")}),
    ("Provincial party committees relayed a directive of the Central Committee to factories.", "directive",
     {("central_committee", "issuer"), ("party_committee", "recipient")}),
    # "leader Kim Jong Il" is not Kim Jong Un
    ("The amnesty marks the birthday of leader Kim Jong Il, the cabinet announced.", "amnesty", {("cabinet", "issuer")}),
])
def test_the_issuer_of_an_order(text, trigger, actors):
    assert _actors_of(text, "directive", trigger) == actors


def test_a_directive_told_in_the_future_tense_states_its_content():
    text = "Officials held meetings to tell residents they were going to punish anyone watching foreign films."
    at = text.index("meetings")
    assert arguments.choose_modality(text, (0, len(text)), (at, at + 8), "directive") == "asserted"
    at = text.index("punish")
    assert arguments.choose_modality(text, (0, len(text)), (at, at + 6), "sentence") == "planned"


def test_a_named_person_after_the_trigger_counts_one():
    text = "The court passed sentence on Ri Chol Man for espionage."
    assert arguments.choose_subjects(text, (0, len(text)), text.index("sentence"), [])[1] == 1


@pytest.mark.parametrize("sentence, charges", [
    ("The source said in a phone conversation with Daily NK that three women were fined.", set()),
    ("Residents accused of criticising the country's hereditary dictatorship and its leader were detained.", {"political"}),
    ("They were condemned for attempting to escape the impoverished country.", {"defection"}),
    ("Smuggling is now treated as a treasonous act.", {"smuggling"}),
])
def test_charge_classes_from_the_train_errors(sentence, charges):
    assert set(arguments.choose_charges(sentence)) == charges


def test_charges_are_read_from_the_clause_of_the_event():
    text = "Two traders were arrested for smuggling copper, while a third man fled to China."
    at = text.index("arrested")
    assert arguments.clause_charges(text, (0, len(text)), (at, at + 8)) == ["smuggling"]
    text = "Five women were jailed while using Chinese phones to call relatives in Seoul."
    at = text.index("jailed")
    assert arguments.clause_charges(text, (0, len(text)), (at, at + 6)) == ["illegal_phone"]
    text = "Security agents detained him; his cousin had smuggled drugs."  # the clause names none
    at = text.index("detained")
    assert arguments.clause_charges(text, (0, len(text)), (at, at + 8)) == ["smuggling", "drugs"]


@pytest.mark.parametrize("text, count", [
    ("The floods left at least 68 dead in Hamgyong.", 68),
    ("Officials reported 15 deaths from the fever.", 15),
    ("About 2,000 troops were sent to the farms.", 2000),
    ("Dozens of victims were buried.", None),
])
def test_hardship_and_mobilization_counts(text, count):
    assert arguments.choose_subjects(text, (0, len(text)), len(text) // 2, [])[1] == count


@pytest.mark.parametrize("sentence, kind", [
    ("His relatives vanished into the gulag.", "political_prison_camp"),
    ("The family was taken to Camp 15.", "political_prison_camp"),
    ("He was sentenced to a labour reform camp.", "prison"),
])
def test_more_penalty_wording(sentence, kind):
    assert arguments.choose_penalty(sentence).kind == kind


def test_allegedly_right_before_the_event_marks_doubt_but_not_before_the_charge():
    text = "The vice-premier was allegedly executed in May."
    at = text.index("executed")
    assert arguments.choose_modality(text, (0, len(text)), (at, at + 8), "execution") == "alleged"
    text = "An officer was arrested in Musan for allegedly taking bribes from smugglers."
    at = text.index("arrested")
    assert arguments.choose_modality(text, (0, len(text)), (at, at + 8), "arrest") == "asserted"


def test_the_party_as_issuer():
    assert _actors_of("The ruling party ordered all factories to cut power use.", "directive", "ordered") == {
        ("central_committee", "issuer")}


def test_an_alleged_thing_is_no_reporting_verb_of_a_source():
    text = "Agents arrested 40 residents after alleged contacts with brokers, a source said."
    spans = arguments.attribution_spans(text)
    assert [text[a:b] for a, b in spans] == ["a source"]
    assert arguments.choose_subjects(text, (0, len(text)), text.index("arrested"), spans)[1] == 40


@pytest.mark.parametrize("text, source", [
    ("Police arrested residents after a raid, a source said.", ["a source"]),
    ("A Hyesan-based source told Daily NK that two were fined.", ["A Hyesan-based source"]),
    ("An unnamed official said the trial was held.", ["An unnamed official"]),
])
def test_attribution_phrases(text, source):
    assert [text[a:b] for a, b in arguments.attribution_spans(text)] == source


@pytest.mark.parametrize("text, count", [
    ("Kim Kuk Gi and Choe Chun Gil were found guilty of spying.", 2),
    ("A North Korean court has sentenced a U.S. citizen to 15 years of hard labor.", 1),
    ("Kim Jong Un's uncle was executed in 2013.", None),
])
def test_named_people_count(text, count):
    from nkevents.stages import events
    found = events.find_triggers(text)
    at = min(m.start() for m in found.values()) if found else len(text) // 2
    assert arguments.choose_subjects(text, (0, len(text)), at, [])[1] == count


@pytest.mark.parametrize("sentence, charges", [
    ("Police are cracking down on outside influences among the young.", {"foreign_media"}),
    ("Those caught leaving North Korea are sent to labor-training camps.", {"defection"}),
    ("Women repatriated from China were sent to a holding centre.", {"defection"}),
])
def test_charges_of_the_conduct_classes(sentence, charges):
    assert set(arguments.choose_charges(sentence)) == charges


@pytest.mark.parametrize("text, count", [
    ("The judge sentenced two others to life imprisonment.", 2),
    ("Security agents arrested a farmer in Musan.", 1),
    ("Seven people arrested for smuggling were shot.", 7),
    ("A prosecutor was arrested for taking bribes.", 1),
])
def test_the_agent_of_the_punishment_is_not_counted(text, count):
    assert arguments.choose_subjects(text, (0, len(text)), 0, [])[1] == count


@pytest.mark.parametrize("text, count", [
    ("A family of five were sent to the countryside.", 5),
    ("More than 10 were damaged in the floods.", None),  # no noun: maybe not people
    ("Police detained 12 traders, three of whom were later released.", 12),
    ("Some 100-plus people were mobilized.", 100),
    ("Two dozen vendors were fined.", 24),
    ("A dozen vendors were fined.", None),
])
def test_counts_without_a_noun_and_other_number_shapes(text, count):
    assert arguments.choose_subjects(text, (0, len(text)), 0, [])[1] == count


def test_no_event_is_negated():
    text = "There were no public executions in Hyesan this year."
    at = text.index("executions")
    assert arguments.choose_modality(text, (0, len(text)), (at, at + 10), "execution") == "negated"


def test_the_city_told_before_beats_the_province_its_source_speaks_from():
    from nkevents.pipeline import extract
    doc = extract("Two smugglers were caught in Hyesan on March 8. Authorities sealed off the roads into "
                  "the city on March 9, a source in Ryanggang Province said.", published="2024-03-15")
    [policy] = [e for e in doc.events if e.type == "policy"]
    assert policy.place.id == "kp.ryanggang.hyesan"


def test_the_person_who_orders_is_not_the_people_an_order_concerns():
    from nkevents.pipeline import extract
    doc = extract("Kim Jong Un has ordered a nationwide crackdown on young people who use South Korean slang.",
                  published="2023-11-20")
    by_type = {e.type: e for e in doc.events}
    assert by_type["directive"].subjects_count is None
    assert by_type["crackdown"].modality == "ordered"


def test_a_term_with_no_kind_word_is_of_the_kind_named_before_it():
    from nkevents.stages import arguments
    text = ("The court sentenced two brokers to 15 years of reform through labour and gave the other six "
            "between three and seven years.")
    event = Event(type="sentence", evidence=[(0, len(text))], trigger=(0, 3))
    parts = arguments.split_penalties(text, event, [])
    assert [(p.penalty.kind, p.penalty.min_months, p.penalty.max_months) for p in parts] == [
        ("prison", 180, 180), ("prison", 36, 84)]


def test_a_year_of_labour_training_stays_labour_training():
    from nkevents.stages import arguments
    penalty = arguments.choose_penalty("She was given a year of labour training because she was a minor.")
    assert (penalty.kind, penalty.min_months) == ("labor_training", 12)
    assert arguments.choose_penalty("He got two years of forced labour.").kind == "prison"


def _date_of(text, published, etype):
    from nkevents.model import Document
    from nkevents.stages import arguments, dates, events, sentences
    doc = Document(text=text, published=published)
    for stage in (sentences, dates, events, arguments):
        stage.run(doc)
    found = [e for e in doc.events if e.type == etype]
    return found[0].date.date_start if found and found[0].date else None


@pytest.mark.parametrize("text, published, etype, expected", [
    # a date in a clause about another event after the trigger is that event's
    ("The regime executed 20 officials after extensive flooding in late July killed hundreds.", "2024-09-04",
     "execution", None),
    ("Police arrested two cadres following a party plenum on June 3.", "2024-07-01", "arrest", None),
    # the same day told by "after a trial", "after being caught"
    ("Two men were shot after a public trial on March 2.", "2024-03-15", "execution", "2024-03-02"),
    ("She was detained after being caught with a phone on May 5.", "2024-06-01", "arrest", "2024-05-05"),
    # a relative clause in the perfect takes no date after its main verb
    ("Two women who had been arrested for trafficking were executed on Jan. 15.", "2024-02-01", "arrest", None),
    ("A man who had been arrested in December was executed on Jan. 15.", "2024-02-01", "arrest", "2023-12-01"),
    # what is reported as done is not dated by what is still to come
    ("A woman was arrested and will stand trial next month.", "2024-03-15", "arrest", None),
])
def test_the_date_of_the_clause_the_trigger_is_in(text, published, etype, expected):
    assert _date_of(text, published, etype) == expected


def test_a_date_of_a_measure_taking_effect_is_not_the_punishments():
    text = "The execution happened right before the emergency measures took effect around Nov. 20."
    assert _date_of(text, "2020-12-01", "execution") is None
    assert _date_of("He was shot on Nov. 28, before the new rules took effect.", "2020-12-01", "execution") == "2020-11-28"


def _place_of(text, etype):
    from nkevents.pipeline import extract
    found = [e for e in extract(text, published="2024-03-15").events if e.type == etype]
    return found[0].place.id if found and found[0].place else None


def test_a_datelines_place_is_where_the_report_was_filed():
    text = ("PYONGYANG: North Korea executed a 22-year-old man from South Hwanghae province in 2022 for "
            "distributing films, according to a report.")
    assert _place_of(text, "execution") == "kp.south-hwanghae"
    assert _place_of("PYONGYANG: North Korea executed a man in 2022 for distributing films.", "execution") == "kp"
    assert _place_of("Police in Pyongyang arrested two men last week.", "arrest") == "kp.pyongyang"
