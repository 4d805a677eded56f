"""The trigger stage: which sentences report which kinds of event (sentences written for these tests)."""
import pytest

from nkevents.model import Document
from nkevents.stages import events


def types_of(sentence: str) -> set[str]:
    return set(events.find_triggers(sentence))


@pytest.mark.parametrize("sentence, expected", [
    ("Security agents arrested four women at the market in late March.", {"arrest"}),
    ("A firing squad executed two men in front of a crowd on Tuesday.", {"execution"}),
    ("The court sentenced the smugglers to 12 years in a reform-through-labor camp.", {"sentence"}),
    ("A public trial was held at the stadium for six people accused of theft.", {"trial"}),
    ("Rice cost 5,200 won per kilogram in the city's markets last week.", {"market"}),
    ("Several families starved to death in the village over the winter.", {"hardship"}),
    ("Students were mobilized for the rice-planting battle from early May.", {"mobilization"}),
    ("The provincial party committee issued instructions to local organizations.", {"directive"}),
    ("Authorities closed the border with China in January.", {"policy"}),
])
def test_each_type_has_a_trigger(sentence, expected):
    assert types_of(sentence) == expected


def test_sentenced_and_shot_is_one_execution():
    found = types_of("The authorities sentenced the three men to death and shot them on the spot.")
    assert "execution" in found and "sentence" not in found


def test_a_prison_term_beside_an_execution_is_a_sentence_too():
    found = types_of("Two men were executed and a third was sentenced to 15 years in prison.")
    assert {"execution", "sentence"} <= found


def test_threats_are_not_punishments():
    assert not {"execution", "sentence", "arrest"} & types_of(
        "Officials warned that anyone caught with a foreign phone will be executed.")


def test_general_statements_are_not_occurrences():
    assert "execution" not in types_of("Public executions are not rare in the border region.")


def test_conduct_that_is_only_a_charge_is_not_its_own_event():
    found = types_of("Police arrested a man for smuggling copper wire into China.")
    assert "arrest" in found and "prohibited_activity" not in found
    assert "prohibited_activity" in types_of("Smugglers have kept crossing the river at night despite the ban.")


@pytest.mark.parametrize("sentence", [
    "He tried to smuggle medicine across the river.",        # "tried to" is an attempt, not a trial
    "The ministry is in charge of the execution of the plan.",  # a plan is executed, nobody is
    "She placed the order in order to buy flour.",
])
def test_words_that_look_like_triggers(sentence):
    found = types_of(sentence)
    assert "trial" not in found and "execution" not in found and "directive" not in found


def test_run_writes_events_with_sentence_evidence_and_trigger():
    text = "Police arrested two brokers in March. Prices were stable."
    doc = Document(text=text, sentences=[(0, 37), (38, 58)])
    events.run(doc)
    assert [e.type for e in doc.events] == ["arrest"]
    ev = doc.events[0]
    assert ev.evidence == [(0, 37)]
    assert text[ev.trigger[0]:ev.trigger[1]] == "arrested"


def test_a_definite_noun_refers_back():
    text = "Police arrested two brokers. The arrest took place at night."
    doc = Document(text=text, sentences=[(0, 28), (29, len(text))])
    events.run(doc)
    assert [e.anaphoric for e in doc.events] == [False, True]


@pytest.mark.parametrize("sentence, not_expected", [
    ("The festival was held ahead of the 75th anniversary of the party's founding.", "other"),
    ("The emergency epidemic prevention headquarters issued new rules.", "hardship"),
    ("Kim made an on-site inspection of the new greenhouse farm.", "crackdown"),
    ("A defector who fled in 2016 said the practice is common.", "prohibited_activity"),
    ("Residents will be able to cross the border legally once trade resumes.", "prohibited_activity"),
    ("Families must use a state phone for the calls.", "prohibited_activity"),
])
def test_passing_mentions_are_not_events(sentence, not_expected):
    assert not_expected not in types_of(sentence)


@pytest.mark.parametrize("sentence, expected", [
    ("Residents marked the 80th anniversary of liberation with a mass rally.", "other"),
    ("A cholera outbreak killed dozens in the county.", "hardship"),
    ("State security agents raided homes in the district.", "crackdown"),
    ("Torrential rains flooded hundreds of homes in the county.", "hardship"),
    ("Several of them were sent to a labor-training camp for three months.", "sentence"),
    ("Their names were read out at a public criticism session.", "trial"),
    ("Officials in the county have received similar instructions.", "directive"),
])
def test_occurrences_of_the_same_words(sentence, expected):
    assert expected in types_of(sentence)


def test_cut_rations_are_hardship():
    assert "hardship" in types_of("Food rations for factory workers were cut in half in March.")


# Sentences written for these tests, one per class of wording the lexicons are meant to cover
# (several of them in phrasings the dev reports do not use).
@pytest.mark.parametrize("sentence, typ", [
    # policy: closures, lockdowns, quarantine, bans, restrictions, requirements, relief, amnesty
    ("The authorities shut down the jangmadang in three counties last week.", "policy"),
    ("Residents of Kimchaek were placed under a strict lockdown on Monday.", "policy"),
    ("The city was locked down after a fever case was found.", "policy"),
    ("People in the county have been told to stay indoors until further notice.", "policy"),
    ("Officials quarantined some 200 returnees at a hotel near the station.", "policy"),
    ("All traders arriving from Dandong must now undergo a 20-day quarantine.", "policy"),
    ("The government prohibited women under fifty from trading in the market.", "policy"),
    ("The state has restricted the operating hours of private stalls to two hours a day.", "policy"),
    ("Travellers were subject to stricter screening at the railway crossing.", "policy"),
    ("Authorities lifted the movement ban on the border city in early May.", "policy"),
    ("Freight trains between Sinuiju and Dandong resumed operation on Tuesday.", "policy"),
    ("The state will grant a special pardon to prisoners on the national holiday.", "policy"),
    ("Universities cancelled classes so that students could join the construction work.", "policy"),
    ("Officials have been reducing the number of stalls at the Sinuiju market since April.", "policy"),
    ("The regime is shrinking the size of the jangmadang in every district of the city.", "policy"),
    # directive: orders and documents, people told or warned, calls, lectures and meetings
    ("The provincial security bureau sent down an ordinance on foreign currency.", "directive"),
    ("Residents were told to report anyone who visits from another province.", "directive"),
    ("Kim Jong Un called for the thorough eradication of anti-socialist behaviour.", "directive"),
    ("The premier stressed the need to increase grain production this year.", "directive"),
    ("Neighbourhood unit meetings were held to warn families against phone calls abroad.", "directive"),
    ("Workers had to attend a study session on the new law every Saturday.", "directive"),
    ("Party cadres instructed factory managers to submit lists of absent workers.", "directive"),
    # market, hardship, mobilization, other
    ("At the Hyesan market, one Chinese yuan was trading at 1,250 won on Friday.", "market"),
    ("The price of corn has nearly doubled since the spring.", "market"),
    ("Power cuts have left most apartments in the city without heating.", "hardship"),
    ("Heavy rain destroyed some 1,200 houses and washed away two bridges.", "hardship"),
    ("Families in the village are eating porridge made from grass roots.", "hardship"),
    ("The state launched a 'Hundred-Day Battle' to finish the power station.", "mobilization"),
    ("Middle-school pupils were dispatched to collective farms for the transplanting season.", "mobilization"),
    ("The party convened an enlarged plenary meeting in the capital.", "other"),
    # prohibited activity reported as conduct
    ("Soldiers from the coastal unit have been stealing fuel and selling it.", "prohibited_activity"),
    ("More young people are secretly watching K-dramas on USB sticks.", "prohibited_activity"),
    ("Meth use has spread among students in the port city.", "prohibited_activity"),
])
def test_classes_of_wording(sentence, typ):
    assert typ in types_of(sentence)


@pytest.mark.parametrize("sentence, typ", [
    ("Amnesty International said the camps still hold about 120,000 people.", "policy"),
    ("The law bans the possession of foreign books.", "policy"),  # a standing ban, described
    ("Prosecutors began enforcing the ban on movement.", "policy"),  # enforcement, not a new ban
    ("The source told Daily NK to keep his name out of the story.", "directive"),
    ("The defector asked not to be named for safety reasons.", "directive"),
    ("Phone calls were made to relatives in Seoul.", "directive"),
    ("He was accused of leaking the price of rice to a reporter.", "market"),
    ("The death rate in the camps is unknown.", "market"),
    ("The company cut the size of its sales team in the city.", "policy"),  # not a place of trade
    ("Traders complained that the size of the market made it hard to find buyers.", "policy"),
])
def test_look_alikes_of_those_classes(sentence, typ):
    assert typ not in types_of(sentence)


def test_two_measures_in_one_sentence_are_two_policies():
    sentence = "The authorities closed the markets and banned travel between provinces."
    measures = [kind for _, kind in events.policy_triggers(sentence)]
    assert len(measures) == 2 and len(set(measures)) == 2


def test_one_measure_named_twice_is_one_policy():
    sentence = "The city was placed under lockdown, and residents had to stay indoors."
    assert [kind for _, kind in events.policy_triggers(sentence)] == ["lockdown"]


@pytest.mark.parametrize("sentence, kind", [
    ("Travel permits are no longer being issued to residents of the border towns.", "restriction"),
    ("Exit visas are no longer granted to workers.", "restriction"),
    ("Travel permits are no longer required for trips to the next county.", "lift"),
    ("A mask is no longer mandatory on public buses.", "lift"),
])
def test_no_longer_is_a_lift_only_of_a_requirement_or_ban(sentence, kind):
    assert [k for _, k in events.policy_triggers(sentence)] == [kind]


def test_a_sentence_detailing_a_known_measure_refers_back():
    text = "The state imposed a quarantine on arrivals. Under the measure, travellers will be kept in isolation for a month."
    doc = Document(text=text, sentences=[(0, 43), (44, len(text))])
    events.run(doc)
    assert [(e.type, e.anaphoric) for e in doc.events] == [("policy", False), ("policy", True)]


def test_what_is_not_known_to_have_happened_is_no_event():
    assert types_of("It is not known whether similar restrictions were imposed in other provinces.") == set()


@pytest.mark.parametrize("sentence, typ", [
    ("The three now have to serve 15 years of hard labour.", "sentence"),
    ("His wife and children were confined to a prison camp in the mountains.", "sentence"),
    ("The punishment handed to the brokers was expulsion from Pyongyang.", "sentence"),
    ("Residents were warned against hiding foreign currency.", "directive"),
    ("People were asked to report strangers to the neighbourhood unit.", "directive"),
])
def test_more_classes_of_wording(sentence, typ):
    assert typ in types_of(sentence)


@pytest.mark.parametrize("sentence, typ", [
    ("The officials were told the man had died in custody.", "directive"),         # told what happened
    ("Security agents told frightened residents, who had gathered, nothing.", "directive"),
    ("Authorities held public meetings to warn residents about foreign films.", "other"),  # a directive
    ("The laws were revised to strengthen control over the markets.", "crackdown"),  # a purpose
    ("His family is locked up in a prison camp.", "arrest"),                       # a sentence
])
def test_more_look_alikes(sentence, typ):
    assert typ not in types_of(sentence)


def test_a_noun_with_its_own_group_is_a_new_occurrence():
    sentence = "The news came weeks after the reported execution of 15 senior officials."
    trigger = events.find_triggers(sentence)["execution"]
    assert not events.is_anaphoric(sentence, trigger, "execution")


def _variants():
    from pathlib import Path
    path = Path(__file__).resolve().parents[1] / "fixtures" / "trigger_variants.txt"
    for line in path.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            typ, sentence = line.split("|", 1)
            yield typ, sentence


@pytest.mark.parametrize("typ, sentence", list(_variants()))
def test_wordings_of_each_class_are_read(typ, sentence):
    assert typ in types_of(sentence)


def _lookalikes():
    from pathlib import Path
    path = Path(__file__).resolve().parents[1] / "fixtures" / "trigger_lookalikes.txt"
    for line in path.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            typ, sentence = line.split("|", 1)
            yield typ, sentence


@pytest.mark.parametrize("typ, sentence", list(_lookalikes()))
def test_look_alike_wordings_are_not_read_as_the_class(typ, sentence):
    assert typ not in types_of(sentence)


@pytest.mark.parametrize("sentence, typ, expected", [
    ("At another trial the next day, two more men were sentenced.", "trial", True),
    ("One more person was executed the following day.", "execution", True),
    ("The trial was held at the stadium.", "trial", False),
])
def test_words_that_make_a_new_occurrence(sentence, typ, expected):
    trigger = events.find_triggers(sentence)[typ]
    assert events.is_new_occurrence(sentence, trigger) == expected


@pytest.mark.parametrize("sentence, arrest", [
    ("The people caught with foreign phones were sentenced to eleven years.", False),
    ("Smugglers arrested last year were executed in public.", False),
    ("Police arrested two men, who were sentenced to ten years.", True),
    ("Two men were arrested in May and later sentenced to ten years.", True),
])
def test_an_arrest_that_only_describes_the_punished_is_not_an_event_of_its_own(sentence, arrest):
    assert ("arrest" in types_of(sentence)) == arrest


def test_a_headline_further_down_is_another_storys():
    text = ("Police arrested two smugglers in Hyesan on Monday. The men were taken to the county office.\n\n"
            "Regime Executes Officials Over Flood Deaths")
    doc = Document(text=text, sentences=[(0, 50), (51, 92), (94, len(text))])
    events.run(doc)
    assert [e.type for e in doc.events] == ["arrest"]
    assert events.is_headline("N. Korea Executes Officials Over Flood Deaths")
    assert not events.is_headline("Two officials were executed over the flood deaths.")


@pytest.mark.parametrize("sentence, typ, expected", [
    ("Ten days after the act of smuggling took place, informants told the police.", "prohibited_activity", True),
    ("This case of defection shocked the county.", "prohibited_activity", True),
    ("The smuggling was discovered ten days later.", "prohibited_activity", True),
    ("The smuggling of copper wire into China has surged this spring.", "prohibited_activity", False),
    ("Smugglers carried copper wire across the river at night.", "prohibited_activity", False),
])
def test_a_definite_act_of_conduct_refers_back(sentence, typ, expected):
    trigger = events.find_triggers(sentence)[typ]
    assert events.is_anaphoric(sentence, trigger, typ) == expected
