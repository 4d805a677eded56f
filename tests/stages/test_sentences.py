"""The sentences stage: sentence and paragraph spans into doc.text."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nkevents.model import Document
from nkevents.stages import sentences
from nkevents.stages.sentences import split


def texts(text: str) -> list[str]:
    return [text[s:e] for s, e in split(text)[1]]


def paragraphs(text: str) -> list[str]:
    return [text[s:e] for s, e in split(text)[0]]


@pytest.mark.parametrize("sentence", [
    "The trial was held on Nov. 10 in Chongjin.",
    "Guards were posted along the river from Jun. 1 onward.",
    "The U.S. Treasury sanctioned the trading company.",
    "Ms. Moon was arrested on the mountain.",
    "Mr. Kim and Dr. Lee met Gen. Pak and Lt. Col. Ri at the camp.",
    "He was sent to Camp No. 22 in Hoeryong.",
    "The office is on St. Mary's road in the city.",
    "Approx. 30 people were detained, incl. two cadres.",
    "They gathered at 10 a.m. in front of the hall.",
    "A man identified as Kim J. U. was among them.",
    "Prices rose 3.5 percent to 5,200 won.",
    "Residents were told to report e.g. calls to China.",
])
def test_abbreviations_do_not_end_a_sentence(sentence):
    assert texts(sentence) == [sentence]


@pytest.mark.parametrize("text, expected", [
    ("Five people were arrested. The court met on Friday.",
     ["Five people were arrested.", "The court met on Friday."]),
    ("He said, “They were shot.” Residents were scared.",
     ["He said, “They were shot.”", "Residents were scared."]),
    ('He said, "Nobody came." Then he left.', ['He said, "Nobody came."', "Then he left."]),
    ("“Why now?” she asked. Nobody knew!", ["“Why now?” she asked.", "Nobody knew!"]),
    ("The trial began at 10 a.m. The crowd was large.",
     ["The trial began at 10 a.m.", "The crowd was large."]),
    ("Sanctions were imposed by the U.S. It was the third time.",
     ["Sanctions were imposed by the U.S.", "It was the third time."]),
    ("Prices rose again in 2019. 15 people were fined.",
     ["Prices rose again in 2019.", "15 people were fined."]),
    ("They waited and waited... Then the guards came.",
     ["They waited and waited...", "Then the guards came."]),
    ('"No grass to pluck" ... "Starvation" spreads in mountain villages.',
     ['"No grass to pluck" ... "Starvation" spreads in mountain villages.']),
    ("The man (a cadre) was tried. (He denied it.) The court disagreed.",
     ["The man (a cadre) was tried.", "(He denied it.)", "The court disagreed."]),
])
def test_sentence_boundaries(text, expected):
    assert texts(text) == expected


def test_headline_line_without_punctuation_is_its_own_sentence_and_paragraph():
    text = ("Execution in Hyesan\nA man was shot in Hyesan on Oct. 5, a source said.\n"
            "Smuggled on flash drives\nDramas spread on USB sticks.")
    assert texts(text) == ["Execution in Hyesan", "A man was shot in Hyesan on Oct. 5, a source said.",
                           "Smuggled on flash drives", "Dramas spread on USB sticks."]
    assert paragraphs(text) == texts(text)


def test_hard_wrapped_sentence_stays_one_sentence():
    text = ("The order came down to treat phone users\nas traitors, a source in the province told\n"
            "Daily NK. Others agreed.")
    assert texts(text) == ["The order came down to treat phone users\nas traitors, a source in the "
                           "province told\nDaily NK.", "Others agreed."]
    assert len(paragraphs(text)) == 1


def test_blank_line_always_ends_a_paragraph():
    text = "The court met on Friday, and the judges read the charges against\n\nthe five defendants."
    assert paragraphs(text) == ["The court met on Friday, and the judges read the charges against",
                                "the five defendants."]
    assert len(texts(text)) == 2


def test_one_paragraph_per_line():
    text = "First report line.\nSecond report line.\n\nThird report line."
    assert paragraphs(text) == ["First report line.", "Second report line.", "Third report line."]


def test_spans_exclude_white_space():
    text = "  \n  First sentence here.   Second one.  \n\n  Third  \n"
    assert texts(text) == ["First sentence here.", "Second one.", "Third"]
    assert paragraphs(text) == ["First sentence here.   Second one.", "Third"]


def test_empty_text():
    assert split("") == ([], [])
    assert split(" \n\n ") == ([], [])


def test_run_sets_document_spans():
    doc = Document(text="One sentence here. Another one.\n\nNew paragraph.")
    sentences.run(doc)
    assert doc.sentences == [(0, 18), (19, 31), (33, 47)]
    assert doc.paragraphs == [(0, 31), (33, 47)]


ALPHABET = st.sampled_from(list("abc XYZ 19.,!?…\"”’'()\n\t-") + ["Nov.", "U.S.", "Mr.", " \n\n", "No. 5"])


def check_spans(text, spans):
    previous_end = 0
    for s, e in spans:
        assert 0 <= previous_end <= s < e <= len(text)
        piece = text[s:e]
        assert piece == piece.strip()
        previous_end = e


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=80).map("".join))
def test_spans_are_inside_ordered_non_overlapping_and_stripped(text):
    paras, sents = split(text)
    check_spans(text, paras)
    check_spans(text, sents)
    # every sentence lies in one paragraph, and all the text's words are covered
    for s, e in sents:
        assert any(ps <= s and e <= pe for ps, pe in paras)
    covered = "".join(text[s:e] for s, e in sents)
    assert "".join(text.split()) == "".join(covered.split())


def test_unit_at_the_end_of_a_sentence():
    assert texts("Rice cost 5,000 won per kg. Corn was cheaper.") == [
        "Rice cost 5,000 won per kg.", "Corn was cheaper."]
