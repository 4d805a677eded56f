"""Actors and subject counts in the wording of outlets other than the dev reports: the names of the
bodies in wire copy, Seoul papers and NGO reports, and counts told in words, groups and appositions.
Every sentence here is written for these tests."""
import pytest

from nkevents.model import Event
from nkevents.stages import arguments


def _actors_of(text, etype, trigger):
    at = text.index(trigger)
    ev = Event(type=etype, evidence=[(0, len(text))], trigger=(at, at + len(trigger)))
    return {(a.id, a.role) for a in arguments.choose_actors(text, (0, len(text)), ev, [])}


@pytest.mark.parametrize("text, etype, trigger, actors", [
    # the army named by the country's possessive or adjective, and its own security command
    ("North Korea's military detained a South Korean fisherman in the Yellow Sea.", "arrest", "detained",
     {("kpa", "authority")}),
    ("The North Korean military arrested two soldiers for desertion near Kaesong.", "arrest", "arrested",
     {("kpa", "authority")}),
    ("The North's armed forces detained a crew of fishermen last week.", "arrest", "detained", {("kpa", "authority")}),
    ("Military security officers arrested a colonel in Pyongyang for corruption.", "arrest", "arrested",
     {("kpa", "authority")}),
    # the border guards' own command is not the leader's guard command; hyphenated compounds
    ("Troops from the Border Guard Command detained three people trying to flee.", "arrest", "detained",
     {("border_guard", "authority")}),
    ("Border-guards caught a woman wading across the Tumen.", "arrest", "caught", {("border_guard", "authority")}),
    ("The Supreme Guard Command arrested two officers.", "arrest", "arrested", {("kpa", "authority")}),
    # the Ministry of Social Security as MoSS
    ("The MoSS arrested four people in Hyesan for selling drugs.", "arrest", "arrested", {("mps", "authority")}),
    # the party by its other English name
    ("The Korean Workers' Party ordered all members to study the new law.", "directive", "ordered",
     {("central_committee", "issuer")}),
    ("The KWP issued instructions to hold lectures in every factory.", "directive", "instructions",
     {("central_committee", "issuer")}),
    ("Counter-intelligence agents arrested a man accused of spying in Sinuiju.", "arrest", "arrested",
     {("mss", "authority")}),
])
def test_bodies_named_in_other_outlets_wording(text, etype, trigger, actors):
    assert _actors_of(text, etype, trigger) == actors


@pytest.mark.parametrize("text, etype, trigger, actors", [
    # a foreign army or military court is not the North's
    ("A South Korean military court sentenced a soldier to two years in prison.", "sentence", "sentenced",
     {("other", "authority")}),
    ("The South Korean army detained a North Korean soldier who crossed the border.", "arrest", "detained",
     {("other", "authority")}),
    # the party's members or a provincial branch acted on are not the authority
    ("A Korean Workers' Party member was arrested in Hyesan for bribery.", "arrest", "arrested", set()),
    ("Three border guards were arrested for taking bribes from smugglers.", "arrest", "arrested", set()),
    # "military" as a word of the charge or a place names no body
    ("Two men were arrested for selling military fuel near Kaesong.", "arrest", "arrested", set()),
    ("He was detained near a military base in Hamhung.", "arrest", "detained", set()),
    # "moss" is no ministry
    ("Moss covered the walls of the cell where two women were detained.", "arrest", "detained", set()),
    # a provincial party committee is not the party center
    ("The KWP provincial committee ordered farms to hand over grain.", "directive", "ordered",
     {("party_committee", "issuer")}),
])
def test_look_alikes_that_name_no_such_body(text, etype, trigger, actors):
    assert _actors_of(text, etype, trigger) == actors


def _count(text):
    from nkevents.stages import events
    found = events.find_triggers(text)
    at = min(m.start() for m in found.values()) if found else len(text) // 2
    return arguments.choose_subjects(text, (0, len(text)), at, [])[1]


@pytest.mark.parametrize("text, count", [
    # "a dozen" is a stated number like "about 80"; "dozens of" stays vague
    ("Police arrested a dozen traders in Hyesan for smuggling.", 12),
    ("Around a dozen smugglers were detained in Musan.", 12),
    ("Dozens of vendors were detained at the market.", None),
    # a number with "or so"
    ("Ten or so students were arrested for wearing short skirts.", 10),
    ("Some 30 or so residents were mobilized to repair the dike.", 30),
    # a family counted by its size, with no noun after the number
    ("Border guards caught a family of four trying to cross the river.", 4),
    ("Police arrested a family of five in Hyesan.", 5),
    ("A family of three was sent to a remote village.", 3),
    ("The family was banished to the countryside.", None),
    # a number with no noun right after a punishing verb
    ("Police arrested three in Hyesan for smuggling.", 3),
    ("The court sentenced two on Monday for selling drugs.", 2),
    ("Agents detained 30, including several teenagers.", 30),
    # a part of someone's people: "two of his students"
    ("Agents arrested a teacher and two of his students for sharing a film.", 3),
    ("One of her sons was detained at the border.", 1),
    # a group, then its members set off by commas: the group's number
    ("Police arrested nine people, six men and three women, in Hyesan.", 9),
    ("Five smugglers, three men and two women, were executed.", 5),
    # ... but a list of people is summed
    ("Three men, two women and a teenager were tried.", 6),
    ("Police arrested three women and a man in Chongjin.", 4),
    # people nouns of crime stories
    ("Authorities arrested a soldier and two civilians for selling fuel.", 3),
    ("Four drug addicts were detained in Hamhung.", 4),
    ("Two fortune tellers were sent to a labor camp.", 2),
    ("Three deserters were executed by firing squad.", 3),
    ("Seven kkotjebi were rounded up at the station.", 7),
    # ... and their adjective uses name no one
    ("Civilian clothes were banned for soldiers on leave.", None),
    ("The passenger train was stopped and searched.", None),
])
def test_counts_in_other_wording(text, count):
    assert _count(text) == count


def _bodies_in_report(text):
    from nkevents.pipeline import extract
    doc = extract(text, published="2023-05-20")
    return {(e.type, a.id, a.role) for e in doc.events for a in e.actors if a.role in ("authority", "issuer")}


@pytest.mark.parametrize("text, bodies", [
    # the sentence after the event refers back to it and names its source
    ("North Korea has banned the use of foreign currency in markets, a source said. The ban was announced by the "
     "Ministry of Social Security in a notice posted in Hyesan.", {("policy", "mps", "issuer")}),
    ("North Korea has closed its border with China to stop the virus. The decision was made by the State Emergency "
     "Anti-Epidemic Headquarters, state media said.", {("policy", "quarantine_hq", "issuer")}),
    ("North Korea has ordered residents of Hyesan to hand in their Chinese phones. The order came down from the "
     "Central Committee last week.", {("directive", "central_committee", "issuer")}),
    ("Two smugglers were arrested in Musan on June 3, and a third in Hoeryong on June 5. The arrests were carried out "
     "by state security agents, a source said.", {("arrest", "mss", "authority")}),
    # ... not a body named in the next sentence for another reason
    ("North Korea has banned private sales of rice. The ban has hit traders hard, and some now sell by the police "
     "station at night.", set()),
    ("North Korea has banned private sales of rice. The decision from Pyongyang surprised many, a source said.", set()),
    ("The border with China was closed in January. The closure was criticized by Chinese traders in Dandong.", set()),
])
def test_the_source_named_in_the_sentence_that_refers_back_to_the_event(text, bodies):
    assert {b for b in _bodies_in_report(text) if b[0] in ("policy", "directive", "arrest")} == bodies


@pytest.mark.parametrize("text, count", [
    # "20-odd", "20-some": the number given
    ("The authorities detained 20-odd people in Hyesan.", 20),
    ("Police arrested 20-some vendors at the market.", 20),
    ("Seven protesters were detained in Hamhung.", 7),
    ("Dozens of demonstrators were detained.", None),
])
def test_rough_numbers_and_more_people_nouns(text, count):
    assert _count(text) == count


@pytest.mark.parametrize("text, etype, trigger, actors", [
    # the epidemic headquarters in wire-copy names
    ("The country's anti-virus headquarters ordered all schools to close.", "directive", "ordered",
     {("quarantine_hq", "issuer")}),
    ("The state emergency anti-coronavirus command imposed a lockdown on Kaesong.", "policy", "lockdown",
     {("quarantine_hq", "issuer")}),
    # ... not an anti-virus program or a vaccine plant
    ("Residents were told to install the anti-virus program on their phones.", "directive", "told", set()),
])
def test_epidemic_headquarters_by_other_names(text, etype, trigger, actors):
    assert _actors_of(text, etype, trigger) == actors


def test_bodies_joined_with_a_modifier_all_act_in_the_next_sentence():
    text = ("North Korea's secret police and regular police have jointly launched a crackdown in Sinuiju. "
            "More than 40 people were arrested in the first week.")
    assert {b for b in _bodies_in_report(text) if b[0] == "arrest"} == {("arrest", "mss", "authority"),
                                                                       ("arrest", "mps", "authority")}


def _counts_in_report(text):
    from nkevents.pipeline import extract
    return sorted((e.type, e.subjects_count) for e in extract(text, published="2023-05-20").events)


@pytest.mark.parametrize("text, counts", [
    # "two more" opens a clause of its own after ", and": its group is not the first clause's
    ("Seven people caught with South Korean films were sent to labor camps in Hyesan, and two more were executed.",
     [("execution", 2), ("sentence", 7)]),
])
def test_a_later_clause_counts_its_own_group(text, counts):
    assert _counts_in_report(text) == counts


@pytest.mark.parametrize("text, trigger, count", [
    ("Five smugglers were arrested in Musan, and three more were detained in Hoeryong.", "arrested", 5),
    ("Five smugglers were arrested in Musan, and three more were detained in Hoeryong.", "detained", 3),
    # a list of people after ", and" is still one group with the trigger's
    ("Police arrested two men, three women, and a teenager in Hyesan.", "arrested", 6),
])
def test_the_group_of_each_clause(text, trigger, count):
    assert arguments.choose_subjects(text, (0, len(text)), text.index(trigger), [])[1] == count


@pytest.mark.parametrize("text, etype, trigger, actors", [
    # a standing group named by its body's possessive is the body at work
    ("Agents from the MPS' 109 task force confiscated DVDs and detained two students.", "arrest", "detained",
     {("mps", "authority")}),
    ("The Ministry of State Security's inspection team detained four cadres.", "arrest", "detained",
     {("mss", "authority")}),
    # ... not a group named beside the body, nor one after the possessive of a place
    ("The police and a 109 task force detained ten people.", "arrest", "detained",
     {("mps", "authority"), ("inspection_group", "authority")}),
    ("Hyesan's 109 task force detained ten people.", "arrest", "detained", {("inspection_group", "authority")}),
])
def test_a_group_named_by_its_bodys_possessive(text, etype, trigger, actors):
    assert _actors_of(text, etype, trigger) == actors


@pytest.mark.parametrize("text, trigger, count", [
    # a singular people noun used as a title before a personal name is one person
    ("The Supreme Court sentenced American student Otto Warmbier to 15 years of hard labor.", "sentenced", 1),
    ("A court sentenced missionary Kim Jung Wook to life in prison.", "sentenced", 1),
    # a person set off by commas after a name is the same person
    ("Mr. Hyon, the defence minister, was executed in April.", "executed", 1),
    ("Hyon Yong Chol, the defense minister, was executed by anti-aircraft gun fire.", "executed", 1),
    # ... but two people named as a list are two
    ("Defector Kim and his wife were arrested in Hyesan.", "arrested", 2),
    # the leader's title before his name is nobody punished
    ("The execution was ordered by Chairman Kim Jong Un.", "execution", None),
])
def test_titles_and_names_count_one_person(text, trigger, count):
    assert arguments.choose_subjects(text, (0, len(text)), text.index(trigger), [])[1] == count


@pytest.mark.parametrize("text, trigger, count", [
    # one person set off by commas before a verb in the singular
    ("His wife, a teacher, was also detained.", "detained", 1),
    ("The man's wife, a former nurse, was questioned and detained.", "detained", 1),
    # ... not a list of people before a plural verb, or after the trigger
    ("A man, a woman, and a child were arrested.", "arrested", 3),
    ("Police arrested a farmer, a teacher, and a student.", "arrested", 3),
])
def test_one_person_set_off_by_commas(text, trigger, count):
    assert arguments.choose_subjects(text, (0, len(text)), text.index(trigger), [])[1] == count


@pytest.mark.parametrize("text, trigger, count", [
    # who attends or watches is not who is tried or punished
    ("A public trial attended by about 3,000 people was held at the stadium for two smugglers.", "trial", 2),
    ("Two smugglers were executed in front of a crowd of 3,000 residents.", "executed", 2),
    ("A man was shot before an audience of 500 students.", "shot", 1),
    # ... but a crowd that is itself arrested is counted
    ("A crowd of 200 people was arrested at the market.", "arrested", 200),
])
def test_who_attends_is_not_counted(text, trigger, count):
    assert arguments.choose_subjects(text, (0, len(text)), text.index(trigger), [])[1] == count


@pytest.mark.parametrize("text, trigger, actors", [
    # the source of an order named after "at the behest of", "under the direction of"
    ("At the behest of the provincial party committee, farms were ordered to hand over seed grain.", "ordered",
     {("party_committee", "issuer")}),
    ("Under the direction of the Central Committee, factories were ordered to hold loyalty lectures.", "ordered",
     {("central_committee", "issuer")}),
    # ... while the body told to carry it out only receives it
    ("At the behest of Kim Jong Un, the police were ordered to search every home.", "ordered",
     {("kim_jong_un", "issuer"), ("mps", "recipient")}),
])
def test_the_source_of_an_order_after_behest_or_direction(text, trigger, actors):
    assert _actors_of(text, "directive", trigger) == actors


@pytest.mark.parametrize("text, etype, trigger, actors", [
    # the Korean names of the bodies as reports romanise them
    ("The Kukka Bowiseong arrested a smuggler in Hyesan.", "arrest", "arrested", {("mss", "authority")}),
    ("Officers from the komchalso detained three factory managers.", "arrest", "detained", {("prosecutor", "authority")}),
    ("The provincial jaepanso sentenced two women to five years.", "sentence", "sentenced", {("court", "authority")}),
    ("Agents of the bowisaryeongbu arrested a colonel.", "arrest", "arrested", {("kpa", "authority")}),
    ("Kyuchaldae members detained students wearing jeans.", "arrest", "detained", {("other", "authority")}),
])
def test_romanised_names_of_the_bodies(text, etype, trigger, actors):
    assert _actors_of(text, etype, trigger) == actors


@pytest.mark.parametrize("text, trigger, count", [
    # people joined by "along with", "together with" are one group
    ("Police detained the man along with his wife and son.", "detained", 3),
    ("The man, along with five other people, was arrested.", "arrested", 6),
    # ... not the body that acts along with another
    ("Police, along with state security agents, arrested two men.", "arrested", 2),
])
def test_people_joined_by_along_with(text, trigger, count):
    assert arguments.choose_subjects(text, (0, len(text)), text.index(trigger), [])[1] == count


@pytest.mark.parametrize("text, authorities", [
    # a body named as who is bribed or as someone's former job is not at work in the report
    ("North Korea has stepped up its crackdown on smugglers in Ryanggang, a source said. Two smugglers were arrested "
     "in Hyesan on March 3. In the past smugglers paid off border guards and police, but now the state security "
     "department watches everyone.", {("crackdown", "mss"), ("arrest", "mss")}),
    ("State security agents have stepped up surveillance in Hyesan. A former police officer who defected in 2019 "
     "said arrests are common. Five people were detained in May.", {("arrest", "mss")}),
    # ... while two bodies at work leave the arrest without one
    ("State security agents have stepped up surveillance in Hyesan. Police officers also search homes at night. "
     "Residents are afraid. Five people were detained in May.", set()),
])
def test_a_body_bribed_or_a_former_job_is_not_at_work(text, authorities):
    from nkevents.pipeline import extract
    doc = extract(text, published="2023-05-20")
    found = {(e.type, a.id) for e in doc.events if e.type in ("arrest", "crackdown") for a in e.actors
             if a.role == "authority"}
    assert {f for f in found if f[0] == "arrest" or f in authorities} == authorities


@pytest.mark.parametrize("text, trigger, count", [
    # the people "along with" whom the subject was punished are of the same group
    ("A woman was arrested in Hyesan on Monday along with her two sons.", "arrested", 3),
    ("Two men were arrested in Hyesan, along with a guard who helped them.", "arrested", 3),
    ("The man was executed along with three others.", "executed", 4),
    # ... not things seized along with them
    ("A man was arrested after a raid along with drugs worth 10,000 yuan.", "arrested", 1),
    ("Police arrested two men in Hyesan, along with drugs and cash.", "arrested", 2),
])
def test_people_along_with_the_subject_after_the_trigger(text, trigger, count):
    assert arguments.choose_subjects(text, (0, len(text)), text.index(trigger), [])[1] == count


@pytest.mark.parametrize("text, trigger, count", [
    # kin "with" whom someone was caught are of the group
    ("A mother with her two children was caught crossing the river.", "caught", 3),
    ("Police arrested a woman with her baby near the border.", "arrested", 2),
    # a family, then who it is
    ("The family, a couple with their three children, was handed to the MSS.", "handed", 5),
    # ... not things "with" someone, nor a part "including" of a vague whole
    ("Police arrested a smuggler with his phone.", "arrested", 1),
    ("Dozens of people, including two women, were arrested.", "arrested", None),
])
def test_kin_with_whom_someone_was_caught(text, trigger, count):
    assert arguments.choose_subjects(text, (0, len(text)), text.index(trigger), [])[1] == count


@pytest.mark.parametrize("text, etype, count", [
    # a definite plural in the next sentence is the group counted before
    ("Two men were executed in Hyesan in March. The men had been arrested by the MSS in January.", "arrest", 2),
    ("Three dealers were executed in Hyesan on March 2. The three, all in their 30s, had been caught "
     "selling drugs in January.", "arrest", 3),
    ("China repatriated about 60 defectors on April 26. The defectors were handed over to the MSS in "
     "Sinuiju.", "arrest", 60),
])
def test_a_definite_plural_is_the_group_told_before(text, etype, count):
    from nkevents.pipeline import extract
    found = [e for e in extract(text, published="2024-05-01").events if e.type == etype]
    assert [e.subjects_count for e in found] == [count]


def test_a_definite_plural_after_two_counted_groups_stays_uncounted():
    from nkevents.pipeline import extract
    text = ("Police arrested 40 traders in Sinuiju in May, and 12 of them were released. The men were later sentenced to "
            "labor training camps.")
    found = [e for e in extract(text, published="2024-05-01").events if e.type == "sentence"]
    assert [e.subjects_count for e in found] == [None]
