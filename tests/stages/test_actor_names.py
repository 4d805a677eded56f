"""The names of the authorities in their several English renderings and romanizations, attached to
the event they act in: variants that must name the body, and look-alikes that must not. Every
sentence here is written for these tests."""
import pytest

from nkevents.model import Event
from nkevents.stages import arguments


def _actors_of(text, etype, trigger):
    at = text.index(trigger)
    ev = Event(type=etype, evidence=[(0, len(text))], trigger=(at, at + len(trigger)))
    return {(a.id, a.role) for a in arguments.choose_actors(text, (0, len(text)), ev, [])}


def _ids(name):
    return [actor_id for actor_id, _, _, _ in arguments._span_actors(name, True)]


@pytest.mark.parametrize("name, actor_id", [
    # the state security ministry under its older English names
    ("agents of the National Safety Agency", "mss"),
    ("the State Security Agency", "mss"),
    ("the Ministry for Protection of State Security", "mss"),
    ("bowiseong officers", "mss"),
    # the police: the renamed ministry's abbreviations and its paramilitary forces
    ("the MSoS", "mps"),
    ("officers of the Social Security Forces", "mps"),
    ("the Korean People's Internal Security Forces", "mps"),
    ("the Social Safety Agency", "mps"),
    ("a neighborhood police box", "mps"),
    # the party centre in British spelling
    ("the Organisational Guidance Department", "central_committee"),
    # courts: a military court is a court, not the army
    ("a military court", "court"),
    ("a court-martial", "court"),
    ("the Central Court", "court"),
    # the standing groups by number and the command of the anti-socialist campaigns
    ("Unit 114", "inspection_group"),
    ("the 114 sangmu", "inspection_group"),
    ("Group 114", "inspection_group"),
    ("the Central Anti-Socialist and Non-Socialist Joint Command", "inspection_group"),
    ("the ASNS joint command", "inspection_group"),
    ("the non-socialist joint headquarters", "inspection_group"),
    # the leader by his titles
    ("the Respected Marshal", "kim_jong_un"),
    ("Kim Jong Eun", "kim_jong_un"),
    ("the Great Marshal", "kim_jong_un"),
])
def test_name_variants(name, actor_id):
    assert _ids(name) == [actor_id]


@pytest.mark.parametrize("name", [
    # not the state's bodies: food and fire safety, an airline's "security forces" are no names here
    "the food safety agency",
    "a Marshall Plan",
    "a unit of 114 soldiers",
])
def test_look_alikes_name_no_body(name):
    assert not set(_ids(name)) & {"mss", "mps", "kim_jong_un", "inspection_group"}


@pytest.mark.parametrize("text, etype, trigger, actors", [
    ("Agents of the National Safety Agency arrested a man in Hoeryong for calling Seoul.", "arrest", "arrested",
     {("mss", "authority")}),
    ("The MSoS detained three traders at Sinuiju station.", "arrest", "detained", {("mps", "authority")}),
    ("Unit 114 raided a house in Pyongyang and seized USB drives.", "crackdown", "raided",
     {("inspection_group", "authority")}),
    ("The Central Anti-Socialist and Non-Socialist Joint Command sentenced the two men to death.", "sentence",
     "sentenced", {("inspection_group", "authority")}),
    ("A military court sentenced the officer to ten years in a labor camp.", "sentence", "sentenced",
     {("court", "authority")}),
    ("The Respected Marshal ordered all units to tighten discipline.", "directive", "ordered",
     {("kim_jong_un", "issuer")}),
    # a source is no actor: "according to X" names who tells, not who acts
    ("According to the Ministry of Unification, the man was executed in March.", "execution", "executed", set()),
    ("The man was arrested last week, according to a source close to the State Security Department.", "arrest",
     "arrested", set()),
    # the neighbourhood units receive orders but give none and arrest no one
    ("Inminban heads were told to report any household watching foreign films.", "directive", "told",
     {("other", "recipient")}),
    ("The inminban head reported the family to the police, who arrested them the next day.", "arrest", "arrested",
     {("mps", "authority")}),
    ("The lectures were attended by people's unit members and held by security officials.", "directive",
     "lectures", {("mss", "issuer"), ("other", "recipient")}),
    # each event takes the body of its own clause
    ("Bowibu agents arrested the broker, and the court later sentenced her to five years.", "sentence",
     "sentenced", {("court", "authority")}),
    ("Bowibu agents arrested the broker, and the court later sentenced her to five years.", "arrest",
     "arrested", {("mss", "authority")}),
])
def test_actors_of_the_event(text, etype, trigger, actors):
    assert _actors_of(text, etype, trigger) == actors


@pytest.mark.parametrize("text, etype, trigger, actors", [
    # a noun trigger after a verb of doing, its subject set off by an inserted phrase
    ("The people's security ministry, on orders from the Central Committee, launched a crackdown on drug dealers.",
     "crackdown", "crackdown", {("mps", "authority")}),
    ("Bowibu agents, acting on a tip, carried out raids on three houses in Hyesan.", "crackdown", "raids",
     {("mss", "authority")}),
    ("The provincial court, in front of thousands of residents, held a public trial of four smugglers.", "trial",
     "trial", {("court", "authority")}),
    # a second verb joined to the first, the subject told once
    ("State security agents, acting on a tip from an inminban head, raided a house on May 2 and arrested two men.",
     "arrest", "arrested", {("mss", "authority")}),
    ("Border guards, who had been bribed before, turned a blind eye and later detained the smugglers.", "arrest",
     "detained", {("border_guard", "authority")}),
    # look-alikes: the joined clause has a subject of its own, or the people act
    ("Police, acting on a tip, raided the house and the men were arrested by state security agents.", "arrest",
     "arrested", {("mss", "authority")}),
    ("Traders in Hyesan, fearing the police, staged a protest and were detained.", "arrest", "detained", set()),
])
def test_subject_told_once_for_two_verbs(text, etype, trigger, actors):
    assert _actors_of(text, etype, trigger) == actors


@pytest.mark.parametrize("text, count", [
    # the number of a body's name counts no people
    ("Group 109 agents arrested two students in Hyesan.", 2),
    ("The agents of Unit 114 detained three vendors.", 3),
    ("Officers of the 109 sangmu raided the house and arrested a woman.", 1),
    # look-alike: a number of people is counted
    ("Police arrested 109 people in Chongjin.", 109),
])
def test_a_number_in_a_body_name_is_no_count(text, count):
    from nkevents.pipeline import extract
    arrests = [e for e in extract(text, published="2024-03-15").events if e.type == "arrest"]
    assert arrests and arrests[0].subjects_count == count


def test_group_number_alone_is_no_count():
    from nkevents.pipeline import extract
    events = extract("Group 109 agents found the drive and arrested them on the spot.", published="2024-03-15").events
    assert all(e.subjects_count != 109 for e in events)


@pytest.mark.parametrize("text, events", [
    # what the law or practice makes possible is no occurrence
    ("Distributors of USBs with South Korean dramas can face execution.", []),
    ("Viewers can be sent to a labor camp for years.", []),
    # look-alikes: "can" of another verb, and a punishment told as done
    ("Police arrested two men who can speak Chinese.", [("arrest", "asserted")]),
    ("The two men were executed in Hyesan.", [("execution", "asserted")]),
])
def test_punishments_that_can_happen(text, events):
    from nkevents.pipeline import extract
    assert [(e.type, e.modality) for e in extract(text, published="2024-03-15").events] == events


@pytest.mark.parametrize("text, etype, trigger, actors", [
    # a body whose people the event befalls is no authority
    ("Inspection teams from the Central Party were sent to investigate officials at the Ministry of State Security.",
     "crackdown", "investigate", {("inspection_group", "authority"), ("central_committee", "authority")}),
    ("He sacked the head of the provincial party committee and launched an investigation.", "crackdown",
     "investigation", set()),
    ("Prosecutors arrested the chief of the county police station for taking bribes.", "arrest", "arrested",
     {("prosecutor", "authority")}),
    # look-alikes: the body's people open the clause or follow "by": they act
    ("Officials of the Ministry of State Security arrested a broker in Hyesan.", "arrest", "arrested",
     {("mss", "authority")}),
    ("The broker was arrested by officers from the provincial security bureau.", "arrest", "arrested",
     {("mss", "authority")}),
    ("Last week, agents from the county branch of the MSS raided a house.", "crackdown", "raided",
     {("mss", "authority")}),
])
def test_a_body_whose_people_are_acted_on(text, etype, trigger, actors):
    assert _actors_of(text, etype, trigger) == actors


@pytest.mark.parametrize("text, kind, actors", [
    # a court by default only for what courts hand out
    ("The man was sentenced to ten years of reform through labor.", "prison", [("court", "authority")]),
    ("The factory manager was dismissed from his post and expelled from the party.", "discipline", []),
    ("A woman in her 50s was sent to a political prison camp in March.", "political_prison_camp", []),
    # a body named in the clause still stands
    ("The provincial party committee dismissed the factory manager from his post.", "discipline",
     [("party_committee", "authority")]),
])
def test_no_court_for_punishments_out_of_court(text, kind, actors):
    from nkevents.pipeline import extract
    sentences = [e for e in extract(text, published="2024-03-15").events if e.type == "sentence"]
    assert sentences and sentences[0].penalty.kind == kind
    assert [(a.id, a.role) for a in sentences[0].actors] == actors


def _issuers_after(first, second, trigger="ordered"):
    text = first + " " + second
    start = len(first) + 1
    at = text.index(trigger, start)
    ev = Event(type="directive", evidence=[(start, len(text))], trigger=(at, at + len(trigger)))
    return {(a.id, a.role) for a in arguments.choose_actors(text, (start, len(text)), ev, [], (0, len(first)))
            if a.role == "issuer"}


@pytest.mark.parametrize("first, second, issuers", [
    ("Kim Jong Un visited the flooded town of Sinuiju.", "He ordered the party to rebuild every house.",
     {("kim_jong_un", "issuer")}),
    # a phrase of time before "he"
    ("Kim Jong Un visited the flooded town of Sinuiju.", "On May 4, he ordered the party to rebuild every house.",
     {("kim_jong_un", "issuer")}),
    ("Kim Jong-un toured the border in March.", "Later that week, he ordered guards to tighten patrols.",
     {("kim_jong_un", "issuer")}),
    # look-alikes: another man is the subject before, or Kim only owns him
    ("The security minister toured the border.", "Later that week, he ordered guards to tighten patrols.", set()),
    ("Kim Jong Un's uncle toured the border.", "On May 4, he ordered guards to tighten patrols.", set()),
])
def test_he_after_a_sentence_about_the_leader(first, second, issuers):
    assert _issuers_after(first, second) == issuers
