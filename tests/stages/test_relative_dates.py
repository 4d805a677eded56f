"""Dates told relative to another: a relative date is itself the anchor of the next one in the
report ("a week after the arrests ..., and the next day ..."). Every sentence here is written for
these tests."""
import pytest

from nkevents.model import Document
from nkevents.stages import dates


def _relatives(text, published="2024-05-20"):
    doc = dates.run(Document(text=text, published=published))
    return [(d.text, d.date_start) for d in doc.date_mentions if d.precision == "day" and not d.text[:1].isdigit()
            and not d.text.lower().startswith(("may", "june", "april"))]


@pytest.mark.parametrize("text, expected", [
    # a chain: each relative date counts from the one before it
    ("Agents arrested four men on May 2. The court tried them a week after the arrests, and the next day two "
     "were executed.", [("a week after", "2024-05-09"), ("the next day", "2024-05-10")]),
    ("The trial was held on May 3. Three days later the sentences were read out, and the following day the "
     "convicts were sent to a camp.", [("Three days later", "2024-05-06"), ("the following day", "2024-05-07")]),
    # a relative date right after a date still counts from it
    ("The market was closed on May 10 and the next day vendors were detained.", [("the next day", "2024-05-11")]),
])
def test_relative_dates_chain(text, expected):
    assert _relatives(text) == expected


def test_without_an_anchor_a_relative_date_stays_unread():
    assert _relatives("Agents arrested four men last month, and the next day two of them escaped.") == []
