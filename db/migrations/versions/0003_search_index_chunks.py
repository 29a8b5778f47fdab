"""search index in chunks: a report's text indexed as several rows, written in pieces

Revision ID: 0003
Revises: 0002

Indexing a long report's whole text in its import transaction held SQLite's write lock
for half a minute (issue 11, item 16). A report is now indexed after its import, one
chunk (db/queries/search.py: CHUNK_CHARS, overlapping by MAX_PHRASE) per short
transaction. `report_fts_doc` gets one row per chunk: where the chunk starts and stops in
the report's text, and `final` on the chunk that reaches the end, so a report whose
index is incomplete (an import killed between pieces) is known, searched by scan and
completed later. The rows of 0002 each hold a whole text: they become final chunks.

On PostgreSQL this migration does nothing: search scans the text there.
"""
import sqlalchemy as sa
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

_REPORT_TRIGGERS = (
    "CREATE TRIGGER report_search_ad AFTER DELETE ON report BEGIN"
    " DELETE FROM report_fts_doc WHERE report_id = old.id; END",
    "CREATE TRIGGER report_search_au AFTER UPDATE OF text ON report BEGIN"
    " DELETE FROM report_fts_doc WHERE report_id = old.id; END",
)
_DOC_TRIGGER = (
    "CREATE TRIGGER report_fts_doc_ad AFTER DELETE ON report_fts_doc BEGIN"
    " DELETE FROM report_fts WHERE rowid = old.id; END"
)


def _doc_table(*columns: sa.Column, unique: tuple[str, ...], name: str) -> sa.Table:
    """report_fts_doc as batch mode should see it (its 0002 UNIQUE has no name)."""
    return sa.Table(
        "report_fts_doc", sa.MetaData(),
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("report_id", sa.String(36),
                  sa.ForeignKey("report.id", ondelete="CASCADE",
                                name="fk_report_fts_doc_report_id_report"), nullable=False),
        *columns,
        sa.UniqueConstraint(*unique, name=name),
    )


def _without_triggers(work: sa.Table, steps: str) -> None:
    # the triggers name report_fts_doc, which batch mode drops and renames into place
    for trigger in ("report_search_au", "report_search_ad", "report_fts_doc_ad"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    with op.batch_alter_table("report_fts_doc", copy_from=work, recreate="always") as batch:
        if steps == "up":
            batch.drop_constraint("uq_report_fts_doc_report_id", type_="unique")
            batch.add_column(sa.Column("start", sa.Integer, nullable=False, server_default="0"))
            batch.add_column(sa.Column("stop", sa.Integer, nullable=False, server_default="0"))
            batch.add_column(sa.Column("final", sa.Boolean, nullable=False,
                                       server_default=sa.false()))
            batch.create_unique_constraint("uq_report_fts_doc_report_id_start",
                                           ["report_id", "start"])
        else:
            batch.drop_constraint("uq_report_fts_doc_report_id_start", type_="unique")
            batch.drop_column("final")
            batch.drop_column("stop")
            batch.drop_column("start")
            batch.create_unique_constraint("uq_report_fts_doc_report_id", ["report_id"])
    for statement in (_DOC_TRIGGER, *_REPORT_TRIGGERS):
        op.execute(statement)


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    _without_triggers(_doc_table(unique=("report_id",), name="uq_report_fts_doc_report_id"),
                      "up")
    # every 0002 row holds a whole text: a complete index of one chunk
    op.execute(
        'UPDATE report_fts_doc SET start = 0, stop = (SELECT char_count FROM report'
        " WHERE report.id = report_fts_doc.report_id), final = 1")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    # one row per report again: chunked reports are indexed anew by the next search
    op.execute("DELETE FROM report_fts_doc WHERE report_id IN (SELECT report_id FROM"
               " report_fts_doc GROUP BY report_id HAVING count(*) > 1 OR max(final) = 0)")
    _without_triggers(_doc_table(
        sa.Column("start", sa.Integer, nullable=False, server_default="0"),
        sa.Column("stop", sa.Integer, nullable=False, server_default="0"),
        sa.Column("final", sa.Boolean, nullable=False, server_default=sa.false()),
        unique=("report_id", "start"), name="uq_report_fts_doc_report_id_start"), "down")
