"""`nkevents serve` (the web app) and `nkevents user add` (accounts for it).

    nkevents user add ann --role admin            # asks for the password twice
    echo "$PW" | nkevents user add bo --role editor --password-stdin
    nkevents serve --db nkevents.db --host 127.0.0.1 --port 8000
"""
from __future__ import annotations

import sys
from typing import Optional

import typer

from nkevents.cli import app
from nkevents.cli.common import DbOpt, fail, open_store


user_app = typer.Typer(no_args_is_help=True, help="Manage the web app's users.")
app.add_typer(user_app, name="user")






@user_app.command("add")
def user_add(name: str = typer.Argument(..., help="User name (letters, digits, _ . @ -)."),
             role: str = typer.Option("viewer", "--role", help="viewer, editor or admin."),
             password_stdin: bool = typer.Option(False, "--password-stdin",
                                                 help="Read the password from standard input."),
             db: Optional[str] = DbOpt) -> None:
    """Create a user, or set a new password and role for an existing one."""
    from nkevents.web import auth
    from nkevents.web.app import user_problem

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        if not sys.stdin.isatty():
            fail("no terminal to ask for the password: use --password-stdin")
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    problem = user_problem(name, password, role)
    if problem:
        fail(problem, 2)
    store = open_store(db)
    existed = store.get_user(name) is not None
    store.add_user(name, auth.hash_password(password), role)
    typer.echo(f"{'updated' if existed else 'created'} user {name} ({role})")


@user_app.command("list")
def user_list(db: Optional[str] = DbOpt) -> None:
    """List users and their roles."""
    for u in open_store(db).list_users():
        typer.echo(f"{u['username']}\t{u['role']}\t{u['created_at'][:19]}")


@app.command()
def serve(db: Optional[str] = DbOpt,
          host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
          port: int = typer.Option(8000, "--port", help="Port to listen on."),
          tile_url: Optional[str] = typer.Option(None, "--tile-url", envvar="NKEVENTS_TILE_URL",
                                                 help="A tile server URL template for the map "
                                                      "({z}/{x}/{y}); default: outlines only."),
          https: bool = typer.Option(False, "--https", help="Mark session cookies Secure "
                                                              "(when served behind HTTPS).")) -> None:
    """Run the web app: events, map, timeline and charts, review (JSON API under /api)."""
    import uvicorn

    from nkevents.web import create_app
    from nkevents.web.app import WEB_DIR

    store = open_store(db)
    if not (WEB_DIR / "static" / "vendor" / "leaflet" / "leaflet.js").exists():
        typer.echo("warning: web assets are missing; run scripts/build_assets.sh (the map and "
                   "charts need them)", err=True)
    if not store.list_users():
        typer.echo("No users yet: anyone can read, nobody can review. Create an admin with\n"
                   f"  nkevents user add NAME --role admin{' --db ' + db if db else ''}", err=True)
    typer.echo(f"nkevents web app on http://{host}:{port}/  (API docs: /docs; Ctrl-C stops)", err=True)
    uvicorn.run(create_app(store, https_only=https, tile_url=tile_url), host=host, port=port,
                log_level="warning")
