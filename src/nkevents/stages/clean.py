"""PLACEHOLDER (to be replaced by the clean stage)."""
REQUIRES = ("raw",)
ASSIGNS = ("text", "removed", "title", "outlet")


def run(doc):
    doc.text = doc.raw
    return doc
