"""One module per section of `python -m bench`: reads, floor, ingest, scale."""
