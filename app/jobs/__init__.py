"""Durable jobs: ingest and re-annotation batches stored in the database (`queue`), done by
workers on any number of machines (`worker`, `runner`). See docs/jobs.md."""
