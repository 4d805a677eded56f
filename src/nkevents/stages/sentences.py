"""PLACEHOLDER (to be replaced by the sentences stage)."""
import re

REQUIRES = ("text",)
ASSIGNS = ("sentences", "paragraphs")


def run(doc):
    doc.sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]+[.!?]*", doc.text)]
    doc.paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", doc.text)]
    return doc
