"""Service configuration, read from the environment (and an optional `.env` file)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[2]


class Settings(BaseSettings):
    """Every setting, read from the environment variable of the same name in capitals (or a
    `.env` file). docs/configuration.md is generated from these fields and descriptions."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str = Field(
        default="sqlite:///./data/articles.db",
        description="SQLAlchemy URL of the database: `sqlite:///path/to/file.db`, or"
        " `postgresql+psycopg://user:password@host/db` for PostgreSQL",
    )
    host: str = Field(default="127.0.0.1", description="Address `python -m app serve` listens on")
    port: int = Field(default=8000, description="Port `python -m app serve` listens on")
    seed_dir: Path = Field(default=Path("seeds"), description="Directory of `*.txt` seed articles")
    load_seeds: bool = Field(
        default=True, description="Ingest on start every seed article not yet stored"
    )
    migrate_on_start: bool = Field(default=True, description="Run the Alembic migrations on start")
    max_article_bytes: int = Field(
        default=2_000_000,
        gt=0,
        description="Largest article text accepted, in bytes of UTF-8 (a bigger body gets 413)",
    )
    max_job_bytes: int = Field(
        default=50_000_000,
        gt=0,
        description="Largest body of `POST /jobs/ingest`, in bytes (a bigger body gets 413)",
    )
    job_lease_seconds: float = Field(
        default=300.0,
        gt=0,
        description="How long a worker holds a job item before another may take it (a worker"
        " that died); longer than the slowest article takes to annotate",
    )
    job_max_attempts: int = Field(
        default=3, ge=1, description="Attempts at a job item before it is marked failed"
    )
    worker_poll_seconds: float = Field(
        default=1.0, gt=0, description="How often an idle worker looks for job items"
    )
    worker_in_server: Literal["auto", "on", "off"] = Field(
        default="auto",
        description="Run a job worker thread inside `python -m app serve`: `auto` on SQLite"
        " only (on PostgreSQL run `python -m app worker`), `on`, `off`",
    )
    log_level: str = Field(
        default="info", description="Log level: `debug`, `info`, `warning` or `error`"
    )
    api_keys: str = Field(
        default="",
        repr=False,
        description="Comma-separated bearer keys; when set, every write needs one of them"
        " (`Authorization: Bearer <key>`). When empty, writes are accepted only from this"
        " machine (loopback). See docs/security.md",
    )
    cors_origins: str = Field(
        default="",
        description="Comma-separated origins allowed by CORS, `*` for any; empty turns CORS off",
    )
    access_log: bool = Field(default=True, description="One log line per request, with its id")
    search_cache_size: int = Field(
        default=256,
        ge=0,
        description="Search result pages each worker keeps; any write empties it (see"
        " docs/scaling.md); `0` turns it off",
    )
    search_concurrency: int = Field(
        default=4,
        ge=1,
        description="Searches computed at once per worker (cache misses); more wait their turn",
    )
    search_inline_ms: float = Field(
        default=10.0,
        ge=0,
        description="How long a search that misses the cache may run on the event loop"
        " (SQLite) before it is interrupted and run again in the thread pool; a search that"
        " overran once goes there directly next time, and overruns may cost the loop about"
        " a tenth of its time at most. `0`: always in the thread pool",
    )

    @property
    def api_key_list(self) -> list[str]:
        return [key.strip() for key in self.api_keys.split(",") if key.strip()]

    @property
    def cors_origin_list(self) -> list[str]:
        return [origin.strip() for origin in self.cors_origins.split(",") if origin.strip()]


@lru_cache
def get_settings() -> Settings:
    return Settings()
