"""Issue 10: measures, orders and mobilizations as unseen reports word them (sentences written for
nkevents, not taken from any report), with the look-alikes that must not become those events."""
import pytest

from nkevents.pipeline import extract

POLICY_SIDE = {"policy", "directive", "mobilization", "crackdown"}
PUNISHMENTS = {"sentence", "execution", "arrest"}


def _events(text: str) -> list:
    return extract(text, published="2023-05-10").events


def _types(text: str) -> list[str]:
    return [e.type for e in _events(text)]


@pytest.mark.parametrize("text", [
    "Serious violators of the proclamation's orders face execution and life imprisonment.",
    "Residents who leave home during the lockdown face a fine of 50,000 won.",
    "Under the new rule, traders who sell rice above the state price will have their goods confiscated and pay a fine.",
    "Anyone who crosses the border without permission faces execution, the order states.",
    "Offenders face up to five years of reform through labor.",
    "Violators will be fined 50,000 won, according to the notice.",
])
def test_the_penalty_a_measure_sets_for_violators_is_no_punishment_given(text):
    assert not set(_types(text)) & PUNISHMENTS


@pytest.mark.parametrize("text, etype", [
    ("Two traders were fined 300,000 won each for selling Chinese goods last week.", "sentence"),
    ("Three smugglers who were caught in March were sentenced to 10 years in prison last week.", "sentence"),
    ("Two smugglers face execution after being caught in Hyesan last week.", "execution"),
])
def test_a_punishment_of_a_named_group_stays(text, etype):
    assert etype in _types(text)


def test_several_mobilizations_in_one_report_are_separate_events():
    text = ("In April, students in Hyesan were mobilized for tree planting. "
            "In June, factory workers were sent to the farms in Unhung county to help with weeding.")
    assert _types(text).count("mobilization") == 2


def test_a_measure_named_without_its_kind_does_not_swallow_the_measures_after_it():
    text = ("A state of emergency remains in effect in the province. "
            "Officials have banned residents from travelling to the border areas. "
            "Authorities are also requiring temperature checks before every trip. "
            "The authorities locked down two counties last week.")
    assert _types(text).count("policy") >= 3


@pytest.mark.parametrize("text, modality", [
    ("Authorities in Hyesan are considering closing the market for a month, a source said.", "planned"),
    ("The provincial authorities are weighing a ban on private bus services.", "planned"),
    ("The state will allow workers stranded in China to return next month, a source said.", "planned"),
    ("North Korea resumed flights to Vladivostok last week.", "asserted"),
    ("Residents of Sinuiju were barred from leaving the city after a fever outbreak last week.", "asserted"),
    ("Since early March nobody in Hyesan is allowed to go out of their homes, a source said.", "asserted"),
])
def test_measures_in_force_planned_and_lifted(text, modality):
    assert any(e.type == "policy" and e.modality == modality for e in _events(text))


@pytest.mark.parametrize("text", [
    "The UN Security Council imposed new sanctions on North Korea in December.",
    "The United States sanctioned three North Korean trading companies on Tuesday.",
    "The U.S. Treasury Department imposed sanctions on two North Korean officials over forced labor.",
    "The European Union added eight North Korean individuals to its sanctions list on Monday.",
])
def test_foreign_sanctions_are_no_measure_or_crackdown_of_the_state(text):
    assert not set(_types(text)) & POLICY_SIDE


def test_a_committee_decision_is_a_directive_with_its_issuer():
    events = _events("The provincial people's committee decided to close private eateries in Hamhung.")
    directives = [e for e in events if e.type == "directive"]
    assert directives and any(a.id == "peoples_committee" and a.role == "issuer" for a in directives[0].actors)


def test_a_campaign_announced_and_then_under_way_is_one_mobilization():
    text = ("The regime is set to deploy 100,000 people to North Hamgyong Province for flood recovery. "
            "Factories in North Hamgyong Province are now selecting the workers to be mobilized.")
    assert _types(text).count("mobilization") == 1


def _dates(text: str, etype: str) -> list:
    return [e.date.date_start if e.date else None for e in _events(text) if e.type == etype]


@pytest.mark.parametrize("text, etype", [
    ("As in 2017, the authorities banned all private bus services in Hyesan.", "policy"),
    ("The border was sealed again, just as in January 2020, a source said.", "policy"),
    ("Similar to the 2020 lockdown, residents of Sinuiju were barred from leaving their homes.", "policy"),
    ("The authorities closed the market in Hyesan, as they did in 2017.", "policy"),
    ("Students were mobilized for the harvest, much like in 2019.", "mobilization"),
])
def test_a_date_of_comparison_is_not_the_event_date(text, etype):
    assert _dates(text, etype) == [None]


@pytest.mark.parametrize("text, etype, start", [
    ("As of Jan. 16, 2021, a state of emergency remains in effect in the province.", "policy", "2021-01-16"),
    ("The market in Hyesan was closed as early as March 2021.", "policy", "2021-03"),
    ("As in previous years, students were mobilized for rice planting in May 2022.", "mobilization", "2022-05"),
    ("The authorities closed the market in Hyesan in March 2021, earlier than expected.", "policy", "2021-03"),
])
def test_dates_near_a_comparison_word_still_date_the_event(text, etype, start):
    assert any(d and d.startswith(start) for d in _dates(text, etype))


def test_the_campaign_compared_with_is_no_occurrence():
    types = _types("Like the crackdown of 2016, the new lockdown in Hyesan began without warning.")
    assert "crackdown" not in types and "policy" in types


def _with(text: str, etype: str, published: str = "2020-07-26") -> list:
    return [e for e in extract(text, published=published).events if e.type == etype]


def test_an_order_after_the_meeting_takes_the_meeting_day_not_a_backstory_date():
    text = ("At the meeting held on Saturday, the leader said the city was sealed off after a man "
            "returned to the border city on July 19 with a fever. "
            "He also instructed officials to tighten discipline.")
    orders = _with(text, "directive")
    assert orders and orders[0].date is not None and orders[0].date.date_start == "2020-07-25"


def test_the_only_date_still_sets_the_story_even_in_a_backstory_clause():
    text = ("The market was closed after a vendor fell ill on July 19. "
            "Officials also told residents to stay home.")
    orders = _with(text, "directive")
    assert orders and orders[0].date is not None and orders[0].date.date_start == "2020-07-19"


def test_a_quoted_measure_is_read():
    text = 'The leader said he took "the preemptive measure of totally blocking the city" on Friday.'
    assert _with(text, "policy")


@pytest.mark.parametrize("text, kept", [
    ("The state sealed off Kaesong after a runaway crossed the military demarcation line on July 19.", True),
    ("Residents were given the following warning against smuggling at inminban meetings.", False),
    ("Authorities ordered residents not to smuggle goods across the river.", False),
])
def test_conduct_that_caused_a_measure_is_told_on_its_own(text, kept):
    assert bool(_with(text, "prohibited_activity")) == kept


@pytest.mark.parametrize("text, modality, measure", [
    ("Nobody can enter or leave the city, a source in Hyesan said.", "asserted", "lockdown"),
    ("Residents have not been allowed to leave since Monday.", "asserted", "restriction"),
    ("The state has not allowed the markets to reopen.", "asserted", "restriction"),
    ("Since early March nobody in Hyesan is allowed to go out of their homes.", "asserted", "restriction"),
    ("Traders are no longer allowed to sell rice.", "asserted", "restriction"),
    ("The state allowed the markets to reopen on Monday.", "asserted", "lift"),
    ("The authorities did not close the market this year.", "negated", "closure"),
])
def test_a_permission_denied_is_a_ban_in_force(text, modality, measure):
    policies = [e for e in _events(text) if e.type == "policy"]
    assert policies and (policies[0].modality, policies[0].measure) == (modality, measure)


@pytest.mark.parametrize("text, start, end", [
    ("In October of last year, authorities announced a ban on the sale of grain.", "2008-10-01", "2008-10-31"),
    ("In October last year, the authorities banned the sale of grain.", "2008-10-01", "2008-10-31"),
    ("In March this year the market in Hyesan was closed.", "2009-03-01", "2009-03-31"),
    ("In late October of last year, authorities banned grain sales.", "2008-10-01", "2008-10-31"),
])
def test_a_month_of_last_or_this_year_is_that_month(text, start, end):
    policies = _with(text, "policy", published="2009-03-22")
    assert policies and (policies[0].date.date_start, policies[0].date.date_end) == (start, end)


def test_conduct_told_as_not_done_is_no_event():
    text = ("Border residents were forced to sign oaths. "
            "The oaths pledge never to use foreign-made mobile phones.")
    assert "prohibited_activity" not in _types(text) and "directive" in _types(text)


@pytest.mark.parametrize("text, modality", [
    ("The committee has been preparing for flood damage since last week by mobilizing factory workers to dig ditches.", "asserted"),
    ("The province is preparing for the rice planting battle.", "planned"),
])
def test_a_mobilization_that_is_the_means_of_preparing_is_under_way(text, modality):
    assert [e.modality for e in _with(text, "mobilization", published="2023-07-19")] == [modality]


@pytest.mark.parametrize("text, modality", [
    ("North Korea mulls reopening the border to Chinese traders.", "planned"),
    ("Officials have discussed closing the Sunam market during the planting season.", "planned"),
    ("The authorities are looking into restricting travel to the border area.", "planned"),
    ("The authorities closed the Sunam market after discussing the matter with the police.", "asserted"),
])
def test_a_measure_weighed_by_its_verb_is_planned(text, modality):
    assert [e.modality for e in _events(text) if e.type == "policy"] == [modality]


def test_the_far_end_of_a_measure_is_not_its_date():
    text = ("The city was locked down on Wednesday. "
            "The order requires residents to stay in their homes until Sunday.")
    dates = {e.date.date_start for e in _with(text, "policy", published="2023-01-25") if e.date}
    assert "2023-01-22" not in dates and "2023-01-25" in dates


# Round 2 of unseen pages: wordings of each class (sentences written for these tests).
@pytest.mark.parametrize("text, typ", [
    # a foreign state named as what a place borders is not the subject of the order
    ("Police in the provinces bordering Russia and China have begun urging residents to hand in their phones.", "directive"),
    ("Guards along China have been told to shoot anyone crossing the river.", "directive"),
    # the order, when it came, then who gave it
    ("The searches follow an order early this month from the Ministry of Social Security.", "directive"),
    ("Raids resumed after instructions in late March from the provincial party committee.", "directive"),
    # loyalty examined
    ("The security ministry is conducting ideological examinations of returning workers.", "crackdown"),
    ("All cadres in the county are undergoing a loyalty review.", "crackdown"),
    # measures said to be in force, emergencies declared, rewards for informing
    ("Strict countermeasures against the virus have been in effect since early May.", "policy"),
    ("The politburo met on Sunday to declare an emergency over the outbreak.", "policy"),
    ("The police announced they would start paying rewards to residents who report smugglers.", "policy"),
    # deaths, and the lack of food told after them
    ("Four villagers died in the hamlet last month after the farm handed out only a bag of corn per family.", "hardship"),
])
def test_round_two_wordings_of_each_class(text, typ):
    assert typ in _types(text)


@pytest.mark.parametrize("text, typ", [
    # a foreign state that is the subject still takes the order as its own
    ("China has begun urging North Korean workers to leave its factories.", "directive"),
    # an order of another kind, and an examination of no one's loyalty
    ("The shop filled orders last week from customers in Pyongyang.", "directive"),
    ("Students sat the entrance examinations in March.", "crackdown"),
    ("Two soldiers died in a traffic accident while the truck was carrying rice to the front.", "hardship"),
    # an emergency plan or aid issued is no measure put in force
    ("The central government issued an emergency plan for disaster supplies.", "policy"),
    ("The committee issued emergency supplies to the flooded villages.", "policy"),
])
def test_round_two_look_alikes(text, typ):
    assert typ not in _types(text)


@pytest.mark.parametrize("text", [
    "A new slogan is being used to uproot the breeding grounds for anti-socialist activities in the province.",
    "The drive aims to stamp out non-socialist practices among the young.",
])
def test_behavior_a_campaign_means_to_uproot_is_no_reported_conduct(text):
    assert "prohibited_activity" not in _types(text)


def test_behavior_reported_as_done_is_still_conduct():
    assert "prohibited_activity" in _types("Young people in Hyesan have taken up anti-socialist behavior such as dancing to South Korean songs.")


@pytest.mark.parametrize("text, typ, told", [
    # a warning or rule announced to people at large is an order; what it threatens is no conduct
    ("Last week the ministry announced that anyone caught selling copper near the border will be sent to a labor camp.", "directive", True),
    ("Officials announced that those who were hurt in the blast had been treated.", "directive", False),
    # an emergency notice is the order's document, not a measure of its own
    ("Police in Hoeryong issued an emergency notice saying residents must stay away from the river.", "policy", False),
    # banned styles worn are what a crackdown targets, not a ban put in force
    ("Youth patrols stopped young people wearing banned hairstyles in the market.", "policy", False),
    # a rate told with a modal
    ("Last week 100 yuan could be bought for 39,000 won in Hyesan.", "market", True),
])
def test_round_two_second_batch(text, typ, told):
    types = _types(text)
    assert (typ in types) == told
    if typ == "directive" and told:
        assert "prohibited_activity" not in types


@pytest.mark.parametrize("text, typ, told", [
    # power cut or diverted by a decision is a measure; by a storm, a hardship
    ("The county announced it will cut electricity to apartments for a month to power the irrigation pumps.", "policy", True),
    ("Officials said household power would be redirected to the steel works until the end of the year.", "policy", True),
    ("The storm cut power to 2,000 homes in Rason.", "policy", False),
    # the supply named with those it no longer reaches, and power no longer supplied at all
    ("The water supply to apartments in the eastern districts has been cut off since March.", "hardship", True),
    ("There is no electricity at all being supplied to the villages.", "hardship", True),
    # power sent to the farms is no workforce sent there; office workers are
    ("Household power would be diverted to farms until early June.", "mobilization", False),
    ("Office workers were diverted to farms for the planting.", "mobilization", True),
    # people at large allowed now; one man's visit is no permission
    ("Traders can now travel to Pyongyang with only their identity cards.", "policy", True),
    ("He can now visit his mother in the hospital.", "policy", False),
])
def test_round_two_third_batch(text, typ, told):
    assert (typ in _types(text)) == told


@pytest.mark.parametrize("text, typ, told", [
    # a dateline's city before a dash is not the subject of the crackdown
    ("SEOUL - North Korea is clamping down on the use of foreign slang in Pyongyang.", "crackdown", True),
    ("Seoul has cracked down on leaflet launches near the border.", "crackdown", False),
    # legislation adopted is a measure
    ("The assembly adopted new legislation punishing the use of foreign words.", "policy", True),
    # officials who oversaw the issuing of plates are no measure
    ("The committees summoned those who oversaw the issuance of license plates at state agencies.", "policy", False),
])
def test_round_two_fourth_batch(text, typ, told):
    assert (typ in _types(text)) == told


@pytest.mark.parametrize("text, typ, told", [
    # agents sent out to catch people are an operation; agents sent to buy goods are not
    ("Agents have been dispatched to the coast to round up unregistered residents.", "crackdown", True),
    ("Trade agents were sent to Dandong to buy fertilizer.", "crackdown", False),
    # going out limited is a measure
    ("The police bureau told residents to restrict outdoor activities after 7 p.m.", "policy", True),
])
def test_round_two_fifth_batch(text, typ, told):
    assert (typ in _types(text)) == told


def _start(text: str, etype: str) -> list:
    return [e.date.date_start if e.date else None for e in extract(text, published="2021-01-25").events if e.type == etype]


@pytest.mark.parametrize("text, etype, start", [
    # the day the source told of it, said first and then who told it: not the measure's day
    ("On Jan. 23, a source in North Hamgyong Province reported that local offices had posted new quarantine rules.",
     "policy", None),
    ("On Jan. 20, a Daily NK source said that the authorities banned the sale of rice.", "policy", None),
    # look-alikes: the day of the occurrence itself, the source told after it
    ("On Jan. 20, the authorities in Hyesan banned the sale of rice, a source said.", "policy", "2021-01-20"),
    ("On Jan. 20, a source in Hyesan was arrested for selling phones.", "arrest", "2021-01-20"),
])
def test_the_day_a_source_told_of_a_measure_is_not_its_date(text, etype, start):
    assert _start(text, etype) == [start]


def _policies(text: str) -> list:
    return [(e.measure, e.date.date_start if e.date else None) for e in _events(text) if e.type == "policy"]


@pytest.mark.parametrize("text, expected", [
    # a known measure told as extended: the same measure, with the day it was put in force
    ("The authorities locked down Hyesan on April 2. On April 20, they extended the lockdown by another two weeks.",
     [("lockdown", "2023-04-02")]),
    ("Markets in Sinuiju were closed on March 1. Officials have since prolonged the closure until further notice.",
     [("closure", "2023-03-01")]),
    # look-alikes: another measure extended is a measure of its own; an extension told alone stands
    ("The authorities locked down Hyesan on April 2. On April 20, they extended the ban on travel to Chongjin.",
     [("lockdown", "2023-04-02"), ("restriction", "2023-04-20")]),
    ("On April 20, the authorities extended the lockdown of Hyesan by two weeks.", [("lockdown", "2023-04-20")]),
])
def test_a_measure_told_as_extended_is_the_known_measure(text, expected):
    assert _policies(text) == expected
