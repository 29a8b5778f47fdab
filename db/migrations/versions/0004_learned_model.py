"""learned suggesters: one model per kind, stored in the project

Revision ID: 0004
Revises: 0003

`learned_model` holds a kind's character CRF (desktop/services/learning.py) as bytes, so a
colleague's copy of the project and the team database share what was learned.
"""
import sqlalchemy as sa
from alembic import op


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "learned_model",
        sa.Column("kind_key", sa.String(40), primary_key=True),
        sa.Column("model", sa.LargeBinary, nullable=False),
        sa.Column("features_version", sa.String(20), nullable=False, server_default=""),
        sa.Column("examples", sa.Integer, nullable=False, server_default="0"),
        sa.Column("decisions", sa.Integer, nullable=False, server_default="0"),
        sa.Column("trained_at", sa.DateTime, nullable=False),
        sa.Column("trained_by", sa.String(36), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("learned_model")
