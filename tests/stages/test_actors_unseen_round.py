"""Actor names and attachments read on unseen reports: ministries of the cabinet by their full and
short names, the army's security command under its older English names, foreign security bodies,
and look-alikes that name no body. Every sentence here is written for these tests."""
import pytest

from nkevents.model import Event
from nkevents.stages import arguments
from tests.stages.test_actor_names import _actors_of, _ids


@pytest.mark.parametrize("name, actor_id", [
    ("the Ministry of External Economic Affairs", "cabinet"),
    ("the Ministry of Foreign Economic Relations", "cabinet"),
    ("the Ministry of Chemical Industry", "cabinet"),
    ("the Ministry of Coal Industry", "cabinet"),
    ("the Ministry of Urban Management", "cabinet"),
    ("the trade ministry", "cabinet"),
    ("the agriculture ministry", "cabinet"),
    # the army's security command, not the state security ministry
    ("the Defense Security Command", "kpa"),
    ("the People's Defence Security Bureau", "kpa"),
    ("defense security agents", "kpa"),
    # China's security bodies are foreign (`other`), not the North's
    ("the Chinese National Security Bureau", "other"),
    ("Chinese state security agents", "other"),
    ("the Chinese frontier forces", "other"),
    # the police's own command that sends investigation teams
    ("the Social Security Command", "mps"),
])
def test_name_variants_read_on_unseen_reports(name, actor_id):
    assert _ids(name) == [actor_id]


@pytest.mark.parametrize("name", [
    # a measure, not a body: "tightened border security"
    "tightened border security along the river",
    "the foreign ministry spokesman",
])
def test_look_alikes_name_no_body(name):
    assert _ids(name) == []


@pytest.mark.parametrize("text, etype, trigger, actors", [
    # a short gloss in brackets after the body ends no clause
    ("The leak led the Ministry of State Security (MSS) to launch a crackdown in Hyesan.", "crackdown", "crackdown",
     {("mss", "authority")}),
    ("Officers of the Ministry of Social Security (police) arrested two traders on Monday.", "arrest", "arrested",
     {("mps", "authority")}),
    # look-alike: a bracketed clause of its own still ends the clause
    ("Two traders (one of them caught by police last year; both released) were arrested again.", "arrest",
     "arrested", set()),
    # the body on whose orders the event was done, when its clause names none
    ("A former general was executed by firing squad last month, on the direct orders of Kim Jong Un.", "execution",
     "executed", {("kim_jong_un", "authority")}),
    # look-alikes: an arrest or an inspection on a body's orders is made by agents named elsewhere
    ("The two cadres were arrested, reportedly on Kim's personal orders.", "arrest", "arrested", set()),
    ("Inspections began in the border provinces in June, following orders from the Central Committee.",
     "crackdown", "Inspections", set()),
    # look-alikes: orders defied or reported are not the authority's; a sentence stays the court's
    ("The two cadres were arrested after they ignored Kim's orders on the harvest.", "arrest", "arrested", set()),
    ("The man was sentenced to death, on the orders of Kim Jong Un.", "sentence", "sentenced",
     {("court", "authority")}),
])
def test_attachment_read_on_unseen_reports(text, etype, trigger, actors):
    assert _actors_of(text, etype, trigger) == actors


@pytest.mark.parametrize("text, etype, trigger, actors", [
    # the body set off by an appositive, its second verb in the progressive joined to the first
    ("The Ministry of Social Security, the country's police, is quietly expanding its powers and tightening "
     "control over traders.", "crackdown", "tightening control", {("mps", "authority")}),
    # look-alike: a passive first verb makes the body the one acted on
    ("A police officer, a man in his 30s, was bribed and arrested by the end of May.", "arrest", "arrested", set()),
])
def test_a_body_told_once_for_two_progressive_verbs(text, etype, trigger, actors):
    assert _actors_of(text, etype, trigger) == actors


@pytest.mark.parametrize("text, etype, trigger, actors", [
    # the body that acts, not the one whose order it follows
    ("The Ministry of State Security is tightening control over the border following an order by the central "
     "party.", "crackdown", "tightening control", {("mss", "authority")}),
    ("Police arrested the two brokers on the orders of the provincial party committee.", "arrest", "arrested",
     {("mps", "authority")}),
    # look-alike: two bodies that both act stay
    ("State security agents and police arrested the two brokers in Hyesan.", "arrest", "arrested",
     {("mss", "authority"), ("mps", "authority")}),
])
def test_the_body_whose_order_is_followed_is_no_authority(text, etype, trigger, actors):
    assert _actors_of(text, etype, trigger) == actors


def _issuers(text, trigger):
    at = text.index(trigger)
    ev = Event(type="directive", evidence=[(0, len(text))], trigger=(at, at + len(trigger)))
    return {a.id for a in arguments.choose_actors(text, (0, len(text)), ev, []) if a.role == "issuer"}


@pytest.mark.parametrize("text, trigger, issuers", [
    # the body after "the investigation of" is the one investigated, not the source of the instructions
    ("There are instructions to finish the inspection of the Ministry of State Security before April.",
     "instructions", set()),
    # look-alikes: the order's own "of", "from" and "by" name its source
    ("There are instructions of the Central Committee to finish the inspection before April.", "instructions",
     {"central_committee"}),
    ("An order came down last week from the Ministry of State Security to report all phone users.", "order",
     {"mss"}),
])
def test_the_body_an_order_is_about_is_no_issuer(text, trigger, issuers):
    assert _issuers(text, trigger) == issuers


@pytest.mark.parametrize("text, etype, trigger, actors", [
    # the body whose orders are carried out is not the one acting
    ("Cadres are tightening control over the markets to ensure compliance with Kim Jong Un's instructions.",
     "crackdown", "tightening control", set()),
    ("Officials carried out the party's orders and arrested the two traders.", "arrest", "arrested", set()),
    # look-alikes: the body's own orders, the body's own action
    ("Kim Jong Un ordered the execution of the two officials.", "execution", "execution",
     {("kim_jong_un", "authority")}),
    ("The officials were executed on Kim Jong Un's personal orders.", "execution", "executed",
     {("kim_jong_un", "authority")}),
])
def test_the_body_whose_orders_are_obeyed_is_no_authority(text, etype, trigger, actors):
    assert _actors_of(text, etype, trigger) == actors
