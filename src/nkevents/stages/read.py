"""PLACEHOLDER (to be replaced by the read stage): bytes or fields -> Document."""
import json
from pathlib import Path

from nkevents.model import Document

REQUIRES = ()
ASSIGNS = ("raw", "url", "outlet", "title", "published", "source")


class ReadError(Exception):
    """A report that cannot be read; str() is a one-line reason."""


def from_fields(text=None, html=None, published=None, url=None, outlet=None, title=None, source=None):
    return Document(raw=text or html or "", published=published, url=url, outlet=outlet, title=title,
                    source=source)


def from_path(path: Path, **overrides) -> Document:
    data = path.read_bytes()
    if path.suffix == ".json":
        obj = json.loads(data)
        fields = {k: obj.get(k) for k in ("text", "html", "published", "url", "outlet", "title")}
    else:
        fields = {"text": data.decode("utf-8")}
    fields.update(overrides)
    return from_fields(source=str(path), **fields)
