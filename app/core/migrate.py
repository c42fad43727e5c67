"""Run Alembic migrations programmatically (the schema is only ever created this way)."""

from __future__ import annotations

from alembic import command
from alembic.config import Config

from app.core import search_terms
from app.core.config import PROJECT_ROOT


def alembic_config(database_url: str) -> Config:
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    config.set_main_option("script_location", str(PROJECT_ROOT / "migrations"))
    config.attributes["database_url"] = database_url
    config.attributes["configure_logging"] = False
    return config


def upgrade(database_url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(database_url), revision)


def downgrade(database_url: str, revision: str) -> None:
    command.downgrade(alembic_config(database_url), revision)


def include_object(
    _obj: object, name: str | None, type_: str, _reflected: bool, _compare_to: object
) -> bool:
    """Autogenerate/compare filter: skip the full-text objects that live outside the models
    (SQLite FTS5 tables and their shadow tables, SQLite's `search_terms` counts, PostgreSQL
    tsvector columns and GIN indexes)."""
    if name is None:
        return True
    if type_ == "table" and ("_fts" in name or name == search_terms.TABLE):
        return False
    if type_ == "column" and name == "search_vector":
        return False
    return not (type_ == "index" and name.endswith("_search"))
