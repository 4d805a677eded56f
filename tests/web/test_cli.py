"""`nkevents user add` and the start-up hint of `nkevents serve`."""
from typer.testing import CliRunner

from nkevents.cli import app
from nkevents.store import Store

runner = CliRunner()


def test_user_add_from_stdin_hashes_the_password(tmp_path):
    db = str(tmp_path / "u.db")
    r = runner.invoke(app, ["user", "add", "ann", "--role", "admin", "--password-stdin", "--db", db],
                      input="a long password\n")
    assert r.exit_code == 0, r.output
    assert "created user ann (admin)" in r.output
    with Store.open(db) as store:
        user = store.get_user("ann")
    assert user["role"] == "admin" and user["password_hash"].startswith("$argon2id$")
    again = runner.invoke(app, ["user", "add", "ann", "--role", "viewer", "--password-stdin", "--db", db],
                          input="another long one\n")
    assert "updated user ann (viewer)" in again.output


def test_user_add_rejects_bad_role_and_short_password(tmp_path):
    db = str(tmp_path / "u.db")
    r = runner.invoke(app, ["user", "add", "bo", "--role", "boss", "--password-stdin", "--db", db],
                      input="a long password\n")
    assert r.exit_code == 2 and "role" in r.output and "Traceback" not in r.output
    r = runner.invoke(app, ["user", "add", "bo", "--password-stdin", "--db", db], input="short\n")
    assert r.exit_code == 2 and "at least 8 characters" in r.output


def test_serve_on_an_empty_database_says_how_to_create_an_admin(tmp_path, monkeypatch):
    import uvicorn
    started = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: started.update(kw))
    db = str(tmp_path / "s.db")
    r = runner.invoke(app, ["serve", "--db", db, "--port", "8123"])
    assert r.exit_code == 0, r.output
    assert "nkevents user add NAME --role admin" in r.output
    assert started == {"host": "127.0.0.1", "port": 8123, "log_level": "warning"}
