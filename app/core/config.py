"""Service configuration, read from the environment (and an optional `.env` file)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parents[2]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str = Field(
        default="sqlite:///./data/articles.db",
        description="SQLAlchemy URL: sqlite:///path or postgresql+psycopg://user@host/db",
    )
    host: str = "127.0.0.1"
    port: int = 8000
    seed_dir: Path = Path("seeds")
    load_seeds: bool = True
    migrate_on_start: bool = True
    max_article_bytes: int = Field(default=2_000_000, gt=0)
    log_level: str = "info"
    api_keys: str = Field(
        default="",
        repr=False,
        description="Comma-separated bearer keys; when set, every write needs one of them."
        " When empty, writes are accepted only from loopback clients.",
    )
    cors_origins: str = Field(
        default="",
        description="Comma-separated origins allowed by CORS ('*' for any); empty disables CORS.",
    )
    access_log: bool = Field(default=True, description="One log line per request, with its id")
    search_cache_size: int = Field(
        default=256,
        ge=0,
        description="Search result pages kept per process, dropped on any write; 0 disables",
    )
    search_concurrency: int = Field(
        default=4,
        ge=1,
        description="Searches computed at once per process (cache misses); others wait their turn",
    )
    search_inline_ms: float = Field(
        default=10.0,
        ge=0,
        description="A search that misses the cache first runs on the event loop for at most"
        " this long (SQLite); if unfinished it runs again in the thread pool. 0: always there",
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
