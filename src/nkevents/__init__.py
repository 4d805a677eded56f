"""nkevents: reports about North Korea in, evidence-linked events out."""
from nkevents.model import Document

__version__ = "0.1.0"
# Recorded with every stored event; bump when extraction output changes.
EXTRACTOR_VERSION = __version__


def extract(text=None, **kwargs) -> Document:
    """`extract(text, published="2022-11-17")` -> Document; `.to_json()` gives the spec object."""
    from nkevents.pipeline import extract as _extract
    return _extract(text, **kwargs)


__all__ = ["extract", "Document", "__version__", "EXTRACTOR_VERSION"]
