"""Authority and issuer actors, third unseen round: bodies named through one of their units, a trigger
that runs on to the body's name, the party's provincial branches and military commission, the army's
supreme command, and the "82" command by its other names. Every sentence here is written for these tests."""
import pytest

from nkevents.model import Event
from nkevents.stages import arguments


def _actors_of(text, etype, trigger):
    at = text.index(trigger)
    ev = Event(type=etype, evidence=[(0, len(text))], trigger=(at, at + len(trigger)))
    return {(a.id, a.role) for a in arguments.choose_actors(text, (0, len(text)), ev, [])}


def _issuers(text, etype, trigger):
    return {i for i, role in _actors_of(text, etype, trigger) if role == "issuer"}


@pytest.mark.parametrize("text, trigger, issuers", [
    # a unit of the body between the source words and its name
    ("The closure of the market was ordered by the trade department of the city's people's committee.", "ordered",
     {"peoples_committee"}),
    ("The lectures were organized by the propaganda department of the provincial party committee.", "lectures",
     {"party_committee"}),
    ("Sales of corn were banned under the direction of the county people's committee.", "banned", {"peoples_committee"}),
    ("The mobilization order was issued in the name of the Supreme Command of the Korean People's Army.", "order",
     {"kpa"}),
    # the party's provincial branch is its provincial committee, not the party centre
    ("The provincial branch of the Workers' Party of Korea ordered every factory to hold study sessions.", "ordered",
     {"party_committee"}),
    ("County organizations of the WPK instructed members to report on their neighbours.", "instructed",
     {"party_committee"}),
    # the party's military commission under its full name is one body
    ("The Central Military Commission of the Workers' Party of Korea issued an instruction to repair the roads.",
     "instruction", {"other"}),
])
def test_issuer_named_through_a_unit_or_full_name(text, trigger, issuers):
    assert _issuers(text, "directive", trigger) == issuers


def test_trigger_running_on_to_the_body_name():
    text = "The raids followed an order early this year from the Ministry of State Security."
    trigger = "order early this year from the Ministry"
    assert _issuers(text, "directive", trigger) == {"mss"}


@pytest.mark.parametrize("text, trigger", [
    # the body an order is about is no issuer of it
    ("There are instructions to finish the inspection of the Ministry of State Security before April.", "instructions to"),
    ("Orders to speed up the audit of the provincial party committee arrived last week.", "Orders to"),
    # a unit named without "by" or "in the name of" gives no order
    ("Officials from the trade department of the city people's committee were told to attend the lecture.", "told to"),
])
def test_body_acted_on_or_told_is_no_issuer(text, trigger):
    assert _issuers(text, "directive", trigger) == set()


@pytest.mark.parametrize("text, trigger, actors", [
    ('The central government ordered "Unified Command 82" to step up its crackdown on foreign films.', "crackdown",
     {("inspection_group", "authority")}),
    ("Agents of the 82 United Command raided homes in Sinuiju.", "raided", {("inspection_group", "authority")}),
])
def test_the_82_command_by_its_other_names(text, trigger, actors):
    assert _actors_of(text, "crackdown", trigger) == actors


def test_foreign_supreme_command_is_not_the_army():
    text = "The American Supreme Command ordered the exercise to go ahead."
    assert "kpa" not in _issuers(text, "directive", "ordered")


@pytest.mark.parametrize("text, trigger, actors", [
    # the body told to act is the authority, not the one that told it
    ("The Central Committee ordered the police to launch a crackdown on drug dealers.", "crackdown",
     {("mps", "authority")}),
    ("Provincial party officials instructed state security agents to arrest anyone using Chinese phones.", "arrest",
     {("mss", "authority")}),
    # look-alike: two bodies acting together are both the authority
    ("The MSS and the police arrested five smugglers in Hyesan.", "arrested", {("mss", "authority"), ("mps", "authority")}),
])
def test_body_ordering_another_is_not_the_authority(text, trigger, actors):
    etype = "arrest" if "arrest" in trigger else "crackdown"
    assert _actors_of(text, etype, trigger) == actors


def _extract(text):
    from nkevents.pipeline import run_stages
    from nkevents.stages.read import from_fields
    return run_stages(from_fields(text=text, published="2023-05-10")).to_json()["events"]


def _issuers_by_type(text, etype):
    return [{a["id"] for a in e["actors"] if a["role"] == "issuer"} for e in _extract(text) if e["type"] == etype]


def test_body_referred_back_to_by_its_head_noun():
    text = ("The city party committee met on Monday to discuss the harvest. "
            "The committee then ordered all students to help on the farms.")
    assert {"party_committee"} in _issuers_by_type(text, "directive")
    text = ("The Ministry of Social Security has been tightening control over residents. "
            "Last week the ministry banned the sale of bicycles in Hyesan.")
    assert _issuers_by_type(text, "policy") == [{"mps"}]


def test_head_noun_last_used_by_no_body_of_ours_is_not_resolved():
    # "committee" last named a U.N. committee: no body of the North's is referred to
    text = ("The party committee held a meeting in Hyesan. A U.N. committee criticised the North. "
            "The committee ordered an inquiry into the camps.")
    assert _issuers_by_type(text, "directive") == [set()]


def test_body_opening_the_trigger_words_is_the_issuer():
    text = "Permission to trade in markets is at the core of the new Party directives."
    assert _issuers_by_type(text, "directive") == [{"central_committee"}]


@pytest.mark.parametrize("text, trigger, actors", [
    # the border guards by what they do or where they stand
    ("Frontier troops caught a woman wading across the Tumen near Musan.", "caught", {("border_guard", "authority")}),
    ("Soldiers guarding the river detained two smugglers at dawn.", "detained", {("border_guard", "authority")}),
    ("The coast guard seized a fishing boat and detained its crew of five.", "detained", {("border_guard", "authority")}),
    # look-alikes: other countries' coast guards and officials are `other`
    ("The Japan Coast Guard detained the crew of a North Korean boat.", "detained", {("other", "authority")}),
    ("Chinese officials detained three North Korean women in Yanji.", "detained", {("other", "authority")}),
    ("Chinese border troops arrested a defector near Tumen city.", "arrested", {("other", "authority")}),
    # mass organisations patrolling the streets
    ("Members of the county Youth Alliance caught students wearing jeans.", "caught", {("other", "authority")}),
    ("Worker-Peasant Red Guards detained people out after the curfew.", "detained", {("other", "authority")}),
])
def test_enforcers_named_by_other_words(text, trigger, actors):
    assert _actors_of(text, "arrest", trigger) == actors


def test_body_whose_orders_are_followed_is_not_the_issuer_of_the_new_order():
    text = "Following Kim Jong Un's orders, the Central Committee sent down a directive banning grain sales in markets."
    assert _issuers(text, "directive", "directive") == {"central_committee"}
    # look-alike: the leader's own order stays his
    text = "Kim Jong Un ordered the Central Committee to ban grain sales in markets."
    assert _issuers(text, "directive", "ordered") == {"kim_jong_un"}


@pytest.mark.parametrize("text, trigger, actors", [
    ("Soldiers from a nearby unit arrested two women who were crossing the river.", "arrested", {("kpa", "authority")}),
    ("Troops stationed in the area detained a man carrying a Chinese phone.", "detained", {("kpa", "authority")}),
    # look-alikes: soldiers acted on, or caught in the act
    ("Two soldiers were arrested for deserting their unit.", "arrested", set()),
    ("Soldiers caught stealing corn from a farm were sent to a labor camp.", "caught", set()),
    ("Police arrested soldiers who had sold army fuel.", "arrested", {("mps", "authority")}),
])
def test_soldiers_as_the_agents_of_an_arrest(text, trigger, actors):
    assert _actors_of(text, "arrest", trigger) == actors


@pytest.mark.parametrize("text, trigger, actors", [
    # police and armed forces of more countries are `other`, not the North's
    ("Malaysian police arrested two women over the killing at the airport.", "arrested", {("other", "authority")}),
    ("Indonesian police detained a North Korean worker in Jakarta.", "detained", {("other", "authority")}),
    ("The South Korean navy seized a North Korean boat and detained its crew.", "detained", {("other", "authority")}),
    # picket squads of the youth league
    ("Picket squads detained young people wearing jeans in Pyongsong.", "detained", {("other", "authority")}),
])
def test_more_foreign_and_mass_organisation_bodies(text, trigger, actors):
    assert _actors_of(text, "arrest", trigger) == actors


@pytest.mark.parametrize("text, trigger, issuers", [
    # the object of an active verb is not the one that orders
    ("Authorities reinforced frontier guard units with special forces ordered to shoot anyone crossing the river.",
     "ordered to", set()),
    # look-alikes: a verb of telling or an honorific before the body leaves it the issuer
    ("A source reported the provincial party committee ordered all units to prepare flood supplies.", "ordered",
     {"party_committee"}),
    ("The respected Marshal Kim Jong Un, visiting the flooded county, issued an order to rebuild the homes by October.",
     "order", {"kim_jong_un"}),
])
def test_body_object_of_a_verb_is_no_issuer(text, trigger, issuers):
    assert _issuers(text, "directive", trigger) == issuers


@pytest.mark.parametrize("text, etype, trigger, ids", [
    # what rumours or criticism are about is no authority or issuer
    ("Rumors surrounding Kim Jong Un have been spreading and the crackdown has intensified.", "crackdown", "crackdown",
     set()),
    ("Complaints about the police were met with a crackdown on gatherings in the market.", "crackdown", "crackdown", set()),
    ("Authorities issued a ban on rumours about Kim Jong Un's health.", "policy", "ban", set()),
    # look-alike: the body acting on such talk is still the authority
    ("State security agents arrested two women for spreading rumors about the leader.", "arrest", "arrested", {"mss"}),
])
def test_body_talked_of_is_not_acting(text, etype, trigger, ids):
    assert {i for i, role in _actors_of(text, etype, trigger) if role in ("authority", "issuer")} == ids


def test_order_in_a_report_naming_one_organ_is_that_organs():
    text = ("The provincial party committee has been pressing factories to meet their quotas, a source said. "
            "Residents were told to hand in scrap metal by the end of the month.")
    assert _issuers_by_type(text, "directive") == [{"party_committee"}]


@pytest.mark.parametrize("text", [
    # police named once are among the enforcers, not the source of the order
    "Residents were told to register with their inminban by the end of the year. Police will check every house.",
    # the leader named in passing is not the issuer
    "Residents were told to hand in scrap metal by the end of the month, ahead of Kim Jong Un's birthday.",
    # two bodies named: no telling which gave the order
    "The party committee and the people's committee met on Monday. Residents were told to hand in scrap metal.",
])
def test_order_in_a_report_naming_no_single_organ_gets_no_issuer(text):
    assert _issuers_by_type(text, "directive") == [set()]


def test_measure_in_a_report_naming_one_organ_is_that_organs():
    text = ("North Korea will let its citizens abroad return home but will require a week of quarantine. "
            "The country has decided to adjust its anti-epidemic level, according to the State Emergency Epidemic "
            "Prevention Headquarters.")
    assert {"quarantine_hq"} in _issuers_by_type(text, "policy")
