"""Runs the stages in order over one Document.

Each stage is a module in `nkevents.stages` with a `run(doc) -> doc` function and two tuples,
`REQUIRES` and `ASSIGNS`, naming the Document fields it reads and writes. A stage never imports
another stage: it reads what earlier stages wrote on the Document.
"""
from __future__ import annotations

from pathlib import Path

from nkevents.model import Document
from nkevents.stages import arguments, clean, dates, events, merge, places, read, sentences

# read is not in the list: it makes the Document from bytes, the others transform it.
STAGES = (clean, sentences, places, dates, events, arguments, merge)


def run_stages(doc: Document) -> Document:
    for stage in STAGES:
        doc = stage.run(doc)
    return doc


def extract(text: str | None = None, *, html: str | None = None, published: str | None = None,
            url: str | None = None, outlet: str | None = None, title: str | None = None) -> Document:
    """Extract the events of one report given as text or HTML. Metadata given here wins over
    what is inferred from the text."""
    doc = read.from_fields(text=text, html=html, published=published, url=url, outlet=outlet,
                           title=title)
    return run_stages(doc)


def extract_path(path: str | Path, **overrides) -> Document:
    """Extract one report file (.txt, .html, .json). Raises read.ReadError with a one-line reason."""
    doc = read.from_path(Path(path), **{k: v for k, v in overrides.items() if v is not None})
    return run_stages(doc)
