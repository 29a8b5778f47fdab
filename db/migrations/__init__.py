"""Alembic migrations, shipped inside the package and run when a project opens.

HEAD_REVISION and KNOWN_REVISIONS let a project be checked without importing
Alembic (start-up time); tests/db/test_migrations.py keeps them equal to the scripts.
"""

from pathlib import Path

SCRIPT_LOCATION = Path(__file__).parent
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004")
HEAD_REVISION = KNOWN_REVISIONS[-1]
