"""A caveat or hedge bears on the claim it is told of: a caveat joined to one claim in its sentence
doubts that sentence, a caveat standing as a sentence of its own the whole account. Every sentence
here is written for these tests."""
import pytest

from nkevents.stages import arguments


def _modality(text, trigger, etype):
    arguments._doubted_parts.cache_clear()
    at = text.index(trigger)
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    return arguments.choose_modality(text, (start, end), (at, at + len(trigger)), etype)


REPORT = ("Security agents arrested three traders in Hyesan on May 2.\n"
          "Two of them were executed at the riverside a week later.\n"
          "{last}")


@pytest.mark.parametrize("last, first, second", [
    # a caveat joined to its own claim: the claim is doubted, the account before it is not
    ("Kim Jong Un reportedly ordered that their families be banished, but the claim could not be verified.",
     "asserted", "asserted"),
    ("A third trader was also shot, though this could not be independently confirmed.", "asserted", "asserted"),
    ("Officials then burned the goods, which could not be verified.", "asserted", "asserted"),
    # a caveat standing alone: the punishments of the whole account are doubted
    ("The report could not be independently verified.", "alleged", "alleged"),
    ("Daily NK was unable to confirm the account.", "alleged", "alleged"),
])
def test_caveat_scope(last, first, second):
    text = REPORT.format(last=last)
    assert _modality(text, "arrested", "arrest") == first
    assert _modality(text, "executed", "execution") == second


@pytest.mark.parametrize("text, trigger, etype, modality", [
    ("A third trader was also shot, though this could not be independently confirmed.", "shot", "execution",
     "alleged"),
    ("The two were reportedly executed at the airstrip, but the claim could not be verified.", "executed",
     "execution", "alleged"),
])
def test_the_doubted_claim_itself(text, trigger, etype, modality):
    assert _modality(text, trigger, etype) == modality


@pytest.mark.parametrize("text, trigger, etype, modality", [
    # hedges on their own clause
    ("The official was allegedly executed for embezzlement.", "executed", "execution", "alleged"),
    ("Rumors say the officer was executed, while his deputy was arrested in Pyongyang.", "arrested", "arrest",
     "asserted"),
    ("It is rumored that the officer, a general of the border guards, was executed.", "executed", "execution",
     "alleged"),
    ("Residents are spreading rumors that the manager was executed in Hamhung.", "executed", "execution", "alleged"),
    # planned
    ("Authorities plan to hold a public trial of the smugglers next week.", "trial", "trial", "planned"),
    ("A public trial of the four is scheduled for Monday.", "trial", "trial", "planned"),
    # negated: denied, called off
    ("Pyongyang denied reports that the officials had been executed.", "executed", "execution", "negated"),
    ("The public trial planned for Hyesan was called off at the last minute.", "trial", "trial", "negated"),
])
def test_modality_cues_of_their_clause(text, trigger, etype, modality):
    assert _modality(text, trigger, etype) == modality


@pytest.mark.parametrize("text, events", [
    # a fate suspected or feared is doubted
    ("He is suspected of having been executed in Hyesan.", [("execution", "alleged")]),
    ("The official is feared to have been executed.", [("execution", "alleged")]),
    # look-alikes: what someone is suspected of is the charge; "reported to have been" is no doubt (annotation.md)
    ("A man suspected of smuggling was arrested in Hyesan.", [("arrest", "asserted")]),
    ("The official is reported to have been executed in March.", [("execution", "asserted")]),
])
def test_suspected_and_feared_fates(text, events):
    from nkevents.pipeline import extract
    assert [(e.type, e.modality) for e in extract(text, published="2024-03-15").events] == events


@pytest.mark.parametrize("text, trigger, modality", [
    # an execution the report then contradicts was a rumour
    ("Newspapers in Seoul said the dancer had been executed by firing squad.\nBut she was very much alive "
     "and sang at a concert a year later.", "executed", "alleged"),
    ("Reports that four envoys were executed spread widely, until one of them turned up alive.", "executed", "alleged"),
    ("The general was said to have been shot in 2016.\nHe later reappeared in state media beside the leader.",
     "shot", "alleged"),
    # look-alikes: a method of killing, a survivor of another act, a contradiction far away in another story
    ("The two smugglers were executed in front of a crowd; a third was buried alive.", "executed", "asserted"),
    ("A broker was executed in Hyesan in March.\nMeanwhile, a missing soldier was found alive in Kangwon.",
     "executed", "asserted"),
    ("The official was executed in public in Sinuiju on March 3 for embezzlement, sources said.\n"
     + "Residents were shaken by what they had seen and talked of little else for weeks afterwards. " * 5
     + "\nHis wife is alive and was banished to a farm.", "executed", "asserted"),
])
def test_an_execution_the_report_contradicts_is_alleged(text, trigger, modality):
    assert _modality(text, trigger, "execution") == modality


@pytest.mark.parametrize("text, trigger, modality", [
    # a lesser punishment the report contradicts by the person's reappearance
    ("The aide resurfaced in public a week after a Seoul daily said he was sent to a labor camp.",
     "sent to a labor camp", "alleged"),
    ("A paper said the general was demoted and sentenced to hard labor.\nOn Sunday he was seen beside the leader at a parade.",
     "sentenced to hard labor", "alleged"),
    # look-alikes: a term served and then the person seen again much later in another story
    ("The farmer was sentenced to five years in prison in Hyesan.\nMeanwhile, a missing official reappeared in public in Pyongyang.",
     "sentenced to five years", "asserted"),
])
def test_a_punishment_contradicted_by_a_reappearance_is_alleged(text, trigger, modality):
    assert _modality(text, trigger, "sentence") == modality
