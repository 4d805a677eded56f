"""Penalty kinds and terms, and the number of people an event concerns, in the wordings of reports
about North Korea (sentences written for these tests), with look-alikes that must not be read so."""
import pytest

from nkevents.stages import arguments


@pytest.mark.parametrize("sentence, kind, months", [
    # terms in words: decades, halves, months and years together, ranges across units
    ("He was sentenced to a decade in prison.", "prison", (120, 120)),
    ("She received a year and a half of labor training.", "labor_training", (18, 18)),
    ("He got two and a half years in a kyohwaso.", "prison", (30, 30)),
    ("The broker was given 1.5 years of reform through labor.", "prison", (18, 18)),
    ("He was sentenced to one year and six months of reform through labour.", "prison", (18, 18)),
    ("Four people were sentenced to labor training of six months to one year.", "labor_training", (6, 12)),
    ("Sentences ranged from eight months to two years in labour camps.", "prison", (8, 24)),
    # a term with no kind word: prison, or labour training under a year
    ("The court sentenced him to 10 years for smuggling copper.", "prison", (120, 120)),
    ("A 15-year sentence was handed down to the broker.", "prison", (180, 180)),
    ("The traders were given sentences of no more than two years.", "prison", (None, 24)),
    ("She was sentenced to six months for selling Chinese phones.", "labor_training", (6, 6)),
    # kinds in other words
    ("He was sentenced to indefinite reform through labor.", "life_imprisonment", (None, None)),
    ("The brokers were sentenced to 10 years of labor reform.", "prison", (120, 120)),
    ("He was dismissed and sent to a coal mine with his family.", "banishment", (None, None)),
    ("The two officials were purged and sent to a remote farm.", "banishment", (None, None)),
    ("He was sentenced to five years in prison and fined 10,000 yuan.", "prison", (60, 60)),
])
def test_penalty_terms_in_other_words(sentence, kind, months):
    p = arguments.choose_penalty(sentence)
    assert p is not None, sentence
    assert (p.kind, (p.min_months, p.max_months)) == (kind, months)


@pytest.mark.parametrize("sentence, kind, months", [
    # the time served is not the term
    ("He was released after serving three years of a 10-year sentence.", "prison", (120, 120)),
    # how long the conduct went on is not the term
    ("He had smuggled copper for ten years before he was sentenced to five years in prison.", "prison", (60, 60)),
    # ages are not terms
    ("The boys, aged 16 and 17 years, were sentenced to five years in prison.", "prison", (60, 60)),
    ("The 45-year-old man was sentenced to death.", "death", (None, None)),
    # a sum of money is not a term
    ("He was fined 5,000 yuan for using a Chinese phone.", "fine", (None, None)),
])
def test_other_numbers_are_not_terms(sentence, kind, months):
    p = arguments.choose_penalty(sentence)
    assert (p.kind, (p.min_months, p.max_months)) == (kind, months)


@pytest.mark.parametrize("sentence", [
    "He was sentenced for smuggling 300 kilograms of copper.",
    "She was sentenced in 2015 after a trial in Hyesan.",
    "He had worked in China for two years.",  # a bare "for two years" is no penalty by itself
])
def test_no_term_and_no_kind_is_no_penalty(sentence):
    assert arguments.choose_penalty(sentence) is None
