"""Persistence: SQLAlchemy 2.0 typed models, the engine, queries and migrations.

No Qt here. Services open one session per user action and pass it to the query
modules, which never commit.
"""
