"""PLACEHOLDER (to be replaced by the events stage)."""
REQUIRES = ()
ASSIGNS = ()


def run(doc):
    return doc
