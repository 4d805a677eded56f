"""Attribute wordings met on reports outside the dev corpus (every sentence here is written for
these tests): a punishment word in quotes after its term, a caveat told in the passive, a source
named in a passive report verb; each with look-alikes that must not be read so."""
import pytest

from nkevents.stages import arguments


@pytest.mark.parametrize("sentence, kind, months", [
    # the punishment word quoted after its term (wire copy quoting state media)
    ('State media said the two were handed 12 years of "reform through labor".', "prison", (144, 144)),
    ("The footage shows a court sentencing three students to seven years of “hard labor”.", "prison", (84, 84)),
    ("He got eight months of 'forced labour' for selling phones.", "labor_training", (8, 8)),
    # "sentencing ... to" is a verb of sentencing like "sentenced ... to"
    ("Officials are sentencing the smugglers to five years in prison.", "prison", (60, 60)),
])
def test_quoted_punishment_words(sentence, kind, months):
    p = arguments.choose_penalty(sentence)
    assert p is not None, sentence
    assert (p.kind, (p.min_months, p.max_months)) == (kind, months)


@pytest.mark.parametrize("sentence", [
    # a quoted word after a term that is no punishment is no term
    'The "court" met for 12 years "in secret", the defector recalled.',
    'He worked three years "abroad" and returned.',
])
def test_quoted_words_that_are_no_punishment(sentence):
    assert arguments.choose_penalty(sentence, bare_terms=False) is None


def _modality(text, trigger, etype):
    arguments._doubted_parts.cache_clear()
    at = text.index(trigger)
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    end = len(text) if end < 0 else end
    return arguments.choose_modality(text, (start, end), (at, at + len(trigger)), etype)


@pytest.mark.parametrize("last, modality", [
    # the account itself left unconfirmed, told in the passive
    ("A government spokesman said the allegations could not be immediately confirmed.", "alleged"),
    ("The report can not be immediately verified.", "alleged"),
    # an official's routine answer, and a detail left unconfirmed, are no doubt of the account
    ("A ministry official said he could not immediately confirm the report.", "asserted"),
    ("The exact number of those executed could not be immediately confirmed.", "asserted"),
])
def test_passive_caveat(last, modality):
    text = "Two officials were executed in Pyongyang in March, a newspaper said.\n" + last
    assert _modality(text, "executed", "execution") == modality


@pytest.mark.parametrize("text, source", [
    ("The public trial on May 2 was described to Daily NK by a resident of Musan.", "a resident of Musan"),
    ("The arrests were reported to RFA's Korean Service by two sources in Hyesan.", "two sources in Hyesan"),
])
def test_source_named_in_a_passive_report_verb(text, source):
    spans = [text[a:b] for a, b in arguments.attribution_spans(text)]
    assert len(spans) == 1 and spans[0].endswith(source)
    at = text.index("trial") if "trial" in text else text.index("arrests")
    assert arguments.choose_subjects(text, (0, len(text)), at, arguments.attribution_spans(text))[1] is None


@pytest.mark.parametrize("text, count", [
    # people handed over or caught by residents are the event's, not a source's
    ("Two smugglers were handed over to the police by a resident of Musan.", 2),
    ("A woman was reported to the security agency by three residents.", 1),
])
def test_agents_after_by_are_no_source(text, count):
    assert arguments.attribution_spans(text) == []
    at = text.index("handed") if "handed" in text else text.index("reported")
    assert arguments.choose_subjects(text, (0, len(text)), at, [])[1] == count
