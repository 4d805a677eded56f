"""What every command that opens the record shares: the --db option, one-line errors, opening."""
from __future__ import annotations

from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape

err = Console(stderr=True, highlight=False, soft_wrap=True)  # one message, one line
out = Console(highlight=False)

DB_HELP = "Database: a file path, sqlite:///FILE or postgresql://... (default $NKEVENTS_DB or ./nkevents.db)."
DbOpt = typer.Option(None, "--db", help=DB_HELP)


def fail(message: str, code: int = 1):
    """Print `error: MESSAGE` on one line and leave with `code` (never a traceback)."""
    err.print(f"error: {escape(message)}")
    raise typer.Exit(code)


def open_store(db: Optional[str]):
    from nkevents.store import Store, StoreError
    try:
        return Store.open(db)
    except StoreError as e:
        fail(str(e))
