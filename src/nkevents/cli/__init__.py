"""The `nkevents` command. Each submodule adds its commands to `app`; this file only gathers them.
CLI code stays thin: parse options, call the core or the store, map errors to one-line messages."""
import sys

import typer

app = typer.Typer(no_args_is_help=True, add_completion=False,
                  help="Turn reports about North Korea into an evidence-linked event database.")


@app.callback()
def _root() -> None:
    """Keeps `nkevents CMD` a group even while only one command is registered."""

# Imported for their side effect of registering commands on `app`.
from nkevents.cli import extract_cmd  # noqa: E402,F401

# A process run as `nkevents extract ...` needs no other command: their modules (the store, the
# web app) are not imported then, which keeps a one-report process quick to start (a scorer runs
# one per report).
if sys.argv[1:2] != ["extract"]:
    for _optional in ("store_cmd", "web_cmd", "incidents_cmd", "eval_cmd"):
        try:
            __import__(f"nkevents.cli.{_optional}")
        except ModuleNotFoundError as exc:  # a module not written yet, not a broken one
            if exc.name != f"nkevents.cli.{_optional}":
                raise


def main() -> None:
    app()
