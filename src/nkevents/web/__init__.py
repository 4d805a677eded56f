"""The web app (issue 4): `create_app(store)` gives the ASGI app; `nkevents serve` runs it."""
from nkevents.web.app import create_app

__all__ = ["create_app"]
