"""Alembic environment: runs the migrations on the connection `Database` hands over.

Start-up calls `alembic.command.upgrade(config, "head")` inside one transaction (see
`assistant.storage.database`); there is no alembic.ini and no URL here.
"""

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
