"""search index: SQLite FTS5 (trigram) over width-folded report text

Revision ID: 0002
Revises: 0001

`report_fts_doc` ties a report to its row in `report_fts` (an FTS5 table with the trigram
tokenizer holding the report's folded text; see desktop/domain/search_text.py).
Rows are added in the import transaction (db/queries/search.py: index_report), and
any report without one (an upgraded project, a merge) is indexed before the next
search. Triggers remove a report's row when the report is deleted or its text changes.

On PostgreSQL this migration does nothing: search scans the text there.
"""
from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "CREATE TABLE report_fts_doc ("
        " id INTEGER PRIMARY KEY,"
        " report_id VARCHAR(36) NOT NULL UNIQUE"
        "  CONSTRAINT fk_report_fts_doc_report_id_report REFERENCES report (id) ON DELETE CASCADE)"
    )
    op.execute("CREATE VIRTUAL TABLE report_fts USING fts5(body, tokenize='trigram')")
    op.execute(
        "CREATE TRIGGER report_fts_doc_ad AFTER DELETE ON report_fts_doc BEGIN"
        " DELETE FROM report_fts WHERE rowid = old.id; END"
    )
    op.execute(
        "CREATE TRIGGER report_search_ad AFTER DELETE ON report BEGIN"
        " DELETE FROM report_fts_doc WHERE report_id = old.id; END"
    )
    op.execute(
        "CREATE TRIGGER report_search_au AFTER UPDATE OF text ON report BEGIN"
        " DELETE FROM report_fts_doc WHERE report_id = old.id; END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TRIGGER IF EXISTS report_search_au")
    op.execute("DROP TRIGGER IF EXISTS report_search_ad")
    op.execute("DROP TRIGGER IF EXISTS report_fts_doc_ad")
    op.execute("DROP TABLE IF EXISTS report_fts")
    op.execute("DROP TABLE IF EXISTS report_fts_doc")
