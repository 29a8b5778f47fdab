"""Alembic environment: runs on the connection the app hands over (batch mode for SQLite)."""

from alembic import context

from db import models  # noqa: F401  (registers the tables)
from db.base import Base

config = context.config
connection = config.attributes.get("connection")

if connection is None:  # `alembic` command line during development
    from db.engine import create_project_engine

    engine = create_project_engine(config.get_main_option("sqlalchemy.url") or "dev.rmk")
    with engine.begin() as connection:
        context.configure(connection=connection, target_metadata=Base.metadata,
                          render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
else:
    context.configure(connection=connection, target_metadata=Base.metadata,
                      render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
