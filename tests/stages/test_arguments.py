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
    ("Police did not arrest the driver.", "negated"),  # ("did not arrest anyone": no event, test_events)
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
    ("A dozen vendors were questioned.", 12),  # a stated number, like "about 80" ("dozens of" stays vague)
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
    # a term "to life" is the least of a life term (as "at least six months" is 6 to null)
    ("He was sentenced to 20 years to life.", "life_imprisonment", (240, None)),
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
    ("The two women got a year in the local tallyondae.", "labor_training", (12, 12)),
    ("He was sent to a danryundae for four months.", "labor_training", (4, 4)),
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
    ("Chinese police handed the 12 refugees back to the North.", "other", "handed", {("other", "authority")}),
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


@pytest.mark.parametrize("text, etype, trigger, actors", [
    # the party's or the leader's order named by a possessive or a noun compound
    ("The party's directive, handed down in May, tells residents to report phone users.", "directive", "directive",
     {("central_committee", "issuer")}),
    ("A party order issued last week bans private sales of rice.", "directive", "order", {("central_committee", "issuer")}),
    ("Under the ruling party's new instruction, students must work on farms.", "directive", "instruction",
     {("central_committee", "issuer")}),
    ("The two officials were executed in March on Kim's personal order.", "execution", "executed",
     {("kim_jong_un", "authority")}),
    # ... not a provincial party's order, nor a party's members, nor Kim's relatives
    ("The provincial party's directive tells residents to report phone users.", "directive", "directive",
     {("party_committee", "issuer")}),
    ("Party members were ordered to donate rice.", "directive", "ordered", set()),
    ("Kim's uncle was executed in December.", "execution", "executed", set()),
    # the body after "by" in a passive, a few words after the verb, issues the measure
    ("A lockdown was imposed on Hyesan on March 1 by the emergency epidemic prevention headquarters.", "policy",
     "lockdown", {("quarantine_hq", "issuer")}),
    ("The decree, issued on January 5 by the Presidium of the Supreme People's Assembly, granted an amnesty.",
     "directive", "decree", {("other", "issuer")}),
    ("A lockdown imposed on Hyesan was enforced by police.", "policy", "lockdown", {("mps", "recipient")}),
])
def test_orders_told_by_a_possessive_a_compound_or_a_passive(text, etype, trigger, actors):
    assert _actors_of(text, etype, trigger) == actors


def test_an_alleged_thing_is_no_reporting_verb_of_a_source():
    text = "Agents arrested 40 residents after alleged contacts with brokers, a source said."
    spans = arguments.attribution_spans(text)
    assert [text[a:b] for a, b in spans] == ["a source"]
    assert arguments.choose_subjects(text, (0, len(text)), text.index("arrested"), spans)[1] == 40


@pytest.mark.parametrize("text, source", [
    ("Police arrested residents after a raid, a source said.", ["a source"]),
    ("A Hyesan-based source told Daily NK that two were fined.", ["A Hyesan-based source"]),
    ("An unnamed official said the trial was held.", ["An unnamed official"]),
    # the people of the event are no source when another phrase before the verb is
    ("Three residents were arrested in Hyesan in March, a source said.", ["a source"]),
    ("Two defectors were caught near Musan last week, the source told RFA.", ["the source"]),
    ("Chinese police repatriated about 200 North Korean defectors in early October, activists said.", []),
    ("Five officials were executed in Pyongyang in March, lawmakers said.", []),
    # ... while a source phrase may run on after a comma with a name, a relative clause or a closed inset
    ("A source in Hyesan, Ryanggang Province, said three people were arrested.", ["A source in Hyesan, Ryanggang Province"]),
    ("Residents in Musan, North Hamgyong Province told Daily NK of the raid.", ["Residents in Musan, North Hamgyong Province"]),
    ("A source in Hyesan, who asked not to be named, said the trial was held.",
     ["A source in Hyesan, who asked not to be named"]),
    ("A source in Hoeryong, a border city, told Daily NK that two were fined.", ["A source in Hoeryong, a border city"]),
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
    ("A dozen vendors were fined.", 12),
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


@pytest.mark.parametrize("text, trigger, etype, modality", [
    # a cue of planning in a clause of its own says nothing of the event
    ("Ahead of the upcoming party congress, police arrested 30 traders in Hyesan.", "arrested", "arrest", "asserted"),
    ("In preparation for the anniversary, authorities launched a crackdown on smuggling.", "crackdown", "crackdown", "asserted"),
    ("Ahead of the plenum scheduled to be held in June, security agents detained 20 people.", "detained", "arrest", "asserted"),
    ("As North Korea seeks to expand trade with Russia, it has ordered trading companies to cut staff.", "ordered", "directive", "asserted"),
    ("Officials said they will not tolerate smuggling, and police arrested 20 people on Monday.", "arrested", "arrest", "asserted"),
    # ... nor of people the planned act concerns
    ("Authorities plan to hold a public trial for the arrested smugglers.", "arrested", "arrest", "asserted"),
    ("The bowiseong is preparing to punish the brokers who were detained in Musan.", "detained", "arrest", "asserted"),
    ("Authorities plan to hold a public trial for the arrested smugglers.", "trial", "trial", "planned"),
    ("The Ministry of State Security is preparing to launch a crackdown on phone users.", "crackdown", "crackdown", "planned"),
    ("The regime is planning a public execution in Hoeryong to intimidate residents.", "execution", "execution", "planned"),
    # planned right after the trigger
    ("A public execution is scheduled for next week in Hyesan.", "execution", "execution", "planned"),
    ("The trial of the two brokers is expected to be held later this month.", "trial", "trial", "planned"),
    ("A public trial of the smugglers will take place in the city stadium.", "trial", "trial", "planned"),
    ("The crackdown is expected to continue until the end of the year.", "crackdown", "crackdown", "asserted"),
    ("The trial, which was expected to last a day, was held on Monday.", "trial", "trial", "asserted"),
    # denial, what has yet to happen or was escaped
    ("Pyongyang has denied reports that the officials were executed.", "executed", "execution", "negated"),
    ("North Korea denied that the singer had been executed.", "executed", "execution", "negated"),
    ("The woman, who denied the charges, was sentenced to ten years in prison.", "sentenced", "sentence", "asserted"),
    ("He denied the allegations and was executed in Hyesan.", "executed", "execution", "asserted"),
    ("Authorities have yet to hold a trial for the men.", "trial", "trial", "negated"),
    ("The woman escaped before police could arrest her.", "arrest", "arrest", "negated"),
    ("The officials were spared execution and sent to a prison camp instead.", "execution", "execution", "negated"),
    ("The regime spared no effort to arrest smugglers.", "arrest", "arrest", "asserted"),
    ("A source said that public executions have not been carried out in Hyesan this year.", "executions", "execution", "negated"),
    ("The executions were carried out in front of 1,000 residents.", "executions", "execution", "asserted"),
    # the fate of people told as a belief is alleged; not knowing a detail is no doubt of the event
    ("A vice-minister is believed to have been executed in April.", "executed", "execution", "alleged"),
    ("The official is said to have been sent to a kwanliso.", "sent", "sentence", "alleged"),
    ("South Korean intelligence said the general was most likely executed.", "executed", "execution", "alleged"),
    ("The man, who is believed to be in his 40s, was executed in Hyesan.", "executed", "execution", "asserted"),
    ("Nearly 3,000 people were believed dead or missing in the floods.", "floods", "hardship", "asserted"),
    ("It is not known how many people were arrested in Hyesan.", "arrested", "arrest", "asserted"),
    ("It is not clear what charges the men faced, but they were executed in public.", "executed", "execution", "asserted"),
    ("It is not yet clear whether the officials were executed.", "executed", "execution", "alleged"),
    # the content of an order, a few words after "to"
    ("Kim Jong Un instructed security officials to launch a crackdown on drug use.", "crackdown", "crackdown", "ordered"),
])
def test_modality_cues_bear_on_the_event_in_their_clause(text, trigger, etype, modality):
    at = text.index(trigger)
    assert arguments.choose_modality(text, (0, len(text)), (at, at + len(trigger)), etype) == modality


@pytest.mark.parametrize("sentence, charges", [
    # other wordings of each offence
    ("Police arrested a man for bringing goods across the Tumen River.", {"smuggling"}),
    ("Two women were detained for illegal border trade with Chinese merchants.", {"smuggling"}),
    ("Three people were arrested for possessing impure recordings.", {"foreign_media"}),
    ("Students were expelled for copying illegal videos.", {"foreign_media"}),
    ("The youths were punished under the anti-reactionary thought law.", {"foreign_media"}),
    ("A teacher was dismissed for spreading the Korean Wave.", {"foreign_media"}),
    ("A man was executed for selling ice in Hamhung.", {"drugs"}),
    ("The soldier was caught dealing philopon.", {"drugs"}),
    ("Two were executed on charges of drug trafficking.", {"drugs"}),
    ("He was arrested for contact with South Korean intelligence.", {"espionage"}),
    ("Five were jailed for violating COVID-19 rules.", {"quarantine_violation"}),
    ("A public trial of three would-be defectors was held.", {"defection"}),
    ("He was caught sneaking into China.", {"defection"}),
    ("The couple were arrested for plotting to defect.", {"defection"}),
    ("Three soldiers were executed for desertion.", {"other"}),
    ("Two cadres were dismissed for extorting money from traders.", {"corruption"}),
    ("A man was arrested for damaging a portrait of Kim Il Sung.", {"political"}),
    ("She was arrested for sending money from defectors to their families.", {"economic"}),
    # look-alikes: no offence of the people concerned
    ("The river was covered in ice when the patrol passed.", set()),
    ("The brokers were charged with trafficking women to China.", {"trafficking"}),
    ("She carried her child across the river on her back.", set()),
    ("The streets of Hyesan were deserted after the curfew.", set()),
    ("Residents received money from relatives in China.", set()),
])
def test_charge_wording_of_unseen_reports(sentence, charges):
    assert set(arguments.choose_charges(sentence)) == charges


def test_the_words_naming_the_source_are_no_charge():
    text = "A defector who fled in 2015 said police arrested three traders in Musan."
    spans = arguments.attribution_spans(text)
    at = text.index("arrested")
    assert arguments.clause_charges(text, (0, len(text)), (at, at + 8), spans) == []
    text = "Police arrested three traders, a source who watches South Korean dramas said."
    spans = arguments.attribution_spans(text)
    assert arguments.clause_charges(text, (0, len(text)), (7, 15), spans) == []
    # a source phrase read too widely still holds the event's own charge
    text = "Residents who were caught watching South Korean dramas were sentenced to labor camps, officials said."
    at = text.index("sentenced")
    assert arguments.clause_charges(text, (0, len(text)), (at, at + 9), arguments.attribution_spans(text)) == ["foreign_media"]


@pytest.mark.parametrize("text, etype, charges", [
    ("Police arrested a woman in Hyesan last week. She had been selling crystal meth to traders.", "arrest", {"drugs"}),
    ("A man in his 40s was publicly executed in Hoeryong. He was accused of helping people defect to China.", "execution", {"defection"}),
    ("The court sentenced the man to 10 years in prison. He had been caught sneaking into China.", "sentence", {"defection"}),
    ("Security agents detained two women in Musan. The women had been caught using Chinese phones.", "arrest", {"illegal_phone"}),
    ("The authorities launched a crackdown in Hyesan on Monday. The inspectors are targeting people who use Chinese phones.",
     "crackdown", {"illegal_phone"}),
    # the next sentence about other people, or saying nothing of an offence
    ("Police arrested two traders in Hyesan. They also launched a crackdown on smugglers.", "arrest", set()),
    ("Police arrested a man in Hyesan. Smuggling has surged in the city since the spring.", "arrest", set()),
    ("A man was arrested in Hyesan. The woman who reported him to police had been smuggling herself.", "arrest", set()),
    ("Police arrested a man in Hyesan. Meanwhile, drug use is spreading among young people.", "arrest", set()),
])
def test_a_punishment_takes_the_offence_the_next_sentence_gives_its_people(text, etype, charges):
    from nkevents.pipeline import extract
    doc = extract(text, published="2019-05-10")
    found = [e for e in doc.events if e.type == etype]
    assert found and all(set(e.charges) == charges for e in found)


@pytest.mark.parametrize("sentence, charges", [
    ("Police are cracking down on women wearing skinny jeans and dyed hair.", {"anti_socialist"}),
    ("Agents watch residents suspected of contacting relatives in South Korea.", {"illegal_phone"}),
    # the smugglers an official took money from are someone else
    ("A task force is investigating cadres who accepted bribes from smugglers.", {"corruption"}),
    ("Two smugglers and the guard who took money from them were arrested.", {"smuggling"}),
])
def test_charges_of_crackdown_targets_and_of_officials(sentence, charges):
    assert set(arguments.choose_charges(sentence)) == charges


def test_each_group_of_a_report_told_during_the_border_closure_keeps_the_epidemic_charge():
    text = ("Since the border closure in 2020, guards have shot at anyone near the river. "
            "Authorities executed three men: two for smuggling and one for murder.")
    start = text.index("Authorities")
    ev = Event(type="execution", evidence=[(start, len(text))], trigger=(start + 12, start + 20))
    parts = arguments.split_groups(text, ev)
    assert [set(p.charges) for p in parts] == [{"smuggling", "quarantine_violation"}, {"violent_crime"}]


def test_a_doubt_told_of_another_story_leaves_this_one_asserted():
    text = ("Police arrested a missionary in Pyongyang in March. He appeared before reporters on Thursday. "
            "Meanwhile, there are reports that a senior general has been arrested. "
            "Officials in Seoul said nothing has been confirmed about the report.")
    at = text.index("arrested")
    assert arguments.choose_modality(text, (0, text.index(".") + 1), (at, at + 8), "arrest") == "asserted"
    at = text.index("arrested", text.index("Meanwhile"))
    start = text.index("Meanwhile")
    assert arguments.choose_modality(text, (start, text.index(".", start) + 1), (at, at + 8), "arrest") == "alleged"


def test_an_offence_is_not_carried_into_another_story():
    from nkevents.pipeline import extract
    doc = extract("Police arrested a man in Hyesan for smuggling copper. He was sent to a labor camp. "
                  "Meanwhile, a senior cadre was arrested in Pyongyang last week.", published="2019-05-10")
    by_sentence = {doc.text[e.evidence[0][0]:e.evidence[0][1]][:10]: e for e in doc.events}
    assert set(by_sentence["He was sen"].charges) == {"smuggling"}
    assert by_sentence["Meanwhile,"].charges == []


@pytest.mark.parametrize("text, etype, modality", [
    ("A source said 33 North Koreans will be executed for contacts with a missionary.", "execution", "planned"),
    ("Five smugglers are set to be executed in Hyesan next week.", "execution", "planned"),
])
def test_a_counted_group_to_be_punished_is_a_planned_event_not_a_threat(text, etype, modality):
    from nkevents.pipeline import extract
    found = [e for e in extract(text, published="2019-05-10").events if e.type == etype]
    assert [e.modality for e in found] == [modality]


@pytest.mark.parametrize("text", [
    "Anyone caught smuggling will be executed, the order said.",
    "Smugglers will be executed, officials warned at the lecture.",
])
def test_a_threat_to_whoever_offends_is_still_no_event(text):
    from nkevents.pipeline import extract
    assert not [e for e in extract(text, published="2019-05-10").events if e.type == "execution"]


@pytest.mark.parametrize("sentence, charges", [
    ("The brokers were caught selling North Korean women to Chinese farmers.", {"trafficking"}),
    ("Three were detained for attempted border crossing.", {"defection"}),
    ("The trucks queued at the Sinuiju border crossing.", set()),
    ("He was convicted of crimes against the state.", {"political"}),
])
def test_more_charge_wordings(sentence, charges):
    assert set(arguments.choose_charges(sentence)) == charges


@pytest.mark.parametrize("doubt, modality", [
    ("The report could not be independently verified.", "alleged"),
    ("Daily NK was unable to confirm the claim.", "alleged"),
    ("Daily NK could not confirm the exact number of people executed.", "asserted"),
    ("The source was unable to confirm the names of those executed.", "asserted"),
    ("It could not be verified when the trial took place.", "asserted"),
])
def test_a_detail_left_unconfirmed_is_no_doubt_of_the_account(doubt, modality):
    text = "Three smugglers were executed in Hyesan last month, a source said. " + doubt
    first = (0, text.index(".") + 1)
    at = text.index("executed")
    assert arguments.choose_modality(text, first, (at, at + 8), "execution") == modality


@pytest.mark.parametrize("text, trigger, etype, modality", [
    ("The men have not yet been sentenced.", "sentenced", "sentence", "negated"),
    ("None of the suspects were arrested.", "arrested", "arrest", "negated"),
    ("Police have so far not arrested anyone.", "arrested", "arrest", "negated"),
    ("The court refused to execute the woman.", "execute", "execution", "negated"),
    ("It is not true that the officials were executed, the ministry said.", "executed", "execution", "negated"),
    # look-alikes
    ("None of those who were arrested were released.", "arrested", "arrest", "asserted"),
    ("No one had expected that police would arrest the cadre.", "arrest", "arrest", "asserted"),
    ("Officials who refused to attend the rally were punished.", "punished", "sentence", "asserted"),
    ("He had never been arrested before he was executed in May.", "executed", "execution", "asserted"),
])
def test_more_ways_of_telling_what_did_not_happen(text, trigger, etype, modality):
    at = text.index(trigger)
    assert arguments.choose_modality(text, (0, len(text)), (at, at + len(trigger)), etype) == modality


@pytest.mark.parametrize("text, trigger, etype, modality", [
    # ordering the punishment of people the report names or counts is news of the punishment
    ("In April, Kim Jong Un ordered the execution of fifteen state officials.", "execution", "execution", "asserted"),
    ("The leader ordered the arrest of his uncle's aides.", "arrest", "arrest", "asserted"),
    # ... of whoever offends, or by a verb with "to", it is the content of the order
    ("The party called for the arrest of anyone selling South Korean films.", "arrest", "arrest", "ordered"),
    ("The party ordered security agents to arrest anyone selling South Korean films.", "arrest", "arrest", "ordered"),
    ("Kim Jong Un ordered a nationwide crackdown on drug use.", "crackdown", "crackdown", "ordered"),
])
def test_an_order_named_by_its_noun(text, trigger, etype, modality):
    at = text.index(trigger)
    assert arguments.choose_modality(text, (0, len(text)), (at, at + len(trigger)), etype) == modality


@pytest.mark.parametrize("sentence, charges", [
    # words that name no offence of the people concerned
    ("Footage smuggled out of the country shows two men being shot.", set()),
    ("A video, later smuggled out by activists, showed the public trial.", set()),
    ("Students are taught the worship of the Kim family from childhood.", set()),
    ("The old school was converted to a detention center.", set()),
    ("Amid speculation about Kim's health, officials were dismissed.", set()),
    ("Foreign currency earnings fell as officials were punished.", set()),
    ("Hospitals face a shortage of drugs and officials were dismissed.", set()),
    # the offences those words stand next to
    ("Two men were shot for smuggling copper out of the country.", {"smuggling"}),
    ("She was arrested for converting to Christianity.", {"religion"}),
    ("The couple were caught hoarding foreign currency.", {"economic"}),
    ("Grain speculators were arrested in Hamhung.", {"economic"}),
])
def test_charge_look_alikes_in_background_words(sentence, charges):
    assert set(arguments.choose_charges(sentence)) == charges


@pytest.mark.parametrize("text, modality", [
    ("Amid speculation about Kim's health, police arrested 20 traders in Hyesan.", "asserted"),
    ("Amid rumors of a coup, security agents detained two generals.", "asserted"),
    ("Speculation has grown that the army chief was detained.", "alleged"),
    ("Rumors say that two officials were detained.", "alleged"),
])
def test_a_rumour_the_event_happens_amid_is_no_doubt_of_it(text, modality):
    at = min(text.index(w) for w in ("arrested", "detained") if w in text)
    assert arguments.choose_modality(text, (0, len(text)), (at, at + 8), "arrest") == modality


@pytest.mark.parametrize("text, trigger, etype, modality", [
    ("The public trial in Hyesan was abruptly cancelled.", "trial", "trial", "negated"),
    ("The execution of the two brokers was postponed until after the holiday.", "execution", "execution", "planned"),
    ("The crackdown was halted after two weeks.", "crackdown", "crackdown", "asserted"),
    ("The lockdown was cancelled on Monday.", "lockdown", "policy", "asserted"),  # a lift, not a measure that never was
])
def test_a_punishment_called_off_or_put_off(text, trigger, etype, modality):
    at = text.index(trigger)
    assert arguments.choose_modality(text, (0, len(text)), (at, at + len(trigger)), etype) == modality


def test_the_source_speaking_next_names_no_offence_of_the_punished():
    from nkevents.pipeline import extract
    doc = extract("Police arrested two women in Hyesan on Monday. He added that the police are known for "
                  "cracking down hard on smuggling.", published="2019-05-10")
    assert [e.charges for e in doc.events if e.type == "arrest"] == [[]]


@pytest.mark.parametrize("report", [
    "Since the regime sealed the border in January 2020, few goods have reached Hyesan.",
    "The closure of the border has starved the markets.",
])
def test_other_wordings_of_the_border_closure(report):
    sentence = "A man was arrested for smuggling."
    assert set(arguments.choose_charges(sentence, report + " " + sentence)) == {"smuggling", "quarantine_violation"}


@pytest.mark.parametrize("sentence, charges", [
    ("The two were caught watching 'impure' videos.", {"foreign_media"}),
    ("She was punished for “anti-socialist” behavior.", {"anti_socialist"}),
    ("He was accused of spreading South Korean ‘dramas’ on USBs.", {"foreign_media"}),
    ("Kim's aides were executed for ‘treason’.", {"political"}),
])
def test_charges_in_scare_quotes(sentence, charges):
    assert set(arguments.choose_charges(sentence)) == charges


@pytest.mark.parametrize("text, etype, trigger, actors", [
    # where two names overlap the longer one names the body
    ("Social security agents detained a woman at the market.", "arrest", "detained", {("mps", "authority")}),
    ("The people's security department in Musan arrested two brokers.", "arrest", "arrested", {("mps", "authority")}),
    ("People's safety officials confiscated yuan from vendors.", "crackdown", "confiscated", {("mps", "authority")}),
    ("State security agents searched every house on the street.", "crackdown", "searched", {("mss", "authority")}),
    # other spellings and Korean names of the bodies
    ("Kim Jong-eun ordered the arrest of the two officials.", "directive", "ordered", {("kim_jong_un", "issuer")}),
    ("Kim Jong Eun ordered the arrest of the two officials.", "directive", "ordered", {("kim_jong_un", "issuer")}),
    ("Security officials detained three traders at the market last week.", "arrest", "detained", {("mss", "authority")}),
    ("A bowiwon arrested the woman as she left the station.", "arrest", "arrested", {("mss", "authority")}),
    ("Boanwon took the vendors to the local station.", "arrest", "took", {("mps", "authority")}),
    ("Members of Group 109 searched homes in Hyesan.", "crackdown", "searched", {("inspection_group", "authority")}),
    ("A 1118 sangmu team seized dozens of DVDs.", "crackdown", "seized", {("inspection_group", "authority")}),
    ("A non-socialist grouppa raided the dormitory.", "crackdown", "raided", {("inspection_group", "authority")}),
    ("Border police caught two women near the Tumen River.", "arrest", "caught", {("border_guard", "authority")}),
    # foreign police and courts are `other`, never the North's police
    ("South Korean police arrested a defector in Seoul for spying.", "arrest", "arrested", {("other", "authority")}),
    ("A Seoul court sentenced the man to four years for spying for the North.", "sentence", "sentenced",
     {("other", "authority")}),
    ("Japanese police detained two crew members of the ship.", "arrest", "detained", {("other", "authority")}),
    # a vice premier or a former premier who is punished issues nothing
    ("The vice premier was executed for disloyalty.", "execution", "executed", set()),
    ("A former premier was arrested in Pyongyang.", "arrest", "arrested", set()),
    ("The premier ordered factories to increase production.", "directive", "ordered", {("cabinet", "issuer")}),
    # a number that is no group
    ("About 82 units of housing were inspected.", "crackdown", "inspected", set()),
    # a local safety agency is the police; border security agents are guards; the army's political bureau the army's
    ("The county safety agency detained three smugglers.", "arrest", "detained", {("mps", "authority")}),
    ("Officers of the city safety station arrested a vendor.", "arrest", "arrested", {("mps", "authority")}),
    ("The road safety agency fined two drivers.", "arrest", "fined", set()),
    ("Border security agents detained a woman crossing the river.", "arrest", "detained", {("border_guard", "authority")}),
    ("State security agents detained a woman near the river.", "arrest", "detained", {("mss", "authority")}),
    ("The KPA General Political Bureau arrested two officers.", "arrest", "arrested", {("kpa", "authority")}),
    ("Members of the Guard Command arrested two officers.", "arrest", "arrested", {("kpa", "authority")}),
])
def test_actor_names_beyond_the_dev_wording(text, etype, trigger, actors):
    assert _actors_of(text, etype, trigger) == actors


@pytest.mark.parametrize("text, etype, trigger, actors", [
    # a clause with no subject of its own shares the body the sentence opens with
    ("The MSS, North Korea's secret police, arrested a woman in Hyesan on May 4.", "arrest", "arrested",
     {("mss", "authority")}),
    ("The Ministry of State Security (MSS), which handles political cases, detained two men in Musan.", "arrest",
     "detained", {("mss", "authority")}),
    ("Security agents, acting on a tip from an informant, arrested a woman at the station.", "arrest", "arrested",
     {("mss", "authority")}),
    ("Agents from the provincial branch of the People's Safety Ministry, working at night, detained 12 people.",
     "arrest", "detained", {("mps", "authority")}),
    ("In Chongjin, police raided the market, arresting four vendors.", "arrest", "arresting", {("mps", "authority")}),
    ("Border guards stopped the truck before searching it for copper.", "crackdown", "searching",
     {("border_guard", "authority")}),
    ("The youth league, which formed patrols last month, is cracking down on dyed hair.", "crackdown",
     "cracking down", {("other", "authority")}),
    # ... also when a short phrase of place comes between the body and the inserted phrase
    ("State security officials in Hyesan, working with police, detained eight people.", "arrest", "detained",
     {("mss", "authority")}),
    ("Anjeon officers from the city station, acting on a tip, arrested a money courier.", "arrest", "arrested",
     {("mps", "authority")}),
    ("The border guards at Musan, the source added, detained the two women.", "arrest", "detained",
     {("border_guard", "authority")}),
    # not when the clause has a subject, is passive, or the body is the agent or object of another verb
    ("Relatives of police officers in Hyesan, a source said, were arrested last week.", "arrest", "arrested", set()),
    ("Wives of MSS agents in Sinuiju, the report said, were detained for smuggling.", "arrest", "detained", set()),
    ("The court heard that the man, caught in May with a phone, had called Seoul.", "arrest", "caught", set()),
    ("A woman who had complained to police, fearing a fine, was detained in Musan.", "arrest", "detained", set()),
    ("He was questioned by security agents, then released, and later arrested again.", "arrest", "arrested", set()),
    ("Residents, tired of bribing police, avoided the market.", "crackdown", "avoided", set()),
])
def test_an_authority_named_before_a_clause_without_subject(text, etype, trigger, actors):
    assert _actors_of(text, etype, trigger) == actors


@pytest.mark.parametrize("text, trigger, actors", [
    # a body told or given an order does not issue it
    ("People's committees across the country were ordered to register private plots.", "ordered",
     {("peoples_committee", "recipient")}),
    ("Border guards have been instructed to shoot anyone approaching the river.", "instructed",
     {("border_guard", "recipient")}),
    ("Trading companies received orders to cut their staff by half.", "orders", {("trading_company", "recipient")}),
    ("The Central Committee of the Workers' Party sent a directive to all provincial party committees ordering them "
     "to hold lectures.", "directive", {("central_committee", "issuer"), ("party_committee", "recipient")}),
    # ... while one giving it does, whatever the word order
    ("The Ministry of Social Security ordered police stations to register all phones.", "ordered",
     {("mps", "issuer")}),
    ("Provincial party committees were told by the Central Committee to hold lectures.", "told",
     {("central_committee", "issuer"), ("party_committee", "recipient")}),
])
def test_the_body_given_an_order_is_no_issuer(text, trigger, actors):
    assert _actors_of(text, "directive", trigger) == actors


def _issuers_in_report(text):
    from nkevents.pipeline import extract
    doc = extract(text, published="2023-05-20")
    return {(e.type, a.id) for e in doc.events if e.type in ("directive", "policy") for a in e.actors if a.role == "issuer"}


@pytest.mark.parametrize("text, issuers", [
    # "He ordered ..." after a sentence about Kim Jong Un is his order
    ("Kim Jong Un inspected the flooded villages in Sinuiju on Monday. He ordered officials to rebuild 4,000 homes "
     "by October.", {("directive", "kim_jong_un")}),
    ("Leader Kim Jong Un toured a fertilizer plant last week. He also called for higher output before spring.",
     {("directive", "kim_jong_un")}),
    # not when the sentence before is about someone else, or only names him
    ("Kim Jong Un's uncle was purged in 2013. He had ordered officials to sell coal to China.", set()),
    ("A defector said Kim Jong Un was ill. He ordered officials to rebuild 4,000 homes by October.", set()),
])
def test_he_ordered_after_a_sentence_about_the_leader(text, issuers):
    assert _issuers_in_report(text) == issuers


@pytest.mark.parametrize("text, trigger, actors", [
    # Kim Yo Jong is not her brother
    ("Kim Jong Un's sister Kim Yo Jong ordered the demolition of the liaison office.", "ordered",
     {("kim_jong_un", "recipient"), ("other", "issuer")}),
    # the mention that gives the order names the issuer when a body is named twice
    ("At a Politburo meeting chaired by Kim Jong Un, the party decided to impose a lockdown on Kaesong.", "lockdown",
     {("central_committee", "issuer"), ("kim_jong_un", "recipient")}),
    ("North Korea's anti-epidemic authorities imposed a lockdown on Hyesan.", "lockdown", {("quarantine_hq", "issuer")}),
])
def test_issuers_named_more_than_once_or_alike(text, trigger, actors):
    assert _actors_of(text, "policy", trigger) == actors


def _authorities_in_report(text):
    from nkevents.pipeline import extract
    doc = extract(text, published="2023-05-20")
    return {(e.type, a.id) for e in doc.events if e.type in ("arrest", "crackdown") for a in e.actors if a.role == "authority"}


@pytest.mark.parametrize("text, authorities", [
    # an abbreviation stands for the body the report defines it after
    ("The Ministry of Social Security (MSS) began registering phones in Hyesan. The MSS arrested ten people last week.",
     {("arrest", "mps")}),
    ("The Ministry of State Security (MSS) began registering phones in Hyesan. The MSS arrested ten people last week.",
     {("arrest", "mss")}),
    ("The Ministry of People's Security (MPS) detained two brokers in Musan on Monday.", {("arrest", "mps")}),
    # undefined, it is read as usual
    ("The MSS arrested ten people in Hyesan last week.", {("arrest", "mss")}),
])
def test_abbreviations_the_report_defines(text, authorities):
    assert _authorities_in_report(text) == authorities


def test_the_radio_monitoring_bureau_is_state_security():
    assert _actors_of("A phone user in Hyesan was caught by agents of Bureau 27.", "arrest", "caught") == {("mss", "authority")}


@pytest.mark.parametrize("text, etype, trigger, actors", [
    # a body named among the people punished, or in their charge, is not the authority
    ("A police officer in Hyesan was arrested for taking bribes from smugglers.", "arrest", "arrested", set()),
    ("Two border guards were arrested for helping smugglers cross the river.", "arrest", "arrested", set()),
    ("A former MSS agent was reportedly executed for espionage.", "execution", "executed", set()),
    ("A cadre of the provincial party committee was arrested for embezzlement.", "arrest", "arrested", set()),
    ("A woman was arrested for bribing police officers to release her son.", "arrest", "arrested", set()),
    ("The defence minister was executed for disloyalty to leader Kim Jong Un.", "execution", "executed", set()),
    ("Three prosecutors were sentenced to labor camps for corruption.", "sentence", "sentenced", {("court", "authority")}),
    # ... while the agent of the passive, or a body acting, is
    ("A police officer was arrested by the MSS for taking bribes.", "arrest", "arrested", {("mss", "authority")}),
    ("The man was detained for questioning by state security agents.", "arrest", "detained", {("mss", "authority")}),
    ("The youth league's patrols are cracking down on dyed hair.", "crackdown", "cracking down", {("other", "authority")}),
    ("Police arrested a border guard for helping smugglers.", "arrest", "arrested", {("mps", "authority")}),
    ("Security agents were mobilized to arrest the smugglers.", "arrest", "arrest", {("mss", "authority")}),
    ("Police officers were ordered to arrest anyone selling rice.", "arrest", "arrest", {("mps", "authority")}),
    # British "MPs" are members of parliament, not the police
    ("MPs were told that the minister was executed in April.", "execution", "executed", set()),
    # nor one that the people acting only dress up as
    ("Five men dressed as police officers took him to the office of the secret police.", "arrest", "took",
     {("mss", "authority")}),
    ("Two men posing as security agents robbed a trader in Hyesan.", "crackdown", "robbed", set()),
])
def test_a_body_among_the_people_acted_on_is_no_authority(text, etype, trigger, actors):
    assert _actors_of(text, etype, trigger) == actors


def test_a_report_naming_the_police_only_among_those_arrested_gives_no_arrest_to_the_police():
    assert _authorities_in_report("A police officer in Hyesan was arrested last week for taking bribes from smugglers.") == set()
    assert _authorities_in_report("Police officers in Hyesan have stepped up patrols. Two smugglers were arrested on Monday.") == {
        ("crackdown", "mps"), ("arrest", "mps")}


@pytest.mark.parametrize("text, trigger, actors", [
    # a title set off after a body belongs to it and issues nothing
    ("Kim Jong Un, general secretary of the Workers' Party of Korea, ordered officials to rebuild the towns.", "ordered",
     {("kim_jong_un", "issuer"), ("central_committee", "recipient")}),
    ("Kim Jong Un, chairman of the State Affairs Commission, instructed the cabinet to raise grain supplies.",
     "instructed", {("kim_jong_un", "issuer"), ("other", "recipient"), ("cabinet", "recipient")}),
    # "by saying" names no agent
    ("Reporting the amnesty, the paper ended by saying the Cabinet will help former prisoners find work.", "amnesty",
     {("cabinet", "recipient")}),
    ("The amnesty was ordered by the Presidium of the Supreme People's Assembly.", "amnesty", {("other", "issuer")}),
])
def test_titles_and_reported_words_issue_nothing(text, trigger, actors):
    assert _actors_of(text, "policy", trigger) == actors


@pytest.mark.parametrize("text, trigger, actors", [
    # two bodies joined as the source of one order both issue it
    ("A joint directive from the MSS and the MPS ordered branches to register every phone.", "directive",
     {("mss", "issuer"), ("mps", "issuer")}),
    # two bodies joined as those who receive it do not
    ("The Central Committee ordered the MSS and the MPS to register every phone.", "ordered",
     {("central_committee", "issuer"), ("mss", "recipient"), ("mps", "recipient")}),
])
def test_bodies_joined_to_the_issuer(text, trigger, actors):
    assert _actors_of(text, "directive", trigger) == actors


@pytest.mark.parametrize("text, trigger, actors", [
    # a forced return is the act of the state that makes it (spec: forced repatriations by China, actor other)
    ("A group of 30 defectors caught in China were repatriated last week.", "repatriated", {("other", "authority")}),
    ("Russian authorities deported the two loggers to the North in May.", "deported", {("other", "authority")}),
    ("The woman was forcibly returned to North Korea after her arrest in Shenyang, China.", "returned",
     {("other", "authority")}),
    # a return of one's own accord, or with no foreign state in sight, has none
    ("The man secretly returned to North Korea from China to see his mother.", "returned", set()),
    ("A delegation was sent back to Pyongyang after the talks.", "sent back", set()),
    ("Party officials held a meeting on the harvest.", "meeting", {("party_committee", "participant")}),
])
def test_a_forced_return_is_the_foreign_states_act(text, trigger, actors):
    assert _actors_of(text, "other", trigger) == actors


@pytest.mark.parametrize("text, authorities", [
    # "They arrested ..." after a sentence whose subject is an enforcing body, even in a report naming several
    ("State security agents raided a house in Musan on May 2. They arrested a couple who had used a Chinese phone. "
     "Police later questioned the neighbors.", {("crackdown", "mss"), ("arrest", "mss")}),
    ("Police searched homes in Hyesan on Monday. The officers then arrested two smugglers. "
     "State security agents were also seen at the station.", {("crackdown", "mps"), ("arrest", "mps")}),
    # not when the body before is no subject, or "they" are others
    ("Residents complained about the MSS last year. They arrested nobody, a source said. Police were busy elsewhere.",
     set()),
    ("A source said the police had been bribed. They arrested two smugglers in Hyesan. The MSS later took over.",
     set()),
])
def test_they_after_a_sentence_about_an_enforcer(text, authorities):
    assert _authorities_in_report(text) == authorities


@pytest.mark.parametrize("text, authorities", [
    # an enforcer named among the people arrested is not the report's only enforcer
    ("Two men trying to flee to China, and a border guard who helped them, were arrested in Hyesan last week.", set()),
    ("A soldier of the border guard unit and his brother were detained in Musan on Monday.", set()),
    ("Three smugglers and two police officers who took their bribes were arrested in Sinuiju in May.", set()),
    # ... while one named elsewhere still is
    ("Border guards have stepped up patrols along the Yalu. Two men trying to flee to China were arrested in Hyesan "
     "last week.", {("crackdown", "border_guard"), ("arrest", "border_guard")}),
])
def test_an_enforcer_among_the_people_arrested(text, authorities):
    assert _authorities_in_report(text) == authorities


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


@pytest.mark.parametrize("text, trigger, count", [
    # people described by a participle or relative clause, "and" more people, then a plural verb: one subject
    ("Two men trying to flee to China, and a border guard who helped them, were arrested in Hyesan.", "arrested", 3),
    ("Two men who tried to flee and a border guard were arrested in Hyesan last week.", "arrested", 3),
    ("Four traders selling rice, and two managers who protected them, were detained in May.", "detained", 6),
    # not with a singular verb, a verb of their own, or at the first group's own conduct
    ("Two men trying to flee to China and a border guard was arrested in Hyesan.", "arrested", 1),
    ("Two men fled to China and a border guard was arrested in Hyesan last week.", "arrested", 1),
    ("Two men trying to flee to China, and a border guard who helped them, were arrested in Hyesan.", "trying", 2),
])
def test_a_described_group_and_another_are_one_subject(text, trigger, count):
    assert arguments.choose_subjects(text, (0, len(text)), text.index(trigger), [])[1] == count


@pytest.mark.parametrize("text, trigger, subjects", [
    # a name in the possessive after the trigger gave the order, it was not done to him
    ("The officials were executed on Kim's personal order in March.", "executed", ("The officials", None)),
    ("The two were shot on Kim Jong Un's orders.", "shot", ("The two", 2)),
    ("The court executed Jang Song Thaek in December.", "executed", ("Jang Song Thaek", 1)),
])
def test_a_name_in_the_possessive_is_no_subject(text, trigger, subjects):
    assert arguments.choose_subjects(text, (0, len(text)), text.index(trigger), []) == subjects


@pytest.mark.parametrize("text, authorities", [
    # a body placed abroad right after its name is a foreign authority, `other`
    ("Police in Dandong arrested three North Korean workers in March.", {("arrest", "other")}),
    ("Three defectors were arrested by public security officers in Yanji on March 4.", {("arrest", "other")}),
    # ... and no enforcer of the report for an arrest that names none
    ("Police in Shenyang have stepped up checks on North Korean workers. Three people were arrested in Hyesan "
     "last week.", {("crackdown", "other")}),
    ("The city public security bureau in Dandong detained four North Korean workers.", {("arrest", "other")}),
    # the North's own bodies placed at home stay theirs
    ("The provincial security bureau in Hyesan detained ten people in May.", {("arrest", "mss")}),
    ("The county security office arrested two brokers in Musan.", {("arrest", "mss")}),
    ("Police in Hyesan arrested three people in March.", {("arrest", "mps")}),
    ("Border guards in Hyesan detained two women crossing to Changbai on March 4.", {("arrest", "border_guard")}),
])
def test_a_body_placed_abroad_is_foreign(text, authorities):
    assert _authorities_in_report(text) == authorities


@pytest.mark.parametrize("text, authorities", [
    # an arrest told in the passive with no agent, after a sentence whose subject is enforcing bodies: theirs
    ("Officials from the MSS and the police searched homes in Hyesan on Monday. Five people were arrested.",
     {("crackdown", "mss"), ("crackdown", "mps"), ("arrest", "mss"), ("arrest", "mps")}),
    ("State security agents and border guards combed the riverbank near Musan. Three smugglers were detained.",
     {("arrest", "mss"), ("arrest", "border_guard")}),
    # not when the body before was itself acted on, is no subject, or the clause names its agent
    ("A police officer was arrested in Hyesan last year. Five traders were detained on Monday, and the MSS "
     "questioned them.", set()),
    ("Residents complained about the police and the MSS in Hyesan. Five people were arrested on Monday.", set()),
    ("Police and MSS agents searched homes in Hyesan. Five people were arrested by army officers.",
     {("crackdown", "mps"), ("crackdown", "mss"), ("arrest", "kpa")}),
])
def test_a_passive_arrest_after_a_sentence_about_enforcers(text, authorities):
    assert _authorities_in_report(text) == authorities


@pytest.mark.parametrize("text, etype, trigger, actors", [
    # a relative clause with an active verb is told of the body right before its pronoun
    ("The man was handed over to the MSS, which arrested his wife the next day.", "arrest", "arrested",
     {("mss", "authority")}),
    ("Residents fear the police, who have been raiding homes since February.", "crackdown", "raiding",
     {("mps", "authority")}),
    ("The regime acts through its youth league, which is now cracking down on dyed hair.", "crackdown",
     "cracking down", {("other", "authority")}),
    # not a passive relative clause (the body is acted on), nor a pronoun away from the body
    ("Smugglers bribed the border guards, who were arrested on Monday.", "arrest", "arrested", set()),
    ("A source close to the police, who asked not to be named, said three people were arrested.", "arrest",
     "arrested", set()),
    ("He met an officer of the MSS in a bar, which was raided on Monday.", "crackdown", "raided", set()),
])
def test_a_relative_clause_told_of_a_body(text, etype, trigger, actors):
    assert _actors_of(text, etype, trigger) == actors


@pytest.mark.parametrize("text, authorities", [
    # a body's building named as a landmark is no enforcer at work in the report
    ("Residents climb the hill behind the city police station to get a signal. State security agents now watch "
     "the hill. Many residents are afraid. Ten people were arrested in June.", {("arrest", "mss")}),
    ("Traders gather in the square in front of the county MSS building. Police raided the square in May. Prices "
     "rose. Ten vendors were detained.", {("crackdown", "mps"), ("arrest", "mps")}),
    # ... while a body named at work stays one of the report's enforcers
    ("The police station sent officers to the hill. State security agents also watch it. Residents are afraid. "
     "Ten people were arrested in June.", set()),
])
def test_a_body_named_as_a_landmark_is_no_enforcer_at_work(text, authorities):
    assert _authorities_in_report(text) == authorities


@pytest.mark.parametrize("text, etype, trigger, actors", [
    # a task force or inspection team named as a unit of an enforcing body: the body acts
    ("A task force under the Ministry of State Security arrested ten people.", "arrest", "arrested",
     {("mss", "authority")}),
    ("Inspection team members from the provincial police detained four students.", "arrest", "detained",
     {("mps", "authority")}),
    # ... not a standing group named beside a body, nor one sent by the party center
    ("The 109 group and the police detained ten people.", "arrest", "detained",
     {("inspection_group", "authority"), ("mps", "authority")}),
    ("A non-socialist inspection group from the Central Committee detained ten cadres.", "arrest", "detained",
     {("inspection_group", "authority"), ("central_committee", "authority")}),
])
def test_a_unit_of_an_enforcing_body(text, etype, trigger, actors):
    assert _actors_of(text, etype, trigger) == actors
