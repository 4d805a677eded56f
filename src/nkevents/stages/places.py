"""PLACEHOLDER (to be replaced by the places stage)."""
REQUIRES = ()
ASSIGNS = ()


def run(doc):
    return doc
