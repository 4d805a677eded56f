"""The Alembic chain: one head, the migrated database matches schema.py, and it upgrades twice safely."""
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from nkevents.store import Store
from nkevents.store.db import alembic_config, current_revision, head_revision
from nkevents.store.schema import metadata


def test_chain_is_linear_with_one_head():
    script = ScriptDirectory.from_config(alembic_config())
    assert len(script.get_heads()) == 1
    revisions = list(script.walk_revisions())
    assert revisions[-1].down_revision is None  # one base
    assert all(len(r._all_down_revisions) <= 1 for r in revisions)


def _only_ours(obj, name, type_, reflected, compare_to):
    # search objects are made per backend by migration 0001 and are not in schema.py; tables of
    # later modules (incidents) are theirs to check
    if type_ == "table":
        return name in metadata.tables
    if type_ == "column" and name == "search_vector":
        return False
    if type_ == "index" and name == "ix_reports_search":
        return False
    return True


def test_migrated_database_matches_schema(store):
    with store.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_object": _only_ours,
                                                     "compare_type": False})
        diff = compare_metadata(ctx, metadata)
    assert diff == []


def test_open_twice_keeps_head_and_downgrade_upgrade_round_trip(db_url):
    Store.open(db_url).close()
    with Store.open(db_url) as s:
        with s.engine.connect() as conn:
            assert current_revision(conn) == head_revision()
        with s.engine.begin() as conn:
            command.downgrade(alembic_config(conn), "base")
        with s.engine.connect() as conn:
            assert current_revision(conn) is None
    with Store.open(db_url) as s:
        with s.engine.connect() as conn:
            assert current_revision(conn) == head_revision()
        assert s.search("anything") == []
