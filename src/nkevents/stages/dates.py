"""PLACEHOLDER (to be replaced by the dates stage)."""
REQUIRES = ()
ASSIGNS = ()


def run(doc):
    return doc
