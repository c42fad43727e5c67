"""Read-only query functions: small, keyword-only, returning API models."""
