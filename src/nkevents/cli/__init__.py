"""The `nkevents` command. Each submodule adds its commands to `app`; this file only gathers them.
CLI code stays thin: parse options, call the core or the store, map errors to one-line messages.

`app` is made on first use: `nkevents extract REPORT` (a scorer runs one process per report)
runs without typer and rich when it can (nkevents.cli.quick)."""
import sys


def _make_app():
    global app
    if "app" in globals():
        return app
    import typer

    app = typer.Typer(no_args_is_help=True, add_completion=False,
                      help="Turn reports about North Korea into an evidence-linked event database.")

    @app.callback()
    def _root() -> None:
        """Keeps `nkevents CMD` a group even while only one command is registered."""

    # Imported for their side effect of registering commands on `app`.
    from nkevents.cli import extract_cmd  # noqa: F401

    # A process run as `nkevents extract ...` needs no other command: their modules (the store, the
    # web app) are not imported then, which keeps a one-report process quick to start.
    if sys.argv[1:2] != ["extract"]:
        for _optional in ("store_cmd", "web_cmd", "incidents_cmd", "eval_cmd"):
            try:
                __import__(f"nkevents.cli.{_optional}")
            except ModuleNotFoundError as exc:  # a module not written yet, not a broken one
                if exc.name != f"nkevents.cli.{_optional}":
                    raise
    return app


def __getattr__(name: str):
    if name == "app":
        return _make_app()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    from nkevents.cli.quick import extract_one
    if extract_one(sys.argv[1:]):
        sys.exit(0)
    _make_app()()
