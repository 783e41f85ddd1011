"""initial: accounts, sessions, checks, attempts, children, journal entries

Revision ID: 0001_initial
Revises:
Create Date: 2025-01-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def _created() -> sa.Column:
    return sa.Column("created_at", sa.DateTime(timezone=True), nullable=False)


def _owner() -> sa.Column:
    return sa.Column("account_id", sa.Integer, sa.ForeignKey("accounts.id", ondelete="CASCADE"), nullable=False)


def upgrade() -> None:
    op.create_table(
        "accounts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("email", sa.String(254), nullable=False, unique=True),
        sa.Column("password_hash", sa.String(255), nullable=False),
        _created(),
    )
    op.create_table(
        "sessions",
        sa.Column("token_hash", sa.String(64), primary_key=True),
        _owner(),
        _created(),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_sessions_account_id", "sessions", ["account_id"])
    op.create_table(
        "checks",
        sa.Column("id", sa.Integer, primary_key=True),
        _owner(),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("age_months", sa.Integer),
        sa.Column("situation", sa.Text),
        sa.Column("child", sa.Text),
        sa.Column("result_json", sa.Text, nullable=False),
        sa.Column("attuned", sa.Boolean, nullable=False),
        _created(),
    )
    op.create_index("ix_checks_account_created", "checks", ["account_id", "created_at"])
    op.create_table(
        "attempts",
        sa.Column("id", sa.Integer, primary_key=True),
        _owner(),
        sa.Column("scenario_id", sa.String(64), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("result_json", sa.Text, nullable=False),
        sa.Column("attuned", sa.Boolean, nullable=False),
        sa.Column("codes", sa.String(255), nullable=False),
        _created(),
    )
    op.create_index("ix_attempts_account_created", "attempts", ["account_id", "created_at"])
    op.create_table(
        "children",
        sa.Column("id", sa.Integer, primary_key=True),
        _owner(),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("birth_date", sa.Date),
        _created(),
    )
    op.create_index("ix_children_account_id", "children", ["account_id"])
    op.create_table(
        "journal_entries",
        sa.Column("id", sa.Integer, primary_key=True),
        _owner(),
        sa.Column("child_id", sa.Integer, sa.ForeignKey("children.id", ondelete="CASCADE"), nullable=False),
        sa.Column("happened_on", sa.Date, nullable=False),
        sa.Column("age_months", sa.Integer),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("what", sa.Text, nullable=False),
        sa.Column("note", sa.Text),
        _created(),
    )
    op.create_index("ix_journal_account_child", "journal_entries", ["account_id", "child_id"])


def downgrade() -> None:
    for table in ("journal_entries", "children", "attempts", "checks", "sessions", "accounts"):
        op.drop_table(table)
