"""Alembic environment for the record.

Store.open() runs the migrations itself and hands its connection over in
`config.attributes["connection"]`. Run from the command line
(`alembic -c src/nkevents/store/alembic.ini upgrade head`), the URL comes from -x db=URL,
$NKEVENTS_DB, or ./nkevents.db.
"""
from alembic import context

from nkevents.store.schema import metadata

config = context.config


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=metadata,
                          render_as_batch=connection.dialect.name == "sqlite")
        with context.begin_transaction():
            context.run_migrations()
        return
    from nkevents.store.db import make_engine
    url = context.get_x_argument(as_dictionary=True).get("db")
    engine = make_engine(url)
    with engine.connect() as conn:
        context.configure(connection=conn, target_metadata=metadata,
                          render_as_batch=conn.dialect.name == "sqlite")
        with context.begin_transaction():
            context.run_migrations()


run()
